package io.github.reversespec.batch;

import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.graph.UnitNode;
import java.util.List;
import java.util.Optional;

/** Prints what a run would do, writing nothing. */
final class DryRun {

    private final BatchRequest request;
    private final Plan plan;
    private final GenerationStep step;
    private final ProgressLog log;

    DryRun(BatchRequest request, Plan plan, GenerationStep step, ProgressLog log) {
        this.request = request;
        this.plan = plan;
        this.step = step;
        this.log = log;
    }

    BatchResult print(long elapsedMs, List<String> problems) {
        log.info("Dry run (reverse-spec.dryRun): nothing is written. Order and actions, refresh="
                + request.refresh().label() + ", model " + step.modelId() + ":");
        int n = 0;
        int toWrite = 0;
        long tokens = 0;
        int requesting = 0;
        for (UnitNode node : plan.selected) {
            n++;
            Optional<String> reason = plan.regenerationReason(node, plan.spec(node.id()), step.modelAvailable());
            String action = reason.map(r -> "write (" + r + ")").orElse("skip (spec exists)");
            if (reason.isPresent() && plan.keepsEdit(plan.spec(node.id()))) {
                action = "keep (edited by hand outside its notes block; " + reason.get() + ")";
            }
            if (action.startsWith("write")) {
                toWrite++;
                java.util.OptionalLong estimate =
                        step.estimateTokens(new io.github.reversespec.generate.GenerationRequest(
                                plan.facts(node), request.root(), request.specsDir()));
                if (estimate.isPresent()) {
                    requesting++;
                    tokens += estimate.getAsLong();
                    action += ", ~" + estimate.getAsLong() + " tokens";
                }
            }
            String cycle = node.inCycle() ? ", cycle block " + node.block() : "";
            log.info("[" + n + "/" + plan.selected.size() + "] " + node.id().display() + " (level " + node.level()
                    + cycle + "): " + action);
        }
        log.info("Dry run: " + toWrite + " of " + plan.selected.size() + " unit(s) would be written; "
                + (requesting > 0
                        ? requesting + " would be requested from " + step.modelId() + ", estimated " + tokens
                                + " tokens in all (prompts plus the answers' reserve)"
                        : "no request would be made (0 tokens)")
                + ".");
        return new BatchResult(
                List.of(), plan.graph.size() - plan.selected.size(), elapsedMs, false, "", "", false, 0, problems);
    }
}
