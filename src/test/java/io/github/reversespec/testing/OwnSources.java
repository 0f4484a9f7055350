package io.github.reversespec.testing;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.nio.file.Path;
import java.util.List;

/** This plugin's own main and test sources as a one-project reactor: real code, with every construct the models carry. */
public final class OwnSources {

    private OwnSources() {}

    /** The reactor rooted at the working directory (the project's base directory under Maven). */
    public static ReactorModel reactor() {
        Path root = Path.of("").toAbsolutePath();
        ProjectModel project = new ProjectModel(
                "io.github.reversespec",
                "reverse-spec-maven-plugin",
                "1",
                "plugin",
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
}
