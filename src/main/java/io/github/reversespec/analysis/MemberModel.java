package io.github.reversespec.analysis;

import java.util.List;

/**
 * A constructor, method, field, enum constant or annotation element of a type.
 *
 * @param kind what the member is
 * @param name the member's simple name (the type's simple name for constructors)
 * @param signature the declaration exactly as written in the code, normalised to one line, with its
 *     annotations (on the member, its parameters and its types) as written, without Javadoc, body or
 *     the parameters' {@code final} (e.g. {@code @Deprecated public static <T> List<T>
 *     copy(@Nullable Collection<? extends T> src) throws IOException}); a {@code static final}
 *     primitive or {@code String} field initialised with literals and names (a compile-time
 *     constant by the look of it, see {@link FieldModel#constantValue()}) ends with its value as written
 *     ({@code public static final String KEY = "a.b"}), other fields have no initialiser
 * @param visibility declared access (interface members are public unless private)
 * @param isStatic declared or implicitly static
 * @param javadocSummary first sentence of the member's Javadoc (plain text), or empty; for a method
 *     without a description of its own, that of the method it overrides (see {@code doc})
 * @param deprecated carries {@code @Deprecated} or a {@code @deprecated} Javadoc tag
 * @param thrownTypes exception types in the {@code throws} clause, as written
 * @param raisedTypes exception types the body throws, sorted, distinct: created in {@code throw new
 *     X(...)}, or rethrown by {@code throw e;} where {@code e} is a local variable, catch parameter
 *     or parameter declared of that type; an enum constant's are those of its class body
 * @param validations argument checks found in the body, as short source snippets (e.g. {@code
 *     Objects.requireNonNull(name)}, {@code if (size < 0) throw IllegalArgumentException}), in
 *     source order, at most a handful
 * @param line the line of the declaration in its file
 * @param doc the member's Javadoc in parts, with what it inherits from the method it overrides in
 *     the reactor filled in ({@link DocComment#inheritedFrom()} names it)
 * @param parameterNames the names of a callable's parameters, in order (empty for other members)
 * @param parameterTypes the erasure of each parameter's type as written, by simple name ({@code
 *     List} for {@code java.util.List<String>}, {@code String[]} for {@code String...}); a type
 *     variable is {@code ?}: what an override is matched by
 * @param returnType a method's return type as written ({@code List<String>}, {@code void}); empty
 *     for every other kind of member
 * @param annotations the member's own annotations as written, one line each and cut when long
 *     ({@code @GetMapping("/{id}")}), in source order; not those of its parameters
 * @param typeParameters a callable's own type parameters as written ({@code X extends Exception}),
 *     in order; empty for every other member
 */
public record MemberModel(
        MemberKind kind,
        String name,
        String signature,
        Visibility visibility,
        boolean isStatic,
        String javadocSummary,
        boolean deprecated,
        List<String> thrownTypes,
        List<String> raisedTypes,
        List<String> validations,
        int line,
        DocComment doc,
        List<String> parameterNames,
        List<String> parameterTypes,
        String returnType,
        List<String> annotations,
        List<String> typeParameters) {

    /** A member without parts of Javadoc, parameter facts, return type or annotations (tests and callers that need none). */
    public MemberModel(
            MemberKind kind,
            String name,
            String signature,
            Visibility visibility,
            boolean isStatic,
            String javadocSummary,
            boolean deprecated,
            List<String> thrownTypes,
            List<String> raisedTypes,
            List<String> validations,
            int line) {
        this(
                kind,
                name,
                signature,
                visibility,
                isStatic,
                javadocSummary,
                deprecated,
                thrownTypes,
                raisedTypes,
                validations,
                line,
                DocComment.EMPTY,
                List.of(),
                List.of(),
                "",
                List.of(),
                List.of());
    }

    /** A member without type parameters of its own (tests and callers that need none). */
    public MemberModel(
            MemberKind kind,
            String name,
            String signature,
            Visibility visibility,
            boolean isStatic,
            String javadocSummary,
            boolean deprecated,
            List<String> thrownTypes,
            List<String> raisedTypes,
            List<String> validations,
            int line,
            DocComment doc,
            List<String> parameterNames,
            List<String> parameterTypes,
            String returnType,
            List<String> annotations) {
        this(
                kind,
                name,
                signature,
                visibility,
                isStatic,
                javadocSummary,
                deprecated,
                thrownTypes,
                raisedTypes,
                validations,
                line,
                doc,
                parameterNames,
                parameterTypes,
                returnType,
                annotations,
                List.of());
    }

    public MemberModel {
        typeParameters = List.copyOf(typeParameters);
        returnType = returnType == null ? "" : returnType;
        annotations = List.copyOf(annotations);
        javadocSummary = javadocSummary == null ? "" : javadocSummary;
        thrownTypes = List.copyOf(thrownTypes);
        raisedTypes = List.copyOf(raisedTypes);
        validations = List.copyOf(validations);
        doc = doc == null ? DocComment.EMPTY : doc;
        parameterNames = List.copyOf(parameterNames);
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The same member with other Javadoc (and the summary that goes with it). */
    MemberModel withDoc(DocComment newDoc, String newSummary) {
        return new MemberModel(
                kind,
                name,
                signature,
                visibility,
                isStatic,
                newSummary,
                deprecated,
                thrownTypes,
                raisedTypes,
                validations,
                line,
                newDoc,
                parameterNames,
                parameterTypes,
                returnType,
                annotations,
                typeParameters);
    }

    /**
     * The name of an exception type this member throws ({@link #thrownTypes()} or {@link
     * #raisedTypes()}): the type as written, or for a type variable ({@code throws X} of {@code <X
     * extends Exception>}) its first bound, which is the class the JVM sees thrown (its erasure). A
     * type variable is looked for among the member's own type parameters, then its type's.
     *
     * @param thrown a thrown type as written
     * @param owner the type that declares this member
     * @return the thrown type, or its bound's simple name ({@code Exception}; {@code Throwable} if
     *     a variable is declared without one)
     */
    public String exceptionName(String thrown, TypeModel owner) {
        String name = thrown;
        // a bound may be another variable (<X extends Exception, Y extends X>): a few steps at most
        for (int step = 0; step < 4; step++) {
            String bound = bound(name, owner);
            if (bound == null) {
                return name;
            }
            name = bound;
        }
        return name;
    }

    /** The first bound of the type variable {@code name} declared by this member or its type, or null. */
    private String bound(String name, TypeModel owner) {
        if (name.indexOf('.') >= 0 || name.indexOf('<') >= 0) {
            return null;
        }
        for (List<String> declared : List.of(typeParameters, owner.typeParameters())) {
            for (String tp : declared) {
                String[] parts = tp.strip().split("\\s+extends\\s+", 2);
                if (parts[0].replaceAll(".*\\s", "").equals(name)) {
                    return parts.length < 2 ? "Throwable" : TypeRoles.rawName(parts[1].split("&")[0]);
                }
            }
        }
        return null;
    }

    /** Whether it carries an annotation of this simple name ({@code PostConstruct} for {@code @javax.annotation.PostConstruct}). */
    public boolean hasAnnotation(String simpleName) {
        for (String a : annotations) {
            if (annotationName(a).equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The simple name of an annotation as written: {@code GetMapping} of {@code
     * @org.springframework.web.bind.annotation.GetMapping("/x")}.
     */
    public static String annotationName(String annotation) {
        String a = annotation.startsWith("@") ? annotation.substring(1) : annotation;
        int paren = a.indexOf('(');
        if (paren >= 0) {
            a = a.substring(0, paren);
        }
        a = a.strip();
        return a.substring(a.lastIndexOf('.') + 1);
    }

    /** The kinds of member. */
    public enum MemberKind {
        CONSTRUCTOR,
        METHOD,
        FIELD,
        ENUM_CONSTANT,
        ANNOTATION_ELEMENT
    }
}
