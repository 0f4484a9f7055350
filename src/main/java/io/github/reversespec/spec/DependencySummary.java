package io.github.reversespec.spec;

import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitId;
import java.util.List;

/**
 * What a unit's spec can say about one of its dependencies: taken from the dependency's spec
 * already on disk (intent), or from its analysis when it has none yet, with the dependency's public
 * interface from its analysis (the unit's request shows the part of it the unit references).
 *
 * @param id the dependency
 * @param intent its one-line intent, or empty
 * @param status its spec's status ({@code llm}, {@code ast-only}), or empty when it has no spec
 * @param exportedTypes the dependency's exported types ({@link
 *     io.github.reversespec.analysis.UnitAnalysis#exportedTypes()}), empty when unknown
 */
public record DependencySummary(UnitId id, String intent, String status, List<TypeModel> exportedTypes) {

    /** A summary without the dependency's interface (dependents, and callers that need none). */
    public DependencySummary(UnitId id, String intent, String status) {
        this(id, intent, status, List.of());
    }

    public DependencySummary {
        exportedTypes = exportedTypes == null ? List.of() : List.copyOf(exportedTypes);
    }
}
