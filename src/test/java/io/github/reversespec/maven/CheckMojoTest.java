package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.batch.CheckRequest;
import io.github.reversespec.batch.DriftKind;
import io.github.reversespec.context.KnownSecrets;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.DefaultRepositorySystemSession;
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

    /** A settings.xml server holding the key in plain text: the decrypter hands it back as it is. */
    private static final SettingsDecrypter PLAIN =
            request -> new org.apache.maven.settings.crypto.SettingsDecryptionResult() {
                @Override
                public Server getServer() {
                    return request.getServers().isEmpty()
                            ? null
                            : request.getServers().get(0);
                }

                @Override
                public List<Server> getServers() {
                    return request.getServers();
                }

                @Override
                public org.apache.maven.settings.Proxy getProxy() {
                    return request.getProxies().isEmpty()
                            ? null
                            : request.getProxies().get(0);
                }

                @Override
                public List<org.apache.maven.settings.Proxy> getProxies() {
                    return request.getProxies();
                }

                @Override
                public List<org.apache.maven.settings.building.SettingsProblem> getProblems() {
                    return List.of();
                }
            };

    @BeforeEach
    void mojo() throws Exception {
        Files.createDirectories(root.resolve("src/main/java/com/acme"));
        Files.writeString(root.resolve("src/main/java/com/acme/A.java"), "package com.acme;\n\npublic class A {}\n");
        Model model = new Model();
        model.setGroupId("com.acme");
        model.setArtifactId("app");
        model.setVersion("1.0");
        Build build = new Build();
        build.setDirectory(root.resolve("target").toString());
        build.setSourceDirectory(root.resolve("src/main/java").toString());
        build.setTestSourceDirectory(root.resolve("src/test/java").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(root.resolve("pom.xml").toFile());
        project.addCompileSourceRoot(build.getSourceDirectory());

        Settings settings = new Settings();
        Server server = new Server();
        server.setId("reverse-spec");
        server.setPassword(SERVER_KEY);
        settings.addServer(server);
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(root.toFile());
        request.setServers(settings.getServers());
        @SuppressWarnings("deprecation")
        MavenSession s = new MavenSession(
                null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
        s.setProjects(List.of(project));
        s.setAllProjects(List.of(project));
        s.setCurrentProject(project);
        session = s;

        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("1.2.3");
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("check");
        descriptor.setPluginDescriptor(plugin);

        mojo = new CheckMojo(PLAIN);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        });
        // The defaults of the plugin descriptor, as Maven would inject them.
        set("session", session);
        set("mojoExecution", new MojoExecution(descriptor));
        set("serverId", "reverse-spec");
        set("failOn", "missing,orphan,interface,prose");
    }

    private void set(String name, Object value) throws Exception {
        for (Class<?> c = CheckMojo.class; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name);
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
