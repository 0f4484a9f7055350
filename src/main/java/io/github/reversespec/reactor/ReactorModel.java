package io.github.reversespec.reactor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reactor being documented: its execution root and all its projects in reactor order, also
 * those {@code -pl} left out (they are context: their code is what other specs' dependencies and
 * dependents are made of).
 *
 * @param root the execution root; every output path is relative to it
 * @param projects every reactor project, in Maven's reactor order; {@link ProjectModel#selected()}
 *     says whose specs are written
 */
public record ReactorModel(Path root, List<ProjectModel> projects) {

    public ReactorModel {
        root = root.toAbsolutePath().normalize();
        projects = List.copyOf(projects);
    }

    public Optional<ProjectModel> project(String key) {
        return projects.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Whether the run writes the specs of the project with this key; false for a key not in the reactor. */
    public boolean selected(String projectKey) {
        return project(projectKey).map(ProjectModel::selected).orElse(false);
    }
}
