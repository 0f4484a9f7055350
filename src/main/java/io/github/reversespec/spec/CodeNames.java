package io.github.reversespec.spec;

import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.ImportRef;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.TypeKind;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.graph.JdkPackages;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether a code name a model wrote exists, as far as one unit's code can tell: the unit's own
 * types and members (private ones included), the public interfaces of the reactor units it depends
 * on, the types it imports, and the JDK (asked through reflection on the running JDK, without
 * initialising anything).
 *
 * <p>Names are written as {@link #parse(String)} reads them: {@code Type}, {@code Outer.Inner},
 * {@code Type#member}, {@code Type.member}, {@code member()}, a constant {@code MAX_SIZE}, or any
 * of these qualified ({@code java.util.List#of}). A type from a library outside the reactor and the
 * JDK cannot be looked into: its members, and types of a package imported on demand from such a
 * library, count as resolved (the code cannot tell them false). A type that resolves nowhere, or a
 * member that neither the type nor its supertypes have, does not resolve.
 *
 * <p>Thread-safe once built; JDK lookups are remembered across instances.
 */
public final class CodeNames {

    /** A written name: optional package qualifier, optional type path, optional member. */
    public record Name(String qualifier, String type, String member, boolean call) {

        /** The name as it is listed: {@code a.b.Type#member()}, {@code Type}, {@code member()}. */
        public String display() {
            StringBuilder sb = new StringBuilder();
            if (!qualifier.isEmpty()) {
                sb.append(qualifier).append('.');
            }
            sb.append(type);
            if (!member.isEmpty()) {
                if (!type.isEmpty()) {
                    sb.append('#');
                }
                sb.append(member);
                if (call) {
                    sb.append("()");
                }
            }
            return sb.toString();
        }
    }

    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** Words that look like a call or a type but are the language's. */
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "var",
            "record",
            "yield",
            "sealed",
            "permits",
            "true",
            "false",
            "null");

    /** What a name after a dot means when it is a file's extension, not a member. */
    private static final Set<String> EXTENSIONS = Set.of(
            "java",
            "xml",
            "md",
            "json",
            "yaml",
            "yml",
            "properties",
            "txt",
            "kt",
            "groovy",
            "html",
            "sh",
            "gradle",
            "jar",
            "csv",
            "sql",
            "conf",
            "cfg",
            "ini",
            "log",
            "png",
            "svg",
            "toml",
            "py",
            "js",
            "ts",
            "proto");

    /** Members every type has. */
    private static final Set<String> OBJECT_MEMBERS =
            Set.of("equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");

    /**
     * Packages whose types prose names by their simple names whether or not the unit imports them
     * ({@code List}, {@code Optional}, {@code Path}): {@code java.lang} first, as the compiler does.
     */
    private static final List<String> WELL_KNOWN_JDK_PACKAGES = List.of(
            "java.lang",
            "java.util",
            "java.util.function",
            "java.util.stream",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "java.util.concurrent.locks",
            "java.util.regex",
            "java.io",
            "java.nio",
            "java.nio.file",
            "java.nio.charset",
            "java.net",
            "java.net.http",
            "java.time",
            "java.math");

    private static final Map<String, Optional<Class<?>>> JDK = new ConcurrentHashMap<>();

    /** A type the unit can see: its members, its supertypes as written, or none for one of a library. */
    private record Known(String qualifiedName, Set<String> members, List<String> supertypes, boolean opaque) {}

    private final Map<String, List<Known>> types = new HashMap<>();
    private final Map<String, Known> byQualifiedName = new HashMap<>();
    private final Set<String> bareMembers = new HashSet<>();
    private final Map<String, String> singleImports = new HashMap<>();
    private final List<String> onDemandPackages = new ArrayList<>();
    private final List<String> staticImportTypes = new ArrayList<>();
    private final Set<String> reactorPackages;
    private final String ownPackage;

    private CodeNames(String ownPackage, Set<String> reactorPackages) {
        this.ownPackage = ownPackage;
        this.reactorPackages = reactorPackages;
    }

    /**
     * @param unit the unit whose prose is checked
     * @param dependencies the reactor units it depends on (their public interface counts)
     * @param reactorPackages every package the reactor has, so that an import from one of them is
     *     known not to be a library's
     */
    public static CodeNames of(UnitAnalysis unit, List<UnitAnalysis> dependencies, Set<String> reactorPackages) {
        CodeNames names = new CodeNames(unit.id().packageName(), Set.copyOf(reactorPackages));
        for (TypeModel t : unit.types()) {
            names.add(t, false);
        }
        for (UnitAnalysis dep : dependencies) {
            for (TypeModel t : dep.types()) {
                if (t.visibility().isApi()) {
                    names.add(t, true);
                }
            }
        }
        for (ImportRef ref : unit.imports()) {
            names.addImport(ref);
        }
        return names;
    }

    private void add(TypeModel t, boolean apiOnly) {
        Set<String> members = new LinkedHashSet<>();
        for (MemberModel m : t.members()) {
            if (!apiOnly || m.visibility().isApi()) {
                members.add(m.name());
            }
        }
        for (FieldModel f : t.fields()) {
            if (!apiOnly || f.visibility().isApi()) {
                members.add(f.name());
            }
        }
        members.addAll(t.enumConstants());
        for (FieldModel c : t.recordComponents()) {
            members.add(c.name());
        }
        if (t.kind() == TypeKind.ENUM) {
            members.addAll(List.of("values", "valueOf", "name", "ordinal", "compareTo"));
        }
        members.addAll(OBJECT_MEMBERS);
        List<String> supers = new ArrayList<>(t.extendedTypes());
        supers.addAll(t.implementedTypes());
        if (t.kind() == TypeKind.ENUM) {
            supers.add("java.lang.Enum");
        } else if (t.kind() == TypeKind.RECORD) {
            supers.add("java.lang.Record");
        }
        Known known = new Known(t.qualifiedName(), members, supers, false);
        byQualifiedName.put(t.qualifiedName(), known);
        // an Outer.Inner is known by its path and by each shorter tail of it
        String[] path = t.name().split("\\.");
        for (int i = 0; i < path.length; i++) {
            types.computeIfAbsent(
                            String.join(".", java.util.Arrays.copyOfRange(path, i, path.length)),
                            k -> new ArrayList<>())
                    .add(known);
        }
        bareMembers.addAll(members);
    }

    private void addImport(ImportRef ref) {
        String name = ref.name();
        if (ref.isStatic()) {
            if (ref.onDemand()) {
                staticImportTypes.add(name);
                singleImports.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), name);
            } else {
                int dot = name.lastIndexOf('.');
                bareMembers.add(name.substring(dot + 1));
                String type = name.substring(0, dot);
                singleImports.putIfAbsent(type.substring(type.lastIndexOf('.') + 1), type);
            }
        } else if (ref.onDemand()) {
            onDemandPackages.add(name);
        } else {
            singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
        }
    }

    /**
     * Reads a code span's text as a name, or empty when it is not one: literals, paths, options,
     * keywords, expressions, a lower-case receiver ({@code list.add()}), a type parameter ({@code T})
     * and plain lower-case words are not names. Generic arguments, array brackets, call arguments
     * and a leading {@code @} are dropped; a class literal {@code Type.class} names the type.
     */
    public static Optional<Name> parse(String code) {
        String s = code.strip();
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        s = stripBalanced(s, '<', '>');
        if (s == null) {
            return Optional.empty();
        }
        int paren = s.indexOf('(');
        boolean call = false;
        if (paren >= 0) {
            if (!s.endsWith(")") || s.indexOf(')') != s.length() - 1) {
                return Optional.empty();
            }
            call = true;
            s = s.substring(0, paren);
        }
        while (s.endsWith("[]")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.endsWith(".class") && !call) {
            s = s.substring(0, s.length() - ".class".length());
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String member = "";
        String path = s;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            member = s.substring(hash + 1);
            path = s.substring(0, hash);
            if (!IDENTIFIER.matcher(member).matches() || path.isEmpty()) {
                return Optional.empty();
            }
        }
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (!IDENTIFIER.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        int first = 0;
        while (first < segments.length && !Character.isUpperCase(segments[first].charAt(0))) {
            first++;
        }
        if (first == segments.length) {
            // no type: a bare call is a member; anything else lower case (a variable's call, a
            // package, a property key) is not a name the code can be asked about
            if (segments.length == 1 && member.isEmpty() && call && !KEYWORDS.contains(segments[0])) {
                return Optional.of(new Name("", "", segments[0], true));
            }
            return Optional.empty();
        }
        String qualifier = String.join(".", java.util.Arrays.copyOfRange(segments, 0, first));
        int end = segments.length;
        if (member.isEmpty()) {
            String last = segments[end - 1];
            boolean lower = !Character.isUpperCase(last.charAt(0));
            if (end - first >= 2 && (lower || CONSTANT.matcher(last).matches())) {
                member = last;
                end--;
            } else if (lower) {
                return Optional.empty();
            }
        }
        for (int i = first; i < end; i++) {
            if (!Character.isUpperCase(segments[i].charAt(0))) {
                return Optional.empty(); // Foo.bar.Baz: not a name
            }
        }
        String type = String.join(".", java.util.Arrays.copyOfRange(segments, first, end));
        if (qualifier.isEmpty()
                && member.isEmpty()
                && end - first == 1
                && CONSTANT.matcher(type).matches()) {
            return call ? Optional.empty() : Optional.of(new Name("", "", type, false)); // MAX_SIZE
        }
        if (EXTENSIONS.contains(member) && !call) {
            return Optional.empty(); // Foo.java, Main.class was dropped above
        }
        if (member.isEmpty() && call) {
            return Optional.empty(); // Foo(): a constructor call is written with the type
        }
        if (KEYWORDS.contains(member)) {
            return Optional.empty();
        }
        if (qualifier.isEmpty() && member.isEmpty() && type.length() == 1) {
            return Optional.empty(); // T, E, K: type parameters
        }
        return Optional.of(new Name(qualifier, type, member, call));
    }

    /** {@code s} with every balanced {@code open…close} group removed; null when unbalanced. */
    private static String stripBalanced(String s, char open, char close) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                if (--depth < 0) {
                    return null;
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return depth == 0 ? out.toString() : null;
    }

    /**
     * Whether a parsed name is a real one. An acronym alone ({@code JSON}, {@code HTTP}) counts as a
     * name only when it resolves: see {@link #counts(Name)}.
     */
    public boolean resolves(Name name) {
        if (name.type().isEmpty()) {
            return resolvesBareMember(name.member());
        }
        if (name.qualifier().isEmpty()) {
            // two types may share a simple name (Request.Builder, Response.Builder): any of them
            List<Known> same = types.get(name.type());
            if (same != null && same.size() > 1) {
                return name.member().isEmpty()
                        || same.stream().anyMatch(k -> hasMember(k, name.member(), new HashSet<>()));
            }
        }
        Optional<Known> type = name.qualifier().isEmpty() ? type(name.type()) : qualified(name);
        if (type.isEmpty()) {
            return false;
        }
        return name.member().isEmpty() || hasMember(type.get(), name.member(), new HashSet<>());
    }

    /**
     * Every reactor unit's public interface, for a check that asks whether a name that resolved
     * when the spec was written is gone from the code, not merely from the unit's dependencies: a
     * unit that stops importing a package does not make that package's code disappear.
     *
     * @param units every unit of the reactor
     */
    public static CodeNames reactorWide(List<UnitAnalysis> units) {
        Set<String> packages = new java.util.HashSet<>();
        units.forEach(u -> packages.add(u.id().packageName()));
        CodeNames names = new CodeNames("", Set.copyOf(packages));
        for (UnitAnalysis u : units) {
            for (TypeModel t : u.types()) {
                if (t.visibility().isApi()) {
                    names.add(t, true);
                }
            }
        }
        return names;
    }

    /** Whether a name counts at all: an all-capitals word alone is an acronym unless it resolves. */
    public boolean counts(Name name) {
        boolean acronym = name.qualifier().isEmpty()
                && name.member().isEmpty()
                && ACRONYM.matcher(name.type()).matches();
        return !acronym || resolves(name);
    }

    private boolean resolvesBareMember(String member) {
        if (bareMembers.contains(member) || OBJECT_MEMBERS.contains(member)) {
            return true;
        }
        for (String type : staticImportTypes) {
            Optional<Known> t = lookUpQualified(type);
            if (t.isPresent() && hasMember(t.get(), member, new HashSet<>())) {
                return true;
            }
        }
        // inherited by one of the unit's types from a supertype outside it
        for (List<Known> ks : types.values()) {
            for (Known k : ks) {
                if (hasMember(k, member, new HashSet<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasMember(Known type, String member, Set<String> seen) {
        if (type.opaque() || type.members().contains(member)) {
            return true;
        }
        if (!seen.add(type.qualifiedName()) || seen.size() > 32) {
            return false;
        }
        for (String s : type.supertypes()) {
            String raw = stripBalanced(s, '<', '>');
            if (raw == null) {
                continue;
            }
            Optional<Known> sup =
                    raw.indexOf('.') > 0 && Character.isLowerCase(raw.charAt(0)) ? lookUpQualified(raw) : type(raw);
            if (sup.isPresent() && hasMember(sup.get(), member, seen)) {
                return true;
            }
            if (sup.isEmpty()) {
                return true; // a supertype the code cannot see into may declare it
            }
        }
        return false;
    }

    /** A simple or nested type name as the unit's code would resolve it. */
    private Optional<Known> type(String path) {
        List<Known> ks = types.get(path);
        if (ks != null) {
            return Optional.of(ks.get(0));
        }
        String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        String rest = path.substring(first.length());
        String imported = singleImports.get(first);
        if (imported != null) {
            return lookUpQualified(imported + rest);
        }
        for (String pkg : WELL_KNOWN_JDK_PACKAGES) {
            Optional<Known> jdk = jdk(pkg + "." + path);
            if (jdk.isPresent()) {
                return jdk; // java.lang, and the JDK types prose names without their imports
            }
        }
        for (String pkg : onDemandPackages) {
            Optional<Known> t = lookUpQualified(pkg + "." + path);
            if (t.isPresent()) {
                return t;
            }
        }
        for (String pkg : onDemandPackages) {
            if (!reactorPackages.contains(pkg) && !isJdkPackage(pkg)) {
                return Optional.of(opaque(pkg + "." + path)); // a library's package: cannot tell
            }
        }
        return Optional.empty();
    }

    private Optional<Known> qualified(Name name) {
        return lookUpQualified(name.qualifier() + "." + name.type());
    }

    /** A fully qualified type (nested types by dots): the reactor's, the JDK's, or a library's. */
    private Optional<Known> lookUpQualified(String qualifiedName) {
        Known k = byQualifiedName.get(qualifiedName);
        if (k != null) {
            return Optional.of(k);
        }
        Optional<Known> jdk = jdk(qualifiedName);
        if (jdk.isPresent()) {
            return jdk;
        }
        String pkg = packageOf(qualifiedName);
        if (pkg.isEmpty() || pkg.equals(ownPackage) || reactorPackages.contains(pkg) || isJdkPackage(pkg)) {
            return Optional.empty();
        }
        // a library's type: it exists if the code imports it or anything from its package
        boolean imported = singleImports.containsValue(qualifiedName)
                || singleImports.values().stream().anyMatch(i -> pkg.equals(packageOf(i)))
                || onDemandPackages.contains(pkg);
        return imported ? Optional.of(opaque(qualifiedName)) : Optional.empty();
    }

    private static Known opaque(String qualifiedName) {
        return new Known(qualifiedName, Set.of(), List.of(), true);
    }

    /** The package part of a qualified name: its lower-case leading segments. */
    private static String packageOf(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        List<String> pkg = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty() || Character.isUpperCase(p.charAt(0))) {
                break;
            }
            pkg.add(p);
        }
        return String.join(".", pkg);
    }

    private static boolean isJdkPackage(String pkg) {
        return JdkPackages.contains(pkg);
    }

    /** A JDK type by its qualified (dotted) name, with its public members and those it inherits. */
    private static Optional<Known> jdk(String qualifiedName) {
        return JDK.computeIfAbsent(qualifiedName, CodeNames::loadJdk).map(CodeNames::known);
    }

    private static Optional<Class<?>> loadJdk(String qualifiedName) {
        String pkg = packageOf(qualifiedName);
        if (pkg.isEmpty() || !isJdkPackage(pkg)) {
            return Optional.empty();
        }
        // Outer.Inner is Outer$Inner to the class loader
        String binary = pkg + "." + qualifiedName.substring(pkg.length() + 1).replace('.', '$');
        try {
            Class<?> c = Class.forName(binary, false, ClassLoader.getPlatformClassLoader());
            Module module = c.getModule();
            // only what the JDK exports is a name a program can use
            return module.isNamed() && module.isExported(c.getPackageName()) ? Optional.of(c) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Known known(Class<?> c) {
        Set<String> members = new HashSet<>(OBJECT_MEMBERS);
        try {
            for (Method m : c.getMethods()) {
                members.add(m.getName());
            }
            for (Field f : c.getFields()) {
                members.add(f.getName());
            }
            for (Class<?> nested : c.getClasses()) {
                members.add(nested.getSimpleName());
            }
            if (c.isInterface()) {
                for (Method m : c.getDeclaredMethods()) {
                    members.add(m.getName());
                }
            }
            // protected members a subclass in the unit may call
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (java.lang.reflect.Modifier.isProtected(m.getModifiers())) {
                        members.add(m.getName());
                    }
                }
            }
        } catch (LinkageError | SecurityException e) {
            return new Known(c.getName(), Set.of(), List.of(), true);
        }
        return new Known(c.getName(), members, List.of(), false);
    }
}
