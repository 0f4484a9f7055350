package io.github.reversespec.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A type declared in a unit: top-level or member (nested) type. Local and anonymous classes are
 * not types of the package's interface and are left out.
 *
 * @param name simple name; a member type is {@code Outer.Inner}
 * @param qualifiedName {@code package.Outer.Inner}
 * @param kind class, interface, enum, record or annotation
 * @param visibility declared access
 * @param exported reachable from other packages: public or protected, and so is every enclosing
 *     type
 * @param modifiers other modifiers in source order ({@code abstract}, {@code final}, {@code
 *     static}, {@code sealed}, {@code non-sealed}, {@code strictfp})
 * @param signature the declaration as written, one line, without the type's own annotations (they
 *     are {@code annotations}), Javadoc or body, e.g. {@code public final class Cache<K, V> extends
 *     Base implements Closeable}; record components and type-use annotations keep theirs: {@code
 *     public record Point(@JsonProperty("x") int x)}
 * @param typeParameters type parameters as written, e.g. {@code K extends Comparable<K>}
 * @param extendedTypes supertypes in {@code extends}, as written
 * @param implementedTypes interfaces in {@code implements}, as written
 * @param permittedTypes types in {@code permits}, as written
 * @param annotations simple names of the annotations on the declaration (without {@code @})
 * @param javadocSummary first sentence of the type's Javadoc, or empty
 * @param deprecated carries {@code @Deprecated} or a {@code @deprecated} Javadoc tag
 * @param file the declaring file, relative to the execution root, '/'-separated
 * @param line the line of the declaration
 * @param members constructors, methods, fields, enum constants and annotation elements, in source
 *     order (all visibilities; record components are not repeated here)
 * @param fields every field (all visibilities) in source order; for records, the components first
 * @param enumConstants names of the enum constants, in source order
 * @param recordComponents components of a record, in order (empty otherwise)
 * @param doc the type's Javadoc in parts: its first paragraph whole, {@code @since}, {@code
 *     @deprecated} and the {@code @param} texts (record components, type parameters)
 * @param behaviour what its code tells about its behaviour: annotations as written, configuration
 *     lookups, concurrency constructs
 */
public record TypeModel(
        String name,
        String qualifiedName,
        TypeKind kind,
        Visibility visibility,
        boolean exported,
        List<String> modifiers,
        String signature,
        List<String> typeParameters,
        List<String> extendedTypes,
        List<String> implementedTypes,
        List<String> permittedTypes,
        List<String> annotations,
        String javadocSummary,
        boolean deprecated,
        String file,
        int line,
        List<MemberModel> members,
        List<FieldModel> fields,
        List<String> enumConstants,
        List<FieldModel> recordComponents,
        DocComment doc,
        TypeBehaviour behaviour) {

    /** A type without parts of Javadoc or behaviour facts (tests and callers that need none). */
    public TypeModel(
            String name,
            String qualifiedName,
            TypeKind kind,
            Visibility visibility,
            boolean exported,
            List<String> modifiers,
            String signature,
            List<String> typeParameters,
            List<String> extendedTypes,
            List<String> implementedTypes,
            List<String> permittedTypes,
            List<String> annotations,
            String javadocSummary,
            boolean deprecated,
            String file,
            int line,
            List<MemberModel> members,
            List<FieldModel> fields,
            List<String> enumConstants,
            List<FieldModel> recordComponents) {
        this(
                name,
                qualifiedName,
                kind,
                visibility,
                exported,
                modifiers,
                signature,
                typeParameters,
                extendedTypes,
                implementedTypes,
                permittedTypes,
                annotations,
                javadocSummary,
                deprecated,
                file,
                line,
                members,
                fields,
                enumConstants,
                recordComponents,
                DocComment.EMPTY,
                TypeBehaviour.NONE);
    }

    public TypeModel {
        behaviour = behaviour == null ? TypeBehaviour.NONE : behaviour;
        modifiers = List.copyOf(modifiers);
        typeParameters = List.copyOf(typeParameters);
        extendedTypes = List.copyOf(extendedTypes);
        implementedTypes = List.copyOf(implementedTypes);
        permittedTypes = List.copyOf(permittedTypes);
        annotations = List.copyOf(annotations);
        javadocSummary = javadocSummary == null ? "" : javadocSummary;
        members = List.copyOf(members);
        fields = List.copyOf(fields);
        enumConstants = List.copyOf(enumConstants);
        recordComponents = List.copyOf(recordComponents);
        doc = doc == null ? DocComment.EMPTY : doc;
    }

    /** The same type with other members (their inherited Javadoc filled in). */
    TypeModel withMembers(List<MemberModel> newMembers) {
        return new TypeModel(
                name,
                qualifiedName,
                kind,
                visibility,
                exported,
                modifiers,
                signature,
                typeParameters,
                extendedTypes,
                implementedTypes,
                permittedTypes,
                annotations,
                javadocSummary,
                deprecated,
                file,
                line,
                newMembers,
                fields,
                enumConstants,
                recordComponents,
                doc,
                behaviour);
    }

    /** The simple name of the innermost type: {@code Inner} of {@code Outer.Inner}. */
    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** A member type, declared inside another type. */
    public boolean isNested() {
        return name.indexOf('.') >= 0;
    }

    /**
     * A static utility class: a holder of static members, neither a base to extend nor a thing to
     * create, whatever its {@code abstract} or {@code final} says. It is a class
     *
     * <ul>
     *   <li>whose members are all static (at least one; nested types do not count either way);
     *   <li>that no code of its own file instantiates ({@link TypeBehaviour#instantiated()}): a
     *       singleton's {@code static final Digit INSTANCE = new Digit()} makes it a thing;
     *   <li>and that no other code can instantiate: every constructor it declares is private (only
     *       its own file could call one), or, for a class that extends nothing but {@code Object}
     *       and implements no interface but the markers {@code Serializable} and {@code
     *       Cloneable}, its constructors take no parameters or it declares none. A
     *       no-arg constructor of a class without instance members gives an instance nothing to
     *       hold: it is the placeholder of commons-lang3's {@code public StringUtils()} ("instances
     *       should NOT be constructed", often {@code @Deprecated}). A subclass or an implementation
     *       that others may construct is an instance of what it extends, so it is no utility; a
     *       class with private constructors may extend a bridge class (guava's {@code Futures}) and
     *       stay one.
     * </ul>
     *
     * <p>Only its own file is looked at: a class of static members and a public no-arg
     * constructor that another file creates with {@code new} would still count.
     */
    public boolean isUtilityClass() {
        if (kind != TypeKind.CLASS || behaviour.instantiated()) {
            return false;
        }
        boolean onlyPrivate = true;
        boolean onlyNoArg = true;
        boolean staticMember = false;
        for (MemberModel m : members) {
            if (m.kind() == MemberModel.MemberKind.CONSTRUCTOR) {
                onlyPrivate &= m.visibility() == Visibility.PRIVATE;
                onlyNoArg &= m.signature().matches(".*\\b" + Pattern.quote(m.name()) + "\\s*\\(\\s*\\).*");
                if (!onlyPrivate && !onlyNoArg) {
                    return false;
                }
            } else if (m.isStatic()) {
                staticMember = true;
            } else {
                return false;
            }
        }
        boolean declaresConstructor = members.stream().anyMatch(m -> m.kind() == MemberModel.MemberKind.CONSTRUCTOR);
        if (!staticMember) {
            return false;
        }
        if (declaresConstructor && onlyPrivate) {
            return true;
        }
        return onlyNoArg
                && extendedTypes.stream().allMatch(t -> isNamed(t, "Object"))
                && implementedTypes.stream().allMatch(t -> isNamed(t, "Serializable") || isNamed(t, "Cloneable"));
    }

    /** {@code Object} of {@code Object} and {@code java.lang.Object}; a marker interface likewise. */
    private static boolean isNamed(String type, String simple) {
        String raw = type.replaceAll("<.*", "").strip();
        return raw.equals(simple) || raw.endsWith("." + simple);
    }

    /** The simple name of the outermost type: what imports and other files name. */
    public String topLevelName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
