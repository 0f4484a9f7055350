package io.github.reversespec.generate;

import io.github.reversespec.spec.SpecFacts;
import java.nio.file.Path;

/**
 * What a generation step gets for one unit.
 *
 * @param facts the code's facts about the unit, with its dependencies' summaries
 * @param root the execution root (source paths in the facts are relative to it)
 * @param specsDir the {@code specs/} directory, where the dependencies' specs already lie
 */
public record GenerationRequest(SpecFacts facts, Path root, Path specsDir) {}
