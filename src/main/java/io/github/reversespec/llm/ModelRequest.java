package io.github.reversespec.llm;

import java.util.Objects;

/**
 * One prompt for the model: a system message that fixes the spec's shape and a user message that
 * carries the unit's code and context.
 *
 * @param system instructions; may be empty, never {@code null}
 * @param user the content to work on; must not be blank
 * @param maxOutputTokens upper bound on the answer's length, at least 1
 */
public record ModelRequest(String system, String user, int maxOutputTokens) {

    public ModelRequest {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("the user message is blank");
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, was " + maxOutputTokens);
        }
    }
}
