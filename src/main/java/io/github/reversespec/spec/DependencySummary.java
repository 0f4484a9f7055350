package io.github.reversespec.spec;

import io.github.reversespec.analysis.UnitId;

/**
 * What a unit's spec can say about one of its dependencies: taken from the dependency's spec
 * already on disk (intent), or from its analysis when it has none yet.
 *
 * @param id the dependency
 * @param intent its one-line intent, or empty
 * @param status its spec's status ({@code llm}, {@code ast-only}), or empty when it has no spec
 */
public record DependencySummary(UnitId id, String intent, String status) {}
