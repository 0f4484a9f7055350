package io.github.reversespec.graph;

import io.github.reversespec.analysis.SourceLine;
import io.github.reversespec.analysis.UnitId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit's place in the graph.
 *
 * @param id the unit
 * @param position 0-based position in the processing order
 * @param level 0 for units that depend on no other reactor unit; otherwise one more than the
 *     highest level among the units it depends on outside its own cycle (the members of a cycle
 *     share a level)
 * @param block index of its strongly connected component in the order (units of one cycle share
 *     it)
 * @param dependencies reactor units this one uses directly (imports, static imports,
 *     fully-qualified references), sorted, never itself
 * @param dependents reactor units that use this one directly: those of its own project first,
 *     then the others, each group sorted, so that any sample of them starts with its own module
 * @param cycle the other members of its cycle, sorted; empty when it is in none
 * @param externalPackages packages it imports that are not in the reactor (JDK included), sorted,
 *     distinct
 * @param dependencySites for each dependency whose place is known, the first place (in file path
 *     order, then line) of an import or fully-qualified reference of this unit that resolves to
 *     it: the witness of the edge
 */
public record UnitNode(
        UnitId id,
        int position,
        int level,
        int block,
        List<UnitId> dependencies,
        List<UnitId> dependents,
        List<UnitId> cycle,
        List<String> externalPackages,
        Map<UnitId, SourceLine> dependencySites) {

    /**
     * A node whose edges have no known place (tests).
     *
     * @param id the unit
     * @param position its position in the order
     * @param level its level
     * @param block its block
     * @param dependencies the units it uses
     * @param dependents the units that use it
     * @param cycle the other members of its cycle
     * @param externalPackages the packages outside the reactor it imports
     */
    public UnitNode(
            UnitId id,
            int position,
            int level,
            int block,
            List<UnitId> dependencies,
            List<UnitId> dependents,
            List<UnitId> cycle,
            List<String> externalPackages) {
        this(id, position, level, block, dependencies, dependents, cycle, externalPackages, Map.of());
    }

    public UnitNode {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        cycle = List.copyOf(cycle);
        externalPackages = List.copyOf(externalPackages);
        dependencySites = dependencySites == null ? Map.of() : Map.copyOf(dependencySites);
    }

    /** Whether it is in a dependency cycle. */
    public boolean inCycle() {
        return !cycle.isEmpty();
    }

    /**
     * Where this unit's code first names a dependency.
     *
     * @param dependency one of {@link #dependencies()}
     * @return the import or reference that makes the edge, or empty when unknown
     */
    public Optional<SourceLine> siteOf(UnitId dependency) {
        return Optional.ofNullable(dependencySites.get(dependency));
    }
}
