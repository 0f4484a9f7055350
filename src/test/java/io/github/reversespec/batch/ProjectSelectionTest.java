package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.generate.AstOnlyStep;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -pl} chooses whose specs are written; the whole reactor stays the context, so a spec is
 * the same bytes either way (PRODUCT.md, "Behaviour of batch", 1).
 */
class ProjectSelectionTest {

    private static final String UTIL_SPEC = "specs/util/com.acme.util.spec.md";
    private static final String APP_SPEC = "specs/app/com.acme.app.spec.md";
    private static final String INDEX = "specs/_index.spec.md";

    @TempDir
    Path root;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void sources() throws IOException {
        write("util/src/main/java/com/acme/util/Strings.java", """
                package com.acme.util;

                /** Small string helpers. */
                public final class Strings {
                    private Strings() {}

                    public static String trim(String s) {
                        return s.strip();
                    }
                }
                """);
        write("app/src/main/java/com/acme/app/Main.java", """
                package com.acme.app;

                import com.acme.util.Strings;

                /** Entry point. */
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Strings.trim(args[0]));
                    }
                }
                """);
        // a test in the other project exercises util: util's Test Coverage needs app as context too
        write("app/src/test/java/com/acme/app/StringsTest.java", """
                package com.acme.app;

                import com.acme.util.Strings;

                class StringsTest {
                    @org.junit.jupiter.api.Test
                    void trims() {
                        Strings.trim(" a ");
                    }
                }
                """);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** util, then app (which depends on it); {@code selected} are the artifactIds {@code -pl} chose. */
    private ReactorModel reactor(Set<String> selected) {
        ProjectModel util = project("util", 0, List.of());
        ProjectModel app = project("app", 1, List.of("com.acme:util"));
        return new ReactorModel(
                root,
                List.of(util.withSelected(selected.contains("util")), app.withSelected(selected.contains("app"))));
    }

    private ProjectModel project(String artifactId, int index, List<String> deps) {
        Path base = root.resolve(artifactId);
        return new ProjectModel(
                "com.acme",
                artifactId,
                "1.0",
                artifactId,
                "",
                base,
                artifactId,
                index,
                List.of(base.resolve("src/main/java")),
                List.of(base.resolve("src/test/java")),
                deps,
                List.of());
    }

    private BatchResult run(Set<String> selected, RefreshMode mode) throws Exception {
        return new BatchRunner(new AstOnlyStep(), log)
                .run(new BatchRequest(
                        reactor(selected),
                        Path.of("specs/.reverse-spec-checkpoint.json"),
                        mode,
                        UnitSelector.all(),
                        false,
                        1,
                        2,
                        "reverse-spec-maven-plugin/test"));
    }

    private Map<String, String> specFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("specs"))) {
            return files.filter(p -> p.toString().endsWith(".spec.md"))
                    .collect(Collectors.toMap(
                            p -> root.relativize(p).toString().replace('\\', '/'),
                            p -> {
                                try {
                                    return WrittenFiles.text(p);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            },
                            (a, b) -> a,
                            TreeMap::new));
        }
    }

    private void deleteSpecs() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("specs"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aSelectedProjectsSpecIsTheSameBytesAsFromAFullRunAndOnlyItIsWritten() throws Exception {
        run(Set.of("util", "app"), RefreshMode.MISSING);
        Map<String, String> full = specFiles();
        assertThat(full).containsOnlyKeys(UTIL_SPEC, APP_SPEC, INDEX);
        assertThat(full.get(UTIL_SPEC))
                .contains("**Used by** (1):")
                .contains("app:com.acme.app")
                .contains("StringsTest");
        deleteSpecs();

        // -pl util on a fresh specs/: its dependent and the dependent's tests still count
        BatchResult utilOnly = run(Set.of("util"), RefreshMode.MISSING);
        assertThat(utilOnly.units()).extracting(u -> u.id().display()).containsExactly("util:com.acme.util");
        assertThat(utilOnly.notSelected()).isEqualTo(1);
        assertThat(specFiles()).containsOnlyKeys(UTIL_SPEC, INDEX);
        assertThat(specFiles().get(UTIL_SPEC)).isEqualTo(full.get(UTIL_SPEC));
        assertThat(root.resolve("specs/_batch-summary.md"))
                .content()
                .contains("1 unit(s) were not selected by -pl or includes/excludes (used as context only).");

        // -pl app, its dependency's spec on disk as in the full run: the same bytes again, and the
        // index over both specs is the full run's
        int before = log.lines.size();
        BatchResult appOnly = run(Set.of("app"), RefreshMode.MISSING);
        assertThat(appOnly.units()).extracting(u -> u.id().display()).containsExactly("app:com.acme.app");
        assertThat(specFiles()).isEqualTo(full);
        assertThat(log.lines.subList(before, log.lines.size()))
                .contains("INFO [1/1] Processing app:com.acme.app...")
                .noneMatch(l -> l.contains("util:com.acme.util"));
    }

    @Test
    void forcedRunOfASelectionRewritesNothingAFullRunWrote() throws Exception {
        run(Set.of("util", "app"), RefreshMode.MISSING);
        Map<String, String> full = specFiles();

        BatchResult forced = run(Set.of("util"), RefreshMode.ALL);
        assertThat(forced.units()).singleElement().satisfies(u -> {
            assertThat(u.id().display()).isEqualTo("util:com.acme.util");
            assertThat(u.status()).isEqualTo(UnitStatus.UNCHANGED);
        });
        assertThat(specFiles()).isEqualTo(full);
    }

    @Test
    void noProjectSelectedWritesNoSpecButStillTheIndexAndSummary() throws Exception {
        BatchResult none = run(Set.of(), RefreshMode.MISSING);
        assertThat(none.units()).isEmpty();
        assertThat(none.notSelected()).isEqualTo(2);
        assertThat(specFiles()).containsOnlyKeys(INDEX);
        assertThat(root.resolve("specs/_batch-summary.json")).content().contains("\"notSelected\" : 2");
    }
}
