package io.github.reversespec.render;

import io.github.reversespec.graph.UnitCycle;
import io.github.reversespec.graph.UnusedDependency;
import io.github.reversespec.reactor.ProjectModel;
import java.util.List;

/**
 * What the architecture index is built from.
 *
 * @param generator {@code reverse-spec-maven-plugin/<version>}
 * @param entries every unit with a spec, this run's units in processing order, then specs found
 *     on disk that belong to no project of this reactor
 * @param projects the reactor's projects, in reactor order
 * @param cycles the dependency cycles of this run's graph, each with the edge that closes it
 * @param unusedDependencies the reactor module dependencies declared in a pom that no code uses
 */
public record IndexInput(
        String generator,
        List<IndexEntry> entries,
        List<ProjectModel> projects,
        List<UnitCycle> cycles,
        List<UnusedDependency> unusedDependencies) {

    /**
     * An input with no cycles and no unused dependencies.
     *
     * @param generator {@code reverse-spec-maven-plugin/<version>}
     * @param entries every unit with a spec
     * @param projects the reactor's projects, in reactor order
     */
    public IndexInput(String generator, List<IndexEntry> entries, List<ProjectModel> projects) {
        this(generator, entries, projects, List.of(), List.of());
    }

    public IndexInput {
        entries = List.copyOf(entries);
        projects = List.copyOf(projects);
        cycles = List.copyOf(cycles);
        unusedDependencies = List.copyOf(unusedDependencies);
    }
}
