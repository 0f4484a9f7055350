package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.AstOnlyStep;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository keeps its own AST-only specs under {@code specs/}, written by the README's main
 * command. Like a formatting check, this fails when they no longer match the code: regenerate them
 * with README command 1 and commit {@code specs/}.
 */
class SelfSpecsAreCurrentTest {

    private static final Path PROJECT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @TempDir
    Path copy;

    @Test
    void committedSpecsMatchTheCode() throws Exception {
        Model pom;
        try (Reader reader = Files.newBufferedReader(PROJECT.resolve("pom.xml"))) {
            pom = new MavenXpp3Reader().read(reader);
        }
        copyTree(PROJECT.resolve("src/main/java"), copy.resolve("src/main/java"));
        copyTree(PROJECT.resolve("src/test/java"), copy.resolve("src/test/java"));

        new BatchRunner(new AstOnlyStep(), ProgressLog.SILENT)
                .run(new BatchRequest(
                        new ReactorModel(copy, List.of(project(pom))),
                        Path.of("specs/.reverse-spec-checkpoint.json"),
                        RefreshMode.ALL,
                        UnitSelector.all(),
                        false,
                        1,
                        2,
                        "reverse-spec-maven-plugin/" + pom.getVersion()));

        Map<String, String> expected = specs(copy.resolve("specs"));
        Map<String, String> committed = specs(PROJECT.resolve("specs"));
        assertThat(committed.keySet())
                .as("spec files in specs/ (regenerate with README command 1 and commit specs/)")
                .isEqualTo(expected.keySet());
        expected.forEach((file, text) -> assertThat(committed.get(file))
                .as("specs/%s is not current: regenerate with README command 1 and commit specs/", file)
                .isEqualTo(text));
    }

    /** The project as MavenReactorReader sees it: declared dependencies, interpolated. */
    private ProjectModel project(Model pom) {
        List<String> external = new ArrayList<>();
        for (Dependency d : pom.getDependencies()) {
            String gav = d.getGroupId() + ":" + d.getArtifactId() + ":" + interpolate(d.getVersion(), pom);
            String scope = d.getScope();
            external.add(scope == null || scope.isEmpty() || scope.equals("compile") ? gav : gav + ":" + scope);
        }
        return new ProjectModel(
                pom.getGroupId(),
                pom.getArtifactId(),
                pom.getVersion(),
                pom.getName(),
                pom.getDescription(),
                copy,
                "",
                0,
                List.of(copy.resolve("src/main/java")),
                List.of(copy.resolve("src/test/java")),
                List.of(),
                external);
    }

    private static String interpolate(String value, Model pom) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v = key.equals("project.version")
                    ? pom.getVersion()
                    : pom.getProperties().getProperty(key, m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        return m.appendTail(sb).toString();
    }

    private static Map<String, String> specs(Path dir) throws IOException {
        Map<String, String> specs = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return specs;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".spec.md"))
                    .toList()) {
                specs.put(dir.relativize(p).toString(), WrittenFiles.text(p));
            }
        }
        return specs;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
