package io.github.reversespec.llm;

import java.util.Objects;

/**
 * A complete answer from the model.
 *
 * @param text the model's text, never blank
 * @param finishReason why the model stopped, as the provider spells it ({@code stop},
 *     {@code end_turn}, ...), or {@code unknown} when it did not say
 * @param promptTokens tokens the request cost
 * @param completionTokens tokens the answer cost
 * @param tokensEstimated whether the counts are estimates (by {@link TokenEstimator}) because the server
 *     reported no usage
 */
public record Completion(
        String text, String finishReason, long promptTokens, long completionTokens, boolean tokensEstimated) {

    public Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
    }

    /** Prompt and completion tokens together. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
