package io.github.reversespec.maven;

import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchResult;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.generate.GenerationSteps;
import io.github.reversespec.generate.ModelSettings;
import io.github.reversespec.reactor.ReactorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes one Markdown design spec per Java package of every reactor project under {@code specs/},
 * bottom-up along the package dependency graph, then an architecture index
 * ({@code specs/_index.spec.md}) and a run summary ({@code specs/_batch-summary.md} and
 * {@code .json}).
 *
 * <p>Runs once for the whole reactor, from the execution root, also when bound to a lifecycle
 * phase in a parent pom. It reads sources only: no compiled classes and no dependency resolution
 * are needed, so it works on a fresh clone and offline. Interrupted runs resume from
 * {@code specs/.reverse-spec-checkpoint.json}.
 *
 * <p>Failures: a bad setting (an unknown {@code refresh}, a {@code checkpointPath} outside
 * {@code specs/} or {@code drift-logs/}, a malformed package pattern, an unwritable {@code specs/})
 * fails the build with a {@code MojoFailureException} before anything is written; so does a run
 * in which a unit failed while {@code failOnError} is set. An unexpected I/O error is a
 * {@code MojoExecutionException}.
 */
@Mojo(
        name = "batch",
        aggregator = true,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE,
        requiresDependencyCollection = ResolutionScope.NONE,
        requiresOnline = false,
        defaultPhase = LifecyclePhase.PROCESS_SOURCES)
public class BatchMojo extends AbstractReverseSpecMojo {

    /** Regenerate every spec; the same as {@code refresh=all}. */
    @Parameter(property = "reverse-spec.force", defaultValue = "false")
    private boolean force;

    /**
     * Which existing specs to regenerate: {@code missing} writes only specs that do not exist;
     * {@code stale} also those whose sources or dependencies' public interfaces changed, and
     * AST-only ones when a model is available; {@code all} regenerates every spec.
     */
    @Parameter(property = "reverse-spec.refresh", defaultValue = "missing")
    private String refresh;

    /**
     * Where the resume state of an interrupted run is kept, relative to the execution root. Must lie
     * under {@code specs/} or {@code drift-logs/}; it is removed when a run ends with no failure.
     */
    @Parameter(property = "reverse-spec.checkpointPath", defaultValue = "specs/.reverse-spec-checkpoint.json")
    private String checkpointPath;

    /** Fail the build when a unit failed (a unit written AST-only is not a failure). */
    @Parameter(property = "reverse-spec.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Print the order, what would be written and requested, and the estimated tokens; write nothing. */
    @Parameter(property = "reverse-spec.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Who writes the prose: {@code openai} (any OpenAI-compatible {@code /chat/completions}: OpenAI,
     * Ollama, vLLM, LM Studio, llama.cpp, OpenRouter), {@code anthropic} ({@code /v1/messages}),
     * {@code none} (AST-only), or {@code auto}: the provider whose key is configured (an explicit
     * {@code baseUrl} means an OpenAI-compatible server), else {@code none}.
     */
    @Parameter(property = "reverse-spec.provider", defaultValue = "auto")
    private String provider;

    /**
     * The endpoint's base URL, without the operation path; default the provider's
     * ({@code https://api.openai.com/v1}, {@code https://api.anthropic.com}). For Ollama:
     * {@code http://localhost:11434/v1}.
     */
    @Parameter(property = "reverse-spec.baseUrl")
    private String baseUrl;

    /**
     * The model id; default {@code gpt-4.1-mini} for OpenAI and {@code claude-sonnet-4-5} for
     * Anthropic. Required with a custom {@code baseUrl}.
     */
    @Parameter(property = "reverse-spec.model")
    private String model;

    /**
     * Seconds one model request may go without receiving anything: connecting, waiting for the
     * answer to start, and between two pieces of the answer, which is streamed. A slow model that
     * keeps streaming is not cut off by it (see {@code requestTotalTimeout}).
     */
    @Parameter(property = "reverse-spec.requestTimeout", defaultValue = "300")
    private int requestTimeout;

    /**
     * Seconds one model request may take as a whole, however steadily its answer streams in: a
     * generous bound (default 30 minutes) for a local model on a slow machine, that only stops a
     * server that never ends its answer.
     */
    @Parameter(property = "reverse-spec.requestTotalTimeout", defaultValue = "1800")
    private int requestTotalTimeout;

    /** Model attempts per request after the first, before that unit degrades to AST-only. */
    @Parameter(property = "reverse-spec.maxRetries", defaultValue = "3")
    private int maxRetries;

    /**
     * Upper bound, in tokens, of one request (prompt and answer). A package too large for one
     * request is summarised in parts, then merged.
     */
    @Parameter(property = "reverse-spec.contextTokens", defaultValue = "32000")
    private int contextTokens;

    /**
     * Total tokens for the run, a ceiling: every request (parts, merges and retries included) reserves
     * its estimated prompt plus its {@code max_tokens} before it is sent, and is charged the usage the
     * server reports once it returns, the rest released. When what is left cannot hold the next
     * request, the run stops cleanly and a later run resumes; a unit that alone needs more than the
     * budget is named and left pending. 0 (the default) means no limit.
     */
    @Parameter(property = "reverse-spec.tokenBudget", defaultValue = "0")
    private long tokenBudget;

    /**
     * Units in flight at once, 1 to 64. A unit starts only when every unit it depends on is written
     * (the members of a package cycle start together), so dependency specs are always there as
     * context. A 429/529 answer lowers the requests in flight for a while (see the README).
     */
    @Parameter(property = "reverse-spec.concurrency", defaultValue = "4")
    private int concurrency;

    /**
     * Regenerate specs that were edited by hand outside their notes block. Without it such a spec
     * is kept, whatever the refresh mode ({@code force} included), and the run names it. Text in
     * the notes block is always carried over.
     */
    @Parameter(property = "reverse-spec.overwriteEdited", defaultValue = "false")
    private boolean overwriteEdited;

    /** Language of the prose the model writes. */
    @Parameter(property = "reverse-spec.language", defaultValue = "English")
    private String language;

    @Inject
    public BatchMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        ModelSettings settings = modelSettings(
                provider,
                baseUrl,
                model,
                Duration.ofSeconds(Math.max(1, requestTimeout)),
                Duration.ofSeconds(Math.max(1, requestTotalTimeout)),
                contextTokens,
                tokenBudget,
                maxRetries,
                language);
        KnownSecrets secrets = GenerationSteps.configuredSecrets(settings);
        BatchRequest request = request(secrets);
        ProgressLog log = progressLog(secrets);
        BatchResult result;
        try (GenerationStep step = GenerationSteps.create(settings, request.concurrency(), log)) {
            result = new BatchRunner(step, log).run(request);
        } catch (ConfigurationException e) {
            throw failure(secrets, e.getMessage(), e);
        } catch (IOException e) {
            throw error(secrets, "reverse-spec: " + e.getMessage(), e);
        }
        if (failOnError && !result.failed().isEmpty()) {
            String units = result.failed().stream()
                    .limit(10)
                    .map(u -> u.id().display() + " (" + u.error() + ")")
                    .collect(Collectors.joining("; "));
            throw failure(
                    secrets,
                    result.failed().size() + " unit(s) failed: " + units + ". Details in " + result.summaryPath()
                            + "; fix them and run again to resume, or set reverse-spec.failOnError=false.",
                    null);
        }
        if (result.stoppedEarly() && result.stopIsFailure()) {
            throw failure(
                    secrets,
                    "reverse-spec stopped: " + result.stopReason()
                            + ". Completed specs and the checkpoint are kept; fix this and run again to resume.",
                    null);
        }
        if (result.stoppedEarly()) {
            log.warn("reverse-spec stopped early: " + result.stopReason()
                    + ". Completed specs and the checkpoint are kept; run again to resume.");
        }
    }

    BatchRequest request(KnownSecrets secrets) throws MojoFailureException {
        ReactorModel reactor = reactor();
        RefreshMode mode;
        try {
            mode = force ? RefreshMode.ALL : RefreshMode.parse(refresh);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        UnitSelector selector = selector();
        if (checkpointPath == null || checkpointPath.isBlank()) {
            throw new MojoFailureException("reverse-spec.checkpointPath is empty; leave it unset for the default "
                    + "specs/.reverse-spec-checkpoint.json.");
        }
        Path checkpoint;
        try {
            checkpoint = Path.of(checkpointPath.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new MojoFailureException(
                    "reverse-spec.checkpointPath '" + checkpointPath + "' is not a valid path: " + e.getReason(), e);
        }
        return new BatchRequest(
                reactor,
                checkpoint,
                mode,
                selector,
                dryRun,
                concurrency,
                analysisThreads(),
                generator(),
                overwriteEdited,
                secrets);
    }
}
