package io.github.reversespec.batch;

import io.github.reversespec.generate.GenerationOutcome;
import java.util.List;

/**
 * What a run did (the seed's {@code BatchResult}).
 *
 * @param units every selected unit, in processing order
 * @param notSelected units left out by {@code -pl} or includes/excludes (still used as context)
 * @param durationMs wall time of the run
 * @param indexGenerated whether {@code _index.spec.md} was (re)written or found current
 * @param summaryPath the Markdown summary, relative to the root
 * @param stopReason why the run stopped early, or empty
 * @param stopIsFailure the stop is an error to fix (a bad key, an unknown model), not a planned
 *     end such as a spent token budget
 * @param staleSpecs specs that are out of date with the code but were kept (refresh=missing)
 * @param problems problems that belong to no unit (missing roots, unreadable files, symlink loops)
 */
public record BatchResult(
        List<UnitResult> units,
        int notSelected,
        long durationMs,
        boolean indexGenerated,
        String summaryPath,
        String stopReason,
        boolean stopIsFailure,
        int staleSpecs,
        List<String> problems) {

    public BatchResult {
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    public List<UnitResult> withStatus(UnitStatus status) {
        return units.stream().filter(u -> u.status() == status).toList();
    }

    public long count(UnitStatus status) {
        return units.stream().filter(u -> u.status() == status).count();
    }

    /** Units that could not be written: the build fails on these when failOnError is set. */
    public List<UnitResult> failed() {
        return withStatus(UnitStatus.FAILED);
    }

    /**
     * Units left pending because each alone needs more than the whole token budget (their error
     * says what they need); the run went on without them.
     */
    public List<UnitResult> overBudget() {
        return units.stream()
                .filter(u ->
                        u.status() == UnitStatus.PENDING && u.error().startsWith(GenerationOutcome.OverBudget.PREFIX))
                .toList();
    }

    public long tokens() {
        return units.stream().mapToLong(UnitResult::tokens).sum();
    }

    public int attempts() {
        return units.stream().mapToInt(UnitResult::attempts).sum();
    }

    public boolean stoppedEarly() {
        return !stopReason.isEmpty();
    }
}
