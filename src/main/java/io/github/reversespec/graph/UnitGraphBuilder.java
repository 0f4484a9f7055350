package io.github.reversespec.graph;

import io.github.reversespec.analysis.ImportRef;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.SourceLine;
import io.github.reversespec.analysis.TestClassFacts;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a reactor's analysis into the unit graph: which unit uses which, the cycles, and the
 * order in which units are processed.
 *
 * <p>Edges come from the code only: every import (single-type, on-demand, static, static
 * on-demand) and every fully-qualified reference that resolves to a type of a reactor package.
 * Each strongly connected component becomes one block; blocks are ordered dependencies first,
 * ties broken by reactor order and then by {@link UnitId} order, so the result is the same for
 * the same code whatever order the analysis listed it in.
 *
 * <p>Runs in near-linear time in units plus imports: name resolution uses hash lookups per
 * name segment, Tarjan's algorithm runs iteratively (deep chains cannot overflow the stack), and
 * the block order is a Kahn traversal with a priority queue.
 */
public final class UnitGraphBuilder {

    private static final String JAVA_LANG = "java.lang";

    private UnitGraphBuilder() {}

    /**
     * Builds the graph of every unit of every project of the analysis.
     *
     * @param analysis the reactor's analysis
     * @return every unit in processing order
     * @throws IllegalArgumentException when two units carry the same {@link UnitId}
     */
    public static UnitGraph build(ReactorAnalysis analysis) {
        List<Unit> units = collectUnits(analysis);
        int n = units.size();
        Map<String, PackageEntry> packages = indexPackages(units);

        int[][] dependencies = new int[n][];
        List<TreeSet<String>> externals = new ArrayList<>(n);
        List<Map<Integer, SourceLine>> sites = new ArrayList<>(n);
        for (Unit unit : units) {
            TreeSet<String> external = new TreeSet<>();
            Map<Integer, SourceLine> unitSites = new HashMap<>();
            dependencies[unit.index] = resolveEdges(unit, packages, external, unitSites);
            externals.add(external);
            sites.add(unitSites);
        }
        int[][] dependents = invert(dependencies);

        int[] component = new int[n];
        List<int[]> components = stronglyConnectedComponents(dependencies, component);
        int[] componentOrder = orderComponents(components, component, dependencies, dependents, units);

        List<UnitNode> order =
                assemble(units, dependencies, dependents, externals, sites, component, components, componentOrder);
        return new UnitGraph(order, projectUses(analysis, units, dependencies, packages));
    }

    // ---------------------------------------------------------------- project uses

    /**
     * Which projects each project's code uses: its units' edges, its test files' imports and
     * qualified references resolved like main code, and any package (main or test) it shares by
     * name with another project, since code in the same package needs no import.
     */
    private static Map<String, Set<String>> projectUses(
            ReactorAnalysis analysis, List<Unit> units, int[][] dependencies, Map<String, PackageEntry> packages) {
        Map<String, Set<String>> uses = new HashMap<>();
        for (Unit unit : units) {
            for (int t : dependencies[unit.index]) {
                use(uses, unit.project, units.get(t).project);
            }
            samePackage(uses, unit.project, unit.id().packageName(), packages);
        }
        for (ProjectAnalysis project : analysis.projects()) {
            ProjectModel from = project.project();
            for (TestClassFacts test : project.tests()) {
                for (ImportRef ref : test.imports()) {
                    List<Unit> candidates = resolveImport(ref, packages);
                    if (candidates != null) {
                        use(uses, from, choose(from, candidates).project);
                    }
                }
                for (String name : test.qualifiedNames()) {
                    List<Unit> candidates = resolveType(name, packages);
                    if (candidates != null) {
                        use(uses, from, choose(from, candidates).project);
                    }
                }
                samePackage(uses, from, test.packageName(), packages);
            }
        }
        return uses;
    }

    private static void samePackage(
            Map<String, Set<String>> uses, ProjectModel from, String pkg, Map<String, PackageEntry> packages) {
        PackageEntry entry = pkg.isEmpty() ? null : packages.get(pkg);
        if (entry != null) {
            entry.units.forEach(u -> use(uses, from, u.project));
        }
    }

    private static void use(Map<String, Set<String>> uses, ProjectModel from, ProjectModel to) {
        if (!from.key().equals(to.key())) {
            uses.computeIfAbsent(from.key(), k -> new TreeSet<>()).add(to.key());
        }
    }

    // ---------------------------------------------------------------- units and the package index

    /** Units sorted by (reactor index, UnitId): the index is the unit's number everywhere below. */
    private static List<Unit> collectUnits(ReactorAnalysis analysis) {
        List<Unit> units = new ArrayList<>();
        Set<UnitId> seen = new HashSet<>();
        for (ProjectAnalysis project : analysis.projects()) {
            for (UnitAnalysis unit : project.units()) {
                if (!seen.add(unit.id())) {
                    throw new IllegalArgumentException("unit listed twice in the analysis: " + unit.id());
                }
                units.add(new Unit(unit, project.project()));
            }
        }
        units.sort(Comparator.comparingInt((Unit u) -> u.project.reactorIndex()).thenComparing(u -> u.id()));
        for (int i = 0; i < units.size(); i++) {
            units.get(i).index = i;
        }
        return units;
    }

    private static Map<String, PackageEntry> indexPackages(List<Unit> units) {
        Map<String, PackageEntry> packages = new HashMap<>();
        for (Unit unit : units) {
            String pkg = unit.id().packageName();
            if (pkg.isEmpty()) {
                // Named packages cannot import from the default package: it is never a target.
                continue;
            }
            PackageEntry entry = packages.computeIfAbsent(pkg, k -> new PackageEntry());
            entry.units.add(unit);
            Set<String> ownTypes = new HashSet<>();
            for (TypeModel type : unit.analysis.types()) {
                String top = type.topLevelName();
                if (ownTypes.add(top)) {
                    entry.typeOwners
                            .computeIfAbsent(top, k -> new ArrayList<>(1))
                            .add(unit);
                }
            }
        }
        return packages;
    }

    // ---------------------------------------------------------------- name resolution

    /**
     * The units this one uses, sorted by number; fills the packages outside the reactor it names
     * and, per target, the first place that names it.
     */
    private static int[] resolveEdges(
            Unit unit, Map<String, PackageEntry> packages, Set<String> external, Map<Integer, SourceLine> sites) {
        Set<Integer> targets = new TreeSet<>();
        for (ImportRef ref : unit.analysis.imports()) {
            List<Unit> candidates = resolveImport(ref, packages);
            if (candidates != null) {
                addTarget(unit, choose(unit.project, candidates), targets, sites, ref.name());
            } else {
                String pkg = externalPackageOfImport(ref);
                if (!pkg.isEmpty() && !packages.containsKey(pkg)) {
                    external.add(pkg);
                }
            }
        }
        for (String name : unit.analysis.qualifiedReferences()) {
            List<Unit> candidates = resolveType(name, packages);
            if (candidates != null) {
                addTarget(unit, choose(unit.project, candidates), targets, sites, name);
            } else {
                // java.lang is implied in every file: only an import of it makes it worth listing.
                String pkg = packageBeforeFirstCapital(name);
                if (!pkg.isEmpty() && !pkg.equals(JAVA_LANG) && !packages.containsKey(pkg)) {
                    external.add(pkg);
                }
            }
        }
        return targets.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addTarget(
            Unit from, Unit to, Set<Integer> targets, Map<Integer, SourceLine> sites, String name) {
        if (to != from) {
            targets.add(to.index);
            // The earliest place (path, then line) among all names that make the edge.
            from.analysis
                    .siteOf(name)
                    .ifPresent(site -> sites.merge(to.index, site, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        }
    }

    /** The units that could hold what the import names, or null when it names nothing in the reactor. */
    private static List<Unit> resolveImport(ImportRef ref, Map<String, PackageEntry> packages) {
        if (ref.onDemand() && !ref.isStatic()) {
            PackageEntry entry = packages.get(ref.name());
            if (entry != null) {
                return entry.units;
            }
        }
        // a.b.C, a.b.C.member, a.b.C.* (nested types or static members): a type of a package.
        return resolveType(ref.name(), packages);
    }

    /**
     * The units whose package is the longest dotted prefix of the name followed by one of their
     * top-level types, or null.
     */
    private static List<Unit> resolveType(String name, Map<String, PackageEntry> packages) {
        int dot = name.lastIndexOf('.');
        while (dot > 0) {
            PackageEntry entry = packages.get(name.substring(0, dot));
            if (entry != null) {
                int end = name.indexOf('.', dot + 1);
                String type = end < 0 ? name.substring(dot + 1) : name.substring(dot + 1, end);
                List<Unit> owners = entry.typeOwners.get(type);
                if (owners != null) {
                    return owners;
                }
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        return null;
    }

    /**
     * Picks among the units that hold a name (the same package in several projects): the
     * importer's own project first, then the projects it declares dependencies on in declaration
     * order, then the first in reactor order.
     */
    private static Unit choose(ProjectModel from, List<Unit> candidates) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String ownKey = from.key();
        for (Unit candidate : candidates) {
            if (candidate.project.key().equals(ownKey)) {
                return candidate;
            }
        }
        for (String dependency : from.reactorDependencies()) {
            for (Unit candidate : candidates) {
                if (candidate.project.key().equals(dependency)) {
                    return candidate;
                }
            }
        }
        // Candidates are in unit order, which is reactor order first.
        return candidates.get(0);
    }

    /** The package an import outside the reactor comes from, or empty when it cannot be told. */
    static String externalPackageOfImport(ImportRef ref) {
        String name = ref.name();
        String pkg = packageBeforeFirstCapital(name);
        if (!pkg.isEmpty() || hasCapitalSegment(name)) {
            return pkg;
        }
        // All lowercase: the import's shape says how many trailing segments are not the package.
        if (ref.onDemand()) {
            return ref.isStatic() ? dropLastSegments(name, 1) : name;
        }
        return dropLastSegments(name, ref.isStatic() ? 2 : 1);
    }

    /** The segments before the first capitalised one; empty when there is none or it comes first. */
    static String packageBeforeFirstCapital(String name) {
        int start = 0;
        while (start < name.length()) {
            int end = name.indexOf('.', start);
            if (end < 0) {
                end = name.length();
            }
            if (end > start && Character.isUpperCase(name.charAt(start))) {
                return start == 0 ? "" : name.substring(0, start - 1);
            }
            start = end + 1;
        }
        return "";
    }

    private static boolean hasCapitalSegment(String name) {
        int start = 0;
        while (start < name.length()) {
            if (Character.isUpperCase(name.charAt(start))) {
                return true;
            }
            int end = name.indexOf('.', start);
            if (end < 0) {
                return false;
            }
            start = end + 1;
        }
        return false;
    }

    private static String dropLastSegments(String name, int count) {
        int end = name.length();
        for (int i = 0; i < count; i++) {
            end = name.lastIndexOf('.', end - 1);
            if (end <= 0) {
                return "";
            }
        }
        return name.substring(0, end);
    }

    // ---------------------------------------------------------------- graph algorithms

    private static int[][] invert(int[][] edges) {
        int n = edges.length;
        int[] counts = new int[n];
        for (int[] targets : edges) {
            for (int t : targets) {
                counts[t]++;
            }
        }
        int[][] inverse = new int[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = new int[counts[i]];
        }
        int[] fill = new int[n];
        for (int from = 0; from < n; from++) {
            for (int t : edges[from]) {
                inverse[t][fill[t]++] = from;
            }
        }
        return inverse;
    }

    /**
     * Tarjan's algorithm with an explicit call stack, so a long dependency chain costs heap, not
     * thread stack.
     *
     * @param edges edges of each node
     * @param component filled with the component number of each node
     * @return the members of each component, each sorted ascending
     */
    static List<int[]> stronglyConnectedComponents(int[][] edges, int[] component) {
        int n = edges.length;
        int[] discovery = new int[n];
        Arrays.fill(discovery, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        List<int[]> components = new ArrayList<>();

        for (int root = 0; root < n; root++) {
            if (discovery[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            discovery[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < edges[v].length) {
                    int w = edges[v][callEdge[depth]++];
                    if (discovery[w] < 0) {
                        discovery[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], discovery[w]);
                    }
                    continue;
                }
                if (low[v] == discovery[v]) {
                    int start = stackSize;
                    do {
                        start--;
                    } while (stack[start] != v);
                    int[] members = Arrays.copyOfRange(stack, start, stackSize);
                    Arrays.sort(members);
                    for (int m : members) {
                        onStack[m] = false;
                        component[m] = components.size();
                    }
                    components.add(members);
                    stackSize = start;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return components;
    }

    /**
     * Orders the components dependencies first. Among the components whose dependencies are all
     * placed, the one of the earliest project, then of the smallest unit, goes next: that keeps
     * the order stable and places what depends on a cycle right after it.
     */
    private static int[] orderComponents(
            List<int[]> components, int[] component, int[][] dependencies, int[][] dependents, List<Unit> units) {
        int count = components.size();
        int[] minReactorIndex = new int[count];
        UnitId[] minId = new UnitId[count];
        for (int c = 0; c < count; c++) {
            int best = Integer.MAX_VALUE;
            UnitId smallest = null;
            for (int m : components.get(c)) {
                Unit unit = units.get(m);
                best = Math.min(best, unit.project.reactorIndex());
                if (smallest == null || unit.id().compareTo(smallest) < 0) {
                    smallest = unit.id();
                }
            }
            minReactorIndex[c] = best;
            minId[c] = smallest;
        }

        int[] pending = new int[count];
        for (int c = 0; c < count; c++) {
            pending[c] = countOutsideNeighbours(components.get(c), c, component, dependencies);
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(
                Comparator.comparingInt((Integer c) -> minReactorIndex[c]).thenComparing(c -> minId[c]));
        for (int c = 0; c < count; c++) {
            if (pending[c] == 0) {
                ready.add(c);
            }
        }
        int[] order = new int[count];
        int placed = 0;
        int[] lastSeen = new int[count];
        Arrays.fill(lastSeen, -1);
        while (!ready.isEmpty()) {
            int c = ready.poll();
            order[placed++] = c;
            for (int m : components.get(c)) {
                for (int user : dependents[m]) {
                    int uc = component[user];
                    // Each component pair counts once, however many member edges join them.
                    if (uc != c && lastSeen[uc] != c) {
                        lastSeen[uc] = c;
                        if (--pending[uc] == 0) {
                            ready.add(uc);
                        }
                    }
                }
            }
        }
        if (placed != count) {
            throw new IllegalStateException("dependency cycle left after condensing components");
        }
        return order;
    }

    private static int countOutsideNeighbours(int[] members, int self, int[] component, int[][] edges) {
        Set<Integer> seen = new HashSet<>();
        for (int m : members) {
            for (int t : edges[m]) {
                if (component[t] != self) {
                    seen.add(component[t]);
                }
            }
        }
        return seen.size();
    }

    private static List<UnitNode> assemble(
            List<Unit> units,
            int[][] dependencies,
            int[][] dependents,
            List<TreeSet<String>> externals,
            List<Map<Integer, SourceLine>> sites,
            int[] component,
            List<int[]> components,
            int[] componentOrder) {
        int n = units.size();
        // Rank of each unit in UnitId order, so neighbour lists sort without comparing records.
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(i -> units.get(i).id()));
        int[] idRank = new int[n];
        int[] byRank = new int[n];
        for (int r = 0; r < n; r++) {
            idRank[byId[r]] = r;
            byRank[r] = byId[r];
        }

        int[] componentLevel = new int[components.size()];
        List<UnitNode> order = new ArrayList<>(n);
        for (int block = 0; block < componentOrder.length; block++) {
            int c = componentOrder[block];
            int[] members = components.get(c);
            int level = 0;
            for (int m : members) {
                for (int t : dependencies[m]) {
                    if (component[t] != c) {
                        level = Math.max(level, componentLevel[component[t]] + 1);
                    }
                }
            }
            componentLevel[c] = level;
            int[] membersById = members.length > 1 ? sortedById(members, idRank, byRank) : new int[0];
            // Members are ascending unit numbers, which is (reactor index, UnitId) order.
            for (int m : members) {
                List<UnitId> cycle = new ArrayList<>(Math.max(0, membersById.length - 1));
                for (int other : membersById) {
                    if (other != m) {
                        cycle.add(units.get(other).id());
                    }
                }
                Map<UnitId, SourceLine> dependencySites = new HashMap<>();
                sites.get(m)
                        .forEach((t, site) -> dependencySites.put(units.get(t).id(), site));
                order.add(new UnitNode(
                        units.get(m).id(),
                        order.size(),
                        level,
                        block,
                        ids(sortedById(dependencies[m], idRank, byRank), units),
                        ownProjectFirst(units.get(m), ids(sortedById(dependents[m], idRank, byRank), units)),
                        cycle,
                        List.copyOf(externals.get(m)),
                        dependencySites));
            }
        }
        return order;
    }

    /** The units of the given unit's project first, each group keeping its order. */
    private static List<UnitId> ownProjectFirst(Unit unit, List<UnitId> ids) {
        List<UnitId> own = new ArrayList<>(ids.size());
        List<UnitId> others = new ArrayList<>();
        for (UnitId id : ids) {
            (id.projectKey().equals(unit.project.key()) ? own : others).add(id);
        }
        own.addAll(others);
        return own;
    }

    private static int[] sortedById(int[] indices, int[] idRank, int[] byRank) {
        int[] sorted = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            sorted[i] = idRank[indices[i]];
        }
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = byRank[sorted[i]];
        }
        return sorted;
    }

    private static List<UnitId> ids(int[] indices, List<Unit> units) {
        List<UnitId> ids = new ArrayList<>(indices.length);
        for (int index : indices) {
            ids.add(units.get(index).id());
        }
        return ids;
    }

    /** A unit with its project and its number in (reactor index, UnitId) order. */
    private static final class Unit {
        final UnitAnalysis analysis;
        final ProjectModel project;
        int index;

        Unit(UnitAnalysis analysis, ProjectModel project) {
            this.analysis = analysis;
            this.project = project;
        }

        UnitId id() {
            return analysis.id();
        }
    }

    /** The units holding one package name and, per top-level type name, those that declare it. */
    private static final class PackageEntry {
        final List<Unit> units = new ArrayList<>(1);
        final Map<String, List<Unit>> typeOwners = new HashMap<>();
    }
}
