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

    /**
     * What to run about the findings, in one sentence, or empty when running nothing helps: the one
     * advice the build's failure message and the Markdown report both give.
     *
     * @param errorsOnly only the findings that fail the build count (the failure message), or all
     */
    public String advice(boolean errorsOnly) {
        List<DriftFinding> counted =
                findings().stream().filter(f -> !errorsOnly || f.error()).toList();
        boolean stale = counted.stream().anyMatch(f -> f.kind().stale());
        boolean orphans = counted.stream().anyMatch(f -> f.kind() == DriftKind.ORPHAN);
        if (stale) {
            return "Run `" + REMEDY + "` to regenerate the stale specs"
                    + (orphans ? ", and delete the orphaned ones." : ".");
        }
        return orphans ? "Delete the orphaned specs: their packages are gone." : "";
    }

    /** Whether the build fails: some finding is of a {@code failOn} kind. */
    public boolean failed() {
        return errors() > 0;
    }
}
