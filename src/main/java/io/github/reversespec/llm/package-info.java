/**
 * The model client: OpenAI-compatible and Anthropic endpoints over Apache HttpClient 5, with one
 * retry layer (backoff, Retry-After, shared pause and stop), bounded answers and keys that never
 * leak.
 */
package io.github.reversespec.llm;
