package io.github.reversespec.context;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests that describe one unit to a model.
 *
 * <p>Most units fit in one request: {@code parts} holds it and {@code merge} is {@code null}; its
 * answer is the spec's prose. A unit too large for one request is described in several parts,
 * each answered with partial notes; the {@code merge} prompt then receives those notes in place
 * of {@link ContextAssembler#PART_NOTES_PLACEHOLDER} (see {@link
 * ContextAssembler#fillMerge(ModelPrompt, List)}) and its answer is the prose.
 *
 * @param parts the requests to make first, in order; never empty
 * @param merge the request that merges the parts' notes, or {@code null} when one part suffices
 * @param estimatedTokens the estimated input tokens of all requests, the merge counted as if its
 *     notes filled their whole budget
 */
public record AssembledContext(List<ModelPrompt> parts, ModelPrompt merge, int estimatedTokens) {

    public AssembledContext {
        parts = List.copyOf(parts);
    }

    /** Whether the unit was split into parts with a merge request. */
    public boolean split() {
        return merge != null;
    }

    /** Every prompt: the parts, then the merge if any. */
    public List<ModelPrompt> prompts() {
        if (merge == null) {
            return parts;
        }
        List<ModelPrompt> all = new ArrayList<>(parts);
        all.add(merge);
        return List.copyOf(all);
    }
}
