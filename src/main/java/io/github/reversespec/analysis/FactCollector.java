package io.github.reversespec.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.modules.ModuleDeclaration;
import com.github.javaparser.ast.modules.ModuleDirective;
import com.github.javaparser.ast.modules.ModuleExportsDirective;
import com.github.javaparser.ast.modules.ModuleOpensDirective;
import com.github.javaparser.ast.modules.ModuleRequiresDirective;
import com.github.javaparser.ast.nodeTypes.NodeWithJavadoc;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.UnknownType;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the facts of one compilation unit in a single traversal of its AST.
 *
 * <p>A declaration is a type or member of the model only when it sits directly in the body of the
 * type being built (or at the top level); local and anonymous classes are walked for their
 * references but contribute no types or members. Raised types and validations of such nested
 * code count for the enclosing method (or enum constant, for the class body of a constant), which
 * is where they take effect. A raised type is that of {@code throw new X(...)}, or of {@code throw
 * name;} when {@code name} is a local variable, catch parameter or parameter of a declared type
 * (the innermost in scope); a thrown field or call result is not known.
 *
 * <p>The same pass records the behaviour facts of each type ({@link TypeBehaviour}), from the
 * syntax alone:
 *
 * <ul>
 *   <li>configuration lookups: {@code System.getProperty}, {@code System.getenv} (also without a
 *       scope, through a static import), {@code Integer.getInteger}, {@code Long.getLong}, {@code
 *       Boolean.getBoolean}, whatever their argument; {@code getProperty} and {@code
 *       getRequiredProperty} on any other scope ({@code Properties}, Spring's {@code Environment})
 *       only when the key is a string literal or a constant-like name ({@code PORT_KEY}, {@code
 *       Keys.PORT}); the annotations {@code @Value("${key}")} and {@code @ConfigProperty(name =
 *       "key")};
 *   <li>concurrency: {@code synchronized} blocks, {@code new Thread}, {@code new Timer}, {@code new
 *       ThreadPoolExecutor}, {@code new ScheduledThreadPoolExecutor}, {@code new ForkJoinPool},
 *       {@code Executors.new*}, {@code CompletableFuture.*Async} (both also without a scope, through
 *       a static import of the method, or of the class's members with {@code .*}: then only {@code
 *       Executors}' own factory names count), {@code Thread.ofVirtual}, {@code
 *       Thread.startVirtualThread} and {@code newThread(r)} on any scope (a {@code ThreadFactory}).
 * </ul>
 *
 * <p>Names are matched as written, without a symbol solver: a class of the package called {@code
 * System} would count too.
 */
final class FactCollector extends VoidVisitorAdapter<Void> {

    /** Most validations kept per member: the spec wants the gist, not every check. */
    static final int MAX_VALIDATIONS = 5;

    static final int MAX_VALIDATION_TEXT = 100;

    private static final Set<String> TEST_ANNOTATIONS =
            Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate", "Property");

    private static final Set<String> OBJECTS_CHECKS = Set.of(
            "requireNonNull",
            "requireNonNullElse",
            "requireNonNullElseGet",
            "checkIndex",
            "checkFromToIndex",
            "checkFromIndexSize");

    /** Check methods commonly called without a scope through a static import. */
    private static final Set<String> UNSCOPED_CHECKS = Set.of(
            "requireNonNull",
            "checkArgument",
            "checkNotNull",
            "checkState",
            "checkIndex",
            "checkElementIndex",
            "checkPositionIndex",
            "checkFromToIndex",
            "checkFromIndexSize");

    /** Longest annotation or key text kept as written. */
    static final int MAX_SITE_TEXT = 100;

    /** The factories of {@code Executors}: an unscoped {@code new*} call counts only by these names under {@code Executors.*}. */
    private static final Set<String> EXECUTORS_FACTORIES = Set.of(
            "newFixedThreadPool",
            "newCachedThreadPool",
            "newSingleThreadExecutor",
            "newScheduledThreadPool",
            "newSingleThreadScheduledExecutor",
            "newWorkStealingPool",
            "newVirtualThreadPerTaskExecutor",
            "newThreadPerTaskExecutor");

    private static final Set<String> THREAD_CLASSES =
            Set.of("Thread", "Timer", "ThreadPoolExecutor", "ScheduledThreadPoolExecutor", "ForkJoinPool");

    private final String file;
    private final boolean testFile;
    private String currentField = "";

    private String packageName = "";
    private final Deque<TypeBuilder> typeStack = new ArrayDeque<>();
    private final List<TypeBuilder> allTypes = new ArrayList<>();
    private MemberBuilder currentCallable;
    private final Set<String> qualifiedNames = new TreeSet<>();
    private final Map<String, Integer> nameLines = new HashMap<>();
    private final Set<String> simpleNames = new HashSet<>();
    private final List<DebtItem> debt = new ArrayList<>();
    /** Simple names of the classes the file's code creates instances of ({@code new X(...)}). */
    private final Set<String> created = new HashSet<>();
    /** Static imports of the file: member name → class simple name, and the classes imported with {@code .*}. */
    private final Map<String, String> staticSingle = new HashMap<>();

    private final Set<String> staticOnDemand = new HashSet<>();

    private int testMethods;

    private FactCollector(String file, boolean testFile) {
        this.file = file;
        this.testFile = testFile;
    }

    /**
     * Extracts the facts of a parsed file.
     *
     * @param cu the compilation unit
     * @param comments every comment of the file (from the parse result, so no tree walk is needed)
     * @param file the file relative to the execution root
     * @param testFile collect test facts (names, test methods) instead of types and debt
     */
    static FileFacts collect(CompilationUnit cu, Collection<Comment> comments, String file, boolean testFile) {
        FactCollector c = new FactCollector(file, testFile);
        c.packageName =
                cu.getPackageDeclaration().map(p -> p.getName().asString()).orElse("");
        c.staticImports(cu.getImports());
        cu.accept(c, null);

        List<ImportRef> imports = imports(cu.getImports(), c.nameLines);
        String packageJavadoc = "";
        if (file.endsWith("package-info.java")) {
            packageJavadoc = comments.stream()
                    .filter(Comment::isJavadocComment)
                    .findFirst()
                    .map(j -> JavadocText.source(j.getContent()))
                    .orElse("");
        }
        if (!testFile) {
            DebtScanner.scanAll(comments, file, c.debt);
        }
        List<TypeModel> types = new ArrayList<>(c.allTypes.size());
        for (TypeBuilder tb : c.allTypes) {
            types.add(tb.build(c.created.contains(tb.decl.getName().getIdentifier())));
        }
        c.debt.sort(DEBT_ORDER);
        ModuleDescriptorFacts module = cu.getModule().map(m -> module(m, file)).orElse(null);
        return new FileFacts(
                c.packageName,
                types,
                imports,
                c.qualifiedNames,
                new TreeSet<>(c.simpleNames),
                c.debt,
                packageJavadoc,
                module,
                primaryType(cu, file),
                c.testMethods,
                c.nameLines);
    }

    static final java.util.Comparator<DebtItem> DEBT_ORDER = java.util.Comparator.comparing(DebtItem::file)
            .thenComparingInt(DebtItem::line)
            .thenComparing(DebtItem::kind)
            .thenComparing(DebtItem::text);

    /** Classes whose static members calls without a scope may name: {@code Executors} of {@code import static java.util.concurrent.Executors.*}. */
    private void staticImports(NodeList<ImportDeclaration> declarations) {
        for (ImportDeclaration d : declarations) {
            if (!d.isStatic()) {
                continue;
            }
            Name name = d.getName();
            if (d.isAsterisk()) {
                staticOnDemand.add(name.getIdentifier());
            } else if (name.getQualifier().isPresent()) {
                staticSingle.put(name.getIdentifier(), name.getQualifier().get().getIdentifier());
            }
        }
    }

    /** The class a call without a scope is statically imported from, if the file imports it; else empty. */
    private String staticScope(String method) {
        String single = staticSingle.get(method);
        if (single != null) {
            return single;
        }
        if (staticOnDemand.contains("Executors") && EXECUTORS_FACTORIES.contains(method)) {
            return "Executors";
        }
        return staticOnDemand.contains("CompletableFuture") && method.endsWith("Async") ? "CompletableFuture" : "";
    }

    private static List<ImportRef> imports(NodeList<ImportDeclaration> declarations, Map<String, Integer> lines) {
        Set<ImportRef> refs = new TreeSet<>();
        for (ImportDeclaration d : declarations) {
            refs.add(new ImportRef(d.getName().asString(), d.isStatic(), d.isAsterisk()));
            noteLine(lines, d.getName().asString(), d);
        }
        return List.copyOf(refs);
    }

    /** Keeps the first line a name is used on: the graph cites it as the witness of an edge. */
    private static void noteLine(Map<String, Integer> lines, String name, Node where) {
        int line = where.getBegin().map(p -> p.line).orElse(0);
        lines.merge(name, line, (a, b) -> a == 0 ? b : b == 0 ? a : Math.min(a, b));
    }

    private static ModuleDescriptorFacts module(ModuleDeclaration m, String file) {
        List<String> exports = new ArrayList<>();
        List<String> opens = new ArrayList<>();
        List<String> requires = new ArrayList<>();
        for (ModuleDirective d : m.getDirectives()) {
            if (d instanceof ModuleExportsDirective e) {
                exports.add(target(e.getName(), e.getModuleNames()));
            } else if (d instanceof ModuleOpensDirective o) {
                opens.add(target(o.getName(), o.getModuleNames()));
            } else if (d instanceof ModuleRequiresDirective r) {
                StringBuilder sb = new StringBuilder();
                for (Modifier mod : r.getModifiers()) {
                    sb.append(mod.getKeyword().asString()).append(' ');
                }
                requires.add(sb.append(r.getName().asString()).toString());
            }
        }
        return new ModuleDescriptorFacts(m.getName().asString(), file, exports, opens, requires);
    }

    private static String target(Name pkg, NodeList<Name> modules) {
        if (modules.isEmpty()) {
            return pkg.asString();
        }
        StringBuilder sb = new StringBuilder(pkg.asString()).append(" to ");
        for (int i = 0; i < modules.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(modules.get(i).asString());
        }
        return sb.toString();
    }

    /** The public top-level type, else the one named like the file, else the first. */
    private static String primaryType(CompilationUnit cu, String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        base = base.endsWith(".java") ? base.substring(0, base.length() - 5) : base;
        String first = "";
        for (TypeDeclaration<?> t : cu.getTypes()) {
            String name = t.getName().getIdentifier();
            if (t.isPublic()) {
                return name;
            }
            if (name.equals(base)) {
                first = name;
            } else if (first.isEmpty()) {
                first = name;
            }
        }
        return first.isEmpty() ? base : first;
    }

    // ---- types -------------------------------------------------------------------------------

    @Override
    public void visit(ClassOrInterfaceDeclaration n, Void arg) {
        TypeBuilder tb = enterType(n, n.isInterface() ? TypeKind.INTERFACE : TypeKind.CLASS);
        super.visit(n, arg);
        exitType(tb);
    }

    @Override
    public void visit(EnumDeclaration n, Void arg) {
        TypeBuilder tb = enterType(n, TypeKind.ENUM);
        super.visit(n, arg);
        exitType(tb);
    }

    @Override
    public void visit(RecordDeclaration n, Void arg) {
        TypeBuilder tb = enterType(n, TypeKind.RECORD);
        super.visit(n, arg);
        exitType(tb);
    }

    @Override
    public void visit(AnnotationDeclaration n, Void arg) {
        TypeBuilder tb = enterType(n, TypeKind.ANNOTATION);
        super.visit(n, arg);
        exitType(tb);
    }

    /** Starts a type of the model, or returns null for local/anonymous ones and in test files. */
    private TypeBuilder enterType(TypeDeclaration<?> decl, TypeKind kind) {
        if (testFile) {
            return null;
        }
        Node parent = decl.getParentNode().orElse(null);
        TypeBuilder outer = typeStack.peek();
        boolean topLevel = parent instanceof CompilationUnit;
        if (!topLevel && (outer == null || parent != outer.decl)) {
            return null;
        }
        TypeBuilder tb = new TypeBuilder(decl, kind, outer, packageName, file);
        allTypes.add(tb);
        typeStack.push(tb);
        tb.savedCallable = currentCallable;
        currentCallable = null;
        return tb;
    }

    private void exitType(TypeBuilder tb) {
        if (tb != null) {
            typeStack.pop();
            currentCallable = tb.savedCallable;
            if (tb.deprecated) {
                debt.add(new DebtItem("DEPRECATED", file, tb.line, tb.name));
            }
        }
    }

    /** The type whose direct member {@code decl} is, or null. */
    private TypeBuilder owner(Node decl) {
        TypeBuilder tb = typeStack.peek();
        return tb != null && decl.getParentNode().orElse(null) == tb.decl ? tb : null;
    }

    // ---- members -----------------------------------------------------------------------------

    @Override
    public void visit(MethodDeclaration n, Void arg) {
        if (testFile) {
            countTestMethod(n);
            super.visit(n, arg);
            return;
        }
        TypeBuilder owner = owner(n);
        if (owner == null) {
            super.visit(n, arg);
            return;
        }
        MemberBuilder mb =
                new MemberBuilder(MemberModel.MemberKind.METHOD, n.getName().getIdentifier(), n);
        mb.signature = Signatures.callable(n);
        mb.visibility = memberVisibility(n.getModifiers(), owner, Visibility.PACKAGE);
        mb.isStatic = n.isStatic();
        mb.returnType = Signatures.type(n.getType());
        mb.thrown = Signatures.types(n.getThrownExceptions());
        mb.debtName = Signatures.callableKey(mb.name, n.getParameters());
        mb.parameters(n.getParameters(), owner, n.getTypeParameters());
        visitCallable(mb, owner, () -> super.visit(n, arg));
    }

    @Override
    public void visit(ConstructorDeclaration n, Void arg) {
        TypeBuilder owner = testFile ? null : owner(n);
        if (owner == null) {
            super.visit(n, arg);
            return;
        }
        MemberBuilder mb = new MemberBuilder(
                MemberModel.MemberKind.CONSTRUCTOR, n.getName().getIdentifier(), n);
        mb.signature = Signatures.callable(n);
        Visibility implicit = owner.kind == TypeKind.ENUM ? Visibility.PRIVATE : Visibility.PACKAGE;
        mb.visibility = memberVisibility(n.getModifiers(), owner, implicit);
        mb.thrown = Signatures.types(n.getThrownExceptions());
        mb.debtName = Signatures.callableKey(mb.name, n.getParameters());
        mb.parameters(n.getParameters(), owner, n.getTypeParameters());
        visitCallable(mb, owner, () -> super.visit(n, arg));
    }

    @Override
    public void visit(CompactConstructorDeclaration n, Void arg) {
        TypeBuilder owner = testFile ? null : owner(n);
        if (owner == null) {
            super.visit(n, arg);
            return;
        }
        MemberBuilder mb = new MemberBuilder(
                MemberModel.MemberKind.CONSTRUCTOR, n.getName().getIdentifier(), n);
        mb.signature = Signatures.compactConstructor(n);
        mb.visibility = memberVisibility(n.getModifiers(), owner, Visibility.PACKAGE);
        mb.thrown = Signatures.types(n.getThrownExceptions());
        mb.debtName = mb.name;
        visitCallable(mb, owner, () -> super.visit(n, arg));
    }

    private void visitCallable(MemberBuilder mb, TypeBuilder owner, Runnable body) {
        MemberBuilder saved = currentCallable;
        String savedField = currentField;
        currentCallable = mb;
        currentField = "";
        body.run();
        currentCallable = saved;
        currentField = savedField;
        owner.members.add(mb.build());
        memberDebt(mb, owner);
    }

    @Override
    public void visit(FieldDeclaration n, Void arg) {
        TypeBuilder owner = testFile ? null : owner(n);
        if (owner != null) {
            boolean interfaceField = owner.isInterfaceLike();
            Visibility visibility = memberVisibility(n.getModifiers(), owner, Visibility.PACKAGE);
            List<String> modifiers = new ArrayList<>(Signatures.nonAccessModifiers(n.getModifiers()));
            if (interfaceField) {
                // constants of an interface are public static final whether written or not
                addIfAbsent(modifiers, "static");
                addIfAbsent(modifiers, "final");
            }
            boolean constant = modifiers.contains("static") && modifiers.contains("final");
            for (VariableDeclarator v : n.getVariables()) {
                String name = v.getName().getIdentifier();
                MemberBuilder mb = new MemberBuilder(MemberModel.MemberKind.FIELD, name, n);
                mb.line = line(v);
                String value = constant && v.getInitializer().isPresent()
                        ? Signatures.constantValue(
                                v.getType(), v.getInitializer().get())
                        : "";
                String signature = Signatures.field(n.getAnnotations(), n.getModifiers(), v.getType(), name);
                mb.signature = value.isEmpty() ? signature : signature + " = " + value;
                mb.visibility = visibility;
                mb.isStatic = interfaceField || n.isStatic();
                mb.debtName = name;
                owner.members.add(mb.build());
                owner.fields.add(new FieldModel(
                        name, Signatures.type(v.getType()), visibility, modifiers, mb.javadoc, mb.line, value));
                memberDebt(mb, owner);
            }
        }
        MemberBuilder saved = currentCallable;
        String savedField = currentField;
        currentCallable = null;
        currentField =
                n.getVariables().isEmpty() ? "" : n.getVariable(0).getName().getIdentifier();
        super.visit(n, arg);
        currentCallable = saved;
        currentField = savedField;
    }

    private static void addIfAbsent(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    @Override
    public void visit(EnumConstantDeclaration n, Void arg) {
        TypeBuilder owner = testFile ? null : owner(n);
        MemberBuilder mb = null;
        if (owner != null) {
            String name = n.getName().getIdentifier();
            mb = new MemberBuilder(MemberModel.MemberKind.ENUM_CONSTANT, name, n);
            mb.signature = Signatures.enumConstant(n);
            mb.visibility = Visibility.PUBLIC;
            mb.isStatic = true;
            mb.debtName = name;
        }
        // A constant's class body raises and checks for the constant: that is where it takes effect.
        MemberBuilder saved = currentCallable;
        currentCallable = mb;
        super.visit(n, arg);
        currentCallable = saved;
        if (mb != null) {
            owner.members.add(mb.build());
            owner.enumConstants.add(mb.name);
            memberDebt(mb, owner);
        }
    }

    @Override
    public void visit(AnnotationMemberDeclaration n, Void arg) {
        TypeBuilder owner = testFile ? null : owner(n);
        if (owner != null) {
            String name = n.getName().getIdentifier();
            MemberBuilder mb = new MemberBuilder(MemberModel.MemberKind.ANNOTATION_ELEMENT, name, n);
            mb.signature = Signatures.annotationElement(n);
            mb.visibility = Visibility.PUBLIC;
            mb.debtName = name + "()";
            owner.members.add(mb.build());
            memberDebt(mb, owner);
        }
        super.visit(n, arg);
    }

    private void memberDebt(MemberBuilder mb, TypeBuilder owner) {
        if (mb.deprecated) {
            debt.add(new DebtItem("DEPRECATED", file, mb.line, owner.name + "#" + mb.debtName));
        }
    }

    private static Visibility memberVisibility(NodeList<Modifier> modifiers, TypeBuilder owner, Visibility implicit) {
        Visibility declared = declaredVisibility(modifiers);
        if (declared != null) {
            return declared;
        }
        return owner.isInterfaceLike() ? Visibility.PUBLIC : implicit;
    }

    static Visibility declaredVisibility(NodeList<Modifier> modifiers) {
        for (Modifier m : modifiers) {
            switch (m.getKeyword()) {
                case PUBLIC:
                    return Visibility.PUBLIC;
                case PROTECTED:
                    return Visibility.PROTECTED;
                case PRIVATE:
                    return Visibility.PRIVATE;
                default:
                    break;
            }
        }
        return null;
    }

    // ---- bodies: raised types and validations ---------------------------------------------------

    @Override
    public void visit(ThrowStmt n, Void arg) {
        if (currentCallable != null) {
            if (n.getExpression() instanceof ObjectCreationExpr oce) {
                currentCallable.raised.add(raisedName(oce.getType()));
            } else if (n.getExpression() instanceof NameExpr rethrown) {
                for (ClassOrInterfaceType t : declaredType(n, rethrown.getName().getIdentifier())) {
                    currentCallable.raised.add(raisedName(t));
                }
            }
        }
        super.visit(n, arg);
    }

    /**
     * The declared type of the variable {@code name} that {@code throw name;} throws: the innermost
     * local variable, catch parameter or parameter of that name in scope, up to the enclosing
     * callable (or lambda); a multi-catch parameter gives each of its alternatives. Empty when the
     * name is a field, a {@code var} or an untyped lambda parameter: the syntax does not tell.
     */
    private static List<ClassOrInterfaceType> declaredType(Node from, String name) {
        Node child = from;
        for (Node at = from.getParentNode().orElse(null);
                at != null;
                child = at, at = at.getParentNode().orElse(null)) {
            Optional<Type> found = Optional.empty();
            if (at instanceof BlockStmt block) {
                int upTo = block.getStatements().indexOf(child);
                for (int i = upTo - 1; i >= 0 && found.isEmpty(); i--) {
                    if (block.getStatement(i) instanceof ExpressionStmt es
                            && es.getExpression() instanceof VariableDeclarationExpr v) {
                        found = variableType(v, name);
                    }
                }
            } else if (at instanceof CatchClause c
                    && c.getParameter().getName().getIdentifier().equals(name)) {
                found = Optional.of(c.getParameter().getType());
            } else if (at instanceof ForEachStmt f && child != f.getIterable()) {
                found = variableType(f.getVariable(), name);
            } else if (at instanceof ForStmt f) {
                for (Expression init : f.getInitialization()) {
                    if (found.isEmpty() && init instanceof VariableDeclarationExpr v) {
                        found = variableType(v, name);
                    }
                }
            } else if (at instanceof TryStmt t) {
                for (Expression r : t.getResources()) {
                    if (found.isEmpty() && r instanceof VariableDeclarationExpr v) {
                        found = variableType(v, name);
                    }
                }
            } else if (at instanceof LambdaExpr lambda) {
                for (Parameter p : lambda.getParameters()) {
                    if (p.getName().getIdentifier().equals(name)) {
                        return p.getType() instanceof UnknownType ? List.of() : throwable(p.getType());
                    }
                }
            } else if (at instanceof CallableDeclaration<?> callable) {
                for (Parameter p : callable.getParameters()) {
                    if (p.getName().getIdentifier().equals(name)) {
                        return throwable(p.getType());
                    }
                }
                return List.of();
            } else if (at instanceof TypeDeclaration<?> || at instanceof ObjectCreationExpr) {
                return List.of();
            }
            if (found.isPresent()) {
                return throwable(found.get());
            }
        }
        return List.of();
    }

    private static Optional<Type> variableType(VariableDeclarationExpr v, String name) {
        for (VariableDeclarator d : v.getVariables()) {
            if (d.getName().getIdentifier().equals(name)) {
                return Optional.of(d.getType());
            }
        }
        return Optional.empty();
    }

    /** The class types a thrown variable's declared type names: one, or a multi-catch's alternatives; none for {@code var}. */
    private static List<ClassOrInterfaceType> throwable(Type type) {
        if (type instanceof UnionType union) {
            List<ClassOrInterfaceType> out = new ArrayList<>(union.getElements().size());
            union.getElements().forEach(e -> {
                if (e instanceof ClassOrInterfaceType c) {
                    out.add(c);
                }
            });
            return out;
        }
        return type instanceof ClassOrInterfaceType c
                        && !c.getName().getIdentifier().equals("var")
                ? List.of(c)
                : List.of();
    }

    @Override
    public void visit(IfStmt n, Void arg) {
        if (currentCallable != null && currentCallable.validations.size() < MAX_VALIDATIONS) {
            Statement then = n.getThenStmt();
            if (then instanceof BlockStmt block && block.getStatements().size() == 1) {
                then = block.getStatement(0);
            }
            if (then instanceof ThrowStmt t && t.getExpression() instanceof ObjectCreationExpr oce) {
                String text =
                        "if (" + Text.oneLine(n.getCondition().toString()) + ") throw " + raisedName(oce.getType());
                currentCallable.validations.add(Text.truncate(text, MAX_VALIDATION_TEXT));
            }
        }
        super.visit(n, arg);
    }

    @Override
    public void visit(MethodCallExpr n, Void arg) {
        if (currentCallable != null && currentCallable.validations.size() < MAX_VALIDATIONS && isValidationCall(n)) {
            currentCallable.validations.add(Text.truncate(Text.oneLine(n.toString()), MAX_VALIDATION_TEXT));
        }
        TypeBuilder tb = typeStack.peek();
        if (tb != null) {
            behaviourCall(tb, n);
        }
        super.visit(n, arg);
    }

    /** A configuration lookup or a thread started by a call, recorded for the innermost model type. */
    private void behaviourCall(TypeBuilder tb, MethodCallExpr n) {
        String name = n.getName().getIdentifier();
        Optional<Expression> scopeExpr = n.getScope();
        String scope = scopeExpr.isEmpty() ? "" : scopeName(scopeExpr.get());
        NodeList<Expression> args = n.getArguments();
        String config = null;
        boolean anyKey = true;
        switch (name) {
            case "getProperty", "getenv" -> {
                if (scope.equals("System") || (scope.isEmpty() && name.equals("getenv"))) {
                    config = "System." + name;
                } else if (name.equals("getProperty")) {
                    config = scope.isEmpty() || scopeExpr.get() instanceof MethodCallExpr ? name : scope + "." + name;
                    anyKey = false;
                }
            }
            case "getRequiredProperty" -> {
                config = scope.isEmpty() || scopeExpr.get() instanceof MethodCallExpr ? name : scope + "." + name;
                anyKey = false;
            }
            case "getInteger", "getLong", "getBoolean" -> {
                if (scope.equals(name.equals("getInteger") ? "Integer" : name.equals("getLong") ? "Long" : "Boolean")) {
                    config = scope + "." + name;
                }
            }
            default -> {
                String owner = scopeExpr.isEmpty() ? staticScope(name) : scope;
                if ((owner.equals("Executors") && name.startsWith("new"))
                        || (owner.equals("CompletableFuture") && name.endsWith("Async"))
                        || (owner.equals("Thread")
                                && (name.equals("ofVirtual") || name.equals("startVirtualThread")))) {
                    tb.concurrency.add(new CodeSite(memberName(), owner + "." + name, "", line(n)));
                } else if (name.equals("newThread") && scopeExpr.isPresent() && args.size() == 1) {
                    tb.concurrency.add(new CodeSite(memberName(), "ThreadFactory.newThread", "", line(n)));
                }
            }
        }
        if (config != null && !args.isEmpty() && (anyKey || isConstantKey(args.get(0)))) {
            tb.configReads.add(new CodeSite(memberName(), config, siteText(args.get(0)), line(n)));
        }
    }

    /** {@code System} of {@code System} and of {@code java.lang.System}; {@code props} of {@code this.props}; else empty. */
    private static String scopeName(Expression scope) {
        if (scope instanceof NameExpr ne) {
            return ne.getName().getIdentifier();
        }
        if (scope instanceof FieldAccessExpr fa) {
            return fa.getName().getIdentifier();
        }
        if (scope instanceof MethodCallExpr mc) {
            return mc.getName().getIdentifier() + "()";
        }
        return "";
    }

    /** A key a reader can look up: a string literal or a constant-like name. */
    private static boolean isConstantKey(Expression e) {
        if (e instanceof StringLiteralExpr) {
            return true;
        }
        String id = e instanceof NameExpr ne
                ? ne.getName().getIdentifier()
                : e instanceof FieldAccessExpr fa ? fa.getName().getIdentifier() : "";
        return id.length() > 1
                && id.chars().allMatch(c -> c == '_' || Character.isDigit(c) || Character.isUpperCase(c))
                && Character.isLetter(id.charAt(0));
    }

    private static String siteText(Node n) {
        // From the tokens, as signatures are: no pretty-printing in the one pass.
        return Text.truncate(Signatures.sourceText(n), MAX_SITE_TEXT);
    }

    private String memberName() {
        return currentCallable != null ? currentCallable.name : currentField;
    }

    @Override
    public void visit(SynchronizedStmt n, Void arg) {
        TypeBuilder tb = typeStack.peek();
        if (tb != null) {
            tb.concurrency.add(new CodeSite(memberName(), "synchronized", siteText(n.getExpression()), line(n)));
        }
        super.visit(n, arg);
    }

    @Override
    public void visit(ObjectCreationExpr n, Void arg) {
        created.add(n.getType().getName().getIdentifier());
        TypeBuilder tb = typeStack.peek();
        if (tb != null && THREAD_CLASSES.contains(n.getType().getName().getIdentifier())) {
            tb.concurrency.add(
                    new CodeSite(memberName(), "new " + n.getType().getName().getIdentifier(), "", line(n)));
        }
        super.visit(n, arg);
    }

    private static boolean isValidationCall(MethodCallExpr n) {
        String name = n.getName().getIdentifier();
        Optional<Expression> scope = n.getScope();
        if (scope.isEmpty()) {
            return UNSCOPED_CHECKS.contains(name);
        }
        String owner;
        if (scope.get() instanceof NameExpr ne) {
            owner = ne.getName().getIdentifier();
        } else if (scope.get() instanceof FieldAccessExpr fa) {
            owner = fa.getName().getIdentifier();
        } else {
            return false;
        }
        return switch (owner) {
            case "Objects" -> OBJECTS_CHECKS.contains(name);
            case "Preconditions" -> name.startsWith("check");
            case "Validate" -> true;
            case "Assert" -> !name.startsWith("assert") && !name.startsWith("fail");
            default -> false;
        };
    }

    /** The thrown type without its package: {@code IllegalStateException}, {@code Outer.Failure}. */
    private static String raisedName(ClassOrInterfaceType type) {
        List<String> segments = new ArrayList<>(4);
        for (ClassOrInterfaceType t = type; t != null; t = t.getScope().orElse(null)) {
            segments.add(0, t.getName().getIdentifier());
        }
        int first = 0;
        while (first < segments.size() - 1 && !Text.isCapitalised(segments.get(first))) {
            first++;
        }
        return String.join(".", segments.subList(first, segments.size()));
    }

    // ---- references -----------------------------------------------------------------------------

    @Override
    public void visit(ClassOrInterfaceType n, Void arg) {
        String id = n.getName().getIdentifier();
        if (Text.isCapitalised(id)) {
            simpleNames.add(id);
        }
        if (n.getScope().isPresent() && !isScopeOfParent(n)) {
            List<String> segments = new ArrayList<>(6);
            for (ClassOrInterfaceType t = n; t != null; t = t.getScope().orElse(null)) {
                segments.add(0, t.getName().getIdentifier());
            }
            addQualified(segments, n);
            if (Text.isCapitalised(segments.get(0))) {
                // Outer.Inner: which nested type is used, when Outer is imported or in the package
                simpleNames.add(String.join(".", segments));
            }
        }
        super.visit(n, arg);
    }

    private static boolean isScopeOfParent(ClassOrInterfaceType n) {
        return n.getParentNode().orElse(null) instanceof ClassOrInterfaceType p
                && p.getScope().orElse(null) == n;
    }

    @Override
    public void visit(FieldAccessExpr n, Void arg) {
        boolean inner = n.getParentNode().orElse(null) instanceof FieldAccessExpr p && p.getScope() == n;
        if (!inner) {
            List<String> segments = new ArrayList<>(6);
            Expression e = n;
            while (e instanceof FieldAccessExpr fa) {
                segments.add(0, fa.getName().getIdentifier());
                e = fa.getScope();
            }
            if (e instanceof NameExpr root) {
                segments.add(0, root.getName().getIdentifier());
                addQualified(segments, n);
            }
        }
        super.visit(n, arg);
    }

    @Override
    public void visit(NameExpr n, Void arg) {
        String id = n.getName().getIdentifier();
        if (Text.isCapitalised(id)) {
            simpleNames.add(id);
        }
        super.visit(n, arg);
    }

    @Override
    public void visit(MarkerAnnotationExpr n, Void arg) {
        annotation(n);
        super.visit(n, arg);
    }

    @Override
    public void visit(SingleMemberAnnotationExpr n, Void arg) {
        annotation(n);
        super.visit(n, arg);
    }

    @Override
    public void visit(NormalAnnotationExpr n, Void arg) {
        annotation(n);
        super.visit(n, arg);
    }

    private void annotation(AnnotationExpr n) {
        Name name = n.getName();
        TypeBuilder tb = typeStack.peek();
        if (tb != null) {
            configAnnotation(tb, n);
        }
        if (name.hasQualifier()) {
            addQualified(List.of(name.asString().split("\\.")), n);
        } else if (Text.isCapitalised(name.getIdentifier())) {
            simpleNames.add(name.getIdentifier());
        }
    }

    /** {@code @Value("${key:default}")} (Spring) and {@code @ConfigProperty(name = "key")} (MicroProfile). */
    private void configAnnotation(TypeBuilder tb, AnnotationExpr n) {
        String id = n.getName().getIdentifier();
        Expression key = null;
        if (id.equals("Value") && n instanceof SingleMemberAnnotationExpr single) {
            key = single.getMemberValue();
            if (!(key instanceof StringLiteralExpr s) || !s.getValue().contains("${")) {
                return;
            }
        } else if (id.equals("ConfigProperty") && n instanceof NormalAnnotationExpr normal) {
            key = normal.getPairs().stream()
                    .filter(p -> p.getName().getIdentifier().equals("name"))
                    .map(p -> p.getValue())
                    .findFirst()
                    .orElse(null);
        }
        if (key != null) {
            tb.configReads.add(new CodeSite(memberName(), "@" + id, siteText(key), line(n)));
        }
    }

    /**
     * Keeps {@code a.b.C} of {@code a.b.C.d.E}: a name that starts like a package (lower case) and
     * reaches a capitalised segment is probably a fully-qualified type; variables and fields
     * ({@code config.server.port}) never reach one.
     */
    private void addQualified(List<String> segments, Node where) {
        if (segments.size() < 2 || !Text.isLowerCase(segments.get(0))) {
            return;
        }
        for (int i = 1; i < segments.size(); i++) {
            if (Text.isCapitalised(segments.get(i))) {
                String name = String.join(".", segments.subList(0, i + 1));
                qualifiedNames.add(name);
                noteLine(nameLines, name, where);
                return;
            }
        }
    }

    // ---- tests ----------------------------------------------------------------------------------

    private void countTestMethod(MethodDeclaration n) {
        for (AnnotationExpr a : n.getAnnotations()) {
            if (TEST_ANNOTATIONS.contains(a.getName().getIdentifier())) {
                testMethods++;
                return;
            }
        }
        if (n.isPublic()
                && !n.isStatic()
                && n.getType().isVoidType()
                && n.getParameters().isEmpty()
                && n.getName().getIdentifier().startsWith("test")
                && n.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration c
                && c.getExtendedTypes().stream()
                        .anyMatch(t -> t.getName().getIdentifier().equals("TestCase"))) {
            testMethods++;
        }
    }

    // ---- builders ---------------------------------------------------------------------------------

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    /**
     * The content of a declaration's Javadoc, or null. When the comment JavaParser attributes to
     * the declaration is not Javadoc (a {@code //} line between the Javadoc and the annotations
     * takes that place and leaves the Javadoc an orphan of the parent), it is the nearest orphan
     * Javadoc of the parent that lies after the previous member and before the declaration: only
     * comments, no code, stand between them, so the javadoc tool would give it to this declaration.
     */
    static String javadoc(Node n) {
        if (n instanceof NodeWithJavadoc<?> withDoc) {
            Optional<JavadocComment> doc = withDoc.getJavadocComment();
            if (doc.isPresent()) {
                return doc.get().getContent();
            }
            JavadocComment orphan = orphanJavadocBefore(n);
            if (orphan != null) {
                return orphan.getContent();
            }
        }
        return null;
    }

    private static JavadocComment orphanJavadocBefore(Node n) {
        Node parent = n.getParentNode().orElse(null);
        if (parent == null || n.getBegin().isEmpty()) {
            return null;
        }
        com.github.javaparser.Position begin = n.getBegin().get();
        // the declaration's own (non-Javadoc) comment may sit above it: the Javadoc lies above that
        if (n.getComment().isPresent() && n.getComment().get().getBegin().isPresent()) {
            com.github.javaparser.Position c = n.getComment().get().getBegin().get();
            if (c.isBefore(begin)) {
                begin = c;
            }
        }
        com.github.javaparser.Position after = null;
        for (Node sibling : parent.getChildNodes()) {
            if (sibling == n || sibling instanceof Comment || sibling.getEnd().isEmpty()) {
                continue;
            }
            com.github.javaparser.Position end = sibling.getEnd().get();
            if (end.isBefore(begin) && (after == null || end.isAfter(after))) {
                after = end;
            }
        }
        JavadocComment nearest = null;
        for (Comment c : parent.getOrphanComments()) {
            if (c instanceof JavadocComment j
                    && c.getBegin().isPresent()
                    && c.getEnd().isPresent()) {
                boolean afterPrevious = after == null || c.getBegin().get().isAfter(after);
                boolean beforeThis = c.getEnd().get().isBefore(begin);
                if (afterPrevious
                        && beforeThis
                        && (nearest == null
                                || c.getBegin().get().isAfter(nearest.getBegin().get()))) {
                    nearest = j;
                }
            }
        }
        return nearest;
    }

    /** Annotations as written, one line each, cut when long. */
    static List<String> annotationTexts(NodeList<AnnotationExpr> annotations) {
        if (annotations.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(annotations.size());
        for (AnnotationExpr a : annotations) {
            out.add(Text.truncate(Signatures.annotation(a), MAX_SITE_TEXT));
        }
        return out;
    }

    private static boolean hasDeprecatedAnnotation(NodeList<AnnotationExpr> annotations) {
        for (AnnotationExpr a : annotations) {
            if (a.getName().getIdentifier().equals("Deprecated")) {
                return true;
            }
        }
        return false;
    }

    /** A type under construction; built after its body has been walked. */
    private static final class TypeBuilder {
        final TypeDeclaration<?> decl;
        final TypeKind kind;
        final String name;
        final String qualifiedName;
        final Visibility visibility;
        final boolean exported;
        final int line;
        final String file;
        final String javadoc;
        final boolean deprecated;
        /** Type variables in scope in the body: this type's and its enclosing types'. */
        final Set<String> typeVariables = new HashSet<>();

        final List<MemberModel> members = new ArrayList<>();
        final List<FieldModel> fields = new ArrayList<>();
        final List<String> enumConstants = new ArrayList<>();
        final List<FieldModel> recordComponents = new ArrayList<>();
        final List<CodeSite> configReads = new ArrayList<>(0);
        final List<CodeSite> concurrency = new ArrayList<>(0);
        MemberBuilder savedCallable;

        TypeBuilder(TypeDeclaration<?> decl, TypeKind kind, TypeBuilder outer, String pkg, String file) {
            this.decl = decl;
            this.kind = kind;
            this.file = file;
            String simple = decl.getName().getIdentifier();
            this.name = outer == null ? simple : outer.name + "." + simple;
            this.qualifiedName = pkg.isEmpty() ? name : pkg + "." + name;
            Visibility declared = declaredVisibility(decl.getModifiers());
            if (declared == null) {
                // member types of interfaces and annotations are implicitly public (and static)
                declared = outer != null && outer.isInterfaceLike() ? Visibility.PUBLIC : Visibility.PACKAGE;
            }
            this.visibility = declared;
            this.exported = declared.isApi() && (outer == null || outer.exported);
            this.line = line(decl.getName());
            this.javadoc = javadoc(decl);
            this.deprecated = hasDeprecatedAnnotation(decl.getAnnotations())
                    || (javadoc != null && JavadocText.hasDeprecatedTag(javadoc));
            if (outer != null && !decl.isStatic() && outer.kind == TypeKind.CLASS && kind == TypeKind.CLASS) {
                typeVariables.addAll(outer.typeVariables);
            }
            if (decl instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> generic) {
                generic.getTypeParameters()
                        .forEach(tp -> typeVariables.add(tp.getName().getIdentifier()));
            }
            if (decl instanceof RecordDeclaration r) {
                for (Parameter p : r.getParameters()) {
                    String type = Signatures.type(p.getType()) + (p.isVarArgs() ? "..." : "");
                    String doc = javadoc == null
                            ? ""
                            : JavadocText.paramSummary(javadoc, p.getName().getIdentifier());
                    FieldModel component = new FieldModel(
                            p.getName().getIdentifier(), type, Visibility.PRIVATE, List.of("final"), doc, line(p));
                    recordComponents.add(component);
                    fields.add(component);
                }
            }
        }

        boolean isInterfaceLike() {
            return kind == TypeKind.INTERFACE || kind == TypeKind.ANNOTATION;
        }

        TypeModel build(boolean instantiated) {
            List<String> typeParameters = List.of();
            List<String> extended = List.of();
            List<String> implemented = List.of();
            List<String> permitted = List.of();
            if (decl instanceof ClassOrInterfaceDeclaration c) {
                typeParameters = Signatures.typeParameters(c.getTypeParameters());
                extended = Signatures.types(c.getExtendedTypes());
                implemented = Signatures.types(c.getImplementedTypes());
                permitted = Signatures.types(c.getPermittedTypes());
            } else if (decl instanceof RecordDeclaration r) {
                typeParameters = Signatures.typeParameters(r.getTypeParameters());
                implemented = Signatures.types(r.getImplementedTypes());
            } else if (decl instanceof EnumDeclaration e) {
                implemented = Signatures.types(e.getImplementedTypes());
            }
            List<String> annotations = new ArrayList<>(decl.getAnnotations().size());
            for (AnnotationExpr a : decl.getAnnotations()) {
                annotations.add(a.getName().getIdentifier());
            }
            return new TypeModel(
                    name,
                    qualifiedName,
                    kind,
                    visibility,
                    exported,
                    Signatures.nonAccessModifiers(decl.getModifiers()),
                    Signatures.typeDeclaration(decl, kind),
                    typeParameters,
                    extended,
                    implemented,
                    permitted,
                    annotations,
                    javadoc == null ? "" : JavadocText.summary(javadoc),
                    deprecated,
                    file,
                    line,
                    members,
                    fields,
                    enumConstants,
                    recordComponents,
                    javadoc == null ? DocComment.EMPTY : JavadocText.parse(javadoc),
                    new TypeBehaviour(annotationTexts(decl.getAnnotations()), configReads, concurrency, instantiated));
        }
    }

    /** A member under construction; callables collect raised types and validations from their body. */
    private static final class MemberBuilder {
        final MemberModel.MemberKind kind;
        final String name;
        final String javadoc;
        final DocComment doc;
        final boolean deprecated;
        List<String> parameterNames = List.of();
        List<String> parameterTypes = List.of();
        List<String> typeParameters = List.of();
        int line;
        String signature;
        String debtName;
        Visibility visibility;
        boolean isStatic;
        String returnType = "";
        final List<String> annotations;
        List<String> thrown = List.of();
        final Set<String> raised = new TreeSet<>();
        final List<String> validations = new ArrayList<>(0);

        MemberBuilder(MemberModel.MemberKind kind, String name, BodyDeclaration<?> decl) {
            this.kind = kind;
            this.name = name;
            String doc = FactCollector.javadoc(decl);
            this.javadoc = doc == null ? "" : JavadocText.summary(doc);
            this.doc = doc == null ? DocComment.EMPTY : JavadocText.parse(doc);
            this.deprecated = hasDeprecatedAnnotation(decl.getAnnotations())
                    || (doc != null && JavadocText.hasDeprecatedTag(doc));
            this.annotations = annotationTexts(decl.getAnnotations());
            Node nameNode = decl instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named
                    ? named.getName()
                    : decl;
            this.line = line(nameNode);
        }

        /** The names and erased types of a callable's parameters, its own and its type's type variables in scope. */
        void parameters(
                NodeList<Parameter> params,
                TypeBuilder owner,
                NodeList<com.github.javaparser.ast.type.TypeParameter> own) {
            List<String> names = new ArrayList<>(params.size());
            params.forEach(p -> names.add(p.getName().getIdentifier()));
            parameterNames = names;
            Set<String> variables = owner.typeVariables;
            if (!own.isEmpty()) {
                variables = new HashSet<>(variables);
                for (com.github.javaparser.ast.type.TypeParameter tp : own) {
                    variables.add(tp.getName().getIdentifier());
                }
            }
            parameterTypes = Signatures.erasures(params, variables);
            typeParameters = Signatures.typeParameters(own);
        }

        MemberModel build() {
            return new MemberModel(
                    kind,
                    name,
                    signature,
                    visibility,
                    isStatic,
                    javadoc,
                    deprecated,
                    thrown,
                    List.copyOf(raised),
                    validations,
                    line,
                    doc,
                    parameterNames,
                    parameterTypes,
                    returnType,
                    annotations,
                    typeParameters);
        }
    }
}
