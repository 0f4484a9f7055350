package io.github.reversespec.maven;

import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationSteps;
import io.github.reversespec.generate.ModelSettings;
import io.github.reversespec.llm.ProxyConfig;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.reactor.ReactorModel;
import java.time.Duration;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every reverse-spec goal shares: the session, {@code skip}, the unit patterns, the
 * credentials (read only to be redacted, or to be sent by a goal that asks a model), the run-once
 * guard of an aggregator bound in many modules, and the log that redacts them. A goal is a small
 * subclass that implements {@link #run()}.
 */
public abstract class AbstractReverseSpecMojo extends AbstractMojo {

    private final SettingsDecrypter settingsDecrypter;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /** Do nothing. */
    @Parameter(property = "reverse-spec.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Package patterns choosing the units to write ({@code com.acme.billing}, {@code com.acme.*} for
     * direct sub-packages, {@code com.acme.**} for a package and everything below it, optionally
     * prefixed {@code artifactId:}); none means all. The others still serve as context.
     */
    @Parameter(property = "reverse-spec.includes")
    private List<String> includes;

    /** Package patterns (as for {@code includes}) of units not to write; excludes win over includes. */
    @Parameter(property = "reverse-spec.excludes")
    private List<String> excludes;

    /**
     * The settings.xml {@code <server>} whose {@code <password>} (encrypted or not) holds the API key.
     * Else the key comes from {@code REVERSE_SPEC_API_KEY}, {@code OPENAI_API_KEY} or
     * {@code ANTHROPIC_API_KEY}. The key is never a pom parameter and is never logged.
     */
    @Parameter(property = "reverse-spec.serverId", defaultValue = "reverse-spec")
    private String serverId;

    protected AbstractReverseSpecMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("reverse-spec: skipped (reverse-spec.skip=true).");
            return;
        }
        if (!firstExecutionInThisBuild()) {
            getLog().info("reverse-spec: " + goal() + " already ran for this reactor in this build; nothing to do for "
                    + session.getCurrentProject().getArtifactId() + ".");
            return;
        }
        run();
    }

    /** The goal's work, once per build, unless skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The goal's name, as users type it after {@code reverse-spec:}. */
    protected final String goal() {
        return mojoExecution.getMojoDescriptor().getGoal();
    }

    /** {@code reverse-spec-maven-plugin/<version>}, written into every file the plugin writes. */
    protected final String generator() {
        return "reverse-spec-maven-plugin/"
                + mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

    /** Threads for the analysis: one per available processor. */
    protected static int analysisThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    protected final MavenSession session() {
        return session;
    }

    /** The reactor, every project as context, the session's selection marked. */
    protected final ReactorModel reactor() throws MojoFailureException {
        return MavenReactorReader.read(session);
    }

    /** The units {@code includes}/{@code excludes} choose (comma-separated on the command line too). */
    protected final UnitSelector selector() throws MojoFailureException {
        try {
            return UnitSelector.of(split(includes), split(excludes));
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * The model settings from the goal's own parameters and what every goal reads: the server's
     * decrypted password, the environment, offline mode and the active proxy.
     */
    protected final ModelSettings modelSettings(
            String provider,
            String baseUrl,
            String model,
            Duration timeout,
            Duration totalTimeout,
            int contextTokens,
            long tokenBudget,
            int maxRetries,
            String language)
            throws MojoFailureException {
        MavenCredentials credentials = new MavenCredentials(session.getSettings(), settingsDecrypter);
        return new ModelSettings(
                provider,
                baseUrl,
                model,
                serverId,
                credentials.serverPassword(serverId),
                System.getenv(),
                session.isOffline(),
                timeout,
                totalTimeout,
                contextTokens,
                tokenBudget,
                maxRetries,
                language,
                credentials.activeProxy());
    }

    /** The configured credentials, for a goal that sends nothing: still redacted from all it writes. */
    protected final KnownSecrets configuredSecrets() throws MojoFailureException {
        MavenCredentials credentials = new MavenCredentials(session.getSettings(), settingsDecrypter);
        Secret server = credentials.serverPassword(serverId);
        ProxyConfig proxy = credentials.activeProxy();
        return GenerationSteps.configuredSecrets(new ModelSettings(
                "none",
                "",
                "",
                serverId,
                server,
                System.getenv(),
                true,
                Duration.ofSeconds(1),
                Duration.ofMinutes(30),
                1000,
                0,
                0,
                "",
                proxy));
    }

    /** Maven's log, with every line passed through the redaction of the configured credentials. */
    protected final ProgressLog progressLog(KnownSecrets secrets) {
        return ProgressLog.redacting(new MavenProgressLog(getLog()), secrets::redact);
    }

    /**
     * A bad setting as Maven reports it: a {@code MojoFailureException} whose message is redacted;
     * a cause whose message held a credential would print it under -e or -X, so it is then left out.
     */
    protected static MojoFailureException failure(KnownSecrets secrets, String message, Throwable cause) {
        String redacted = secrets.redact(message);
        return redacted.equals(message)
                ? new MojoFailureException(redacted, cause)
                : new MojoFailureException(redacted);
    }

    /** An unexpected error as Maven reports it, redacted as {@link #failure} is. */
    protected static MojoExecutionException error(KnownSecrets secrets, String message, Throwable cause) {
        String redacted = secrets.redact(message);
        return redacted.equals(message)
                ? new MojoExecutionException(redacted, cause)
                : new MojoExecutionException(redacted);
    }

    /** Accepts comma-separated values from the command line as well as list configuration. */
    static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** One key per goal: batch and check bound in the same build each run once. */
    private boolean firstExecutionInThisBuild() {
        String key = AbstractReverseSpecMojo.class.getName() + "." + goal() + ".ran";
        return session.getRepositorySession().getData().set(key, null, Boolean.TRUE);
    }
}
