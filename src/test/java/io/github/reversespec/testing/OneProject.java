package io.github.reversespec.testing;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.nio.file.Path;
import java.util.List;

/** The reactor of one project {@code g:acme:1} whose only source root is {@code src/main/java} under a temp dir. */
public final class OneProject {

    private OneProject() {}

    /** The reactor rooted at {@code root}. */
    public static ReactorModel reactor(Path root) {
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
                List.of(),
                List.of(),
                List.of());
        return new ReactorModel(root, List.of(project));
    }
}
