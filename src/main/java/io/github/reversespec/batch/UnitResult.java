package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;
import java.util.List;

/**
 * One unit's line in the run summary.
 *
 * @param id the unit
 * @param status how it ended
 * @param specStatus the status of its spec on disk after the run ({@code llm}, {@code ast-only}),
 *     or empty when there is none
 * @param level its level in the graph
 * @param durationMs time spent on it in this run
 * @param attempts model requests made for it
 * @param tokens tokens those requests cost
 * @param error why it failed, degraded or was not done; empty otherwise
 * @param proseNames the code names the prose written in this run uses (0 without prose)
 * @param unresolvedNames those of them the code does not have
 */
public record UnitResult(
        UnitId id,
        UnitStatus status,
        String specStatus,
        int level,
        long durationMs,
        int attempts,
        long tokens,
        String error,
        int proseNames,
        List<String> unresolvedNames) {

    public UnitResult {
        specStatus = specStatus == null ? "" : specStatus;
        error = error == null ? "" : error;
        unresolvedNames = List.copyOf(unresolvedNames);
    }

    /** A unit for which no prose was written in this run. */
    public UnitResult(
            UnitId id,
            UnitStatus status,
            String specStatus,
            int level,
            long durationMs,
            int attempts,
            long tokens,
            String error) {
        this(id, status, specStatus, level, durationMs, attempts, tokens, error, 0, List.of());
    }

    /** How many of the prose's code names resolved. */
    public int proseNamesResolved() {
        return proseNames - unresolvedNames.size();
    }
}
