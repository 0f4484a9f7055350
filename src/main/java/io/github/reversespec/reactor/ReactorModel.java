package io.github.reversespec.reactor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reactor being documented: its execution root and its projects in reactor order.
 *
 * @param root the execution root; every output path is relative to it
 * @param projects the selected reactor projects, in Maven's reactor order
 */
public record ReactorModel(Path root, List<ProjectModel> projects) {

    public ReactorModel {
        root = root.toAbsolutePath().normalize();
        projects = List.copyOf(projects);
    }

    public Optional<ProjectModel> project(String key) {
        return projects.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
