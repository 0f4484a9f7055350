package io.github.reversespec.spec;

import io.github.reversespec.analysis.ModuleDescriptorFacts;
import io.github.reversespec.analysis.TestClassFacts;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the code supplies to one unit's spec.
 *
 * @param unit the unit's analysis
 * @param node its place in the graph
 * @param project the owning project
 * @param moduleDescriptor the project's {@code module-info.java}, if any
 * @param coverage per top-level type of the unit, the tests that refer to it (types without tests
 *     included with an empty list), sorted by type name
 * @param tests the test files that exercise any type of the unit, sorted by path
 * @param dependencies one summary per direct dependency, in the order of {@code
 *     node.dependencies()}
 * @param dependents the units that use this one, with their summaries, in the order of {@code
 *     node.dependents()}
 * @param typeUsers per type of the unit (its name in the unit: {@code Foo}, {@code Foo.Inner}), the other units that use it
 *     ({@link io.github.reversespec.graph.TypeUsage}), own module first; unused types are absent
 * @param implementors per type of the unit (its name in the unit, {@code Outer.Inner} for a member
 *     type), the qualified names of the types of other units that extend or implement it ({@link
 *     io.github.reversespec.graph.TypeUsage#implementorsOf}); types none extends are absent
 */
public record SpecFacts(
        UnitAnalysis unit,
        UnitNode node,
        ProjectModel project,
        Optional<ModuleDescriptorFacts> moduleDescriptor,
        List<TypeCoverage> coverage,
        List<TestClassFacts> tests,
        List<DependencySummary> dependencies,
        List<DependencySummary> dependents,
        Map<String, List<UnitId>> typeUsers,
        Map<String, List<String>> implementors) {

    /** Facts without implementors outside the unit. */
    public SpecFacts(
            UnitAnalysis unit,
            UnitNode node,
            ProjectModel project,
            Optional<ModuleDescriptorFacts> moduleDescriptor,
            List<TypeCoverage> coverage,
            List<TestClassFacts> tests,
            List<DependencySummary> dependencies,
            List<DependencySummary> dependents,
            Map<String, List<UnitId>> typeUsers) {
        this(unit, node, project, moduleDescriptor, coverage, tests, dependencies, dependents, typeUsers, Map.of());
    }

    public SpecFacts {
        implementors = Map.copyOf(implementors);
        coverage = List.copyOf(coverage);
        tests = List.copyOf(tests);
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        typeUsers = Map.copyOf(typeUsers);
    }

    /** Facts without type uses (every type counts as unused by the rest of the reactor). */
    public SpecFacts(
            UnitAnalysis unit,
            UnitNode node,
            ProjectModel project,
            Optional<ModuleDescriptorFacts> moduleDescriptor,
            List<TypeCoverage> coverage,
            List<TestClassFacts> tests,
            List<DependencySummary> dependencies,
            List<DependencySummary> dependents) {
        this(unit, node, project, moduleDescriptor, coverage, tests, dependencies, dependents, Map.of(), Map.of());
    }

    /** The other units that use a type of this unit ({@code Foo}, {@code Foo.Inner}), own module first; empty when none. */
    public List<UnitId> usersOf(String topLevelType) {
        return typeUsers.getOrDefault(topLevelType, List.of());
    }

    /** The types of other units that extend or implement a type of this unit; empty when none. */
    public List<String> implementorsOf(String typeName) {
        return implementors.getOrDefault(typeName, List.of());
    }
}
