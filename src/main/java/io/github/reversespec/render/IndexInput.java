package io.github.reversespec.render;

import io.github.reversespec.reactor.ProjectModel;
import java.util.List;

/**
 * What the architecture index is built from.
 *
 * @param generator {@code reverse-spec-maven-plugin/<version>}
 * @param entries every unit with a spec, this run's units in processing order, then specs found
 *     on disk that belong to no project of this reactor
 * @param projects the reactor's projects, in reactor order
 */
public record IndexInput(String generator, List<IndexEntry> entries, List<ProjectModel> projects) {

    public IndexInput {
        entries = List.copyOf(entries);
        projects = List.copyOf(projects);
    }
}
