package io.github.reversespec.analysis;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes small reactors into a temporary directory for the analysis tests. */
final class SourceTree {

    private record Spec(
            String artifactId,
            String moduleDir,
            List<String> mainRoots,
            List<String> testRoots,
            List<String> deps,
            boolean existingRootsOnly) {}

    private final Path root;
    private final List<Spec> specs = new ArrayList<>();
    private final Map<String, Charset> encodings = new HashMap<>();

    SourceTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes a UTF-8 file relative to the root (parents created) and returns its path. */
    Path write(String relative, String content) {
        return writeBytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String relative, byte[] content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a project in {@code moduleDir} with {@code src/main/java} and {@code src/test/java},
     * passing only the roots that exist when analysed (as the Maven adapter does).
     */
    SourceTree project(String artifactId, String moduleDir, String... reactorDependencies) {
        specs.add(new Spec(
                artifactId,
                moduleDir,
                List.of("src/main/java"),
                List.of("src/test/java"),
                List.of(reactorDependencies),
                true));
        return this;
    }

    /** Adds a project with the given roots, passed whether they exist or not. */
    SourceTree project(String artifactId, String moduleDir, List<String> mainRoots, List<String> testRoots) {
        specs.add(new Spec(artifactId, moduleDir, mainRoots, testRoots, List.of(), false));
        return this;
    }

    /** Sets the source encoding of a project added before (UTF-8 otherwise). */
    SourceTree encoding(String artifactId, Charset charset) {
        encodings.put(artifactId, charset);
        return this;
    }

    ReactorModel reactor() {
        List<ProjectModel> projects = new ArrayList<>();
        for (Spec s : specs) {
            Path base = s.moduleDir().isEmpty() ? root : root.resolve(s.moduleDir());
            projects.add(new ProjectModel(
                    "com.acme",
                    s.artifactId(),
                    "1.0",
                    s.artifactId(),
                    "",
                    base,
                    s.moduleDir(),
                    projects.size(),
                    roots(base, s.mainRoots(), s.existingRootsOnly()),
                    roots(base, s.testRoots(), s.existingRootsOnly()),
                    s.deps(),
                    List.of(),
                    encodings.getOrDefault(s.artifactId(), StandardCharsets.UTF_8),
                    true));
        }
        return new ReactorModel(root, projects);
    }

    private static List<Path> roots(Path base, List<String> roots, boolean existingOnly) {
        return roots.stream()
                .map(base::resolve)
                .filter(p -> !existingOnly || Files.isDirectory(p))
                .toList();
    }

    ReactorAnalysis analyze(int threads) {
        return new ReactorAnalyzer(threads).analyze(reactor());
    }

    ReactorAnalysis analyze() {
        return analyze(2);
    }

    static UnitAnalysis unit(ReactorAnalysis analysis, String artifactId, String pkg) {
        return analysis.units()
                .filter(u -> u.id().artifactId().equals(artifactId)
                        && u.id().packageName().equals(pkg))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + artifactId + ":" + pkg + " in "
                        + analysis.units().map(UnitAnalysis::id).toList()));
    }

    static TypeModel type(UnitAnalysis unit, String name) {
        return unit.types().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no type " + name + " in "
                        + unit.types().stream().map(TypeModel::name).toList()));
    }

    static MemberModel member(TypeModel type, String name) {
        return type.members().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name + " in "
                        + type.members().stream().map(MemberModel::signature).toList()));
    }
}
