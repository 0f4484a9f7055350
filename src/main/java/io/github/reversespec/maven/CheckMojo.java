package io.github.reversespec.maven;

import io.github.reversespec.batch.CheckRequest;
import io.github.reversespec.batch.CheckResult;
import io.github.reversespec.batch.CheckRunner;
import io.github.reversespec.batch.CheckedUnit;
import io.github.reversespec.batch.DriftKind;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.util.Set;
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
 * Compares the code with the specs under {@code specs/} and fails the build when they no longer
 * hold, the way a formatter check does. Per unit it reports {@code missing} (no spec), {@code
 * orphan} (a spec whose package is gone), {@code interface} (the public interface changed; the
 * members named), {@code dependency} (a dependency's public interface changed), {@code
 * implementation} (only non-public code changed), {@code edited} (changed by hand outside the notes
 * block) and {@code format} (not a spec this version reads), into {@code drift-logs/drift-report.md},
 * {@code drift-report.json} and {@code TEST-reverse-spec-check.xml} (JUnit XML for CI test
 * reporters). {@code mvn reverse-spec:batch -Dreverse-spec.refresh=stale} regenerates exactly what
 * it calls stale.
 *
 * <p>Runs once for the whole reactor, from the execution root, also when bound in a parent pom. No
 * model and no network; it reads sources only. It takes the run lock shared, so it never runs beside
 * a writing {@code batch}.
 *
 * <p>Failures: findings of a {@code failOn} kind, and bad settings (an unknown {@code failOn} kind, a
 * malformed package pattern, a {@code drift-logs/} that leads out of the root), are a {@code
 * MojoFailureException}; an unexpected I/O error is a {@code MojoExecutionException}.
 */
@Mojo(
        name = "check",
        aggregator = true,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE,
        requiresDependencyCollection = ResolutionScope.NONE,
        requiresOnline = false,
        defaultPhase = LifecyclePhase.VERIFY)
public class CheckMojo extends AbstractReverseSpecMojo {

    /**
     * The finding kinds that fail the build, comma-separated: any of {@code missing}, {@code orphan},
     * {@code interface}, {@code dependency}, {@code implementation}, {@code prose}, {@code edited},
     * {@code format}. The others are reported as warnings. {@code none}: never fail.
     */
    @Parameter(property = "reverse-spec.failOn", defaultValue = DriftKind.DEFAULT_FAIL_ON)
    private String failOn;

    @Inject
    public CheckMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        KnownSecrets secrets = configuredSecrets();
        CheckRequest request = request(secrets);
        CheckResult result;
        try {
            result = new CheckRunner(progressLog(secrets)).run(request);
        } catch (ConfigurationException e) {
            throw failure(secrets, e.getMessage(), e);
        } catch (IOException e) {
            throw error(secrets, "reverse-spec: " + e.getMessage(), e);
        }
        if (result.failed()) {
            throw failure(secrets, failureMessage(result), null);
        }
    }

    CheckRequest request(KnownSecrets secrets) throws MojoFailureException {
        Set<DriftKind> kinds;
        try {
            kinds = DriftKind.parseList(failOn);
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        return new CheckRequest(reactor(), selector(), kinds, analysisThreads(), generator(), secrets);
    }

    /** What failed, and what to run: the build's last words. */
    static String failureMessage(CheckResult result) {
        String units =
                result.failedUnits().stream().limit(10).map(CheckedUnit::unit).collect(Collectors.joining(", "));
        StringBuilder m = new StringBuilder("The specs no longer hold: ")
                .append(result.errors())
                .append(" error(s) in ")
                .append(result.failedUnits().size())
                .append(" unit(s) (")
                .append(units)
                .append(result.failedUnits().size() > 10 ? ", ..." : "")
                .append("). ");
        String advice = result.advice(true);
        if (!advice.isEmpty()) {
            m.append(advice).append(' ');
        }
        return m.append("Details in ")
                .append(SpecLayout.DRIFT_REPORT_MARKDOWN)
                .append("; reverse-spec.failOn chooses what fails the build.")
                .toString();
    }
}
