package io.github.reversespec.analysis;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Position;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.IntersectionType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Renders declarations as one-line signatures from the AST.
 *
 * <p>We render types ourselves instead of calling {@code toString()}: the pretty printer is slow
 * (a new printer per call), prints comments, and JavaParser's {@code getDeclarationAsString} drops
 * type parameters. Signatures keep every annotation as written (declaration, parameter and
 * type-use ones: {@code @Nullable}, {@code @JsonProperty("x")}, {@code List<@NonNull String>}),
 * because they are part of the contract a caller sees; annotation text comes from the source
 * tokens, so it reads as written, on one line. The bare type names other facts use ({@link
 * #type}, {@link #callableKey}) stay without annotations: they name types, and a name with
 * {@code @NonNull} in it would not resolve.
 */
final class Signatures {

    /** Longest expression text kept in a signature (enum constant arguments, defaults). */
    private static final int MAX_EXPRESSION = 120;

    /** Longest constant value kept in a signature: a long string is cut, with an ellipsis. */
    static final int MAX_CONSTANT_VALUE = 200;

    /**
     * Expression nodes of an initialiser looked at before it counts as not simple: bounds the
     * cost of a generated table of thousands of terms.
     */
    private static final int MAX_CONSTANT_NODES = 64;

    private Signatures() {}

    /** A type as written, without type-use annotations: {@code Map<String, List<? extends T>>}. */
    static String type(Type type) {
        StringBuilder sb = new StringBuilder(32);
        appendType(sb, type, false);
        return sb.toString();
    }

    private static void appendType(StringBuilder sb, Type type, boolean annotated) {
        if (type instanceof ClassOrInterfaceType c) {
            c.getScope().ifPresent(s -> {
                appendType(sb, s, annotated);
                sb.append('.');
            });
            appendTypeAnnotations(sb, c, annotated);
            sb.append(c.getName().getIdentifier());
            c.getTypeArguments()
                    .ifPresent(args -> appendTypeList(sb.append('<'), args, ", ", annotated)
                            .append('>'));
        } else if (type instanceof ArrayType a) {
            appendType(sb, a.getComponentType(), annotated);
            if (annotated && a.getAnnotations().isNonEmpty()) {
                appendAnnotations(sb.append(' '), a.getAnnotations()).append(' ');
            }
            sb.append("[]");
        } else if (type instanceof WildcardType w) {
            appendTypeAnnotations(sb, w, annotated);
            sb.append('?');
            w.getExtendedType().ifPresent(t -> appendType(sb.append(" extends "), t, annotated));
            w.getSuperType().ifPresent(t -> appendType(sb.append(" super "), t, annotated));
        } else if (type instanceof UnionType u) {
            appendTypeList(sb, u.getElements(), " | ", annotated);
        } else if (type instanceof IntersectionType i) {
            appendTypeList(sb, i.getElements(), " & ", annotated);
        } else {
            // primitive, void, var, unknown (lambda parameter): asString has no annotations
            appendTypeAnnotations(sb, type, annotated);
            sb.append(type.asString());
        }
    }

    private static void appendTypeAnnotations(StringBuilder sb, Type type, boolean annotated) {
        if (annotated && type.getAnnotations().isNonEmpty()) {
            appendAnnotations(sb, type.getAnnotations()).append(' ');
        }
    }

    private static StringBuilder appendTypeList(
            StringBuilder sb, List<? extends Type> types, String separator, boolean annotated) {
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            appendType(sb, types.get(i), annotated);
        }
        return sb;
    }

    /** Annotations separated by single spaces, each as written. */
    private static StringBuilder appendAnnotations(StringBuilder sb, List<AnnotationExpr> annotations) {
        for (int i = 0; i < annotations.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(annotation(annotations.get(i)));
        }
        return sb;
    }

    /** An annotation as written, on one line: {@code @Value("${x}")}, {@code @Deprecated}. */
    static String annotation(AnnotationExpr a) {
        if (a instanceof MarkerAnnotationExpr) {
            return "@" + a.getName().asString();
        }
        return sourceText(a);
    }

    /**
     * A node's source text from its tokens: comments dropped, every run of whitespace (line breaks
     * included) one space. Reads the tokens the parser kept, so it costs no printing and walks
     * nothing but the node's own tokens.
     */
    static String sourceText(Node node) {
        Optional<TokenRange> range = node.getTokenRange();
        if (range.isEmpty()) {
            return Text.oneLine(node.toString());
        }
        StringBuilder sb = new StringBuilder(32);
        boolean pendingSpace = false;
        for (JavaToken token : range.get()) {
            if (token.getCategory().isWhitespaceOrComment()) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            String text = token.getText();
            // a text block is one token spanning lines
            sb.append(token.getCategory().isLiteral() && text.indexOf('\n') >= 0 ? Text.oneLine(text) : text);
        }
        return sb.toString();
    }

    /** Each type rendered. */
    static List<String> types(List<? extends Type> types) {
        List<String> out = new ArrayList<>(types.size());
        for (Type t : types) {
            out.add(type(t));
        }
        return out;
    }

    /** {@code T extends Comparable<? super T> & Serializable}. */
    static String typeParameter(TypeParameter p) {
        StringBuilder sb = new StringBuilder(24);
        appendTypeParameter(sb, p, false);
        return sb.toString();
    }

    private static void appendTypeParameter(StringBuilder sb, TypeParameter p, boolean annotated) {
        if (annotated && p.getAnnotations().isNonEmpty()) {
            appendAnnotations(sb, p.getAnnotations()).append(' ');
        }
        sb.append(p.getName().getIdentifier());
        if (p.getTypeBound().isNonEmpty()) {
            appendTypeList(sb.append(" extends "), p.getTypeBound(), " & ", annotated);
        }
    }

    static List<String> typeParameters(List<TypeParameter> params) {
        List<String> out = new ArrayList<>(params.size());
        for (TypeParameter p : params) {
            out.add(typeParameter(p));
        }
        return out;
    }

    /** Modifier keywords in source order, e.g. {@code public static final}. */
    static List<String> modifiers(NodeList<Modifier> modifiers) {
        List<String> out = new ArrayList<>(modifiers.size());
        for (Modifier m : modifiers) {
            out.add(m.getKeyword().asString());
        }
        return out;
    }

    /** Modifiers other than access modifiers, in source order. */
    static List<String> nonAccessModifiers(NodeList<Modifier> modifiers) {
        List<String> out = new ArrayList<>(modifiers.size());
        for (Modifier m : modifiers) {
            switch (m.getKeyword()) {
                case PUBLIC, PROTECTED, PRIVATE, DEFAULT -> {
                    // access, or the interface method marker: not a modifier of the model
                }
                default -> out.add(m.getKeyword().asString());
            }
        }
        return out;
    }

    private static StringBuilder appendModifiers(StringBuilder sb, NodeList<Modifier> modifiers) {
        for (Modifier m : modifiers) {
            sb.append(m.getKeyword().asString()).append(' ');
        }
        return sb;
    }

    /**
     * Annotations and modifiers in the order they are written ({@code @Override public}, {@code
     * public @Nullable}), each followed by a space. JavaParser keeps them in two lists; their
     * positions merge them back. Without positions, annotations come first.
     */
    private static StringBuilder appendAnnotationsAndModifiers(
            StringBuilder sb, NodeList<AnnotationExpr> annotations, NodeList<Modifier> modifiers) {
        if (annotations.isEmpty()) {
            return appendModifiers(sb, modifiers);
        }
        int a = 0;
        int m = 0;
        while (a < annotations.size() || m < modifiers.size()) {
            boolean annotationNext =
                    m >= modifiers.size() || (a < annotations.size() && !before(modifiers.get(m), annotations.get(a)));
            if (annotationNext) {
                sb.append(annotation(annotations.get(a++))).append(' ');
            } else {
                sb.append(modifiers.get(m++).getKeyword().asString()).append(' ');
            }
        }
        return sb;
    }

    private static boolean before(Node first, Node second) {
        Optional<Position> p = first.getBegin();
        Optional<Position> q = second.getBegin();
        return p.isPresent() && q.isPresent() && p.get().isBefore(q.get());
    }

    private static void appendTypeParameters(StringBuilder sb, List<TypeParameter> params) {
        if (params.isEmpty()) {
            return;
        }
        sb.append('<');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendTypeParameter(sb, params.get(i), true);
        }
        sb.append('>');
    }

    /**
     * The type declaration line: {@code public sealed interface Shape<T> extends Base permits
     * Circle, Square}, {@code public record Point(int x, int y) implements Comparable<Point>}.
     */
    static String typeDeclaration(TypeDeclaration<?> decl, TypeKind kind) {
        StringBuilder sb = new StringBuilder(64);
        appendModifiers(sb, decl.getModifiers());
        sb.append(kind.keyword()).append(' ').append(decl.getName().getIdentifier());
        if (decl instanceof ClassOrInterfaceDeclaration c) {
            appendTypeParameters(sb, c.getTypeParameters());
            appendClause(sb, " extends ", c.getExtendedTypes());
            appendClause(sb, " implements ", c.getImplementedTypes());
            appendClause(sb, " permits ", c.getPermittedTypes());
        } else if (decl instanceof RecordDeclaration r) {
            appendTypeParameters(sb, r.getTypeParameters());
            appendParameters(sb, r.getParameters());
            appendClause(sb, " implements ", r.getImplementedTypes());
        } else if (decl instanceof EnumDeclaration e) {
            appendClause(sb, " implements ", e.getImplementedTypes());
        }
        return sb.toString();
    }

    private static void appendClause(StringBuilder sb, String keyword, List<? extends Type> types) {
        if (!types.isEmpty()) {
            appendTypeList(sb.append(keyword), types, ", ", true);
        }
    }

    /**
     * {@code (@Nullable Collection<? extends T> src, String... rest)}: parameters (and record
     * components) with their annotations as written, without {@code final}, which does not concern
     * a caller.
     */
    private static void appendParameters(StringBuilder sb, List<Parameter> params) {
        sb.append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Parameter p = params.get(i);
            if (p.getAnnotations().isNonEmpty()) {
                appendAnnotations(sb, p.getAnnotations()).append(' ');
            }
            appendType(sb, p.getType(), true);
            if (p.isVarArgs()) {
                if (p.getVarArgsAnnotations().isNonEmpty()) {
                    appendAnnotations(sb.append(' '), p.getVarArgsAnnotations()).append(' ');
                }
                sb.append("...");
            }
            sb.append(' ').append(p.getName().getIdentifier());
        }
        sb.append(')');
    }

    /**
     * A method or constructor: annotations and modifiers, type parameters, result, name,
     * parameters, throws.
     */
    static String callable(CallableDeclaration<?> decl) {
        StringBuilder sb = new StringBuilder(64);
        appendAnnotationsAndModifiers(sb, decl.getAnnotations(), decl.getModifiers());
        if (decl.getTypeParameters().isNonEmpty()) {
            appendTypeParameters(sb, decl.getTypeParameters());
            sb.append(' ');
        }
        if (decl instanceof MethodDeclaration m) {
            appendType(sb, m.getType(), true);
            sb.append(' ');
        }
        sb.append(decl.getName().getIdentifier());
        appendParameters(sb, decl.getParameters());
        appendThrows(sb, decl.getThrownExceptions());
        return sb.toString();
    }

    /** A record's compact constructor: {@code public Point} (it has no parameter list). */
    static String compactConstructor(CompactConstructorDeclaration decl) {
        StringBuilder sb = new StringBuilder(32);
        appendAnnotationsAndModifiers(sb, decl.getAnnotations(), decl.getModifiers());
        if (decl.getTypeParameters().isNonEmpty()) {
            appendTypeParameters(sb, decl.getTypeParameters());
            sb.append(' ');
        }
        sb.append(decl.getName().getIdentifier());
        appendThrows(sb, decl.getThrownExceptions());
        return sb.toString();
    }

    private static void appendThrows(StringBuilder sb, List<ReferenceType> thrown) {
        appendClause(sb, " throws ", thrown);
    }

    /**
     * A field variable: {@code @JsonIgnore private final Map<String, Integer> counts} (no
     * initialiser).
     */
    static String field(
            NodeList<AnnotationExpr> annotations, NodeList<Modifier> modifiers, Type variableType, String name) {
        StringBuilder sb = new StringBuilder(48);
        appendAnnotationsAndModifiers(sb, annotations, modifiers);
        appendType(sb, variableType, true);
        return sb.append(' ').append(name).toString();
    }

    /**
     * The value of a constant as written ({@code "spring.aot.enabled"}, {@code 60 * 1000}, {@code
     * 1 << (Integer.SIZE - 2)}), or empty: shown only for a primitive or {@code String} variable
     * whose initialiser looks like a compile-time constant: literals and names ({@code SIZE},
     * {@code Integer.SIZE}) joined by operators, parentheses, casts and conditionals, which is what
     * the compiler inlines into callers and what a reader looks up a configuration key by. A name
     * is shown as written, not followed: without resolution we cannot tell a constant from a static
     * field set at run time, so the text is the initialiser, not always a value. A method call,
     * {@code new}, an array or {@code null} makes the initialiser computed, and nothing is shown.
     *
     * @param type the variable's type, array brackets included
     * @param initializer its initialiser
     * @return the value on one line, cut past {@value #MAX_CONSTANT_VALUE} characters, or empty
     */
    static String constantValue(Type type, Expression initializer) {
        if (!isConstantType(type) || !isLiteralExpression(initializer)) {
            return "";
        }
        return Text.truncate(sourceText(initializer), MAX_CONSTANT_VALUE);
    }

    private static boolean isConstantType(Type type) {
        if (type.isPrimitiveType()) {
            return true;
        }
        return type instanceof ClassOrInterfaceType c
                && c.getName().getIdentifier().equals("String")
                && c.getTypeArguments().isEmpty()
                && c.getScope()
                        .map(scope -> scope.asString().equals("java.lang"))
                        .orElse(true);
    }

    private static boolean isLiteralExpression(Expression initializer) {
        Deque<Expression> todo = new ArrayDeque<>();
        todo.push(initializer);
        int seen = 0;
        while (!todo.isEmpty()) {
            if (++seen > MAX_CONSTANT_NODES) {
                return false;
            }
            Expression e = todo.pop();
            if (e instanceof LiteralExpr) {
                if (e instanceof NullLiteralExpr) {
                    return false;
                }
            } else if (e instanceof UnaryExpr u) {
                switch (u.getOperator()) {
                    case PLUS, MINUS, BITWISE_COMPLEMENT, LOGICAL_COMPLEMENT -> todo.push(u.getExpression());
                    default -> {
                        return false;
                    }
                }
            } else if (e instanceof BinaryExpr b) {
                todo.push(b.getLeft());
                todo.push(b.getRight());
            } else if (e instanceof EnclosedExpr p) {
                todo.push(p.getInner());
            } else if (e instanceof NameExpr || isQualifiedName(e)) {
                // a constant's name, as written: SIZE, Integer.SIZE
                continue;
            } else if (e instanceof CastExpr c && isConstantType(c.getType())) {
                todo.push(c.getExpression());
            } else if (e instanceof ConditionalExpr c) {
                todo.push(c.getCondition());
                todo.push(c.getThenExpr());
                todo.push(c.getElseExpr());
            } else {
                return false;
            }
        }
        return true;
    }

    /** {@code a.b.C}: field accesses down to a plain name, no call, {@code this} or array on the way. */
    private static boolean isQualifiedName(Expression e) {
        Expression scope = e;
        while (scope instanceof FieldAccessExpr fa) {
            scope = fa.getScope();
        }
        return scope != e && scope instanceof NameExpr;
    }

    /** An enum constant: its name, with its arguments if any: {@code RED("r", 1)}. */
    static String enumConstant(EnumConstantDeclaration decl) {
        String name = decl.getName().getIdentifier();
        if (decl.getArguments().isEmpty() && decl.getAnnotations().isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(32);
        if (decl.getAnnotations().isNonEmpty()) {
            appendAnnotations(sb, decl.getAnnotations()).append(' ');
        }
        sb.append(name);
        if (decl.getArguments().isEmpty()) {
            return sb.toString();
        }
        sb.append('(');
        for (int i = 0; i < decl.getArguments().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(expression(decl.getArguments().get(i)));
        }
        return sb.append(')').toString();
    }

    /** An annotation element: {@code String value() default ""}. */
    static String annotationElement(AnnotationMemberDeclaration decl) {
        StringBuilder sb = new StringBuilder(48);
        appendAnnotationsAndModifiers(sb, decl.getAnnotations(), decl.getModifiers());
        appendType(sb, decl.getType(), true);
        sb.append(' ').append(decl.getName().getIdentifier()).append("()");
        decl.getDefaultValue().ifPresent(v -> sb.append(" default ").append(expression(v)));
        return sb.toString();
    }

    /** An expression's source text on one line, shortened. */
    static String expression(Expression e) {
        return Text.truncate(Text.oneLine(e.toString()), MAX_EXPRESSION);
    }

    /** {@code name(Type, Type)}: how debt items and hashes name an overloaded callable. */
    static String callableKey(String name, List<Parameter> params) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendType(sb, params.get(i).getType(), false);
            if (params.get(i).isVarArgs()) {
                sb.append("...");
            }
        }
        return sb.append(')').toString();
    }

    /**
     * Each parameter's type erased as written, by simple name: {@code List} for {@code
     * java.util.List<String>}, {@code String[]} for {@code String...}, {@code ?} for a type
     * variable in scope (what an override may replace by any type).
     */
    static List<String> erasures(List<Parameter> params, java.util.Set<String> typeVariables) {
        List<String> erased = new ArrayList<>(params.size());
        for (Parameter p : params) {
            erased.add(erasure(p.getType(), typeVariables) + (p.isVarArgs() ? "[]" : ""));
        }
        return erased;
    }

    private static String erasure(Type type, java.util.Set<String> typeVariables) {
        if (type instanceof ArrayType a) {
            return erasure(a.getComponentType(), typeVariables) + "[]";
        }
        if (type instanceof ClassOrInterfaceType c) {
            String name = c.getName().getIdentifier();
            return c.getScope().isEmpty() && typeVariables.contains(name) ? "?" : name;
        }
        return type.asString();
    }
}
