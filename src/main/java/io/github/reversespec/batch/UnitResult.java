package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;

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
 */
public record UnitResult(
        UnitId id,
        UnitStatus status,
        String specStatus,
        int level,
        long durationMs,
        int attempts,
        long tokens,
        String error) {

    public UnitResult {
        specStatus = specStatus == null ? "" : specStatus;
        error = error == null ? "" : error;
    }
}
