package io.github.reversespec.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which type a name as written in one unit means, looked up as the compiler does but without a
 * symbol solver (JLS 6.3, 6.4.1, 7.5). A simple name in the body of a type is, in this order: a
 * member type of that type or of a type enclosing it (each also through its supertypes, where the
 * reactor knows them), a single-type import of its file, a top-level type of the package, an
 * on-demand import of its file. In a type's own {@code extends} or {@code implements} clause its
 * own member types are not in scope, so the look-up starts at the enclosing type. A nested type of
 * another type is never found by its simple name alone: {@code Entry} in a file importing {@code
 * java.util.Map.Entry} is that, not a {@code Multiset.Entry} of the package. Type parameters
 * shadowing a type name are not seen.
 */
public final class TypeNames {

    /** Supertypes followed when looking for an inherited member type; hierarchies are shallow. */
    private static final int MAX_DEPTH = 12;

    private final UnitAnalysis unit;
    private final String prefix;
    private final Predicate<String> known;
    private final Map<String, TypeModel> byName = new HashMap<>();
    private final Map<String, TypeModel> byQualifiedName = new HashMap<>();
    private final Map<String, FileScope> scopes = new HashMap<>();
    private final Map<String, Optional<String>> members = new HashMap<>();
    private final Map<String, Imports> imports = new HashMap<>();

    private TypeNames(UnitAnalysis unit, Predicate<String> known) {
        this.unit = unit;
        this.prefix = unit.id().packageName().isEmpty() ? "" : unit.id().packageName() + ".";
        for (TypeModel t : unit.types()) {
            byName.putIfAbsent(t.name(), t);
            byQualifiedName.putIfAbsent(t.qualifiedName(), t);
        }
        unit.scopes().forEach(s -> scopes.put(s.file(), s));
        this.known = q -> byQualifiedName.containsKey(q) || known.test(q);
    }

    /**
     * Names as written in one unit.
     *
     * @param unit the unit
     * @param known whether a qualified name ({@code a.b.Outer.Inner}) is a type outside the unit,
     *     as far as the caller knows (an on-demand import finds only such types)
     * @return the look-up
     */
    public static TypeNames of(UnitAnalysis unit, Predicate<String> known) {
        return new TypeNames(unit, known);
    }

    /**
     * A name as written in the declaration of {@code from} (its {@code extends}, {@code
     * implements}, {@code permits} and annotations), where its own member types are not in scope.
     *
     * @param written the name, type arguments and type-use annotations allowed
     * @param from the declaring type
     * @return the qualified name it stands for, or empty when unknown (e.g. {@code java.lang})
     */
    public Optional<String> inHeader(String written, TypeModel from) {
        return resolve(written, from.file(), enclosing(from.name()), 0);
    }

    /**
     * A name as written in the body of {@code from} (member signatures, field types).
     *
     * @param written the name
     * @param from the type whose body holds it
     * @return the qualified name it stands for, or empty when unknown
     */
    public Optional<String> inBody(String written, TypeModel from) {
        return resolve(written, from.file(), from.name(), 0);
    }

    /**
     * A name as written at the top of a file, outside every type: only imports, the package and
     * on-demand imports decide.
     *
     * @param written the name
     * @param file the file
     * @return the qualified name it stands for, or empty when unknown
     */
    public Optional<String> inFile(String written, String file) {
        return resolve(written, file, "", 0);
    }

    /** The type of this unit a qualified name is, if any. */
    public Optional<TypeModel> typeOf(String qualifiedName) {
        return Optional.ofNullable(byQualifiedName.get(qualifiedName));
    }

    private Optional<String> resolve(String written, String file, String scope, int depth) {
        String raw = raw(written);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String[] segments = raw.split("\\.");
        if (Text.isLowerCase(segments[0])) {
            return segments.length > 1 ? Optional.of(raw) : Optional.empty();
        }
        Optional<String> head = simple(segments[0], file, scope, depth);
        if (head.isEmpty()) {
            return head;
        }
        String q = head.get();
        for (int i = 1; i < segments.length; i++) {
            TypeModel outer = byQualifiedName.get(q);
            String next = q + "." + segments[i];
            q = outer == null || byQualifiedName.containsKey(next)
                    ? next
                    : member(outer.name(), segments[i], depth).orElse(next);
        }
        return Optional.of(q);
    }

    private Optional<String> simple(String name, String file, String scope, int depth) {
        for (String s = scope; !s.isEmpty(); s = enclosing(s)) {
            Optional<String> member = member(s, name, depth);
            if (member.isPresent()) {
                return member;
            }
        }
        Imports imports = imports(file);
        String imported = imports.single.get(name);
        if (imported != null) {
            return Optional.of(imported);
        }
        TypeModel top = byName.get(name);
        if (top != null) {
            return Optional.of(top.qualifiedName());
        }
        for (String pkg : imports.onDemand) {
            if (known.test(pkg + "." + name)) {
                return Optional.of(pkg + "." + name);
            }
        }
        return Optional.empty();
    }

    /** A member type {@code simple} of the unit's type {@code owner}: declared, else inherited. */
    private Optional<String> member(String owner, String simple, int depth) {
        String key = owner + "#" + simple;
        Optional<String> cached = members.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> found = findMember(owner, simple, depth, new HashSet<>());
        members.put(key, found);
        return found;
    }

    private Optional<String> findMember(String owner, String simple, int depth, Set<String> seen) {
        TypeModel declared = byName.get(owner + "." + simple);
        if (declared != null) {
            return Optional.of(declared.qualifiedName());
        }
        TypeModel t = byName.get(owner);
        if (t == null || depth >= MAX_DEPTH || !seen.add(owner)) {
            return Optional.empty();
        }
        List<String> supers = new ArrayList<>(t.extendedTypes());
        supers.addAll(t.implementedTypes());
        for (String sup : supers) {
            Optional<String> q = resolve(sup, t.file(), enclosing(t.name()), depth + 1);
            if (q.isEmpty()) {
                continue;
            }
            TypeModel inUnit = byQualifiedName.get(q.get());
            if (inUnit != null) {
                Optional<String> inherited = findMember(inUnit.name(), simple, depth + 1, seen);
                if (inherited.isPresent()) {
                    return inherited;
                }
            } else if (known.test(q.get() + "." + simple)) {
                return Optional.of(q.get() + "." + simple);
            }
        }
        return Optional.empty();
    }

    private Imports imports(String file) {
        return imports.computeIfAbsent(file, f -> {
            FileScope scope = scopes.get(f);
            return Imports.of(scope != null ? scope.imports() : unit.imports());
        });
    }

    /** A file's type imports: single-type ones by simple name, then the on-demand ones. */
    private record Imports(Map<String, String> single, List<String> onDemand) {
        static Imports of(List<ImportRef> refs) {
            Map<String, String> single = new HashMap<>();
            List<String> onDemand = new ArrayList<>();
            for (ImportRef ref : refs) {
                if (ref.isStatic()) {
                    continue;
                }
                if (ref.onDemand()) {
                    onDemand.add(ref.name());
                } else {
                    single.putIfAbsent(Text.lastSegment(ref.name()), ref.name());
                }
            }
            return new Imports(single, onDemand);
        }
    }

    /** {@code Map.Entry} of {@code @Nullable Map.Entry<K, V>[]}. */
    static String raw(String written) {
        String s = written.replaceAll("<.*", "")
                .replaceAll("@[\\w.$]+(\\([^)]*\\))?\\s*", "")
                .replace("[]", "")
                .replace("...", "")
                .strip();
        int space = s.lastIndexOf(' ');
        return space < 0 ? s : s.substring(space + 1);
    }

    private static String enclosing(String nestedName) {
        int dot = nestedName.lastIndexOf('.');
        return dot < 0 ? "" : nestedName.substring(0, dot);
    }
}
