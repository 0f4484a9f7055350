package io.github.reversespec.batch;

import io.github.reversespec.analysis.FactCache;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.graph.UnitGraph;
import io.github.reversespec.graph.UnitGraphBuilder;
import io.github.reversespec.render.SpecRenderer;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's {@code runBatch}: orders the reactor's units, resumes from a checkpoint, writes each
 * unit's spec bottom-up (skipping what the refresh mode keeps), then the index and the summary.
 * It knows nothing of Maven; the generation step decides where prose comes from.
 */
public final class BatchRunner {

    private final GenerationStep step;
    private final ProgressLog log;

    public BatchRunner(GenerationStep step, ProgressLog log) {
        this.step = step;
        this.log = log;
    }

    /**
     * Runs the batch.
     *
     * @throws ConfigurationException when the request cannot be honoured; nothing was written
     * @throws IOException when the output directory itself cannot be used
     */
    public BatchResult run(BatchRequest request) throws ConfigurationException, IOException {
        long started = System.nanoTime();
        OutputPaths.checkCheckpointPath(request);
        OutputPaths.checkOutputDirs(request);
        if (request.concurrency() < 1 || request.concurrency() > BatchRequest.MAX_CONCURRENCY) {
            throw new ConfigurationException("reverse-spec.concurrency must be between 1 and "
                    + BatchRequest.MAX_CONCURRENCY + " (the model client's connections); got " + request.concurrency());
        }

        if (request.dryRun()) {
            Plan plan = analyse(request, log, started, cache(request, false));
            return new DryRun(request, plan, step, log).print(millis(started), plan.problems());
        }
        // The lock comes before the analysis: a second run stops at once, not after parsing the reactor.
        OutputPaths.prepareSpecsDir(request);
        try (RunLock lock = RunLock.exclusive(request.workDir(), "batch")) {
            return runLocked(request, started, analyse(request, log, started, cache(request, true)));
        }
    }

    /**
     * Reads the reactor and plans a run over it: the one analysis {@code batch}, its dry run and
     * {@code check} share, with the files that could not be used logged (the first 50) as warnings.
     */
    static Plan analyse(BatchRequest request, ProgressLog log, long started, FactCache cache) {
        ReactorAnalysis analysis =
                new ReactorAnalyzer(request.analysisThreads(), log).analyze(request.reactor(), cache);
        cache.prune();
        List<String> problems = reportProblems(analysis, log);
        UnitGraph graph = UnitGraphBuilder.build(analysis);
        Plan plan = new Plan(request, analysis, graph, problems);
        log.info("Analysed " + plan.fileCount() + " main Java files in "
                + analysis.projects().size() + " project(s): "
                + graph.size() + " package unit(s), " + plan.selected.size() + " selected, "
                + graph.blocks().stream().filter(b -> b.size() > 1).count() + " package cycle(s), in "
                + millis(started) + " ms" + cacheNote(cache));
        return plan;
    }

    /**
     * The facts cache of the run in {@code specs/.reverse-spec/cache/}: written by a run that holds
     * the lock, only read by one that does not (a dry run), and none when a read-only run finds none.
     */
    static FactCache cache(BatchRequest request, boolean writable) {
        Path dir = SpecLayout.cacheDir(request.root());
        if (!writable && !Files.isDirectory(dir)) {
            return FactCache.NONE;
        }
        return FactCache.at(
                dir, request.generator(), writable, request.secrets().isEmpty() ? null : request.secrets()::redact);
    }

    /** How much of the analysis the cache spared, for the analysis line; empty without a cache. */
    private static String cacheNote(FactCache cache) {
        if (cache.hits() + cache.misses() == 0) {
            return "";
        }
        String note = " (" + cache.misses() + " file(s) parsed, " + cache.hits() + " from the cache";
        if (cache.rejected() > 0) {
            note += "; " + cache.rejected() + " cache entries unreadable, rebuilt";
        }
        if (cache.unwritten() > 0) {
            note += "; " + cache.unwritten() + " could not be written to the cache";
        }
        return note + ")";
    }

    /** The run proper, while this run alone holds {@code specs/}. */
    private BatchResult runLocked(BatchRequest request, long started, Plan plan) throws IOException {
        UnitGraph graph = plan.graph();
        int leftovers = OutputPaths.removeLeftovers(request);
        if (leftovers > 0) {
            log.info("Removed " + leftovers + " temporary file(s) left by an interrupted run.");
        }
        CheckpointStore checkpoint = new CheckpointStore(request.resolvedCheckpointPath(), request.generator(), log);
        Map<String, Checkpoint.Entry> previous = checkpoint.load();
        if (!previous.isEmpty()) {
            long done =
                    previous.values().stream().filter(Checkpoint.Entry::done).count();
            log.info("Resuming from " + request.root().relativize(checkpoint.path()) + ": " + done
                    + " unit(s) already done are not redone, the others are.");
        }

        UnitProcessor run = new UnitProcessor(
                step, log, request, plan, checkpoint, previous, new SpecRenderer(request.secrets()::redact));
        List<UnitResult> results;
        Thread onTermination = new Thread(run::terminated, "reverse-spec-termination");
        boolean hooked = addShutdownHook(onTermination);
        if (step.modelAvailable()) {
            // the files of the units to come, read and redacted ahead, off the critical path
            step.prefetch(request.root(), run.upcoming());
        }
        try {
            results = new Scheduler(plan.selected, request.concurrency(), log).run(run);
        } finally {
            if (hooked) {
                removeShutdownHook(onTermination);
            }
        }

        boolean indexWritten = new IndexWriter(request, graph, plan.projects(), plan::spec, log).write();
        BatchResult result = new BatchResult(
                results,
                graph.size() - plan.selected.size(),
                millis(started),
                indexWritten,
                SummaryWriter.MARKDOWN,
                run.stopReason(),
                run.stopIsFailure(),
                run.staleKept(),
                plan.problems());
        new SummaryWriter(request, step.modelId()).write(result);

        // A unit left pending (too big for the budget) is still to do: a later run resumes, not restarts.
        if (result.failed().isEmpty() && !result.stoppedEarly() && result.count(UnitStatus.PENDING) == 0) {
            checkpoint.clear();
        } else {
            log.info("Checkpoint kept at " + request.root().relativize(checkpoint.path())
                    + "; run the same command again to resume.");
        }
        logTotals(result);
        return result;
    }

    private static List<String> reportProblems(ReactorAnalysis analysis, ProgressLog log) {
        List<String> problems = new ArrayList<>();
        for (ProjectAnalysis project : analysis.projects()) {
            project.problems().forEach(p -> problems.add(p.describe()));
            project.units().forEach(u -> u.problems().forEach(p -> problems.add(p.describe())));
        }
        int shown = 0;
        for (String p : problems) {
            if (shown++ < 50) {
                log.warn("Cannot use " + p + " (documented from what could be read; the rest goes on)");
            }
        }
        if (problems.size() > 50) {
            log.warn((problems.size() - 50) + " more file problem(s); all are listed in the summary.");
        }
        return problems;
    }

    private void logTotals(BatchResult r) {
        log.info(totalsLine(r));
        List<String> overBudget =
                r.overBudget().stream().map(u -> u.id().display()).toList();
        if (!overBudget.isEmpty()) {
            log.warn(overBudget.size() + " unit(s) alone need more than the token budget and were left pending: "
                    + String.join(", ", overBudget.subList(0, Math.min(10, overBudget.size())))
                    + (overBudget.size() > 10 ? ", ..." : "") + ". Raise reverse-spec.tokenBudget to write them"
                    + " (what each needs is in " + r.summaryPath() + ").");
        }
        if (r.count(UnitStatus.SKIPPED) == r.units().size() && !r.units().isEmpty()) {
            log.info("Every spec already exists; nothing was regenerated (use -Dreverse-spec.refresh=stale or "
                    + "-Dreverse-spec.force to regenerate).");
        }
        if (r.staleSpecs() > 0) {
            log.info(r.staleSpecs() + " spec(s) are stale (their code or a dependency's interface changed); "
                    + "run with -Dreverse-spec.refresh=stale to refresh them.");
        }
        log.info("Specs in specs/; index specs/_index.spec.md, for coding agents specs/llms.txt; summary "
                + r.summaryPath());
    }

    /**
     * The closing line: the unit count, then only the outcomes that occurred (eleven counters, most
     * of them zero, hid the one that mattered), requests and tokens only when a model was asked, and
     * the time. For example {@code reverse-spec: 34 unit(s): 30 written (ast-only), 4 unchanged; 12.3 s}.
     */
    static String totalsLine(BatchResult r) {
        long llm = r.count(UnitStatus.WRITTEN_LLM);
        long ast = r.count(UnitStatus.WRITTEN_AST);
        List<String> parts = new ArrayList<>();
        if (llm + ast > 0) {
            String kinds = llm > 0 && ast > 0 ? llm + " llm, " + ast + " ast-only" : llm > 0 ? "llm" : "ast-only";
            parts.add((llm + ast) + " written (" + kinds + ")");
        }
        addCount(parts, r.count(UnitStatus.UNCHANGED), "unchanged");
        addCount(parts, r.count(UnitStatus.SKIPPED), "skipped");
        addCount(parts, r.count(UnitStatus.RESUMED), "resumed");
        addCount(parts, r.count(UnitStatus.EDITED), "kept (edited by hand)");
        addCount(parts, r.count(UnitStatus.DEGRADED), "degraded");
        addCount(parts, r.count(UnitStatus.FAILED), "failed");
        addCount(parts, r.count(UnitStatus.PENDING), "pending");
        StringBuilder line =
                new StringBuilder("reverse-spec: ").append(r.units().size()).append(" unit(s)");
        if (!parts.isEmpty()) {
            line.append(": ").append(String.join(", ", parts));
        }
        if (r.attempts() > 0 || r.tokens() > 0) {
            line.append("; ")
                    .append(r.attempts())
                    .append(" request(s), ")
                    .append(r.tokens())
                    .append(" token(s)");
        }
        return line.append(String.format(java.util.Locale.ROOT, "; %.1f s", r.durationMs() / 1000.0))
                .toString();
    }

    private static void addCount(List<String> parts, long count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    /** Ctrl-C or SIGTERM while units are processed: see {@link UnitProcessor#terminated()}. */
    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false; // already shutting down, or not allowed here: nothing more to do
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook runs (or ran): it saves the checkpoint.
        }
    }

    static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + message + ")";
        }
        return message == null ? kind : kind + ": " + message;
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
