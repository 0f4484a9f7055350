package io.github.reversespec.generate;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.context.AssembledContext;
import io.github.reversespec.context.ContextAssembler;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.context.ModelPrompt;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.llm.FailureKind;
import io.github.reversespec.llm.ModelException;
import io.github.reversespec.llm.ModelRequest;
import io.github.reversespec.llm.ModelResult;
import io.github.reversespec.llm.RetryingModelClient;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks a model for a unit's prose: assembles the unit's context within the window (in parts and a
 * merge for a package too large for one request), sends it through the retrying client, and reads
 * the answer's nine sections. Turns every failure into a {@link GenerationOutcome}: a unit the
 * model cannot write degrades to AST-only; a bad key, an unknown model or a spent budget stops the
 * run.
 */
public final class ModelGenerationStep implements GenerationStep {

    private final KnownSecrets secrets;
    private final RetryingModelClient client;
    private final ContextAssembler assembler;
    private final String language;
    private final int maxOutputTokens;
    private final int maxRetries;
    private final long tokenBudget;
    private final ProgressLog log;
    private final Duration heartbeat;
    private final AtomicLong spent = new AtomicLong();
    /** Sends the parts of a split unit; a thread per part in flight, none kept idle for long. */
    private final ExecutorService parts = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reverse-spec-part");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reverse-spec-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param client the retrying model client (owned: closed with this step)
     * @param assembler builds the prompts within the window
     * @param language the language of the prose
     * @param maxOutputTokens the answer's limit per request
     * @param maxRetries extra attempts when an answer has none of the nine sections
     * @param tokenBudget total tokens for the run, 0 for no limit
     * @param log where the heartbeat goes
     * @param heartbeat how long a request waits before a line says so (and again every interval)
     */
    public ModelGenerationStep(
            RetryingModelClient client,
            ContextAssembler assembler,
            String language,
            int maxOutputTokens,
            int maxRetries,
            long tokenBudget,
            ProgressLog log,
            Duration heartbeat) {
        this(
                client,
                assembler,
                language,
                maxOutputTokens,
                maxRetries,
                tokenBudget,
                log,
                heartbeat,
                KnownSecrets.none());
    }

    /**
     * @param secrets the configured credentials: a model may echo the key it was sent, so every
     *     answer is redacted before it is read
     */
    public ModelGenerationStep(
            RetryingModelClient client,
            ContextAssembler assembler,
            String language,
            int maxOutputTokens,
            int maxRetries,
            long tokenBudget,
            ProgressLog log,
            Duration heartbeat,
            KnownSecrets secrets) {
        this.secrets = secrets;
        this.client = client;
        this.assembler = assembler;
        this.language = language;
        this.maxOutputTokens = maxOutputTokens;
        this.maxRetries = maxRetries;
        this.tokenBudget = tokenBudget;
        this.log = log;
        this.heartbeat = heartbeat;
    }

    @Override
    public String modelId() {
        return client.modelId();
    }

    @Override
    public boolean modelAvailable() {
        return client.stopped().isEmpty();
    }

    /** Tokens spent by this step so far. */
    public long tokensSpent() {
        return spent.get();
    }

    @Override
    public GenerationOutcome generate(GenerationRequest request) {
        if (client.stopped().isPresent()) {
            return new GenerationOutcome.Stopped(client.stopped().get().getMessage(), true, 0, 0);
        }
        if (tokenBudget > 0 && spent.get() >= tokenBudget) {
            return new GenerationOutcome.Stopped(
                    "the token budget (reverse-spec.tokenBudget=" + tokenBudget + ") is spent: " + spent.get()
                            + " tokens used; run again to continue",
                    false,
                    0,
                    0);
        }
        UnitId unit = request.facts().unit().id();
        Cost cost = new Cost();
        try {
            AssembledContext context = assembler.assemble(request.facts(), request.root(), language);
            for (int round = 0; round <= maxRetries; round++) {
                String answer = answer(unit, context, cost);
                Map<Section, String> sections = ProseParser.parse(answer, SpecLayout.specPath(unit));
                if (!sections.isEmpty()) {
                    return new GenerationOutcome.Written(
                            new Prose(client.modelId(), sections), cost.attempts, cost.tokens);
                }
            }
            return new GenerationOutcome.Degraded(
                    "the model's answers had none of the nine spec sections", cost.attempts, cost.tokens);
        } catch (ModelException e) {
            cost.add(e.attempts(), e.tokens());
            if (e.kind() == FailureKind.FATAL) {
                return new GenerationOutcome.Stopped(e.getMessage(), true, cost.attempts, cost.tokens);
            }
            return new GenerationOutcome.Degraded(e.getMessage(), cost.attempts, cost.tokens);
        } catch (RuntimeException e) {
            // PromptBudgetException and friends: this unit cannot be asked, the others may.
            return new GenerationOutcome.Degraded(e.getMessage(), cost.attempts, cost.tokens);
        }
    }

    @Override
    public java.util.OptionalLong estimateTokens(GenerationRequest request) {
        try {
            AssembledContext context = assembler.assemble(request.facts(), request.root(), language);
            // Each prompt plus the room its answer may take; the merge's notes are not known yet.
            return java.util.OptionalLong.of(
                    context.estimatedTokens() + (long) context.prompts().size() * maxOutputTokens);
        } catch (RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private String answer(UnitId unit, AssembledContext context, Cost cost) throws ModelException {
        if (!context.split()) {
            return ask(unit, context.parts().get(0), cost, "");
        }
        int n = context.parts().size();
        // The parts do not depend on each other: all of them go at once (the client keeps the
        // requests in flight within the run's concurrency and the server's rate limit), then the merge.
        List<Future<String>> asked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ModelPrompt part = context.parts().get(i);
            String what = " (part " + (i + 1) + " of " + n + ")";
            asked.add(parts.submit(() -> ask(unit, part, cost, what)));
        }
        List<String> notes = new ArrayList<>(n);
        ModelException first = null;
        for (Future<String> f : asked) {
            try {
                notes.add(awaitUninterruptibly(f));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof ModelException failure)) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
                if (first == null || failure.kind() == FailureKind.FATAL && first.kind() != FailureKind.FATAL) {
                    if (first != null) {
                        cost.add(first.attempts(), first.tokens());
                    }
                    first = failure;
                } else {
                    // Only one failure is reported; what the others cost still counts.
                    cost.add(failure.attempts(), failure.tokens());
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return ask(unit, assembler.fillMerge(context.merge(), notes), cost, " (merging " + n + " parts)");
    }

    /**
     * The part's answer. Every part is waited for, even when the build is being cancelled, so no
     * request outlives its unit unseen; the interrupt is kept for the caller (the client itself
     * gives up at once on an interrupted thread, so this wait is short).
     */
    private static String awaitUninterruptibly(Future<String> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    f.cancel(true);
                }
            }
        } catch (java.util.concurrent.CancellationException e) {
            throw new ExecutionException(
                    new ModelException(FailureKind.RETRYABLE, "interrupted while waiting for the model's answer", e));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String ask(UnitId unit, ModelPrompt prompt, Cost cost, String what) throws ModelException {
        long started = System.nanoTime();
        ScheduledFuture<?> beat = ticker.scheduleAtFixedRate(
                () -> log.info("  ... still waiting for the model on " + unit.display() + what + " ("
                        + (System.nanoTime() - started) / 1_000_000_000 + " s)"),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ModelResult result = client.complete(new ModelRequest(prompt.system(), prompt.user(), maxOutputTokens));
            cost.add(result.attempts(), result.totalTokens());
            return secrets.redact(result.completion().text());
        } finally {
            beat.cancel(false);
        }
    }

    @Override
    public void close() {
        parts.shutdownNow();
        ticker.shutdownNow();
        client.close();
    }

    /** What one unit's requests cost (its parts add from their own threads); also counted against the run's budget. */
    private final class Cost {
        int attempts;
        long tokens;

        synchronized void add(int a, long t) {
            attempts += a;
            tokens += t;
            spent.addAndGet(t);
        }
    }
}
