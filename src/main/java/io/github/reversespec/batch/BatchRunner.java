package io.github.reversespec.batch;

import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecLayout;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.analysis.InterfaceHashes;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.analysis.TestCoverageIndex;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.generate.GenerationOutcome;
import io.github.reversespec.generate.GenerationRequest;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.graph.UnitGraph;
import io.github.reversespec.graph.UnitGraphBuilder;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.SpecFacts;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.SpecMetadata;
import io.github.reversespec.render.SpecRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

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

        ReactorAnalysis analysis = new ReactorAnalyzer(request.analysisThreads()).analyze(request.reactor());
        List<String> problems = reportProblems(analysis);
        UnitGraph graph = UnitGraphBuilder.build(analysis);
        Plan plan = new Plan(request, analysis, graph);
        log.info("Analysed " + plan.fileCount() + " Java files in " + analysis.projects().size() + " project(s): "
                + graph.size() + " package unit(s), " + plan.selected.size() + " selected, "
                + graph.blocks().stream().filter(b -> b.size() > 1).count() + " package cycle(s), in "
                + millis(started) + " ms");

        if (request.dryRun()) {
            return new DryRun(request, plan, step, log).print(millis(started), problems);
        }

        OutputPaths.prepareSpecsDir(request);
        try (RunLock lock = RunLock.exclusive(request.workDir(), "batch")) {
            return runLocked(request, started, analysis, problems, graph, plan);
        }
    }

    /** The run proper, while this run alone holds {@code specs/}. */
    private BatchResult runLocked(BatchRequest request, long started, ReactorAnalysis analysis, List<String> problems,
            UnitGraph graph, Plan plan) throws IOException {
        int leftovers = OutputPaths.removeLeftovers(request);
        if (leftovers > 0) {
            log.info("Removed " + leftovers + " temporary file(s) left by an interrupted run.");
        }
        CheckpointStore checkpoint = new CheckpointStore(request.resolvedCheckpointPath(), request.generator(), log);
        Map<String, Checkpoint.Entry> previous = checkpoint.load();
        if (!previous.isEmpty()) {
            long done = previous.values().stream().filter(Checkpoint.Entry::done).count();
            log.info("Resuming from " + request.root().relativize(checkpoint.path()) + ": " + done
                    + " unit(s) already done are not redone, the others are.");
        }

        Run run = new Run(request, plan, checkpoint, previous, new SpecRenderer(request.secrets()::redact));
        List<UnitResult> results;
        Thread onTermination = new Thread(run::terminated, "reverse-spec-termination");
        boolean hooked = addShutdownHook(onTermination);
        try {
            results = run.processAll();
        } finally {
            if (hooked) {
                removeShutdownHook(onTermination);
            }
        }

        boolean indexWritten = new IndexWriter(request, graph, plan.projects(), log).write();
        BatchResult result = new BatchResult(
                results,
                graph.size() - plan.selected.size(),
                millis(started),
                indexWritten,
                SummaryWriter.MARKDOWN,
                run.stopReason,
                run.stopIsFailure,
                run.staleKept.get(),
                problems);
        new SummaryWriter(request, step.modelId()).write(result);

        if (result.failed().isEmpty() && !result.stoppedEarly()) {
            checkpoint.clear();
        } else {
            log.info("Checkpoint kept at " + request.root().relativize(checkpoint.path())
                    + "; run the same command again to resume.");
        }
        logTotals(result);
        return result;
    }

    private List<String> reportProblems(ReactorAnalysis analysis) {
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
        log.info(String.format(
                "reverse-spec: %d unit(s): %d written (%d llm, %d ast-only), %d unchanged, %d skipped, %d resumed, "
                        + "%d degraded, %d failed, %d pending; %d request(s), %d token(s); %.1f s",
                r.units().size(),
                r.count(UnitStatus.WRITTEN_LLM) + r.count(UnitStatus.WRITTEN_AST),
                r.count(UnitStatus.WRITTEN_LLM),
                r.count(UnitStatus.WRITTEN_AST),
                r.count(UnitStatus.UNCHANGED),
                r.count(UnitStatus.SKIPPED),
                r.count(UnitStatus.RESUMED),
                r.count(UnitStatus.DEGRADED),
                r.count(UnitStatus.FAILED),
                r.count(UnitStatus.PENDING),
                r.attempts(),
                r.tokens(),
                r.durationMs() / 1000.0));
        if (r.count(UnitStatus.SKIPPED) == r.units().size() && !r.units().isEmpty()) {
            log.info("Every spec already exists; nothing was regenerated (use -Dreverse-spec.refresh=stale or "
                    + "-Dreverse-spec.force to regenerate).");
        }
        if (r.staleSpecs() > 0) {
            log.info(r.staleSpecs() + " spec(s) are stale (their code or a dependency's interface changed); "
                    + "run with -Dreverse-spec.refresh=stale to refresh them.");
        }
        log.info("Specs in specs/; index specs/_index.spec.md; summary " + r.summaryPath());
    }

    /** Ctrl-C or SIGTERM while units are processed: see {@link Run#terminated()}. */
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

    /** Everything derived from the code before any spec is written. */
    static final class Plan {
        final BatchRequest request;
        final ReactorAnalysis analysis;
        final UnitGraph graph;
        final Map<UnitId, UnitAnalysis> units;
        final Map<UnitId, ProjectAnalysis> projectOf = new HashMap<>();
        final Map<UnitId, String> interfaceHashes = new HashMap<>();
        final TestCoverageIndex coverage;
        final List<UnitNode> selected;
        private final Map<UnitId, Optional<SpecFileInfo>> specs = new ConcurrentHashMap<>();

        Plan(BatchRequest request, ReactorAnalysis analysis, UnitGraph graph) {
            this.request = request;
            this.analysis = analysis;
            this.graph = graph;
            this.units = analysis.units().collect(Collectors.toMap(UnitAnalysis::id, Function.identity()));
            for (ProjectAnalysis p : analysis.projects()) {
                p.units().forEach(u -> projectOf.put(u.id(), p));
            }
            units.forEach((id, u) -> interfaceHashes.put(id, InterfaceHashes.of(u)));
            this.coverage = TestCoverageIndex.build(analysis);
            // -pl chooses projects, includes/excludes packages; every other unit is context only
            this.selected = graph.order().stream()
                    .filter(n -> analysis.reactor().selected(n.id().projectKey()) && request.selector().selects(n.id()))
                    .toList();
        }

        List<io.github.reversespec.reactor.ProjectModel> projects() {
            return analysis.reactor().projects();
        }

        int fileCount() {
            return units.values().stream().mapToInt(u -> u.files().size()).sum();
        }

        /** The hash of the interfaces this unit was written against. */
        String dependencyHash(UnitNode node) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (UnitId dep : node.dependencies()) {
                    sha.update(dep.key().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(interfaceHashes.get(dep).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
                return "sha256:" + HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }

        /** The code's facts for one unit, with its dependencies' summaries. */
        SpecFacts facts(UnitNode node) {
            UnitAnalysis unit = units.get(node.id());
            ProjectAnalysis project = projectOf.get(node.id());
            return new SpecFacts(
                    unit,
                    node,
                    project.project(),
                    project.moduleDescriptor(),
                    coverage.coverageFor(unit),
                    coverage.testsFor(unit),
                    node.dependencies().stream().map(d -> dependencySummary(node, d)).toList(),
                    node.dependents().stream().map(this::codeSummary).toList());
        }

        /**
         * A dependency outside the unit's cycle is written before it, so its spec (as written
         * now or kept from earlier) summarises it. Inside a cycle, and for dependents, whether a
         * spec exists yet depends on the run, so the code's own summary is used: a spec must not
         * change because of the order it was written in.
         */
        private DependencySummary dependencySummary(UnitNode node, UnitId dependency) {
            if (!node.cycle().contains(dependency)) {
                Optional<SpecFileInfo> spec = spec(dependency);
                if (spec.isPresent()) {
                    return new DependencySummary(dependency, spec.get().intent(), spec.get().status());
                }
            }
            return codeSummary(dependency);
        }

        private DependencySummary codeSummary(UnitId id) {
            UnitAnalysis unit = units.get(id);
            String intent = unit == null ? "" : unit.packageJavadoc();
            int dot = intent.indexOf(". ");
            return new DependencySummary(id, dot > 0 ? intent.substring(0, dot + 1) : intent, "");
        }

        /** The unit's spec on disk (read once, then as this run wrote it). */
        Optional<SpecFileInfo> spec(UnitId id) {
            return specs.computeIfAbsent(id, k -> SpecFileReader.read(specFile(k)));
        }

        /** Remembers the spec just written for a unit, for the units after it. */
        void remember(UnitId id, Optional<SpecFileInfo> spec) {
            specs.put(id, spec);
        }

        Path specFile(UnitId id) {
            return request.reactor().root().resolve(SpecLayout.specPath(id));
        }

        /**
         * Why the refresh mode regenerates this unit's spec, or empty when the spec on disk is kept.
         * The one place that decides it, for the run and the dry run alike.
         */
        Optional<String> regenerationReason(UnitNode node, Optional<SpecFileInfo> existing, boolean modelAvailable) {
            if (existing.isEmpty()) {
                return Optional.of(Files.exists(specFile(node.id())) ? "the existing file is not a readable spec"
                        : "no spec yet");
            }
            switch (request.refresh()) {
                case ALL:
                    return Optional.of("refresh=all");
                case STALE:
                    Optional<String> stale = staleness(node, existing.get());
                    if (stale.isPresent()) {
                        return stale;
                    }
                    if (SpecFormat.STATUS_AST_ONLY.equals(existing.get().status()) && modelAvailable) {
                        return Optional.of("the spec is AST-only and a model is available");
                    }
                    return Optional.empty();
                case MISSING:
                default:
                    return Optional.empty();
            }
        }

        /**
         * Whether a spec the refresh mode would regenerate is kept instead: it was edited by hand
         * outside its notes block, and the user did not ask to overwrite such edits.
         */
        boolean keepsEdit(Optional<SpecFileInfo> existing) {
            return existing.isPresent() && existing.get().edited() && !request.overwriteEdited();
        }

        /** Why an existing spec no longer matches the code, or empty when it does. */
        Optional<String> staleness(UnitNode node, SpecFileInfo spec) {
            UnitAnalysis unit = units.get(node.id());
            if (!unit.sourceHash().equals(spec.sourceHash())) {
                return Optional.of("sources changed");
            }
            if (!dependencyHash(node).equals(spec.dependencyHash())) {
                return Optional.of("a dependency's public interface changed");
            }
            return Optional.empty();
        }
    }

    /** The per-unit loop of one run. */
    private final class Run {
        private final BatchRequest request;
        private final Plan plan;
        private final CheckpointStore checkpoint;
        private final Map<String, Checkpoint.Entry> previous;
        private volatile String stopReason = "";
        private volatile boolean stopIsFailure;
        private final java.util.concurrent.atomic.AtomicInteger staleKept = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger outcomes = new java.util.concurrent.atomic.AtomicInteger();

        private final SpecRenderer renderer;

        Run(BatchRequest request, Plan plan, CheckpointStore checkpoint, Map<String, Checkpoint.Entry> previous,
                SpecRenderer renderer) {
            this.request = request;
            this.plan = plan;
            this.checkpoint = checkpoint;
            this.previous = previous;
            this.renderer = renderer;
        }

        /** The interrupted run already wrote this unit's spec, and the code has not changed since. */
        private boolean resumable(UnitNode node, Optional<SpecFileInfo> existing) {
            Checkpoint.Entry earlier = previous.get(node.id().key());
            return earlier != null && earlier.done() && existing.isPresent()
                    && plan.units.get(node.id()).sourceHash().equals(earlier.sourceHash());
        }

        /**
         * The JVM is ending (Ctrl-C, SIGTERM) while units are processed: start no more units, make
         * sure every finished unit is in the checkpoint on disk, and say how to resume. Units in
         * flight are abandoned; their specs were either written whole or not at all, and a re-run
         * redoes only them.
         */
        void terminated() {
            synchronized (this) {
                if (stopReason.isEmpty()) {
                    stopReason = "the build was interrupted";
                    stopIsFailure = true;
                }
            }
            Path where = request.root().relativize(checkpoint.path());
            try {
                checkpoint.flush();
                if (Files.exists(checkpoint.path())) {
                    log.warn("Interrupted: checkpoint saved at " + where + "; run the same command again to resume.");
                } else {
                    log.warn("Interrupted before any unit was finished; run the same command again to start over.");
                }
            } catch (IOException e) {
                log.warn("Interrupted: the checkpoint " + where + " could not be saved (" + describe(e)
                        + "); specs already written are kept, and a re-run with the default refresh=missing "
                        + "does not redo them.");
            }
        }

        /**
         * Runs the selected units with up to {@code concurrency} in flight, each started only when
         * every unit it depends on outside its own cycle is settled (its spec written); the members
         * of a cycle start together, and of the units ready the one heading the longest chain of
         * waiting units goes first. Results come back in processing order whatever the completion
         * order.
         */
        List<UnitResult> processAll() {
            List<UnitNode> selected = plan.selected;
            int total = selected.size();
            Map<UnitId, Integer> positions = new HashMap<>();
            for (int i = 0; i < total; i++) {
                positions.put(selected.get(i).id(), i);
            }
            // Per block: the selected units outside it that must be settled first.
            Map<Integer, java.util.Set<UnitId>> waitingFor = new HashMap<>();
            Map<UnitId, List<Integer>> blocksWaitingOn = new HashMap<>();
            Map<Integer, List<UnitNode>> members = new java.util.TreeMap<>();
            for (UnitNode node : selected) {
                members.computeIfAbsent(node.block(), b -> new ArrayList<>()).add(node);
                java.util.Set<UnitId> deps = waitingFor.computeIfAbsent(node.block(), b -> new java.util.HashSet<>());
                for (UnitId dep : node.dependencies()) {
                    if (positions.containsKey(dep) && !node.cycle().contains(dep) && deps.add(dep)) {
                        blocksWaitingOn.computeIfAbsent(dep, d -> new ArrayList<>()).add(node.block());
                    }
                }
            }
            // Per block: the longest chain of blocks that wait on it, itself included. Of the ready
            // units the one with the longest chain behind it goes first (then processing order): with
            // fewer slots than ready units, starting the critical path early shortens the run.
            Map<Integer, Integer> chain = new HashMap<>();
            for (int i = total - 1; i >= 0; i--) {
                UnitNode node = selected.get(i);
                int longest = chain.getOrDefault(node.block(), 1);
                for (int dependent : blocksWaitingOn.getOrDefault(node.id(), List.of())) {
                    longest = Math.max(longest, chain.getOrDefault(dependent, 1) + 1);
                }
                chain.put(node.block(), longest);
            }
            java.util.PriorityQueue<UnitNode> ready = new java.util.PriorityQueue<>(
                    java.util.Comparator.<UnitNode>comparingInt(n -> -chain.get(n.block()))
                            .thenComparingInt(UnitNode::position));
            members.forEach((block, nodes) -> {
                if (waitingFor.get(block).isEmpty()) {
                    ready.addAll(nodes);
                }
            });

            UnitResult[] results = new UnitResult[total];
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(1, Math.min(request.concurrency(), total == 0 ? 1 : total)), r -> {
                        Thread t = new Thread(r, "reverse-spec-unit");
                        t.setDaemon(true);
                        return t;
                    });
            // A unit is settled once its spec is written: its dependents may start while its
            // checkpoint entry is still being saved (that save only matters to a later resume).
            java.util.concurrent.BlockingQueue<Object> settledUnits = new java.util.concurrent.LinkedBlockingQueue<>();
            int inFlight = 0;
            int started = 0;
            boolean drained = false;
            try {
                for (int settled = 0; settled < total; ) {
                    while (stopReason.isEmpty() && inFlight < request.concurrency() && !ready.isEmpty()) {
                        UnitNode node = ready.poll();
                        int at = positions.get(node.id());
                        String counter = "[" + (++started) + "/" + total + "] ";
                        pool.execute(() -> {
                            UnitResult r;
                            try {
                                r = process(node, counter);
                            } catch (Throwable t) {
                                settledUnits.add(t);
                                throw t;
                            }
                            results[at] = r;
                            settledUnits.add(at);
                            if (r.status() != UnitStatus.PENDING) {
                                saveCheckpoint(node, r);
                            }
                        });
                        inFlight++;
                    }
                    if (inFlight == 0) {
                        break; // stopped, or nothing left that can start
                    }
                    Object next = settledUnits.take();
                    if (next instanceof Throwable t) {
                        throw new IllegalStateException("a unit's processing failed unexpectedly", t);
                    }
                    int at = (Integer) next;
                    inFlight--;
                    settled++;
                    for (int block : blocksWaitingOn.getOrDefault(selected.get(at).id(), List.of())) {
                        java.util.Set<UnitId> deps = waitingFor.get(block);
                        deps.remove(selected.get(at).id());
                        if (deps.isEmpty()) {
                            ready.addAll(members.get(block));
                        }
                    }
                }
                // Let the last checkpoint saves finish before the run reports and clears it.
                pool.shutdown();
                while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    log.info("Still saving the checkpoint...");
                }
                drained = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopReason = "the build was interrupted";
            } finally {
                if (!drained) {
                    pool.shutdownNow();
                }
            }
            List<UnitResult> ordered = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                UnitNode node = selected.get(i);
                ordered.add(results[i] != null ? results[i] : new UnitResult(node.id(), UnitStatus.PENDING,
                        specStatus(node.id()), node.level(), 0, 0, 0, "not done: " + stopReason));
            }
            return ordered;
        }

        /**
         * The counter of a unit's outcome line: completions so far, so that with several units in
         * flight the outcomes still count up (the "Processing" line counts starts).
         */
        private String outcomeCounter() {
            return "[" + outcomes.incrementAndGet() + "/" + plan.selected.size() + "] ";
        }

        private UnitResult process(UnitNode node, String counter) {
            long started = System.nanoTime();
            UnitId id = node.id();
            Optional<SpecFileInfo> existing = plan.spec(id);

            if (resumable(node, existing)) {
                log.info(outcomeCounter() + id.display() + ": already done by the interrupted run (resumed)");
                return new UnitResult(id, UnitStatus.RESUMED, existing.get().status(), node.level(), 0, 0, 0, "");
            }
            Optional<String> reason = plan.regenerationReason(node, existing, step.modelAvailable());
            if (reason.isEmpty() && request.refresh() == RefreshMode.MISSING
                    && plan.staleness(node, existing.get()).isPresent()) {
                staleKept.incrementAndGet();
            }
            if (reason.isEmpty()) {
                log.info(outcomeCounter() + id.display() + ": skipped (spec exists; refresh=" + request.refresh().label() + ")");
                return new UnitResult(id, UnitStatus.SKIPPED, existing.get().status(), node.level(), 0, 0, 0, "");
            }
            if (plan.keepsEdit(existing)) {
                log.warn(outcomeCounter() + id.display() + ": kept, not regenerated: " + SpecLayout.specPath(id) + " was edited "
                        + "by hand outside its notes block (" + reason.get() + "). Move your text into the notes "
                        + "block to keep it across regenerations, or set -Dreverse-spec.overwriteEdited=true to "
                        + "replace the edit.");
                return new UnitResult(id, UnitStatus.EDITED, existing.get().status(), node.level(), 0, 0, 0,
                        "edited by hand; kept (" + reason.get() + ")");
            }

            log.info(counter + "Processing " + id.display() + "...");
            if (log.isDebugEnabled()) {
                log.debug(counter + id.display() + ": regenerating because " + reason.get());
            }
            try {
                SpecFacts facts = plan.facts(node);
                GenerationOutcome outcome = step.generate(new GenerationRequest(
                        facts, request.reactor().root(), request.specsDir()));
                SpecMetadata meta = new SpecMetadata(
                        request.generator(), plan.interfaceHashes.get(id), plan.dependencyHash(node));
                String notes = existing.map(SpecFileInfo::notes).orElse("");
                if (outcome instanceof GenerationOutcome.Written w) {
                    return write(node, facts, w.prose(), meta, notes, started, w.attempts(), w.tokens(), "");
                }
                if (outcome instanceof GenerationOutcome.Degraded d) {
                    return write(node, facts, Prose.NONE, meta, notes, started, d.attempts(), d.tokens(),
                            d.reason());
                }
                GenerationOutcome.Stopped s = (GenerationOutcome.Stopped) outcome;
                synchronized (this) {
                    if (stopReason.isEmpty()) {
                        stopIsFailure = s.failure();
                        stopReason = s.reason();
                    }
                }
                log.error(outcomeCounter() + id.display() + ": not written: " + s.reason());
                return new UnitResult(id, UnitStatus.PENDING, specStatus(id), node.level(), millis(started),
                        s.attempts(), s.tokens(), "not done: " + s.reason());
            } catch (IOException e) {
                String message = "cannot write " + SpecLayout.specPath(id) + ": " + describe(e);
                log.error(outcomeCounter() + id.display() + ": failed: " + message);
                return new UnitResult(id, UnitStatus.FAILED, specStatus(id), node.level(), millis(started), 0, 0,
                        message);
            } catch (RuntimeException e) {
                String message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error(outcomeCounter() + id.display() + ": failed: " + message);
                if (log.isDebugEnabled()) {
                    log.debug(stackTrace(e));
                }
                return new UnitResult(id, UnitStatus.FAILED, specStatus(id), node.level(), millis(started), 0, 0,
                        message);
            }
        }

        private UnitResult write(UnitNode node, SpecFacts facts, Prose prose, SpecMetadata meta, String notes,
                long started, int attempts, long tokens, String degradedReason) throws IOException {
            UnitId id = node.id();
            String text = renderer.render(facts, prose, meta, notes);
            Path file = plan.specFile(id);
            boolean changed = AtomicFiles.writeIfChanged(file, text);
            plan.remember(id, SpecFileReader.parse(text)); // the file now holds exactly this text
            UnitStatus status;
            if (!degradedReason.isEmpty()) {
                status = UnitStatus.DEGRADED;
            } else if (!changed) {
                status = UnitStatus.UNCHANGED;
            } else {
                status = prose.isEmpty() ? UnitStatus.WRITTEN_AST : UnitStatus.WRITTEN_LLM;
            }
            String specStatus = prose.isEmpty() ? SpecFormat.STATUS_AST_ONLY : SpecFormat.STATUS_LLM;
            long ms = millis(started);
            StringBuilder line = new StringBuilder(outcomeCounter()).append(id.display()).append(": ");
            line.append(switch (status) {
                case UNCHANGED -> "unchanged (" + specStatus + ")";
                case DEGRADED -> "degraded to ast-only (" + degradedReason + ")";
                default -> "written (" + specStatus + ")";
            });
            line.append(" in ").append(ms).append(" ms");
            if (attempts > 0) {
                line.append(", ").append(attempts).append(" request(s), ").append(tokens).append(" token(s)");
            }
            if (status == UnitStatus.DEGRADED) {
                log.warn(line.toString());
            } else {
                log.info(line.toString());
            }
            return new UnitResult(id, status, specStatus, node.level(), ms, attempts, tokens, degradedReason);
        }

        private String specStatus(UnitId id) {
            return plan.spec(id).map(SpecFileInfo::status).orElse("");
        }

        private void saveCheckpoint(UnitNode node, UnitResult r) {
            try {
                checkpoint.record(node.id().key(), new Checkpoint.Entry(
                        node.id().display(), r.status().label(), plan.units.get(node.id()).sourceHash(),
                        r.attempts(), r.tokens(), r.durationMs(), request.secrets().redact(r.error())));
            } catch (IOException e) {
                log.error("Cannot save the checkpoint " + checkpoint.path() + ": " + describe(e)
                        + "; an interrupted run would redo this unit.");
            }
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + message + ")";
        }
        return message == null ? kind : kind + ": " + message;
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
