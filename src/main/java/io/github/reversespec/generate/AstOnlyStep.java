package io.github.reversespec.generate;

import io.github.reversespec.spec.Prose;

/** The embedded default: no model, every spec is built from the code alone. */
public final class AstOnlyStep implements GenerationStep {

    @Override
    public String modelId() {
        return Prose.NONE.model();
    }

    @Override
    public boolean modelAvailable() {
        return false;
    }

    @Override
    public GenerationOutcome generate(GenerationRequest request) {
        return new GenerationOutcome.Written(Prose.NONE, 0, 0);
    }
}
