package io.github.reversespec.graph;

import io.github.reversespec.analysis.SourceLine;
import io.github.reversespec.analysis.UnitId;
import java.util.List;
import java.util.Optional;

/**
 * One dependency cycle (a strongly connected component of more than one unit) and the edge that
 * closes it.
 *
 * <p>The loop is a shortest path of edges from the component's first member in processing order
 * back to it, found breadth-first with neighbours in {@link UnitId} order, so the same code always
 * gives the same loop. Its last edge, from {@link #closingFrom()} back to {@link #closingTo()},
 * is the edge named as the one that closes the cycle, with the import or reference that makes it.
 *
 * @param members every unit of the component, in processing order
 * @param loop the units of the loop in edge order, starting (and implicitly ending) with the first
 *     member; every consecutive pair is an edge, and so is the last unit to the first
 * @param closingSite where the closing edge comes from in the code, or null when unknown
 */
public record UnitCycle(List<UnitId> members, List<UnitId> loop, SourceLine closingSite) {

    public UnitCycle {
        members = List.copyOf(members);
        loop = List.copyOf(loop);
        if (loop.size() < 2 || !loop.get(0).equals(members.get(0))) {
            throw new IllegalArgumentException("a loop starts at the first member and has two units or more");
        }
    }

    /** The unit whose import or reference closes the cycle: the last of the loop. */
    public UnitId closingFrom() {
        return loop.get(loop.size() - 1);
    }

    /** The unit the closing edge goes back to: the first member. */
    public UnitId closingTo() {
        return loop.get(0);
    }

    /** Where the closing edge is made, when known. */
    public Optional<SourceLine> site() {
        return Optional.ofNullable(closingSite);
    }
}
