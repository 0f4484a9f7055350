package io.github.reversespec.context;

/**
 * One request to a model: a system message and a user message, both already redacted.
 *
 * @param system the instruction
 * @param user the unit's material
 * @param estimatedTokens the estimated input tokens of the request: {@link TokenEstimator} over
 *     both messages plus a small allowance for the chat template
 */
public record ModelPrompt(String system, String user, int estimatedTokens) {}
