package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.context.KnownSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's parameters as the core receives them, and the goal's own guards. */
class BatchMojoTest {

    private static final String SERVER_KEY = "sk-from-settings-0123456789";

    @TempDir
    Path root;

    private final List<String> logged = new ArrayList<>();
    private BatchMojo mojo;
    private MavenSession session;

    @BeforeEach
    void mojo() throws Exception {
        session = MojoHarness.session(root, SERVER_KEY);

        mojo = new BatchMojo(MojoHarness.PLAIN);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        });
        // The defaults of the plugin descriptor, as Maven would inject them.
        set("session", session);
        set("mojoExecution", MojoHarness.execution("batch", "1.2.3"));
        set("serverId", "reverse-spec");
        set("refresh", "missing");
        set("checkpointPath", "specs/.reverse-spec-checkpoint.json");
        set("failOnError", true);
        set("provider", "none");
        set("requestTimeout", 300);
        set("maxRetries", 3);
        set("contextTokens", 32000);
        set("concurrency", 4);
        set("language", "English");
    }

    private void set(String name, Object value) throws Exception {
        MojoHarness.set(mojo, name, value);
    }

    @Test
    void theDefaultsBecomeTheRequestTheCoreRuns() throws Exception {
        BatchRequest r = mojo.request(KnownSecrets.none());
        assertThat(r.refresh()).isEqualTo(RefreshMode.MISSING);
        assertThat(r.checkpointPath()).isEqualTo(Path.of("specs/.reverse-spec-checkpoint.json"));
        assertThat(r.concurrency()).isEqualTo(4);
        assertThat(r.generator()).isEqualTo("reverse-spec-maven-plugin/1.2.3");
        assertThat(r.overwriteEdited()).isFalse();
        assertThat(r.dryRun()).isFalse();
        assertThat(r.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(r.reactor().projects()).extracting(p -> p.artifactId()).containsExactly("app");
    }

    @Test
    void forceRefreshAndThePatternsAreMapped() throws Exception {
        set("refresh", "STALE");
        assertThat(mojo.request(KnownSecrets.none()).refresh()).isEqualTo(RefreshMode.STALE);
        set("force", true);
        set("overwriteEdited", true);
        set("includes", List.of("com.acme.a, app:com.acme.b"));
        set("excludes", List.of("com.acme.b"));
        BatchRequest r = mojo.request(KnownSecrets.none());
        assertThat(r.refresh()).isEqualTo(RefreshMode.ALL);
        assertThat(r.overwriteEdited()).isTrue();
        assertThat(r.selector().selects(new UnitId("com.acme:app", "app", "", "com.acme.a")))
                .isTrue();
        assertThat(r.selector().selects(new UnitId("com.acme:app", "app", "", "com.acme.b")))
                .isFalse();
        assertThat(r.selector().selects(new UnitId("com.acme:app", "app", "", "com.acme")))
                .isFalse();
    }

    @Test
    void badSettingsFailNamingTheSetting() throws Exception {
        set("refresh", "sometimes");
        assertThatThrownBy(() -> mojo.request(KnownSecrets.none()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("reverse-spec.refresh");
        set("refresh", "missing");
        set("checkpointPath", " ");
        assertThatThrownBy(() -> mojo.request(KnownSecrets.none()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("reverse-spec.checkpointPath is empty");
        set("checkpointPath", "specs/a\u0000b.json");
        assertThatThrownBy(() -> mojo.request(KnownSecrets.none()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not a valid path");
        set("checkpointPath", "specs/x.json");
        set("includes", List.of("com..acme"));
        assertThatThrownBy(() -> mojo.request(KnownSecrets.none()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("com..acme");
    }

    @Test
    void theServersPasswordIsAConfiguredSecretEvenWhenNoModelIsUsed() throws Exception {
        KnownSecrets secrets = mojo.configuredSecrets();
        assertThat(secrets.redact("key " + SERVER_KEY)).isEqualTo("key [REDACTED:api-key]");
    }

    @Test
    void skipDoesNothingAndTheGoalRunsOncePerBuild() throws Exception {
        set("skip", true);
        mojo.execute();
        assertThat(root.resolve("specs")).doesNotExist();
        assertThat(logged).contains("reverse-spec: skipped (reverse-spec.skip=true).");

        set("skip", false);
        mojo.execute();
        assertThat(root.resolve("specs/com.acme.spec.md")).exists();
        logged.clear();
        mojo.execute(); // bound in another module of the same build
        assertThat(logged).singleElement().asString().contains("batch already ran for this reactor");
    }
}
