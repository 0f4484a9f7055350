package io.github.reversespec.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides the {@link TypeRole}s of a unit's types from their declarations alone, by these rules
 * (names are simple names as written; a member type is judged by its own simple name):
 *
 * <ul>
 *   <li><b>facade</b>: an exported class, neither abstract nor a utility, that another package
 *       uses, and whose instance fields hold at least two other types of its package (it fronts
 *       them);
 *   <li><b>factory</b>: not a builder, and declares a public static method (not {@code main}, not
 *       an enum's {@code values}/{@code valueOf}) whose return type, without type arguments, is a
 *       type of the package;
 *   <li><b>builder</b>: named {@code *Builder}, declares a method {@code build}, and at least one
 *       instance method that returns the builder itself (fluent);
 *   <li><b>utility</b>: {@link TypeModel#isUtilityClass()}: only static members, not instantiated
 *       by its own file, and private constructors only, or (without a supertype but {@code
 *       Object} and the marker interfaces) no-arg placeholder ones or none;
 *   <li><b>value</b>: a record, or a final class whose instance fields (at least one) are all final
 *       and which declares both {@code equals} and {@code hashCode};
 *   <li><b>exception</b>: a class extending a type named {@code *Exception}, {@code *Error} or
 *       {@code Throwable}, or another exception of the package;
 *   <li><b>annotation</b>: an annotation type;
 *   <li><b>SPI / extension point</b>: an exported interface or abstract class that a type of
 *       another package extends or implements, or that a {@code META-INF/services} file of the
 *       reactor registers providers for;
 *   <li><b>event</b>: a class named {@code *Event} or extending {@code EventObject} or {@code
 *       ApplicationEvent};
 *   <li><b>listener</b>: an interface named {@code *Listener}, {@code *Handler}, {@code *Callback}
 *       or {@code *Observer}, an abstract class named {@code *Listener} (or just {@code Listener},
 *       as guava's {@code Service.Listener} is; an abstract {@code *Handler} is more often a base
 *       of implementations, as {@code AbstractInvocationHandler} is), or a type extending or
 *       implementing {@code EventListener};
 *   <li><b>configuration holder</b>: annotated {@code @Configuration}, {@code
 *       @ConfigurationProperties} or {@code @ConfigMapping}, or named with {@code Config}, {@code
 *       Properties}, {@code Settings} or {@code Options} and either a record or declaring a getter
 *       ({@code getX()}/{@code isX()} without parameters).
 * </ul>
 *
 * <p>Roles are hints for a reader, not proofs: what a type does at run time the syntax cannot tell.
 */
public final class TypeRoles {

    private static final Set<String> CONFIG_ANNOTATIONS =
            Set.of("Configuration", "ConfigurationProperties", "ConfigMapping", "AutoConfiguration");

    private static final Pattern CONFIG_NAME = Pattern.compile(".*(Config|Properties|Settings|Options).*");

    private static final Pattern LISTENER_NAME = Pattern.compile(".*(Listener|Handler|Callback|Observer)");

    private static final Pattern GETTER = Pattern.compile("(get|is)[A-Z].*");

    private TypeRoles() {}

    /**
     * The roles of every type of the unit.
     *
     * @param unit the unit
     * @param usedOutside simple names of its top-level types that other units use
     * @param extensionPoints names (as in {@link TypeModel#name()}) of its types that types of other
     *     units extend or implement, or that {@code META-INF/services} files register providers for
     * @return type name → its roles in {@link TypeRole} order, in the unit's type order; types
     *     without a role are absent
     */
    public static Map<String, List<TypeRole>> of(
            UnitAnalysis unit, Set<String> usedOutside, Set<String> extensionPoints) {
        List<TypeModel> types = unit.types();
        Set<String> names = new HashSet<>();
        for (TypeModel t : types) {
            names.add(t.name());
            names.add(t.simpleName());
        }
        Set<String> exceptions = exceptions(types);
        Map<String, List<TypeRole>> out = new LinkedHashMap<>();
        for (TypeModel t : types) {
            List<TypeRole> roles = new ArrayList<>(2);
            boolean builder = isBuilder(t);
            if (isFacade(t, names, usedOutside)) {
                roles.add(TypeRole.FACADE);
            }
            if (!builder && isFactory(t, names)) {
                roles.add(TypeRole.FACTORY);
            }
            if (builder) {
                roles.add(TypeRole.BUILDER);
            }
            if (t.isUtilityClass()) {
                roles.add(TypeRole.UTILITY);
            }
            if (isValue(t)) {
                roles.add(TypeRole.VALUE);
            }
            if (exceptions.contains(t.name())) {
                roles.add(TypeRole.EXCEPTION);
            }
            if (t.kind() == TypeKind.ANNOTATION) {
                roles.add(TypeRole.ANNOTATION);
            }
            if (t.exported()
                    && (t.kind() == TypeKind.INTERFACE
                            || (t.kind() == TypeKind.CLASS && t.modifiers().contains("abstract")))
                    && extensionPoints.contains(t.name())) {
                roles.add(TypeRole.EXTENSION_POINT);
            }
            if (t.kind() == TypeKind.CLASS
                    && (t.simpleName().endsWith("Event") || extendsNamed(t, "EventObject", "ApplicationEvent"))) {
                roles.add(TypeRole.EVENT);
            }
            if (isListener(t) || extendsNamed(t, "EventListener")) {
                roles.add(TypeRole.LISTENER);
            }
            if (!exceptions.contains(t.name()) && isConfiguration(t)) {
                roles.add(TypeRole.CONFIGURATION);
            }
            if (!roles.isEmpty()) {
                out.put(t.name(), List.copyOf(roles));
            }
        }
        return out;
    }

    /**
     * A type's simple name as written, without type arguments, arrays, varargs, annotations or
     * qualifier: {@code Base} of {@code a.b.Base<T>}, {@code String} of {@code @NonNull String...}.
     */
    public static String rawName(String type) {
        String raw = type.replaceAll("<.*", "")
                .replaceAll("\\[.*", "")
                .replace("...", "")
                .strip();
        int space = raw.lastIndexOf(' ');
        raw = space < 0 ? raw : raw.substring(space + 1);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** An interface named like a listener, or an abstract class named {@code *Listener}. */
    private static boolean isListener(TypeModel t) {
        return (t.kind() == TypeKind.INTERFACE
                        && LISTENER_NAME.matcher(t.simpleName()).matches())
                || (t.kind() == TypeKind.CLASS
                        && t.modifiers().contains("abstract")
                        && t.simpleName().endsWith("Listener"));
    }

    private static boolean extendsNamed(TypeModel t, String... names) {
        for (List<String> refs : List.of(t.extendedTypes(), t.implementedTypes())) {
            for (String ref : refs) {
                String raw = rawName(ref);
                for (String n : names) {
                    if (raw.equals(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The exception types among {@code types} (as in {@link TypeModel#name()}): classes whose
     * superclass is named as an exception or error, or is one of them.
     */
    public static Set<String> exceptionTypes(List<TypeModel> types) {
        return exceptions(types);
    }

    private static Set<String> exceptions(List<TypeModel> types) {
        Map<String, String> superOf = new HashMap<>();
        Set<String> out = new HashSet<>();
        for (TypeModel t : types) {
            if (t.kind() == TypeKind.CLASS && !t.extendedTypes().isEmpty()) {
                String sup = rawName(t.extendedTypes().get(0));
                superOf.put(t.name(), sup);
                if (sup.endsWith("Exception") || sup.endsWith("Error") || sup.equals("Throwable")) {
                    out.add(t.name());
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> e : superOf.entrySet()) {
                if (!out.contains(e.getKey()) && inSet(out, e.getValue())) {
                    out.add(e.getKey());
                    grew = true;
                }
            }
        }
        return out;
    }

    private static boolean inSet(Set<String> typeNames, String simple) {
        for (String n : typeNames) {
            if (n.equals(simple) || n.endsWith("." + simple)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFacade(TypeModel t, Set<String> names, Set<String> usedOutside) {
        if (t.kind() != TypeKind.CLASS
                || !t.exported()
                || t.modifiers().contains("abstract")
                || t.isUtilityClass()
                || !usedOutside.contains(t.topLevelName())) {
            return false;
        }
        Set<String> held = new HashSet<>();
        for (FieldModel f : t.fields()) {
            String raw = rawName(f.type());
            if (!f.isStatic() && names.contains(raw) && !raw.equals(t.simpleName())) {
                held.add(raw);
            }
        }
        return held.size() >= 2;
    }

    private static boolean isFactory(TypeModel t, Set<String> names) {
        for (MemberModel m : t.members()) {
            if (m.kind() == MemberModel.MemberKind.METHOD
                    && m.isStatic()
                    && m.visibility() == Visibility.PUBLIC
                    && isFactoryMethod(t, m, names)) {
                return true;
            }
        }
        return false;
    }

    /** A public static method returning a type of the package (not main, not an enum's own). */
    public static boolean isFactoryMethod(TypeModel t, MemberModel m, Set<String> packageTypeNames) {
        if (m.name().equals("main")
                || (t.kind() == TypeKind.ENUM
                        && (m.name().equals("values") || m.name().equals("valueOf")))) {
            return false;
        }
        String ret = m.returnType().replaceAll("<.*", "").strip();
        return !ret.isEmpty()
                && !ret.endsWith("]")
                && (packageTypeNames.contains(ret) || packageTypeNames.contains(rawName(ret)));
    }

    private static boolean isBuilder(TypeModel t) {
        if (!t.simpleName().endsWith("Builder") || (t.kind() != TypeKind.CLASS && t.kind() != TypeKind.INTERFACE)) {
            return false;
        }
        boolean build = false;
        boolean fluent = false;
        for (MemberModel m : t.members()) {
            if (m.kind() != MemberModel.MemberKind.METHOD) {
                continue;
            }
            if (m.name().equals("build")) {
                build = true;
            } else if (!m.isStatic()) {
                String ret = m.returnType().replaceAll("<.*", "").strip();
                if (ret.equals(t.simpleName()) || ret.equals(t.name())) {
                    fluent = true;
                }
            }
        }
        return build && fluent;
    }

    private static boolean isValue(TypeModel t) {
        if (t.kind() == TypeKind.RECORD) {
            return true;
        }
        if (t.kind() != TypeKind.CLASS || !t.modifiers().contains("final")) {
            return false;
        }
        List<FieldModel> instance =
                t.fields().stream().filter(f -> !f.isStatic()).toList();
        if (instance.isEmpty() || !instance.stream().allMatch(FieldModel::isFinal)) {
            return false;
        }
        boolean equals = false;
        boolean hashCode = false;
        for (MemberModel m : t.members()) {
            if (m.kind() == MemberModel.MemberKind.METHOD && !m.isStatic()) {
                equals |= m.name().equals("equals");
                hashCode |= m.name().equals("hashCode");
            }
        }
        return equals && hashCode;
    }

    private static boolean isConfiguration(TypeModel t) {
        for (String a : t.annotations()) {
            if (CONFIG_ANNOTATIONS.contains(a)) {
                return true;
            }
        }
        if (!CONFIG_NAME.matcher(t.simpleName()).matches() || t.kind() == TypeKind.ANNOTATION) {
            return false;
        }
        if (t.kind() == TypeKind.RECORD) {
            return true;
        }
        for (MemberModel m : t.members()) {
            if (m.kind() == MemberModel.MemberKind.METHOD
                    && !m.isStatic()
                    && GETTER.matcher(m.name()).matches()
                    && m.signature().matches(".*\\b" + Pattern.quote(m.name()) + "\\s*\\(\\s*\\).*")) {
                return true;
            }
        }
        return false;
    }
}
