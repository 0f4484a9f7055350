package io.github.reversespec.context;

/**
 * {@code reverse-spec.contextTokens} is too small to hold even the instructions of a request
 * together with the room kept for the answer. A configuration error: no unit can be described.
 */
public final class PromptBudgetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int minimumContextTokens;

    /**
     * @param contextTokens the configured value
     * @param reservedOutputTokens the tokens kept for the answer
     * @param minimumContextTokens the smallest value that works
     */
    public PromptBudgetException(int contextTokens, int reservedOutputTokens, int minimumContextTokens) {
        super("reverse-spec.contextTokens=" + contextTokens + " is too small: the instructions, a minimum of the"
                + " unit's code and the " + reservedOutputTokens + " tokens kept for the answer need at least "
                + minimumContextTokens + "; set reverse-spec.contextTokens to " + minimumContextTokens
                + " or more (the model's context window, e.g. 32000)");
        this.minimumContextTokens = minimumContextTokens;
    }

    /** The smallest {@code contextTokens} that works with the same settings. */
    public int minimumContextTokens() {
        return minimumContextTokens;
    }
}
