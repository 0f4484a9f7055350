package io.github.reversespec.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which test classes exercise which types, across the whole reactor: a test in one project may
 * exercise the types of another.
 *
 * <p>A test refers to type {@code T} of package {@code p} when it uses the simple name {@code T}
 * and can see it by that name (it is in {@code p}, or imports {@code p.T}, {@code p.*}, {@code
 * p.T.*} or a static member of {@code p.T}), or when it names {@code p.T} fully qualified. When
 * the same package exists in several projects, the test's own project wins; otherwise the
 * projects the test's project depends on; otherwise every project that has the type.
 */
public final class TestCoverageIndex {

    private static final Comparator<TestClassFacts> BY_FILE =
            Comparator.comparing(TestClassFacts::file).thenComparing(TestClassFacts::projectKey);

    /** Test classes per unit and top-level type name. */
    private final Map<UnitId, Map<String, Set<String>>> classesByType;

    /** Test files per unit. */
    private final Map<UnitId, List<TestClassFacts>> testsByUnit;

    private TestCoverageIndex(
            Map<UnitId, Map<String, Set<String>>> classesByType, Map<UnitId, List<TestClassFacts>> testsByUnit) {
        this.classesByType = classesByType;
        this.testsByUnit = testsByUnit;
    }

    /**
     * Resolves every test of the reactor against every unit's top-level types.
     *
     * @param analysis the analysed reactor
     * @return the index
     */
    public static TestCoverageIndex build(ReactorAnalysis analysis) {
        // simple top-level name -> where such a type lives (same package may repeat per project)
        Map<String, List<Candidate>> bySimpleName = new HashMap<>();
        for (ProjectAnalysis project : analysis.projects()) {
            for (UnitAnalysis unit : project.units()) {
                for (TypeModel type : unit.types()) {
                    if (!type.isNested()) {
                        bySimpleName
                                .computeIfAbsent(type.name(), k -> new ArrayList<>())
                                .add(new Candidate(unit.id(), type.name()));
                    }
                }
            }
        }
        Map<String, List<String>> dependencies = new HashMap<>();
        for (ProjectAnalysis project : analysis.projects()) {
            dependencies.put(project.project().key(), project.project().reactorDependencies());
        }

        Map<UnitId, Map<String, Set<String>>> classesByType = new HashMap<>();
        Map<UnitId, Set<TestClassFacts>> testsByUnit = new HashMap<>();
        for (TestClassFacts test : (Iterable<TestClassFacts>) analysis.tests()::iterator) {
            for (Candidate c : resolve(test, bySimpleName, dependencies)) {
                classesByType
                        .computeIfAbsent(c.unit(), k -> new HashMap<>())
                        .computeIfAbsent(c.typeName(), k -> new TreeSet<>())
                        .add(test.qualifiedTestClass());
                testsByUnit
                        .computeIfAbsent(c.unit(), k -> new LinkedHashSet<>())
                        .add(test);
            }
        }
        Map<UnitId, List<TestClassFacts>> sortedTests = new HashMap<>();
        testsByUnit.forEach((unit, tests) -> {
            List<TestClassFacts> list = new ArrayList<>(tests);
            list.sort(BY_FILE);
            sortedTests.put(unit, List.copyOf(list));
        });
        return new TestCoverageIndex(classesByType, sortedTests);
    }

    /** A top-level type of a unit. */
    private record Candidate(UnitId unit, String typeName) {}

    private static List<Candidate> resolve(
            TestClassFacts test, Map<String, List<Candidate>> bySimpleName, Map<String, List<String>> dependencies) {
        Set<String> names = new HashSet<>(test.simpleNames());
        for (String q : test.qualifiedNames()) {
            names.add(Text.lastSegment(q));
        }
        Set<String> onDemand = new HashSet<>();
        Set<String> singles = new HashSet<>();
        for (ImportRef i : test.imports()) {
            if (i.onDemand()) {
                // p.* names types of p; p.T.* (or static p.T.*) names members of p.T
                onDemand.add(i.name());
            }
            // p.T, and static p.T.x whose owner p.T is its name minus the member
            singles.add(i.name());
            if (i.isStatic() && !i.onDemand()) {
                int dot = i.name().lastIndexOf('.');
                if (dot > 0) {
                    singles.add(i.name().substring(0, dot));
                }
            }
        }

        List<Candidate> found = new ArrayList<>();
        for (String name : names) {
            List<Candidate> candidates = bySimpleName.get(name);
            if (candidates == null) {
                continue;
            }
            // group by qualified name, then pick the project(s) per qualified name
            Map<String, List<Candidate>> byQualified = new HashMap<>();
            for (Candidate c : candidates) {
                String pkg = c.unit().packageName();
                String qualified = pkg.isEmpty() ? name : pkg + "." + name;
                boolean bySimple = test.simpleNames().contains(name)
                        && (pkg.equals(test.packageName())
                                || singles.contains(qualified)
                                || onDemand.contains(qualified)
                                || (!pkg.isEmpty() && onDemand.contains(pkg)));
                if (bySimple || test.qualifiedNames().contains(qualified)) {
                    byQualified
                            .computeIfAbsent(qualified, k -> new ArrayList<>())
                            .add(c);
                }
            }
            for (List<Candidate> same : byQualified.values()) {
                found.addAll(
                        preferred(same, test.projectKey(), dependencies.getOrDefault(test.projectKey(), List.of())));
            }
        }
        return found;
    }

    private static List<Candidate> preferred(List<Candidate> same, String ownProject, List<String> deps) {
        if (same.size() == 1) {
            return same;
        }
        for (Candidate c : same) {
            if (c.unit().projectKey().equals(ownProject)) {
                return List.of(c);
            }
        }
        List<Candidate> fromDeps =
                same.stream().filter(c -> deps.contains(c.unit().projectKey())).toList();
        return fromDeps.isEmpty() ? same : fromDeps;
    }

    /**
     * The tests of each top-level type of the unit.
     *
     * @param unit a unit of the analysed reactor
     * @return one entry per top-level type, sorted by name; the test class list may be empty
     */
    public List<TypeCoverage> coverageFor(UnitAnalysis unit) {
        Map<String, Set<String>> byType = classesByType.getOrDefault(unit.id(), Map.of());
        TreeSet<String> typeNames = new TreeSet<>();
        for (TypeModel type : unit.types()) {
            if (!type.isNested()) {
                typeNames.add(type.name());
            }
        }
        List<TypeCoverage> out = new ArrayList<>(typeNames.size());
        for (String name : typeNames) {
            out.add(new TypeCoverage(name, List.copyOf(byType.getOrDefault(name, Set.of()))));
        }
        return out;
    }

    /**
     * The test files that exercise any type of the unit.
     *
     * @param unit a unit of the analysed reactor
     * @return the tests, sorted by file
     */
    public List<TestClassFacts> testsFor(UnitAnalysis unit) {
        return testsByUnit.getOrDefault(unit.id(), List.of());
    }
}
