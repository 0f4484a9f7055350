package io.github.reversespec.graph;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reactor's units in processing order: every unit after the units it depends on, the members
 * of a cycle next to each other as one block. Deterministic for the same code.
 *
 * @param order every unit, in processing order
 * @param projectUses for each project key, the keys of the other reactor projects its code uses:
 *     a main or test file imports or names one of their types, or one of its packages (main or
 *     test) has the name of one of theirs; a project that uses none is absent
 */
public record UnitGraph(List<UnitNode> order, Map<String, Set<String>> projectUses) {

    /**
     * A graph with no knowledge of how projects use each other (tests).
     *
     * @param order every unit, in processing order
     */
    public UnitGraph(List<UnitNode> order) {
        this(order, Map.of());
    }

    public UnitGraph {
        order = List.copyOf(order);
        Map<String, Set<String>> uses = new TreeMap<>();
        (projectUses == null ? Map.<String, Set<String>>of() : projectUses)
                .forEach((k, v) -> uses.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        projectUses = Collections.unmodifiableMap(uses);
    }

    /** Every node by its unit. */
    public Map<UnitId, UnitNode> byId() {
        return order.stream().collect(Collectors.toUnmodifiableMap(UnitNode::id, Function.identity()));
    }

    /**
     * The node of one unit.
     *
     * @param id the unit
     * @return its node
     * @throws NoSuchElementException when the unit is not in the graph
     */
    public UnitNode node(UnitId id) {
        return order.stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("unit not in graph: " + id));
    }

    /** The blocks in order; each block is a cycle's members or a single unit. */
    public List<List<UnitNode>> blocks() {
        return order.stream()
                .collect(Collectors.groupingBy(UnitNode::block, java.util.TreeMap::new, Collectors.toList()))
                .values()
                .stream()
                .toList();
    }

    /** The number of units. */
    public int size() {
        return order.size();
    }

    /**
     * Every dependency cycle, in processing order, each with the edge that closes it (see {@link
     * UnitCycle}).
     *
     * @return one entry per block of more than one unit
     */
    public List<UnitCycle> cycles() {
        List<UnitCycle> cycles = new ArrayList<>();
        Map<UnitId, UnitNode> byId = null;
        for (List<UnitNode> block : blocks()) {
            if (block.size() < 2) {
                continue;
            }
            if (byId == null) {
                byId = byId();
            }
            cycles.add(cycle(block, byId));
        }
        return cycles;
    }

    /** A shortest loop from the block's first member back to it, breadth-first in sorted order. */
    private static UnitCycle cycle(List<UnitNode> block, Map<UnitId, UnitNode> byId) {
        UnitId first = block.get(0).id();
        Set<UnitId> members = new HashSet<>();
        block.forEach(n -> members.add(n.id()));
        Map<UnitId, UnitId> parent = new HashMap<>();
        Deque<UnitId> queue = new ArrayDeque<>();
        queue.add(first);
        parent.put(first, first);
        UnitId last = null;
        while (!queue.isEmpty() && last == null) {
            UnitId at = queue.removeFirst();
            for (UnitId next : byId.get(at).dependencies()) {
                if (!members.contains(next)) {
                    continue;
                }
                if (next.equals(first)) {
                    last = at;
                    break;
                }
                if (parent.putIfAbsent(next, at) == null) {
                    queue.addLast(next);
                }
            }
        }
        if (last == null) {
            throw new IllegalStateException("a block of " + block.size() + " units without a loop: " + first);
        }
        List<UnitId> loop = new ArrayList<>();
        for (UnitId at = last; !at.equals(first); at = parent.get(at)) {
            loop.add(0, at);
        }
        loop.add(0, first);
        UnitId closing = last;
        return new UnitCycle(
                block.stream().map(UnitNode::id).toList(),
                loop,
                byId.get(closing).siteOf(first).orElse(null));
    }

    /**
     * The reactor dependencies declared in the poms that no code uses (see {@link
     * UnusedDependency}), in the order of the projects and then of their declarations.
     *
     * @param projects the reactor's projects, in reactor order
     * @return every declared reactor dependency that {@link #projectUses()} does not show
     */
    public List<UnusedDependency> unusedDeclaredDependencies(List<ProjectModel> projects) {
        Map<String, ProjectModel> byKey = new HashMap<>();
        projects.forEach(p -> byKey.putIfAbsent(p.key(), p));
        Set<String> withCode = new HashSet<>();
        order.forEach(n -> withCode.add(n.id().projectKey()));
        List<UnusedDependency> unused = new ArrayList<>();
        for (ProjectModel p : projects) {
            Set<String> uses = projectUses.getOrDefault(p.key(), Set.of());
            for (String dep : p.reactorDependencies()) {
                ProjectModel target = byKey.get(dep);
                if (target != null && !dep.equals(p.key()) && !uses.contains(dep)) {
                    unused.add(new UnusedDependency(p, target, withCode.contains(dep), withCode.contains(p.key())));
                }
            }
        }
        return unused;
    }
}
