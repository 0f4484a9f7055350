package io.github.reversespec.maven;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.DefaultRepositorySystemSession;

/** What the goals' tests need of Maven: a one-project session, an execution, and injected parameters. */
final class MojoHarness {

    private MojoHarness() {}

    /** A settings.xml server holding the key in plain text: the decrypter hands it back as it is. */
    static final SettingsDecrypter PLAIN = request -> new org.apache.maven.settings.crypto.SettingsDecryptionResult() {
        @Override
        public Server getServer() {
            return request.getServers().isEmpty() ? null : request.getServers().get(0);
        }

        @Override
        public List<Server> getServers() {
            return request.getServers();
        }

        @Override
        public org.apache.maven.settings.Proxy getProxy() {
            return request.getProxies().isEmpty() ? null : request.getProxies().get(0);
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

    /**
     * A session of one project {@code com.acme:app:1.0} rooted at {@code root} with one source file,
     * and a settings.xml server {@code reverse-spec} holding {@code serverKey}.
     */
    static MavenSession session(Path root, String serverKey) throws IOException {
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
        server.setPassword(serverKey);
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
        return s;
    }

    /** The execution of {@code goal} of plugin version {@code version}. */
    static MojoExecution execution(String goal, String version) {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion(version);
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal(goal);
        descriptor.setPluginDescriptor(plugin);
        return new MojoExecution(descriptor);
    }

    /** Sets a parameter field declared by the mojo's class or a superclass, as Maven injects it. */
    static void set(Object mojo, String name, Object value) throws Exception {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
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
}
