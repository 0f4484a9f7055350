package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.analysis.ParseProblem;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven adapter: what of the session reaches the core, on real {@code MavenProject} objects. */
class MavenReactorReaderTest {

    @TempDir
    Path root;

    /**
     * A project as Maven builds it: absolute, interpolated build paths, the pom's source
     * directories registered as compile source roots.
     */
    private MavenProject project(String artifactId, String dir, Consumer<Model> pom) {
        Path base = dir.isEmpty() ? root : root.resolve(dir);
        Model model = new Model();
        model.setModelVersion("4.0.0");
        model.setGroupId("com.acme");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        Build build = new Build();
        build.setDirectory(base.resolve("target").toString());
        build.setSourceDirectory(base.resolve("src/main/java").toString());
        build.setTestSourceDirectory(base.resolve("src/test/java").toString());
        model.setBuild(build);
        pom.accept(model);
        MavenProject project = new MavenProject(model);
        project.setFile(base.resolve("pom.xml").toFile());
        project.addCompileSourceRoot(model.getBuild().getSourceDirectory());
        project.addTestCompileSourceRoot(model.getBuild().getTestSourceDirectory());
        return project;
    }

    private MavenProject project(String artifactId, String dir) {
        return project(artifactId, dir, m -> {});
    }

    /** A session over {@code all}, building {@code selected} (what {@code -pl} leaves). */
    private MavenSession session(List<MavenProject> all, List<MavenProject> selected) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(root.toFile());
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, request, new DefaultMavenExecutionResult(), selected);
        session.setAllProjects(all);
        return session;
    }

    private ReactorModel read(MavenProject... projects) throws MojoFailureException {
        return MavenReactorReader.read(session(List.of(projects), List.of(projects)));
    }

    private void mkdirs(String path) throws IOException {
        Files.createDirectories(root.resolve(path));
    }

    private static Dependency dependency(String artifactId, String scope) {
        Dependency d = new Dependency();
        d.setGroupId("com.acme");
        d.setArtifactId(artifactId);
        d.setVersion("1.0");
        d.setScope(scope);
        return d;
    }

    @Test
    void projectsComeInBuildOrderWhateverOrderTheyWereCollectedIn() throws Exception {
        MavenProject app = project("app", "app", m -> m.addDependency(dependency("core", null)));
        MavenProject core = project("core", "core");
        ReactorModel all = MavenReactorReader.read(session(List.of(app, core), List.of(app, core)));
        assertThat(all.projects()).extracting(ProjectModel::artifactId).containsExactly("core", "app");
        assertThat(all.projects()).extracting(ProjectModel::reactorIndex).containsExactly(0, 1);
        // -pl app: the same order and indexes, so the same bytes.
        ReactorModel onlyApp = MavenReactorReader.read(session(List.of(app, core), List.of(app)));
        assertThat(onlyApp.projects()).extracting(ProjectModel::artifactId).containsExactly("core", "app");
    }

    @Test
    void plSubsetIsMarkedSelectedWhileEveryProjectIsKeptInReactorOrder() throws Exception {
        MavenProject parent = project("parent", "");
        MavenProject util = project("util", "util");
        MavenProject app = project("app", "app", m -> {
            m.addDependency(dependency("util", null));
            m.addDependency(dependency("junit", "test"));
        });

        ReactorModel model = MavenReactorReader.read(session(List.of(parent, util, app), List.of(util)));

        assertThat(model.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(model.projects()).extracting(ProjectModel::artifactId).containsExactly("parent", "util", "app");
        assertThat(model.projects()).extracting(ProjectModel::reactorIndex).containsExactly(0, 1, 2);
        assertThat(model.projects()).extracting(ProjectModel::selected).containsExactly(false, true, false);
        assertThat(model.selected("com.acme:util")).isTrue();
        assertThat(model.selected("com.acme:app")).isFalse();
        ProjectModel appModel = model.project("com.acme:app").orElseThrow();
        assertThat(appModel.moduleDir()).isEqualTo("app");
        // util is not built, yet it is a reactor project: a reactor dependency, not an external one
        assertThat(appModel.reactorDependencies()).containsExactly("com.acme:util");
        assertThat(appModel.externalDependencies()).containsExactly("com.acme:junit:1.0:test");
    }

    @Test
    void withoutAllProjectsTheSelectedOnesAreTheReactor() throws Exception {
        MavenProject app = project("app", "");
        MavenSession session = session(List.of(app), List.of(app));
        session.setAllProjects(null);
        assertThat(MavenReactorReader.read(session).projects())
                .singleElement()
                .satisfies(p -> assertThat(p.selected()).isTrue());
    }

    @Test
    void resourceRootsComeFromTheResourcesWithoutGeneratedOnesOrOnesMovedByTargetPath() throws Exception {
        MavenProject app = project("app", "", m -> {
            m.getBuild().addResource(resource(root.resolve("src/main/resources").toString(), null));
            m.getBuild().addResource(resource("src/main/config", null)); // relative, as written in a pom
            m.getBuild()
                    .addResource(
                            resource(root.resolve("target/generated-resources").toString(), null));
            m.getBuild().addResource(resource(root.resolve("src/main/web").toString(), "static"));
        });

        assertThat(read(app).projects().get(0).resourceRoots())
                .containsExactly(root.resolve("src/main/resources"), root.resolve("src/main/config"));
    }

    private static org.apache.maven.model.Resource resource(String directory, String targetPath) {
        org.apache.maven.model.Resource r = new org.apache.maven.model.Resource();
        r.setDirectory(directory);
        r.setTargetPath(targetPath);
        return r;
    }

    @Test
    void generatedRootsUnderTheBuildDirectoryAreLeftOut() throws Exception {
        mkdirs("src/main/java");
        mkdirs("target/generated-sources/annotations");
        mkdirs("src/extra/java");
        MavenProject app = project("app", "");
        app.addCompileSourceRoot(
                root.resolve("target/generated-sources/annotations").toString());
        app.addCompileSourceRoot("src/extra/java"); // relative, as some plugins register it

        ProjectModel model = read(app).projects().get(0);
        assertThat(model.sourceRoots()).containsExactly(root.resolve("src/main/java"), root.resolve("src/extra/java"));
    }

    @Test
    void missingDefaultRootsAreSilentAndMissingConfiguredOnesAreReportedNamingTheProject() throws Exception {
        MavenProject aggregator = project("aggregator", "agg"); // no src/main/java, no src/test/java
        MavenProject custom = project(
                "custom",
                "custom",
                m -> m.getBuild()
                        .setSourceDirectory(root.resolve("custom/src/java").toString()));
        mkdirs("helped/src/main/java");
        MavenProject helped = project("helped", "helped");
        helped.addCompileSourceRoot(root.resolve("helped/src/added/java").toString()); // as build-helper does

        ReactorModel model = read(aggregator, custom, helped);
        assertThat(model.projects().get(0).sourceRoots()).isEmpty();
        assertThat(model.projects().get(0).testSourceRoots()).isEmpty();
        assertThat(model.projects().get(1).sourceRoots()).containsExactly(root.resolve("custom/src/java"));
        assertThat(model.projects().get(2).sourceRoots())
                .containsExactly(root.resolve("helped/src/main/java"), root.resolve("helped/src/added/java"));

        // what the run then warns and lists in the summary
        List<ParseProblem> problems = new ReactorAnalyzer(1)
                .analyze(model).projects().stream()
                        .flatMap(p -> p.problems().stream())
                        .toList();
        assertThat(problems)
                .extracting(ParseProblem::describe)
                .containsExactly(
                        "custom/src/java: source root of custom does not exist (check <sourceDirectory> in its pom and "
                                + "plugins that add source roots); skipped",
                        "helped/src/added/java: source root of helped does not exist (check <sourceDirectory> in its pom "
                                + "and plugins that add source roots); skipped");
    }

    @Test
    void theDefaultIsThePathNotThePomsSetting() throws Exception {
        // <sourceDirectory>src/main/java</sourceDirectory> written out is still the convention
        MavenProject app = project(
                "app",
                "",
                m -> m.getBuild()
                        .setSourceDirectory(root.resolve("src/main/java").toString()));
        ReactorModel model = read(app);
        assertThat(model.projects().get(0).sourceRoots()).isEmpty();
        assertThat(new ReactorAnalyzer(1).analyze(model).projects())
                .flatExtracting(ProjectAnalysis::problems)
                .isEmpty();
    }

    @Test
    void sourceEncodingIsReadPerProjectAndIsUtf8WhenUnset() throws Exception {
        MavenProject latin =
                project("latin", "latin", m -> m.addProperty("project.build.sourceEncoding", "ISO-8859-1"));
        MavenProject plain = project("plain", "plain");
        MavenProject blank = project("blank", "blank", m -> m.addProperty("project.build.sourceEncoding", " "));

        ReactorModel model = read(latin, plain, blank);
        assertThat(model.projects())
                .extracting(ProjectModel::sourceEncoding)
                .containsExactly(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8, StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownSourceEncodingIsAClearErrorNamingTheProjectAndTheProperty() {
        MavenProject odd = project("odd", "odd", m -> m.addProperty("project.build.sourceEncoding", "UTF-9"));
        MavenProject unresolved =
                project("unresolved", "u", m -> m.addProperty("project.build.sourceEncoding", "${enc}"));

        assertThatThrownBy(() -> read(project("fine", "fine"), odd))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("reverse-spec: project odd (odd/pom.xml) sets project.build.sourceEncoding to 'UTF-9', "
                        + "which is not a charset this Java runtime knows; set it to the encoding of its sources, "
                        + "such as UTF-8 or ISO-8859-1.");
        assertThatThrownBy(() -> read(unresolved))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("project unresolved (u/pom.xml) sets project.build.sourceEncoding to '${enc}'");
    }
}
