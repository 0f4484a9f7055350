package io.github.reversespec.batch;

import io.github.reversespec.analysis.FactCache;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code check} goal's core: reads the code and the specs on disk, and reports, per unit, what
 * no longer holds ({@link DriftCheck}), into {@code drift-logs/}. No model, no network; it holds the
 * run lock, so it never runs beside a {@code batch} or another check.
 */
public final class CheckRunner {

    private final ProgressLog log;

    public CheckRunner(ProgressLog log) {
        this.log = log;
    }

    /**
     * Runs the check and writes its reports.
     *
     * @throws ConfigurationException when the output directories cannot be used, or another run holds
     *     the lock; nothing was written
     * @throws IOException when a report cannot be written
     */
    public CheckResult run(CheckRequest request) throws ConfigurationException, IOException {
        long started = System.nanoTime();
        BatchRequest batch = request.staleBatch();
        OutputPaths.checkOutputDirs(batch);
        CheckResult result;
        // Before the analysis, so a second run stops at once; exclusive, because a check writes
        // drift-logs/ and the cache, and PRODUCT.md promises that two runs never interleave.
        try (RunLock lock = lock(batch)) {
            // the cache is written only under the lock: a root without specs/ gets no cache either
            Plan plan = BatchRunner.analyse(batch, log, started, BatchRunner.cache(batch, lock != null));
            List<CheckedUnit> units;
            try {
                units = new DriftCheck(plan, request.failOn(), request.secrets()::redact).check();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            result = new CheckResult(units, BatchRunner.millis(started));
            new DriftReports(request.root(), request.generator(), request.failOn(), request.secrets()::redact)
                    .write(result);
        }
        logResult(result);
        return result;
    }

    /** The plan of a batch over the same reactor: the code's facts, its graph, and the staleness test. */
    static Plan plan(BatchRequest batch, ProgressLog log) {
        return BatchRunner.analyse(batch, log, System.nanoTime(), FactCache.NONE);
    }

    /**
     * The run lock, or none where there is no {@code specs/} at all: then every unit is simply
     * missing, and a check creates nothing under a root that has no specs.
     */
    private static RunLock lock(BatchRequest batch) throws ConfigurationException, IOException {
        return java.nio.file.Files.isDirectory(batch.specsDir()) ? RunLock.exclusive(batch.workDir(), "check") : null;
    }

    private void logResult(CheckResult result) {
        for (CheckedUnit unit : result.failedUnits()) {
            log.error("reverse-spec check: " + unit.unit() + " (" + unit.spec() + "): "
                    + unit.findings().stream()
                            .filter(DriftFinding::error)
                            .map(f -> f.kind().label() + " (" + f.detail() + ")")
                            .collect(Collectors.joining("; ")));
        }
        log.info(totalsLine(result) + "; reports in " + DriftReports.MARKDOWN + ", " + DriftReports.JSON + ", "
                + DriftReports.JUNIT);
    }

    /** For example {@code reverse-spec check: 12 unit(s), 1 failing: 2 error(s), 3 warning(s)}. */
    static String totalsLine(CheckResult result) {
        return "reverse-spec check: " + result.units().size() + " unit(s), "
                + result.failedUnits().size() + " failing: " + result.errors() + " error(s), " + result.warnings()
                + " warning(s)";
    }
}
