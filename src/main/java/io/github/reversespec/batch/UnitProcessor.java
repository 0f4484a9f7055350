package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.context.UnitFiles;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationOutcome;
import io.github.reversespec.generate.GenerationRequest;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.render.ProseNames;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.render.SpecRenderer;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.SpecFacts;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecLayout;
import io.github.reversespec.spec.SpecMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to one unit in a run: resumed, skipped, kept because edited, or generated,
 * rendered and written, with its checkpoint entry saved; and what the run does when it is told to
 * stop. The {@link Scheduler} decides when each unit starts.
 */
final class UnitProcessor {
    private final GenerationStep step;
    private final ProgressLog log;
    private final BatchRequest request;
    private final Plan plan;
    private final CheckpointStore checkpoint;
    private final Map<String, Checkpoint.Entry> previous;
    private volatile String stopReason = "";
    private volatile boolean stopIsFailure;
    private final java.util.concurrent.atomic.AtomicInteger staleKept = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger outcomes = new java.util.concurrent.atomic.AtomicInteger();

    private final SpecRenderer renderer;

    UnitProcessor(
            GenerationStep step,
            ProgressLog log,
            BatchRequest request,
            Plan plan,
            CheckpointStore checkpoint,
            Map<String, Checkpoint.Entry> previous,
            SpecRenderer renderer) {
        this.step = step;
        this.log = log;
        this.request = request;
        this.plan = plan;
        this.checkpoint = checkpoint;
        this.previous = previous;
        this.renderer = renderer;
    }

    /** The interrupted run already wrote this unit's spec, and the code has not changed since. */
    private boolean resumable(UnitNode node, Optional<SpecFileInfo> existing) {
        Checkpoint.Entry earlier = previous.get(node.id().key());
        return earlier != null
                && earlier.done()
                && existing.isPresent()
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
            log.warn("Interrupted: the checkpoint " + where + " could not be saved (" + BatchRunner.describe(e)
                    + "); specs already written are kept, and a re-run with the default refresh=missing "
                    + "does not redo them.");
        }
    }

    /**
     * A unit's number in the run, taken when it starts: {@code [N/Total]} on its "Processing" line
     * (PRODUCT.md) and again on its outcome line, so that the run has one sequence, each unit one
     * number, whatever the concurrency (before, the starts and the completions were counted apart).
     */
    private String nextCounter() {
        return "[" + outcomes.incrementAndGet() + "/" + plan.selected.size() + "] ";
    }

    /**
     * The units this run will ask the model about, in processing order, with their files: what the
     * step may read ahead ({@link GenerationStep#prefetch}). Lazy: each unit is judged (resumed,
     * skipped, kept for a hand edit) as the iteration reaches it, by the same tests as
     * {@link #process}, on the thread that iterates.
     */
    Iterable<UnitFiles> upcoming() {
        return () -> plan.selected.stream()
                .filter(node -> {
                    Optional<SpecFileInfo> existing = plan.spec(node.id());
                    return !resumable(node, existing)
                            && plan.regenerationReason(node, existing, step.modelAvailable())
                                    .isPresent()
                            && !plan.keepsEdit(existing);
                })
                .map(node -> new UnitFiles(
                        plan.projectOf.get(node.id()).project().sourceEncoding(),
                        plan.units.get(node.id()).files().stream()
                                .map(io.github.reversespec.analysis.SourceFile::path)
                                .toList()))
                .iterator();
    }

    UnitResult process(UnitNode node) {
        long started = System.nanoTime();
        String counter = nextCounter();
        UnitId id = node.id();
        Optional<SpecFileInfo> existing = plan.spec(id);

        if (resumable(node, existing)) {
            log.info(counter + id.display() + ": already done by the interrupted run (resumed)");
            return new UnitResult(id, UnitStatus.RESUMED, existing.get().status(), node.level(), 0, 0, 0, "");
        }
        Optional<String> reason = plan.regenerationReason(node, existing, step.modelAvailable());
        if (reason.isEmpty()
                && request.refresh() == RefreshMode.MISSING
                && plan.staleness(node, existing.get()).isPresent()) {
            staleKept.incrementAndGet();
        }
        if (reason.isEmpty()) {
            log.info(counter + id.display() + ": skipped (spec exists; refresh="
                    + request.refresh().label() + ")");
            return new UnitResult(id, UnitStatus.SKIPPED, existing.get().status(), node.level(), 0, 0, 0, "");
        }
        if (plan.keepsEdit(existing)) {
            log.warn(counter + id.display() + ": kept, not regenerated: " + SpecLayout.specPath(id) + " was edited "
                    + "by hand outside its notes block (" + reason.get() + "). Move your text into the notes "
                    + "block to keep it across regenerations, or set -Dreverse-spec.overwriteEdited=true to "
                    + "replace the edit.");
            return new UnitResult(
                    id,
                    UnitStatus.EDITED,
                    existing.get().status(),
                    node.level(),
                    0,
                    0,
                    0,
                    "edited by hand; kept (" + reason.get() + ")");
        }

        log.info(counter + "Processing " + id.display() + "...");
        if (log.isDebugEnabled()) {
            log.debug(id.display() + ": regenerating because " + reason.get());
        }
        try {
            SpecFacts facts = plan.facts(node);
            GenerationOutcome outcome =
                    step.generate(new GenerationRequest(facts, request.reactor().root(), request.specsDir()));
            SpecMetadata meta =
                    new SpecMetadata(request.generator(), plan.interfaceHashes.get(id), plan.dependencyHash(node));
            String notes = existing.map(SpecFileInfo::notes).orElse("");
            if (outcome instanceof GenerationOutcome.Written w) {
                // an AST-only spec has no prose to verify: the unit's code names are not worked out for it
                Prose prose = w.prose().isEmpty() ? w.prose() : ProseNames.verify(w.prose(), plan.codeNames(node));
                return write(counter, node, facts, prose, meta, notes, started, w.attempts(), w.tokens(), "");
            }
            if (outcome instanceof GenerationOutcome.Degraded d) {
                return write(
                        counter, node, facts, Prose.NONE, meta, notes, started, d.attempts(), d.tokens(), d.reason());
            }
            if (outcome instanceof GenerationOutcome.OverBudget o) {
                // Named, left pending, not retried: the run goes on with the units that fit.
                log.warn(counter + id.display() + ": not written, left pending: " + o.reason());
                return new UnitResult(
                        id,
                        UnitStatus.PENDING,
                        specStatus(id),
                        node.level(),
                        BatchRunner.millis(started),
                        o.attempts(),
                        o.tokens(),
                        o.reason());
            }
            GenerationOutcome.Stopped s = (GenerationOutcome.Stopped) outcome;
            synchronized (this) {
                if (stopReason.isEmpty()) {
                    stopIsFailure = s.failure();
                    stopReason = s.reason();
                }
            }
            log.error(counter + id.display() + ": not written: " + s.reason());
            return new UnitResult(
                    id,
                    UnitStatus.PENDING,
                    specStatus(id),
                    node.level(),
                    BatchRunner.millis(started),
                    s.attempts(),
                    s.tokens(),
                    "not done: " + s.reason());
        } catch (IOException e) {
            String message = "cannot write " + SpecLayout.specPath(id) + ": " + BatchRunner.describe(e);
            log.error(counter + id.display() + ": failed: " + message);
            return new UnitResult(
                    id, UnitStatus.FAILED, specStatus(id), node.level(), BatchRunner.millis(started), 0, 0, message);
        } catch (RuntimeException e) {
            String message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error(counter + id.display() + ": failed: " + message);
            if (log.isDebugEnabled()) {
                log.debug(BatchRunner.stackTrace(e));
            }
            return new UnitResult(
                    id, UnitStatus.FAILED, specStatus(id), node.level(), BatchRunner.millis(started), 0, 0, message);
        }
    }

    private UnitResult write(
            String counter,
            UnitNode node,
            SpecFacts facts,
            Prose prose,
            SpecMetadata meta,
            String notes,
            long started,
            int attempts,
            long tokens,
            String degradedReason)
            throws IOException {
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
        long ms = BatchRunner.millis(started);
        StringBuilder line = new StringBuilder(counter).append(id.display()).append(": ");
        line.append(
                switch (status) {
                    case UNCHANGED -> "unchanged (" + specStatus + ")";
                    case DEGRADED -> "degraded to ast-only (" + degradedReason + ")";
                    default -> "written (" + specStatus + ")";
                });
        line.append(" in ").append(ms).append(" ms");
        if (attempts > 0) {
            line.append(", ")
                    .append(attempts)
                    .append(" request(s), ")
                    .append(tokens)
                    .append(" token(s)");
        }
        if (!prose.names().isEmpty()) {
            line.append("; ")
                    .append(prose.names().size() - prose.unresolvedNames().size())
                    .append(" of ")
                    .append(prose.names().size())
                    .append(" code name(s) in the prose found in the code");
        }
        if (!prose.unresolvedNames().isEmpty()) {
            line.append(", not found: ").append(String.join(", ", prose.unresolvedNames()));
            log.warn(line.toString());
        } else if (status == UnitStatus.DEGRADED) {
            log.warn(line.toString());
        } else {
            log.info(line.toString());
        }
        return new UnitResult(
                id,
                status,
                specStatus,
                node.level(),
                ms,
                attempts,
                tokens,
                degradedReason,
                prose.names().size(),
                prose.unresolvedNames());
    }

    private String specStatus(UnitId id) {
        return plan.spec(id).map(SpecFileInfo::status).orElse("");
    }

    /**
     * Keeps the unit's outcome in the checkpoint: saved before this returns for a unit that was
     * written (redoing it could cost model requests), only noted for one that was skipped or
     * resumed, which a re-run decides again at no cost ({@link CheckpointStore#note}).
     */
    void saveCheckpoint(UnitNode node, UnitResult r) {
        Checkpoint.Entry entry = new Checkpoint.Entry(
                node.id().display(),
                r.status().label(),
                plan.units.get(node.id()).sourceHash(),
                r.attempts(),
                r.tokens(),
                r.durationMs(),
                request.secrets().redact(r.error()));
        if (r.status() == UnitStatus.SKIPPED || r.status() == UnitStatus.RESUMED) {
            checkpoint.note(node.id().key(), entry);
            return;
        }
        try {
            checkpoint.record(node.id().key(), entry);
        } catch (IOException e) {
            log.error("Cannot save the checkpoint " + checkpoint.path() + ": " + BatchRunner.describe(e)
                    + "; an interrupted run would redo this unit.");
        }
    }

    /** Whether the run was told to stop (bad key, budget, interruption): no further unit starts. */
    boolean stopping() {
        return !stopReason.isEmpty();
    }

    /** The result of a unit the run did not get to. */
    UnitResult notDone(UnitNode node) {
        return new UnitResult(
                node.id(), UnitStatus.PENDING, specStatus(node.id()), node.level(), 0, 0, 0, "not done: " + stopReason);
    }

    /** The run was interrupted while waiting for units. */
    void interrupted() {
        synchronized (this) {
            if (stopReason.isEmpty()) {
                stopReason = "the build was interrupted";
            }
        }
    }

    String stopReason() {
        return stopReason;
    }

    boolean stopIsFailure() {
        return stopIsFailure;
    }

    int staleKept() {
        return staleKept.get();
    }
}
