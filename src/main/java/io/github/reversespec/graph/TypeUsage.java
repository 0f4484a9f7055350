package io.github.reversespec.graph;

import io.github.reversespec.analysis.FileScope;
import io.github.reversespec.analysis.ImportRef;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.TypeNames;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which other units of the reactor use each type: the measure a spec ranks its types by (the types
 * the rest of the code leans on are the ones a reader needs first).
 *
 * <p>A unit uses a type when one of its files names it by a single-type or static import ({@code
 * import a.b.Foo;}, {@code import a.b.Foo.Inner;}, {@code import static a.b.Foo.bar;}), by a
 * fully-qualified reference in the code, or by a simple name that an on-demand import of the file
 * brings in ({@code import a.b.*;} and {@code Foo.class}), as {@link TypeNames} resolves it. A
 * member type is used when such a name goes on to it ({@code ImmutableList.Builder}, {@code import
 * a.b.Foo.Inner;}); its top-level type counts as used too. Uses from inside the type's own unit
 * need no import and are not seen here. When the same package lives in several projects, the
 * user's own project wins, then the projects it declares dependencies on, as the graph resolves
 * them.
 *
 * <p>It also records which types of other units extend or implement each type ({@link
 * #implementorsOf}): a supertype as written in an {@code extends} or {@code implements} clause
 * resolves as {@link TypeNames#inHeader} does (the implementor's member types, its file's imports,
 * its own package, then its on-demand imports).
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
        // every type of the reactor, member types too: what an on-demand import can find
        Set<String> known = new HashSet<>();
        for (ProjectAnalysis project : analysis.projects()) {
            for (UnitAnalysis unit : project.units()) {
                String pkg = unit.id().packageName();
                if (pkg.isEmpty()) {
                    continue;
                }
                Owner owner = new Owner(unit.id(), project.project());
                for (TypeModel t : unit.types()) {
                    known.add(t.qualifiedName());
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
                TypeNames typeNames = TypeNames.of(unit, known::contains);
                collectImplementors(unit, project.project(), typeNames, owners, implemented);
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
                names.addAll(writtenNames(unit, typeNames));
                for (String name : names) {
                    Owner owner = resolve(name, owners, project.project());
                    if (owner != null && !owner.unit.equals(unit.id())) {
                        Map<String, TreeSet<UnitId>> byType = found.computeIfAbsent(owner.unit, k -> new HashMap<>());
                        for (String type : usedTypes(name, owner, known)) {
                            byType.computeIfAbsent(type, k -> new TreeSet<>(BY_ID))
                                    .add(unit.id());
                        }
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
            TypeNames typeNames,
            Map<String, List<Owner>> owners,
            Map<UnitId, Map<String, TreeSet<String>>> out) {
        for (TypeModel t : unit.types()) {
            for (List<String> refs : List.of(t.extendedTypes(), t.implementedTypes())) {
                for (String ref : refs) {
                    String qualified = typeNames.inHeader(ref, t).orElse(null);
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

    /**
     * The qualified names the unit's files write by simple or capitalised dotted name ({@code
     * JsonDeserialize}, {@code ImmutableList.Builder}), as their imports resolve them: what an
     * on-demand import brings in, and which member type a qualified use names. A name one of the
     * file's own types declares is that type's, and left out.
     */
    private static List<String> writtenNames(UnitAnalysis unit, TypeNames typeNames) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (TypeModel t : unit.types()) {
            declared.computeIfAbsent(t.file(), k -> new HashSet<>()).add(t.simpleName());
        }
        List<String> out = new ArrayList<>();
        for (FileScope scope : unit.scopes()) {
            Set<String> own = declared.getOrDefault(scope.file(), Set.of());
            for (String name : scope.names()) {
                int dot = name.indexOf('.');
                if (!own.contains(dot < 0 ? name : name.substring(0, dot))) {
                    typeNames.inFile(name, scope.file()).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /**
     * The types of the owner's unit a used name stands for: its top-level type, and the member type
     * it names when it goes on to one ({@code a.b.Foo.Inner} → {@code Foo}, {@code Foo.Inner}).
     */
    private static List<String> usedTypes(String name, Owner owner, Set<String> known) {
        String pkg = owner.unit.packageName();
        String q = pkg + "." + owner.typeName;
        String deepest = q;
        for (String segment :
                name.substring(Math.min(name.length(), q.length())).split("\\.")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!known.contains(q + "." + segment)) {
                break;
            }
            q = q + "." + segment;
            deepest = q;
        }
        String top = owner.typeName;
        String nested = deepest.substring(pkg.length() + 1);
        return nested.equals(top) ? List.of(top) : List.of(top, nested);
    }

    /**
     * The units that use each type of a unit, those of the unit's own module first, each group in
     * unit order; a type no other unit uses is absent.
     *
     * @param unit the unit whose types are asked about
     * @return the type's name in its unit ({@code Foo}, {@code Foo.Inner}) → its users
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
