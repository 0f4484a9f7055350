package io.github.reversespec.graph;

import io.github.reversespec.analysis.UnitId;
import java.util.List;

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
 * @param dependents reactor units that use this one directly, sorted
 * @param cycle the other members of its cycle, sorted; empty when it is in none
 * @param externalPackages packages it imports that are not in the reactor (JDK included), sorted,
 *     distinct
 */
public record UnitNode(
        UnitId id,
        int position,
        int level,
        int block,
        List<UnitId> dependencies,
        List<UnitId> dependents,
        List<UnitId> cycle,
        List<String> externalPackages) {

    public UnitNode {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        cycle = List.copyOf(cycle);
        externalPackages = List.copyOf(externalPackages);
    }

    public boolean inCycle() {
        return !cycle.isEmpty();
    }
}
