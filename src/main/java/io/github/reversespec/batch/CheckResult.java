package io.github.reversespec.batch;

import java.util.List;

/**
 * What {@code check} found.
 *
 * @param units every unit checked (the selected units of the reactor, then orphaned specs)
 * @param durationMs how long the check took
 */
public record CheckResult(List<CheckedUnit> units, long durationMs) {

    /** The command that brings stale specs up to date, as the failure message names it. */
    public static final String REMEDY = "mvn reverse-spec:batch -Dreverse-spec.refresh=stale";

    public CheckResult {
        units = List.copyOf(units);
    }

    public long errors() {
        return findings().stream().filter(DriftFinding::error).count();
    }

    public long warnings() {
        return findings().stream().filter(f -> !f.error()).count();
    }

    public List<CheckedUnit> failedUnits() {
        return units.stream().filter(CheckedUnit::failed).toList();
    }

    public List<DriftFinding> findings() {
        return units.stream().flatMap(u -> u.findings().stream()).toList();
    }

    /** Whether the build fails: some finding is of a {@code failOn} kind. */
    public boolean failed() {
        return errors() > 0;
    }
}
