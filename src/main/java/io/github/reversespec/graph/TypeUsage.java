package io.github.reversespec.graph;

import io.github.reversespec.analysis.ImportRef;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which other units of the reactor use each top-level type: the measure a spec ranks its types by
 * (the types the rest of the code leans on are the ones a reader needs first).
 *
 * <p>A unit uses a type when one of its files names it by a single-type or static import ({@code
 * import a.b.Foo;}, {@code import a.b.Foo.Inner;}, {@code import static a.b.Foo.bar;}) or by a
 * fully-qualified reference in the code. An on-demand import of the whole package ({@code import
 * a.b.*;}) says which package is used, not which type, so it counts for none. Uses from inside the
 * type's own unit need no import and are not seen here. When the same package lives in several
 * projects, the user's own project wins, then the projects it declares dependencies on, as the
 * graph resolves them.
 *
 * <p>It also records which types of other units extend or implement each type ({@link
 * #implementorsOf}): a supertype as written in an {@code extends} or {@code implements} clause
 * resolves through a qualified name, a single-type import of it or of its enclosing type, or an
 * on-demand import of a package that holds it, as the compiler would, but without a symbol solver
 * (a type of the implementor's own package shadowing the name is not seen).
 */
public final class TypeUsage {

    private static final Comparator<UnitId> BY_ID = Comparator.naturalOrder();

    private final Map<UnitId, Map<String, List<UnitId>>> users;
    private final Map<UnitId, Map<String, List<String>>> implementors;

    private TypeUsage(
            Map<UnitId, Map<String, List<UnitId>>> users, Map<UnitId, Map<String, List<String>>> implementors) {
        this.users = users;
        this.implementors = implementors;
    }

    /** No uses known: every type counts as unused by the rest of the reactor. */
    public static TypeUsage none() {
        return new TypeUsage(Map.of(), Map.of());
    }

    /**
     * Collects the uses of every type of the reactor, in time linear in imports and references.
     *
     * @param analysis the reactor's analysis
     * @return the uses, by unit and type
     */
    public static TypeUsage of(ReactorAnalysis analysis) {
        // "a.b.Foo" -> the units (one per project holding package a.b) declaring top-level Foo.
        Map<String, List<Owner>> owners = new HashMap<>();
        for (ProjectAnalysis project : analysis.projects()) {
            for (UnitAnalysis unit : project.units()) {
                String pkg = unit.id().packageName();
                if (pkg.isEmpty()) {
                    continue;
                }
                Owner owner = new Owner(unit.id(), project.project());
                for (TypeModel t : unit.types()) {
                    if (!t.isNested()) {
                        owners.computeIfAbsent(pkg + "." + t.name(), k -> new ArrayList<>(1))
                                .add(owner);
                    }
                }
            }
        }
        Map<UnitId, Map<String, TreeSet<UnitId>>> found = new HashMap<>();
        Map<UnitId, Map<String, TreeSet<String>>> implemented = new HashMap<>();
        for (ProjectAnalysis project : analysis.projects()) {
            for (UnitAnalysis unit : project.units()) {
                collectImplementors(unit, project.project(), owners, implemented);
                List<String> names = new ArrayList<>();
                for (ImportRef ref : unit.imports()) {
                    if (ref.isStatic() || !ref.onDemand()) {
                        names.add(ref.name());
                    } else {
                        // import a.b.Foo.*: the nested types of Foo, so Foo is used.
                        names.add(ref.name() + ".*");
                    }
                }
                names.addAll(unit.qualifiedReferences());
                for (String name : names) {
                    Owner owner = resolve(name, owners, project.project());
                    if (owner != null && !owner.unit.equals(unit.id())) {
                        found.computeIfAbsent(owner.unit, k -> new HashMap<>())
                                .computeIfAbsent(owner.typeName, k -> new TreeSet<>(BY_ID))
                                .add(unit.id());
                    }
                }
            }
        }
        Map<UnitId, Map<String, List<UnitId>>> users = new HashMap<>();
        found.forEach((unit, byType) -> {
            Map<String, List<UnitId>> sorted = new TreeMap<>();
            byType.forEach((type, ids) -> sorted.put(type, ownModuleFirst(unit, ids)));
            users.put(unit, Map.copyOf(sorted));
        });
        Map<UnitId, Map<String, List<String>>> impls = new HashMap<>();
        implemented.forEach((unit, byType) -> {
            Map<String, List<String>> sorted = new TreeMap<>();
            byType.forEach((type, names) -> sorted.put(type, List.copyOf(names)));
            impls.put(unit, Map.copyOf(sorted));
        });
        return new TypeUsage(users, impls);
    }

    /**
     * The types of other units that extend or implement each type of a unit.
     *
     * @param unit the unit whose types are asked about
     * @return the type's name in its unit ({@code Spi}, {@code Outer.Callback}) → the qualified names
     *     of the types outside the unit that extend or implement it, sorted; types none extends are
     *     absent
     */
    public Map<String, List<String>> implementorsOf(UnitId unit) {
        return implementors.getOrDefault(unit, Map.of());
    }

    private static void collectImplementors(
            UnitAnalysis unit,
            ProjectModel project,
            Map<String, List<Owner>> owners,
            Map<UnitId, Map<String, TreeSet<String>>> out) {
        Map<String, String> single = new HashMap<>();
        List<String> onDemand = new ArrayList<>();
        for (ImportRef ref : unit.imports()) {
            if (ref.isStatic()) {
                continue;
            }
            if (ref.onDemand()) {
                onDemand.add(ref.name());
            } else {
                single.put(ref.name().substring(ref.name().lastIndexOf('.') + 1), ref.name());
            }
        }
        for (TypeModel t : unit.types()) {
            for (List<String> refs : List.of(t.extendedTypes(), t.implementedTypes())) {
                for (String ref : refs) {
                    String raw = ref.replaceAll("<.*", "")
                            .replaceAll("@\\S+\\s+", "")
                            .strip();
                    String qualified = qualify(raw, single, onDemand, owners);
                    if (qualified == null) {
                        continue;
                    }
                    Owner owner = resolve(qualified, owners, project);
                    if (owner == null || owner.unit.equals(unit.id())) {
                        continue;
                    }
                    String pkg = owner.unit.packageName();
                    String name = qualified.substring(pkg.length() + 1);
                    out.computeIfAbsent(owner.unit, k -> new HashMap<>())
                            .computeIfAbsent(name, k -> new TreeSet<>())
                            .add(t.qualifiedName());
                }
            }
        }
    }

    /** The qualified name a supertype as written stands for, as far as the imports tell; else null. */
    private static String qualify(
            String raw, Map<String, String> single, List<String> onDemand, Map<String, List<Owner>> owners) {
        int dot = raw.indexOf('.');
        String first = dot < 0 ? raw : raw.substring(0, dot);
        String rest = dot < 0 ? "" : raw.substring(dot);
        if (!first.isEmpty() && Character.isLowerCase(first.charAt(0))) {
            return raw;
        }
        String imported = single.get(first);
        if (imported != null) {
            return imported + rest;
        }
        for (String pkg : onDemand) {
            if (owners.containsKey(pkg + "." + first)) {
                return pkg + "." + raw;
            }
        }
        return null;
    }

    /**
     * The units that use each top-level type of a unit, those of the unit's own module first, each
     * group in unit order; a type no other unit uses is absent.
     *
     * @param unit the unit whose types are asked about
     * @return simple top-level type name → its users
     */
    public Map<String, List<UnitId>> usersOf(UnitId unit) {
        return users.getOrDefault(unit, Map.of());
    }

    private static List<UnitId> ownModuleFirst(UnitId owner, TreeSet<UnitId> ids) {
        List<UnitId> out = new ArrayList<>(ids.size());
        ids.stream().filter(id -> sameModule(owner, id)).forEach(out::add);
        ids.stream().filter(id -> !sameModule(owner, id)).forEach(out::add);
        return List.copyOf(out);
    }

    private static boolean sameModule(UnitId a, UnitId b) {
        return a.projectKey().equals(b.projectKey()) && a.moduleDir().equals(b.moduleDir());
    }

    /**
     * The top-level type a dotted name starts with ({@code a.b.Foo}, {@code a.b.Foo.Inner}, {@code
     * a.b.Foo.member}), the shortest such prefix, or null when none is a reactor type.
     */
    private static Owner resolve(String name, Map<String, List<Owner>> owners, ProjectModel from) {
        int dot = name.indexOf('.');
        while (dot > 0) {
            int end = name.indexOf('.', dot + 1);
            String prefix = end < 0 ? name : name.substring(0, end);
            List<Owner> candidates = owners.get(prefix);
            if (candidates != null) {
                Owner chosen = choose(candidates, from);
                return new Owner(chosen.unit, chosen.project, prefix.substring(prefix.lastIndexOf('.') + 1));
            }
            if (end < 0) {
                return null;
            }
            dot = end;
        }
        return null;
    }

    private static Owner choose(List<Owner> candidates, ProjectModel from) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        for (Owner candidate : candidates) {
            if (candidate.project.key().equals(from.key())) {
                return candidate;
            }
        }
        for (String dependency : from.reactorDependencies()) {
            for (Owner candidate : candidates) {
                if (candidate.project.key().equals(dependency)) {
                    return candidate;
                }
            }
        }
        return candidates.stream()
                .min(Comparator.comparingInt((Owner o) -> o.project.reactorIndex())
                        .thenComparing(o -> o.unit))
                .orElseThrow();
    }

    private record Owner(UnitId unit, ProjectModel project, String typeName) {
        Owner(UnitId unit, ProjectModel project) {
            this(unit, project, "");
        }
    }
}
