package io.github.reversespec.generate;

/**
 * Writes the prose of one unit's spec. The batch run calls it for every unit it regenerates, in
 * dependency order, and renders whatever it returns together with the code's facts. Implementations
 * must be thread-safe: several units may be in flight at once.
 */
public interface GenerationStep extends AutoCloseable {

    /** The model id written into the specs' front matter, {@code none} for no model. */
    String modelId();

    /**
     * Whether a model is configured and may be asked: with {@code refresh=stale}, AST-only specs are
     * then regenerated.
     */
    boolean modelAvailable();

    GenerationOutcome generate(GenerationRequest request);

    /**
     * The tokens generating this unit would cost at least (prompts plus the answers' reserve),
     * without making any request; empty when no request would be made.
     */
    default java.util.OptionalLong estimateTokens(GenerationRequest request) {
        return java.util.OptionalLong.empty();
    }

    /**
     * Told, before the units are processed, which are to come and in what order: a step may read
     * their sources ahead of time, off the run's critical path. Iterating {@code units} may
     * happen on another thread, later. Does nothing by default.
     *
     * @param root the execution root the units' paths are relative to
     */
    default void prefetch(java.nio.file.Path root, Iterable<io.github.reversespec.context.UnitFiles> units) {}

    @Override
    default void close() {}
}
