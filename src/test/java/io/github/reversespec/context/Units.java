package io.github.reversespec.context;

import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.SpecFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a one-project source tree into a directory and analyses it with the real analyser, so
 * the assembler is tested on the facts the pipeline really produces.
 */
final class Units {

    static final String MAIN = "src/main/java/";

    private final Path root;
    private String description = "";
    private Charset encoding = StandardCharsets.UTF_8;
    private final List<DependencySummary> dependencies = new ArrayList<>();
    private final List<String> externalPackages = new ArrayList<>();
    private final Set<String> analysed = new HashSet<>();

    Units(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes {@code src/main/java/<path>} as UTF-8. */
    Units write(String path, String content) {
        return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Units writeBytes(String path, byte[] content) {
        try {
            Path file = root.resolve(MAIN + path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Units description(String text) {
        this.description = text;
        return this;
    }

    /** The project's source encoding ({@code project.build.sourceEncoding}). */
    Units encoding(Charset charset) {
        this.encoding = charset;
        return this;
    }

    Units dependency(String pkg, String intent, String status) {
        dependencies.add(new DependencySummary(id(pkg), intent, status));
        return this;
    }

    /** A dependency written into the same tree: its summary carries its analysed exported types, as the plan's do. */
    Units analysedDependency(String pkg, String intent, String status) {
        analysed.add(pkg);
        return dependency(pkg, intent, status);
    }

    Units external(String... packages) {
        externalPackages.addAll(List.of(packages));
        return this;
    }

    static UnitId id(String pkg) {
        return new UnitId("com.acme:app", "app", "", pkg);
    }

    /** Analyses the tree and returns the facts of {@code pkg}. */
    SpecFacts facts(String pkg) {
        ProjectModel project = new ProjectModel(
                "com.acme",
                "app",
                "1.0",
                "App",
                description,
                root,
                "",
                0,
                List.of(root.resolve(MAIN)),
                List.of(),
                List.of(),
                List.of(),
                encoding,
                true);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(new ReactorModel(root, List.of(project)));
        UnitAnalysis unit = analysis.units()
                .filter(u -> u.id().packageName().equals(pkg))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + pkg));
        UnitNode node = new UnitNode(
                unit.id(),
                0,
                0,
                0,
                dependencies.stream().map(DependencySummary::id).toList(),
                List.of(),
                List.of(),
                externalPackages);
        List<TypeCoverage> coverage = unit.types().stream()
                .filter(t -> !t.isNested())
                .map(t -> new TypeCoverage(t.name(), List.of()))
                .toList();
        List<DependencySummary> summaries = dependencies.stream()
                .map(d -> analysed.contains(d.id().packageName())
                        ? new DependencySummary(
                                d.id(),
                                d.intent(),
                                d.status(),
                                analysis.units()
                                        .filter(u -> u.id().packageName().equals(d.id().packageName()))
                                        .findFirst()
                                        .orElseThrow()
                                        .exportedTypes())
                        : d)
                .toList();
        return new SpecFacts(unit, node, project, Optional.empty(), coverage, List.of(), summaries, List.of());
    }
}
