package io.github.reversespec.batch;

import java.util.Locale;

/** How one unit ended in a run. */
public enum UnitStatus {
    /** Its spec was written with the model's prose. */
    WRITTEN_LLM,
    /** Its spec was written from the code alone, by design (no model). */
    WRITTEN_AST,
    /** It was regenerated and came out byte-identical; the file was left alone. */
    UNCHANGED,
    /** Its spec exists and the refresh mode keeps it. */
    SKIPPED,
    /** An earlier, interrupted run already wrote it (per the checkpoint). */
    RESUMED,
    /**
     * It would have been regenerated, but its spec was edited by hand outside the notes block, so
     * it was kept (see {@code overwriteEdited}).
     */
    EDITED,
    /** The model failed; the spec was written AST-only instead. */
    DEGRADED,
    /** No spec could be written (e.g. the file could not be written). */
    FAILED,
    /**
     * The run stopped (bad key, budget spent) before this unit, or the unit alone needs more than
     * the whole token budget; a later run does it.
     */
    PENDING;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a spec for this unit is on disk and current after the run. */
    public boolean done() {
        return this != FAILED && this != PENDING;
    }
}
