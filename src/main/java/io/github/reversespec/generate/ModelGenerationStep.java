package io.github.reversespec.generate;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.context.AssembledContext;
import io.github.reversespec.context.ContextAssembler;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.context.ModelPrompt;
import io.github.reversespec.context.UnitFiles;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.llm.AnswerProgress;
import io.github.reversespec.llm.FailureKind;
import io.github.reversespec.llm.ModelException;
import io.github.reversespec.llm.ModelRequest;
import io.github.reversespec.llm.ModelResult;
import io.github.reversespec.llm.OverBudgetException;
import io.github.reversespec.llm.RetryingModelClient;
import io.github.reversespec.llm.TokenBudget;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks a model for a unit's prose: assembles the unit's context within the window (in parts and a
 * merge for a package too large for one request), sends it through the retrying client, and reads
 * the answer's nine sections. Turns every failure into a {@link GenerationOutcome}: a unit the
 * model cannot write degrades to AST-only; a bad key, an unknown model or a spent budget stops the
 * run; a unit that alone needs more than the whole token budget is left pending, and the run goes
 * on. The budget itself is the client's {@link TokenBudget}: every request (part, merge, retry) is
 * reserved there before it is sent.
 */
public final class ModelGenerationStep implements GenerationStep {

    private final KnownSecrets secrets;
    private final RetryingModelClient client;
    private final ContextAssembler assembler;
    private final String language;
    private final int maxOutputTokens;
    private final int maxRetries;
    private final TokenBudget budget;
    private final ProgressLog log;
    private final Duration heartbeat;
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
     * @param client the retrying model client (owned: closed with this step); its {@link
     *     RetryingModelClient#budget()} is the run's token budget
     * @param assembler builds the prompts within the window
     * @param language the language of the prose
     * @param maxOutputTokens the answer's limit per request
     * @param maxRetries extra attempts when an answer has none of the nine sections
     * @param log where the heartbeat goes
     * @param heartbeat how long a request waits before a line says so (and again every interval)
     */
    public ModelGenerationStep(
            RetryingModelClient client,
            ContextAssembler assembler,
            String language,
            int maxOutputTokens,
            int maxRetries,
            ProgressLog log,
            Duration heartbeat) {
        this(client, assembler, language, maxOutputTokens, maxRetries, log, heartbeat, KnownSecrets.none());
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
            ProgressLog log,
            Duration heartbeat,
            KnownSecrets secrets) {
        this.secrets = secrets;
        this.client = client;
        this.assembler = assembler;
        this.language = language;
        this.maxOutputTokens = maxOutputTokens;
        this.maxRetries = maxRetries;
        this.budget = client.budget();
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

    /** Tokens charged to the run's budget so far (requests in flight not included). */
    public long tokensSpent() {
        return budget.spent();
    }

    @Override
    public GenerationOutcome generate(GenerationRequest request) {
        if (client.stopped().isPresent()) {
            return new GenerationOutcome.Stopped(client.stopped().get().getMessage(), true, 0, 0);
        }
        if (budget.limited() && budget.spent() >= budget.limit()) {
            return new GenerationOutcome.Stopped(
                    "the token budget (reverse-spec.tokenBudget=" + budget.limit() + ") is spent: " + budget.spent()
                            + " tokens used" + RUN_AGAIN,
                    false,
                    0,
                    0);
        }
        UnitId unit = request.facts().unit().id();
        Cost cost = new Cost();
        try {
            AssembledContext context = assembler.assemble(request.facts(), request.root(), language);
            Optional<String> tooLarge = largerThanBudget(context);
            if (tooLarge.isPresent()) {
                return new GenerationOutcome.OverBudget(tooLarge.get(), 0, 0);
            }
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
        } catch (OverBudgetException e) {
            cost.add(e.attempts(), e.tokens());
            if (e.largerThanBudget()) {
                // The merge (its size known only once the parts answered) or a retry's request.
                return new GenerationOutcome.OverBudget(e.getMessage() + RAISE, cost.attempts, cost.tokens);
            }
            return new GenerationOutcome.Stopped(e.getMessage() + RUN_AGAIN, false, cost.attempts, cost.tokens);
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

    private static final String RUN_AGAIN = "; run again to continue";
    private static final String RAISE = "; raise reverse-spec.tokenBudget to write it";

    /**
     * Why the unit cannot be written within the whole budget, whatever is left of it: one of its
     * requests alone costs more than the budget (prompt estimate plus {@code max_tokens}), or its
     * prompts together do, without their answers. Checked before anything is sent, so no token is
     * spent on the parts of a unit whose merge could never be paid for.
     */
    private Optional<String> largerThanBudget(AssembledContext context) {
        if (!budget.limited()) {
            return Optional.empty();
        }
        long prompts = 0;
        long largest = 0;
        for (ModelPrompt part : context.parts()) {
            long cost = TokenBudget.costOf(new ModelRequest(part.system(), part.user(), maxOutputTokens));
            largest = Math.max(largest, cost);
            prompts += cost - maxOutputTokens;
        }
        String what = context.split() ? "its " + context.parts().size() + " parts" : "its request";
        if (budget.largerThanBudget(largest)) {
            return Optional.of((context.split() ? "one of " + what : what)
                    + " alone needs about " + largest + " tokens (prompt estimate + max_tokens " + maxOutputTokens
                    + "), the whole budget is reverse-spec.tokenBudget=" + budget.limit() + RAISE);
        }
        if (budget.largerThanBudget(prompts)) {
            return Optional.of("the prompts of " + what + " alone estimate " + prompts
                    + " tokens, the whole budget is reverse-spec.tokenBudget=" + budget.limit() + RAISE);
        }
        return Optional.empty();
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
                if (first == null || rank(failure) > rank(first)) {
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
     * Which failure of a unit's parts it reports: a fatal one stops the run, a budget refusal
     * leaves the unit pending, any other degrades it.
     */
    private static int rank(ModelException failure) {
        if (failure.kind() == FailureKind.FATAL) {
            return 2;
        }
        return failure instanceof OverBudgetException ? 1 : 0;
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
        AnswerProgress progress = new AnswerProgress();
        ScheduledFuture<?> beat = ticker.scheduleAtFixedRate(
                () -> log.info(
                        heartbeatLine(unit.display() + what, (System.nanoTime() - started) / 1_000_000_000, progress)),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ModelResult result =
                    client.complete(new ModelRequest(prompt.system(), prompt.user(), maxOutputTokens), progress);
            cost.add(result.attempts(), result.totalTokens());
            return secrets.redact(result.completion().text());
        } finally {
            beat.cancel(false);
        }
    }

    /**
     * The heartbeat of a request in flight: how long it has waited, and what of the answer the
     * current attempt has streamed in so far (so a slow model is seen working, not hung).
     */
    static String heartbeatLine(String what, long seconds, AnswerProgress progress) {
        long tokens = progress.tokensReceived();
        String received = tokens > 0 ? "~" + tokens + " tokens received" : "nothing received yet";
        String attempt = progress.attempt() > 1 ? ", attempt " + progress.attempt() : "";
        return "  ... still waiting for the model on " + what + " (" + seconds + " s, " + received + attempt + ")";
    }

    @Override
    public void prefetch(Path root, Iterable<UnitFiles> units) {
        assembler.prefetch(root, units);
    }

    @Override
    public void close() {
        parts.shutdownNow();
        ticker.shutdownNow();
        assembler.close();
        client.close();
    }

    /** What one unit's requests cost (its parts add from their own threads); the budget counted each already. */
    private static final class Cost {
        int attempts;
        long tokens;

        synchronized void add(int a, long t) {
            attempts += a;
            tokens += t;
        }
    }
}
