package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.batch.CheckRequest;
import io.github.reversespec.batch.DriftKind;
import io.github.reversespec.context.KnownSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal's parameters as the core receives them, and what it tells a failing build. */
class CheckMojoTest {

    private static final String SERVER_KEY = "sk-from-settings-0123456789";

    @TempDir
    Path root;

    private final List<String> logged = new ArrayList<>();
    private CheckMojo mojo;
    private MavenSession session;

    @BeforeEach
    void mojo() throws Exception {
        session = MojoHarness.session(root, SERVER_KEY);

        mojo = new CheckMojo(MojoHarness.PLAIN);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        });
        // The defaults of the plugin descriptor, as Maven would inject them.
        set("session", session);
        set("mojoExecution", MojoHarness.execution("check", "1.2.3"));
        set("serverId", "reverse-spec");
        set("failOn", "missing,orphan,interface,prose");
    }

    private void set(String name, Object value) throws Exception {
        MojoHarness.set(mojo, name, value);
    }

    @Test
    void theDefaultsBecomeTheRequestTheCoreRuns() throws Exception {
        CheckRequest r = mojo.request(KnownSecrets.none());
        assertThat(r.failOn())
                .containsExactlyInAnyOrder(DriftKind.MISSING, DriftKind.ORPHAN, DriftKind.INTERFACE, DriftKind.PROSE);
        assertThat(r.generator()).isEqualTo("reverse-spec-maven-plugin/1.2.3");
        assertThat(r.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(r.reactor().projects()).extracting(p -> p.artifactId()).containsExactly("app");
        assertThat(r.selector().selectsAll()).isTrue();
    }

    @Test
    void failOnAndThePatternsAreMapped() throws Exception {
        set("failOn", "implementation, EDITED");
        set("includes", List.of("com.acme.a"));
        CheckRequest r = mojo.request(KnownSecrets.none());
        assertThat(r.failOn()).containsExactlyInAnyOrder(DriftKind.IMPLEMENTATION, DriftKind.EDITED);
        assertThat(r.selector().selects(new UnitId("com.acme:app", "app", "", "com.acme.a")))
                .isTrue();
        assertThat(r.selector().selects(new UnitId("com.acme:app", "app", "", "com.acme.b")))
                .isFalse();
        set("failOn", "none");
        assertThat(mojo.request(KnownSecrets.none()).failOn()).isEmpty();
    }

    @Test
    void anUnknownFailOnKindFailsNamingTheParameterAndTheValidKinds() throws Exception {
        set("failOn", "interface,drift");
        assertThatThrownBy(() -> mojo.request(KnownSecrets.none()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("reverse-spec.failOn")
                .hasMessageContaining("'drift'")
                .hasMessageContaining("missing, orphan, interface, dependency, implementation, prose, edited, format");
    }

    @Test
    void aMissingSpecFailsTheBuildSayingWhatToRunAndTheReportsAreWritten() throws Exception {
        assertThatThrownBy(() -> mojo.execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("app:com.acme")
                .hasMessageContaining("mvn reverse-spec:batch -Dreverse-spec.refresh=stale")
                .hasMessageContaining("drift-logs/drift-report.md");
        assertThat(root.resolve("drift-logs/drift-report.json")).exists();
        assertThat(root.resolve("drift-logs/TEST-reverse-spec-check.xml")).exists();
    }

    @Test
    void warningsOnlyDoNotFailAndSkipDoesNothing() throws Exception {
        set("failOn", "orphan");
        mojo.execute();
        assertThat(Files.readString(root.resolve("drift-logs/drift-report.json")))
                .contains("\"severity\" : \"warning\"");
        Files.delete(root.resolve("drift-logs/drift-report.json"));
        set("skip", true);
        set("failOn", "missing");
        mojo.execute();
        assertThat(root.resolve("drift-logs/drift-report.json")).doesNotExist();
        assertThat(logged).contains("reverse-spec: skipped (reverse-spec.skip=true).");
    }
}
