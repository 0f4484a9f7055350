package io.github.reversespec.llm;

import java.util.Objects;

/**
 * A completion together with what it cost.
 *
 * @param completion the answer
 * @param attempts requests made, the successful one included
 * @param totalTokens tokens of all attempts as the {@link TokenBudget} charged them: failed ones
 *     included, as far as servers reported them (an unusable answer without usage at its whole
 *     reservation)
 */
public record ModelResult(Completion completion, int attempts, long totalTokens) {

    public ModelResult {
        Objects.requireNonNull(completion, "completion");
    }
}
