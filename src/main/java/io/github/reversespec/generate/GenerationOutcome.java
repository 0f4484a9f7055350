package io.github.reversespec.generate;

import io.github.reversespec.spec.Prose;

/** How generating one unit's prose ended. The batch run turns each into a spec (or not). */
public sealed interface GenerationOutcome {

    /** Requests made for the unit, the first included (0 when none was made). */
    int attempts();

    /** Tokens the requests cost (reported by the provider, or estimated). */
    long tokens();

    /** Prose to render with the facts; {@link Prose#NONE} for an AST-only spec by design. */
    record Written(Prose prose, int attempts, long tokens) implements GenerationOutcome {}

    /** The model could not write it; the unit is written AST-only and the run goes on. */
    record Degraded(String reason, int attempts, long tokens) implements GenerationOutcome {}

    /**
     * The unit alone needs more than the whole token budget ({@code reverse-spec.tokenBudget}): it
     * is not written and stays to be done by a run with a larger budget, and the run goes on with
     * the units that fit.
     *
     * @param reason what it needs and the budget, for the log and the summary
     */
    record OverBudget(String reason, int attempts, long tokens) implements GenerationOutcome {
        /** How every such reason starts: the summary's error text of the unit says so in these words. */
        public static final String PREFIX = "needs more than the token budget: ";

        public OverBudget {
            reason = reason.startsWith(PREFIX) ? reason : PREFIX + reason;
        }
    }

    /**
     * Nothing more may be requested in this run (bad key, unknown model, budget spent). The unit is
     * not written; it and every unit after it stay to be done in a later run.
     */
    record Stopped(String reason, boolean failure, int attempts, long tokens) implements GenerationOutcome {}
}
