package io.github.reversespec.maven;

import io.github.reversespec.batch.BatchConfigurationException;
import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchResult;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitResult;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.generate.AstOnlyStep;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.reactor.ReactorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
public class BatchMojo extends AbstractMojo {

    /** Marks, per build, that the batch already ran (the goal may be bound in many modules). */
    private static final String RAN_KEY = BatchMojo.class.getName() + ".ran";

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /** Do nothing. */
    @Parameter(property = "reverse-spec.skip", defaultValue = "false")
    private boolean skip;

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

    /** Print the order, what would be written and requested, and the estimated tokens; write nothing. */
    @Parameter(property = "reverse-spec.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("reverse-spec: skipped (reverse-spec.skip=true).");
            return;
        }
        if (!firstExecutionInThisBuild()) {
            getLog().info("reverse-spec: the batch already ran for this reactor in this build; nothing to do for "
                    + session.getCurrentProject().getArtifactId() + ".");
            return;
        }
        BatchRequest request = request();
        BatchResult result;
        try (GenerationStep step = new AstOnlyStep()) {
            result = new BatchRunner(step, new MavenProgressLog(getLog())).run(request);
        } catch (BatchConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("reverse-spec: " + e.getMessage(), e);
        }
        if (failOnError && !result.failed().isEmpty()) {
            String units = result.failed().stream()
                    .limit(10)
                    .map(u -> u.id().display() + " (" + u.error() + ")")
                    .collect(Collectors.joining("; "));
            throw new MojoFailureException(result.failed().size() + " unit(s) failed: " + units + ". Details in "
                    + result.summaryPath() + "; fix them and run again to resume, or set reverse-spec.failOnError=false.");
        }
        if (result.stoppedEarly()) {
            throw new MojoFailureException("reverse-spec stopped early: " + result.stopReason()
                    + ". Completed specs are kept; run again to resume.");
        }
    }

    private BatchRequest request() throws MojoFailureException {
        ReactorModel reactor = MavenReactorReader.read(session);
        RefreshMode mode;
        try {
            mode = force ? RefreshMode.ALL : RefreshMode.parse(refresh);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        UnitSelector selector;
        try {
            selector = UnitSelector.of(split(includes), split(excludes));
        } catch (BatchConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (checkpointPath == null || checkpointPath.isBlank()) {
            throw new MojoFailureException("reverse-spec.checkpointPath is empty; leave it unset for the default "
                    + "specs/.reverse-spec-checkpoint.json.");
        }
        Path checkpoint;
        try {
            checkpoint = Path.of(checkpointPath.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new MojoFailureException("reverse-spec.checkpointPath '" + checkpointPath + "' is not a valid path: "
                    + e.getReason(), e);
        }
        String version = mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        return new BatchRequest(reactor, checkpoint, mode, selector, dryRun,
                Math.max(1, Runtime.getRuntime().availableProcessors()), "reverse-spec-maven-plugin/" + version);
    }

    /** Accepts comma-separated values from the command line as well as list configuration. */
    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private boolean firstExecutionInThisBuild() {
        return session.getRepositorySession().getData().set(RAN_KEY, null, Boolean.TRUE);
    }
}
