/**
 * Context assembly: what one unit's request to a model holds, within the context window and
 * with secrets removed.
 *
 * <p>{@link io.github.reversespec.context.ContextAssembler} builds the prompts from a unit's facts
 * and sources (skeleton first, then each dependency's intent and the part of its interface the
 * unit references, then as much code as fits, or parts and a merge for a unit too large for one
 * request; a licence header the files share is said once); {@link
 * io.github.reversespec.context.SecretRedactor} is applied to everything that goes into them;
 * {@link io.github.reversespec.llm.TokenEstimator} is the conservative measure of size.
 */
package io.github.reversespec.context;
