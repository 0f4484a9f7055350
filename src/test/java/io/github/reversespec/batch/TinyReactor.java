package io.github.reversespec.batch;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A two-package reactor in a temp dir, for the tests of what a run refuses, keeps and redacts. */
final class TinyReactor {

    final Path root;

    TinyReactor(Path root) throws IOException {
        this.root = root;
        write("src/main/java/com/acme/base/Ids.java", """
                package com.acme.base;

                /** Identifiers. */
                public final class Ids {
                    private Ids() {}

                    public static String next(String prefix) {
                        return prefix + 1;
                    }
                }
                """);
        write("src/main/java/com/acme/app/Main.java", """
                package com.acme.app;

                import com.acme.base.Ids;

                /** Entry point. */
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Ids.next("a"));
                    }
                }
                """);
    }

    void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    ReactorModel reactor() {
        ProjectModel project = new ProjectModel(
                "g",
                "acme",
                "1",
                "acme",
                "",
                root,
                "",
                0,
                List.of(root.resolve("src/main/java")),
                List.of(root.resolve("src/test/java")),
                List.of(),
                List.of());
        return new ReactorModel(root, List.of(project));
    }

    BatchRequest request(RefreshMode mode) {
        return new BatchRequest(
                reactor(),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                mode,
                UnitSelector.all(),
                false,
                1,
                1,
                "reverse-spec-maven-plugin/test");
    }

    /** Every file under {@code dir} (relative path to content), following no links. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    out.put(dir.relativize(p).toString(), WrittenFiles.text(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }
}
