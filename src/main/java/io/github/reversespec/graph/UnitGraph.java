package io.github.reversespec.graph;

import io.github.reversespec.analysis.UnitId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reactor's units in processing order: every unit after the units it depends on, the members
 * of a cycle next to each other as one block. Deterministic for the same code.
 *
 * @param order every unit, in processing order
 */
public record UnitGraph(List<UnitNode> order) {

    public UnitGraph {
        order = List.copyOf(order);
    }

    public Map<UnitId, UnitNode> byId() {
        return order.stream().collect(Collectors.toUnmodifiableMap(UnitNode::id, Function.identity()));
    }

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

    public int size() {
        return order.size();
    }
}
