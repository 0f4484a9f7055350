package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.graph.UnitNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each unit of a run starts: up to {@code concurrency} at once, a unit only once every unit
 * it depends on outside its cycle is settled (its spec written), the members of a cycle together,
 * and of the units ready the one heading the longest chain of waiting units first (with fewer
 * slots than ready units, starting the critical path early shortens the run). What a unit does is
 * the {@link UnitProcessor}'s.
 */
final class Scheduler {

    private final List<UnitNode> selected;
    private final int concurrency;
    private final ProgressLog log;

    Scheduler(List<UnitNode> selected, int concurrency, ProgressLog log) {
        this.selected = selected;
        this.concurrency = concurrency;
        this.log = log;
    }

    /**
     * Runs the selected units with up to {@code concurrency} in flight, each started only when
     * every unit it depends on outside its own cycle is settled (its spec written); the members
     * of a cycle start together, and of the units ready the one heading the longest chain of
     * waiting units goes first. Results come back in processing order whatever the completion
     * order.
     */
    List<UnitResult> run(UnitProcessor processor) {
        int total = selected.size();
        Map<UnitId, Integer> positions = new HashMap<>();
        for (int i = 0; i < total; i++) {
            positions.put(selected.get(i).id(), i);
        }
        // Per block: the selected units outside it that must be settled first.
        Map<Integer, java.util.Set<UnitId>> waitingFor = new HashMap<>();
        Map<UnitId, List<Integer>> blocksWaitingOn = new HashMap<>();
        Map<Integer, List<UnitNode>> members = new java.util.TreeMap<>();
        for (UnitNode node : selected) {
            members.computeIfAbsent(node.block(), b -> new ArrayList<>()).add(node);
            java.util.Set<UnitId> deps = waitingFor.computeIfAbsent(node.block(), b -> new java.util.HashSet<>());
            for (UnitId dep : node.dependencies()) {
                if (positions.containsKey(dep) && !node.cycle().contains(dep) && deps.add(dep)) {
                    blocksWaitingOn.computeIfAbsent(dep, d -> new ArrayList<>()).add(node.block());
                }
            }
        }
        // Per block: the longest chain of blocks that wait on it, itself included. Of the ready
        // units the one with the longest chain behind it goes first (then processing order): with
        // fewer slots than ready units, starting the critical path early shortens the run.
        Map<Integer, Integer> chain = new HashMap<>();
        for (int i = total - 1; i >= 0; i--) {
            UnitNode node = selected.get(i);
            int longest = chain.getOrDefault(node.block(), 1);
            for (int dependent : blocksWaitingOn.getOrDefault(node.id(), List.of())) {
                longest = Math.max(longest, chain.getOrDefault(dependent, 1) + 1);
            }
            chain.put(node.block(), longest);
        }
        java.util.PriorityQueue<UnitNode> ready =
                new java.util.PriorityQueue<>(java.util.Comparator.<UnitNode>comparingInt(n -> -chain.get(n.block()))
                        .thenComparingInt(UnitNode::position));
        members.forEach((block, nodes) -> {
            if (waitingFor.get(block).isEmpty()) {
                ready.addAll(nodes);
            }
        });

        UnitResult[] results = new UnitResult[total];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(concurrency, total == 0 ? 1 : total)), r -> {
                    Thread t = new Thread(r, "reverse-spec-unit");
                    t.setDaemon(true);
                    return t;
                });
        // A unit is settled once its spec is written: its dependents may start while its
        // checkpoint entry is still being saved (that save only matters to a later resume).
        java.util.concurrent.BlockingQueue<Object> settledUnits = new java.util.concurrent.LinkedBlockingQueue<>();
        int inFlight = 0;
        boolean drained = false;
        try {
            for (int settled = 0; settled < total; ) {
                while (!processor.stopping() && inFlight < concurrency && !ready.isEmpty()) {
                    UnitNode node = ready.poll();
                    int at = positions.get(node.id());
                    pool.execute(() -> {
                        UnitResult r;
                        try {
                            r = processor.process(node);
                        } catch (Throwable t) {
                            settledUnits.add(t);
                            throw t;
                        }
                        results[at] = r;
                        settledUnits.add(at);
                        if (r.status() != UnitStatus.PENDING) {
                            processor.saveCheckpoint(node, r);
                        }
                    });
                    inFlight++;
                }
                if (inFlight == 0) {
                    break; // stopped, or nothing left that can start
                }
                Object next = settledUnits.take();
                if (next instanceof Throwable t) {
                    throw new IllegalStateException("a unit's processing failed unexpectedly", t);
                }
                int at = (Integer) next;
                inFlight--;
                settled++;
                for (int block : blocksWaitingOn.getOrDefault(selected.get(at).id(), List.of())) {
                    java.util.Set<UnitId> deps = waitingFor.get(block);
                    deps.remove(selected.get(at).id());
                    if (deps.isEmpty()) {
                        ready.addAll(members.get(block));
                    }
                }
            }
            // Let the last checkpoint saves finish before the run reports and clears it.
            pool.shutdown();
            while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                log.info("Still saving the checkpoint...");
            }
            drained = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processor.interrupted();
        } finally {
            if (!drained) {
                pool.shutdownNow();
            }
        }
        List<UnitResult> ordered = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            UnitNode node = selected.get(i);
            ordered.add(results[i] != null ? results[i] : processor.notDone(node));
        }
        return ordered;
    }
}
