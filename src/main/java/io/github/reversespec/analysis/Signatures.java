package io.github.reversespec.analysis;

import com.github.javaparser.ast.Modifier;
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
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.IntersectionType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders declarations as one-line signatures from the AST.
 *
 * <p>We render types ourselves instead of calling {@code toString()}: the pretty printer is slow
 * (a new printer per call), keeps type annotations and comments, and JavaParser's {@code
 * getDeclarationAsString} drops type parameters.
 */
final class Signatures {

    /** Longest expression text kept in a signature (enum constant arguments, defaults). */
    private static final int MAX_EXPRESSION = 120;

    private Signatures() {}

    /** A type as written, without type-use annotations: {@code Map<String, List<? extends T>>}. */
    static String type(Type type) {
        StringBuilder sb = new StringBuilder(32);
        appendType(sb, type);
        return sb.toString();
    }

    private static void appendType(StringBuilder sb, Type type) {
        if (type instanceof ClassOrInterfaceType c) {
            c.getScope().ifPresent(s -> {
                appendType(sb, s);
                sb.append('.');
            });
            sb.append(c.getName().getIdentifier());
            c.getTypeArguments().ifPresent(args -> appendTypeList(sb.append('<'), args, ", ").append('>'));
        } else if (type instanceof ArrayType a) {
            appendType(sb, a.getComponentType());
            sb.append("[]");
        } else if (type instanceof WildcardType w) {
            sb.append('?');
            w.getExtendedType().ifPresent(t -> appendType(sb.append(" extends "), t));
            w.getSuperType().ifPresent(t -> appendType(sb.append(" super "), t));
        } else if (type instanceof UnionType u) {
            appendTypeList(sb, u.getElements(), " | ");
        } else if (type instanceof IntersectionType i) {
            appendTypeList(sb, i.getElements(), " & ");
        } else {
            // primitive, void, var, unknown (lambda parameter): asString has no annotations
            sb.append(type.asString());
        }
    }

    private static StringBuilder appendTypeList(StringBuilder sb, List<? extends Type> types, String separator) {
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            appendType(sb, types.get(i));
        }
        return sb;
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
        StringBuilder sb = new StringBuilder(p.getName().getIdentifier());
        if (p.getTypeBound().isNonEmpty()) {
            appendTypeList(sb.append(" extends "), p.getTypeBound(), " & ");
        }
        return sb.toString();
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

    private static void appendTypeParameters(StringBuilder sb, List<TypeParameter> params) {
        if (params.isEmpty()) {
            return;
        }
        sb.append('<');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(typeParameter(params.get(i)));
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
            appendTypeList(sb.append(keyword), types, ", ");
        }
    }

    /** {@code (Collection<? extends T> src, String... rest)}: parameters without annotations or {@code final}. */
    private static void appendParameters(StringBuilder sb, List<Parameter> params) {
        sb.append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Parameter p = params.get(i);
            appendType(sb, p.getType());
            sb.append(p.isVarArgs() ? "... " : " ").append(p.getName().getIdentifier());
        }
        sb.append(')');
    }

    /** A method or constructor: modifiers, type parameters, result, name, parameters, throws. */
    static String callable(CallableDeclaration<?> decl) {
        StringBuilder sb = new StringBuilder(64);
        appendModifiers(sb, decl.getModifiers());
        if (decl.getTypeParameters().isNonEmpty()) {
            appendTypeParameters(sb, decl.getTypeParameters());
            sb.append(' ');
        }
        if (decl instanceof MethodDeclaration m) {
            appendType(sb, m.getType());
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
        appendModifiers(sb, decl.getModifiers());
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

    /** A field variable: {@code private final Map<String, Integer> counts} (no initialiser). */
    static String field(NodeList<Modifier> modifiers, Type variableType, String name) {
        StringBuilder sb = new StringBuilder(48);
        appendModifiers(sb, modifiers);
        appendType(sb, variableType);
        return sb.append(' ').append(name).toString();
    }

    /** An enum constant: its name, with its arguments if any: {@code RED("r", 1)}. */
    static String enumConstant(EnumConstantDeclaration decl) {
        String name = decl.getName().getIdentifier();
        if (decl.getArguments().isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('(');
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
        appendModifiers(sb, decl.getModifiers());
        appendType(sb, decl.getType());
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
            appendType(sb, params.get(i).getType());
            if (params.get(i).isVarArgs()) {
                sb.append("...");
            }
        }
        return sb.append(')').toString();
    }
}
