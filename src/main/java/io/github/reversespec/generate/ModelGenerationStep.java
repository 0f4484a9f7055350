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
import java.util.concurrent.Executors;
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
        List<String> notes = new ArrayList<>();
        int n = context.parts().size();
        for (int i = 0; i < n; i++) {
            notes.add(ask(unit, context.parts().get(i), cost, " (part " + (i + 1) + " of " + n + ")"));
        }
        return ask(unit, assembler.fillMerge(context.merge(), notes), cost, " (merging " + n + " parts)");
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
        ticker.shutdownNow();
        client.close();
    }

    /** What one unit's requests cost; also counted against the run's budget. */
    private final class Cost {
        int attempts;
        long tokens;

        void add(int a, long t) {
            attempts += a;
            tokens += t;
            spent.addAndGet(t);
        }
    }
}
