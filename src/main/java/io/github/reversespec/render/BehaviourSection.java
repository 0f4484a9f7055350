package io.github.reversespec.render;

import io.github.reversespec.analysis.CodeSite;
import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.MemberModel.MemberKind;
import io.github.reversespec.analysis.ServiceEntry;
import io.github.reversespec.analysis.TypeKind;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.TypeRole;
import io.github.reversespec.analysis.TypeRoles;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.spec.SpecFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The facts of section 3 (Behavior) that the syntax gives: the roles of the types ({@link
 * TypeRoles}), the entry points of the package, lifecycle methods, threading, configuration keys
 * and the exceptions the package defines. Each list names at most {@link
 * SpecRenderer#BEHAVIOUR_LIMIT} items and says how many more there are and in which files, so the
 * section stays short on any package.
 *
 * <p>Entry points: {@code main} methods; the exported types other packages use most; public static
 * factories (public static methods returning a type of the package); the annotation types the
 * package exports (users put them on their own code); the types other packages extend or
 * implement; {@code META-INF/services} registrations; and the well-known framework annotations on
 * types (Spring stereotypes, JPA entities, JAX-RS resources, servlets, Maven mojos) and on methods
 * (Spring mappings, {@code @Bean}, listeners and schedules, JAX-RS methods).
 */
final class BehaviourSection {

    /** Makes a link to a place in the sources, the label in a code span. */
    interface Linker {
        String link(String file, int line, String label);
    }

    /** Framework annotations that make a type an entry point the framework calls. */
    static final Set<String> TYPE_FRAMEWORK = Set.of(
            "Component",
            "Service",
            "Repository",
            "Controller",
            "RestController",
            "ControllerAdvice",
            "RestControllerAdvice",
            "Configuration",
            "AutoConfiguration",
            "SpringBootApplication",
            "FeignClient",
            "Entity",
            "Embeddable",
            "MappedSuperclass",
            "Path",
            "Provider",
            "ApplicationPath",
            "ApplicationScoped",
            "RequestScoped",
            "Stateless",
            "Stateful",
            "Singleton",
            "MessageDriven",
            "WebServlet",
            "WebFilter",
            "WebListener",
            "ServerEndpoint",
            "Mojo");

    /** Framework annotations that make a method an entry point the framework calls. */
    static final Set<String> MEMBER_FRAMEWORK = Set.of(
            "RequestMapping",
            "GetMapping",
            "PostMapping",
            "PutMapping",
            "DeleteMapping",
            "PatchMapping",
            "MessageMapping",
            "ExceptionHandler",
            "Bean",
            "EventListener",
            "TransactionalEventListener",
            "Scheduled",
            "KafkaListener",
            "JmsListener",
            "RabbitListener",
            "SqsListener",
            "Incoming",
            "Outgoing",
            "Subscribe",
            "GET",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "HEAD",
            "OPTIONS",
            "Path",
            "WebMethod");

    /**
     * Method names a reader recognises as a lifecycle step, without parameters: the classic ones,
     * and the asynchronous start and stop of services (guava's {@code Service}).
     */
    static final Set<String> LIFECYCLE_NAMES = Set.of(
            "start",
            "stop",
            "close",
            "init",
            "initialize",
            "destroy",
            "shutdown",
            "shutdownNow",
            "dispose",
            "afterPropertiesSet",
            "startAsync",
            "stopAsync",
            "closeAsync");

    /** The waits for a state of a service or executor: a lifecycle step also with a timeout and its unit. */
    static final Set<String> LIFECYCLE_WAITS =
            Set.of("awaitRunning", "awaitTerminated", "awaitTermination", "awaitHealthy", "awaitStopped");

    /** Most parameters of a wait: a timeout and its unit. */
    static final int LIFECYCLE_MAX_PARAMETERS = 2;

    static final Set<String> LIFECYCLE_ANNOTATIONS = Set.of("PostConstruct", "PreDestroy");

    static final Set<String> LIFECYCLE_TYPES = Set.of(
            "AutoCloseable",
            "Closeable",
            "Lifecycle",
            "SmartLifecycle",
            "InitializingBean",
            "DisposableBean",
            "ServletContextListener");

    /** Field types that say the state is shared between threads. */
    static final Set<String> CONCURRENT_TYPES = Set.of(
            "Lock",
            "ReentrantLock",
            "ReadWriteLock",
            "ReentrantReadWriteLock",
            "StampedLock",
            "Semaphore",
            "CountDownLatch",
            "CyclicBarrier",
            "Phaser",
            "Exchanger",
            "Condition",
            "ThreadLocal",
            "InheritableThreadLocal",
            "Executor",
            "ExecutorService",
            "ScheduledExecutorService",
            "ThreadPoolExecutor",
            "ScheduledThreadPoolExecutor",
            "ForkJoinPool",
            "CompletableFuture",
            "Future",
            "LongAdder",
            "DoubleAdder");

    static final Set<String> THREAD_ANNOTATIONS = Set.of("ThreadSafe", "NotThreadSafe", "Immutable", "GuardedBy");

    private static final Pattern SYNCHRONIZED_METHOD = Pattern.compile("^[^(]*\\bsynchronized\\b.*");

    private static final int MAX = SpecRenderer.BEHAVIOUR_LIMIT;

    /** The most used types named as entry points: the ranking of section 2 has the rest. */
    private static final int MOST_USED = 3;

    /** The types a role names when none of them is exported. */
    private static final int INTERNAL_NAMED = 3;

    /** A key named by a constant ({@code PORT_KEY}, {@code Keys.PORT}) rather than computed. */
    private static final Pattern CONSTANT_KEY = Pattern.compile("([\\w$]+\\.)*[A-Z][A-Z0-9_]*");

    private final SpecFacts facts;
    private final Linker linker;
    private final List<TypeModel> types;
    private final Map<String, TypeModel> byName = new HashMap<>();
    private final Set<String> typeNames = new HashSet<>();

    private BehaviourSection(SpecFacts facts, Linker linker) {
        this.facts = facts;
        this.linker = linker;
        this.types = facts.unit().types();
        for (TypeModel t : types) {
            byName.putIfAbsent(t.name(), t);
            typeNames.add(t.name());
            typeNames.add(t.simpleName());
        }
    }

    /**
     * The blocks of section 3 before the type relations, each a bold label and a list, in order:
     * roles, entry points, lifecycle, threading, configuration keys, errors defined here. A block
     * with nothing to say is left out.
     */
    static List<String> blocks(SpecFacts facts, Linker linker) {
        return new BehaviourSection(facts, linker).blocks();
    }

    private List<String> blocks() {
        List<String> out = new ArrayList<>();
        add(out, "**Roles:**", roles());
        add(out, "**Entry points:**", entryPoints());
        add(out, "**Lifecycle:**", lifecycle());
        add(out, "**Threading:**", threading());
        add(out, "**Configuration keys read:**", configKeys());
        add(out, "**Errors defined here:**", errors());
        return out;
    }

    private static void add(List<String> out, String label, String body) {
        if (!body.isBlank()) {
            out.add(label + "\n\n" + body);
        }
    }

    // ------------------------------------------------------------------------------- roles

    private String roles() {
        Set<String> extension = new HashSet<>(facts.implementors().keySet());
        for (ServiceEntry e : facts.unit().services()) {
            TypeModel service = byQualifiedName(e.service());
            if (service != null) {
                extension.add(service.name());
            }
        }
        Map<String, List<TypeRole>> roles =
                TypeRoles.of(facts.unit(), facts.typeUsers().keySet(), extension);
        Map<TypeRole, List<TypeModel>> byRole = new TreeMap<>();
        roles.forEach((name, rs) -> rs.forEach(
                r -> byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(byName.get(name))));
        if (byRole.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Markdown.tableHead("Role", "Types"));
        byRole.forEach((role, ts) -> sb.append('\n').append(Markdown.row(List.of(role.label(), roleTypes(ts)))));
        return sb.toString();
    }

    /**
     * The types of a role: the exported ones named (a reader of the package meets them), the
     * others counted; when none is exported, the first few named.
     */
    private String roleTypes(List<TypeModel> ts) {
        List<TypeModel> exported = ts.stream().filter(TypeModel::exported).toList();
        int internal = ts.size() - exported.size();
        if (exported.isEmpty()) {
            List<String> names = ts.stream()
                    .limit(INTERNAL_NAMED)
                    .map(t -> Markdown.code(t.name()))
                    .toList();
            return String.join(", ", names)
                    + (ts.size() > names.size() ? " and " + (ts.size() - names.size()) + " more" : "")
                    + (ts.size() == 1 ? " (not exported)" : " (none exported)");
        }
        return typeList(exported) + (internal == 0 ? "" : "; and " + internal + " not exported");
    }

    /** Type names in code spans, the first {@link #MAX}, then how many more and where. */
    private String typeList(List<TypeModel> ts) {
        List<String> names = new ArrayList<>();
        List<String> restFiles = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            if (i < MAX) {
                names.add(Markdown.code(ts.get(i).name()));
            } else {
                restFiles.add(ts.get(i).file());
            }
        }
        return String.join(", ", names) + more(ts.size() - names.size(), restFiles);
    }

    // ------------------------------------------------------------------------------- entry points

    private String entryPoints() {
        List<String> lines = new ArrayList<>();
        List<String> mains = new ArrayList<>();
        List<String> factories = new ArrayList<>();
        List<String> factoryFiles = new ArrayList<>();
        for (TypeModel t : types) {
            for (MemberModel m : t.members()) {
                if (m.kind() != MemberKind.METHOD || !m.isStatic()) {
                    continue;
                }
                if (m.name().equals("main")
                        && m.signature().matches(".*\\bmain\\s*\\(\\s*(final\\s+)?String\\s*(\\[\\s*]|\\.\\.\\.).*")) {
                    mains.add("- " + Markdown.code(t.name() + ".main") + " ("
                            + linker.link(t.file(), m.line(), fileName(t)) + "): " + Markdown.code(m.signature()));
                } else if (t.exported()
                        && m.visibility() == Visibility.PUBLIC
                        && TypeRoles.isFactoryMethod(t, m, typeNames)) {
                    String name = Markdown.code(t.name() + "." + m.name());
                    if (!factories.contains(name)) {
                        factories.add(name);
                        factoryFiles.add(t.file());
                    }
                }
            }
        }
        lines.addAll(mains);
        List<String> used = facts.typeUsers().entrySet().stream()
                .filter(e ->
                        byName.containsKey(e.getKey()) && byName.get(e.getKey()).exported())
                .sorted(Comparator.comparingInt((Map.Entry<String, List<UnitId>> e) ->
                                -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> Markdown.code(e.getKey()) + " ("
                        + SpecRenderer.plural(e.getValue().size(), "package") + ")")
                .toList();
        if (!used.isEmpty()) {
            int top = Math.min(MOST_USED, used.size());
            lines.add("- Used most by other packages: " + String.join(", ", used.subList(0, top))
                    + (used.size() > top ? " and " + (used.size() - top) + " more (section 2 ranks them all)" : "")
                    + ".");
        }
        if (!factories.isEmpty()) {
            lines.add("- Public static factories: " + capped(factories, factoryFiles) + ".");
        }
        List<TypeModel> annotations = types.stream()
                .filter(t -> t.kind() == TypeKind.ANNOTATION && t.exported())
                .toList();
        if (!annotations.isEmpty()) {
            lines.add("- Annotations for users' code: " + typeList(annotations) + ".");
        }
        List<String> implemented = new ArrayList<>();
        List<String> implementedFiles = new ArrayList<>();
        new TreeMap<>(facts.implementors()).forEach((type, impls) -> {
            TypeModel t = byName.get(type);
            implemented.add(Markdown.code(type) + " (by " + SpecRenderer.codeList(impls, 3) + ")");
            implementedFiles.add(t == null ? "" : t.file());
        });
        if (!implemented.isEmpty()) {
            lines.add("- Extended or implemented outside the package: " + capped(implemented, implementedFiles) + ".");
        }
        services(lines);
        framework(lines);
        return String.join("\n", lines);
    }

    private void services(List<String> lines) {
        List<String> provided = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, List<String>> providersOfOurs = new LinkedHashMap<>();
        for (ServiceEntry e : facts.unit().services()) {
            TypeModel provider = byQualifiedName(e.provider());
            if (provider != null) {
                provided.add(Markdown.code(provider.name()) + " provides " + Markdown.code(e.service()) + " ("
                        + linker.link(e.file(), e.line(), RelativeLinks.fileName(e.file())) + ")");
                files.add(e.file());
            }
            TypeModel service = byQualifiedName(e.service());
            if (service != null && provider == null) {
                providersOfOurs
                        .computeIfAbsent(service.name(), k -> new ArrayList<>())
                        .add(e.provider());
            }
        }
        if (!provided.isEmpty()) {
            lines.add("- Registered in `META-INF/services`: " + capped(provided, files) + ".");
        }
        providersOfOurs.forEach((service, providers) -> lines.add("- Service " + Markdown.code(service)
                + " has providers registered in `META-INF/services`: " + SpecRenderer.codeList(providers, MAX) + "."));
    }

    private void framework(List<String> lines) {
        List<String> found = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (TypeModel t : types) {
            List<String> on = new ArrayList<>();
            for (String a : t.behaviour().annotations()) {
                String name = MemberModel.annotationName(a);
                // A type's mapping (@RequestMapping, @Path) is the prefix of its methods' ones.
                if (TYPE_FRAMEWORK.contains(name) || MEMBER_FRAMEWORK.contains(name)) {
                    on.add(a);
                }
            }
            if (!on.isEmpty()) {
                found.add(Markdown.code(t.name()) + " " + codes(on));
                files.add(t.file());
            }
            for (MemberModel m : t.members()) {
                List<String> mapped = new ArrayList<>();
                for (String a : m.annotations()) {
                    if (MEMBER_FRAMEWORK.contains(MemberModel.annotationName(a))) {
                        mapped.add(a);
                    }
                }
                if (!mapped.isEmpty() && m.visibility() != Visibility.PRIVATE) {
                    found.add(Markdown.code(t.name() + "#" + m.name()) + " " + codes(mapped));
                    files.add(t.file());
                }
            }
        }
        if (!found.isEmpty()) {
            lines.add("- Framework entry points:");
            int shown = Math.min(MAX, found.size());
            for (int i = 0; i < shown; i++) {
                lines.add("  - " + found.get(i));
            }
            if (found.size() > shown) {
                lines.add("  - and " + (found.size() - shown) + " more, in "
                        + fileNames(files.subList(shown, files.size())));
            }
        }
    }

    private static String codes(List<String> items) {
        return String.join(" ", items.stream().map(Markdown::code).toList());
    }

    // ------------------------------------------------------------------------------- lifecycle

    private String lifecycle() {
        List<String> methods = new ArrayList<>();
        List<String> methodFiles = new ArrayList<>();
        List<String> closeable = new ArrayList<>();
        List<String> closeableFiles = new ArrayList<>();
        for (TypeModel t : types) {
            List<String> sup = new ArrayList<>();
            for (String s : concat(t.extendedTypes(), t.implementedTypes())) {
                String raw = TypeRoles.rawName(s);
                if (LIFECYCLE_TYPES.contains(raw)) {
                    sup.add(raw);
                }
            }
            if (!sup.isEmpty()) {
                closeable.add(Markdown.code(t.name()) + " (" + SpecRenderer.codeList(sup, MAX) + ")");
                closeableFiles.add(t.file());
            }
            for (MemberModel m : t.members()) {
                if (m.kind() != MemberKind.METHOD || m.visibility() == Visibility.PRIVATE || m.isStatic()) {
                    continue;
                }
                boolean annotated = LIFECYCLE_ANNOTATIONS.stream().anyMatch(m::hasAnnotation);
                if (annotated || isLifecycleStep(t, m)) {
                    String label = Markdown.code(t.name() + "#" + m.name());
                    String marks = m.annotations().stream()
                            .filter(a -> LIFECYCLE_ANNOTATIONS.contains(MemberModel.annotationName(a)))
                            .map(Markdown::code)
                            .reduce((a, c) -> a + " " + c)
                            .map(x -> " " + x)
                            .orElse("");
                    addOnce(methods, methodFiles, label + marks, t.file());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (!methods.isEmpty()) {
            lines.add("- Lifecycle methods: " + capped(methods, methodFiles) + ".");
        }
        if (!closeable.isEmpty()) {
            lines.add("- Lifecycle interfaces: " + capped(closeable, closeableFiles) + ".");
        }
        return String.join("\n", lines);
    }

    /**
     * A method named like a lifecycle step ({@link #LIFECYCLE_NAMES} without parameters, {@link
     * #LIFECYCLE_WAITS} with at most {@link #LIFECYCLE_MAX_PARAMETERS}) that returns what a step
     * returns: nothing, whether it succeeded ({@code boolean}), the object itself (fluent), or
     * something to wait on or that runs (a {@code *Future}, {@code CompletionStage}, a {@code
     * *Service}). A {@code start()} that returns an {@code int} is a position (a regex match's),
     * not a step; an {@code init(int size)} is a helper, not a step.
     */
    private static boolean isLifecycleStep(TypeModel t, MemberModel m) {
        int parameters = parameterCount(m);
        boolean named = LIFECYCLE_NAMES.contains(m.name())
                ? parameters == 0
                : LIFECYCLE_WAITS.contains(m.name()) && parameters <= LIFECYCLE_MAX_PARAMETERS;
        if (!named) {
            return false;
        }
        String ret = TypeRoles.rawName(m.returnType());
        return m.returnType().isEmpty() // a model built without return types
                || ret.equals("void")
                || ret.equals("boolean")
                || ret.equals("Boolean")
                || ret.equals(t.simpleName())
                || ret.endsWith("Future")
                || ret.equals("CompletionStage")
                || ret.endsWith("Service");
    }

    private static int parameterCount(MemberModel m) {
        if (!m.parameterNames().isEmpty()) {
            return m.parameterNames().size();
        }
        return m.signature().matches(".*\\b" + Pattern.quote(m.name()) + "\\s*\\(\\s*\\).*")
                ? 0
                : LIFECYCLE_MAX_PARAMETERS + 1;
    }

    // ------------------------------------------------------------------------------- threading

    private String threading() {
        List<String> sync = new ArrayList<>();
        List<String> syncFiles = new ArrayList<>();
        List<String> vol = new ArrayList<>();
        List<String> volFiles = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        List<String> sharedFiles = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        List<String> blockFiles = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        List<String> threadFiles = new ArrayList<>();
        // by annotation: "`@Immutable`: A, B, C" rather than the annotation once per type
        Map<String, List<String>> marked = new TreeMap<>();
        Map<String, List<String>> markedFiles = new TreeMap<>();
        for (TypeModel t : types) {
            for (MemberModel m : t.members()) {
                if (m.kind() == MemberKind.METHOD
                        && SYNCHRONIZED_METHOD.matcher(m.signature()).matches()) {
                    addOnce(sync, syncFiles, Markdown.code(t.name() + "#" + m.name()), t.file());
                }
            }
            for (FieldModel f : t.fields()) {
                if (f.modifiers().contains("volatile")) {
                    vol.add(Markdown.code(t.name() + "." + f.name()));
                    volFiles.add(t.file());
                }
                String raw = TypeRoles.rawName(f.type());
                if (CONCURRENT_TYPES.contains(raw)
                        || raw.startsWith("Atomic")
                        || raw.startsWith("Concurrent")
                        || raw.startsWith("CopyOnWrite")
                        || raw.endsWith("BlockingQueue")
                        || raw.endsWith("BlockingDeque")) {
                    shared.add(Markdown.code(t.name() + "." + f.name()) + " (" + Markdown.code(raw) + ")");
                    sharedFiles.add(t.file());
                }
            }
            for (CodeSite c : t.behaviour().concurrency()) {
                String where = Markdown.code(t.name() + (c.member().isEmpty() ? "" : "#" + c.member()));
                if (c.what().equals("synchronized")) {
                    addOnce(blocks, blockFiles, where + " on " + Markdown.code(c.detail()), t.file());
                } else {
                    addOnce(threads, threadFiles, where + ": " + Markdown.code(c.what()), t.file());
                }
            }
            List<String> marks = t.behaviour().annotations().stream()
                    .filter(a -> THREAD_ANNOTATIONS.contains(MemberModel.annotationName(a)))
                    .toList();
            for (String mark : marks) {
                marked.computeIfAbsent(mark, k -> new ArrayList<>()).add(Markdown.code(t.name()));
                markedFiles.computeIfAbsent(mark, k -> new ArrayList<>()).add(t.file());
            }
        }
        List<String> lines = new ArrayList<>();
        marked.forEach((mark, types) -> lines.add("- Declared thread-safety " + codes(List.of(mark)) + ": "
                + capped(types, markedFiles.get(mark)) + "."));
        if (!sync.isEmpty()) {
            lines.add("- `synchronized` methods: " + capped(sync, syncFiles) + ".");
        }
        if (!blocks.isEmpty()) {
            lines.add("- `synchronized` blocks: " + capped(blocks, blockFiles) + ".");
        }
        if (!vol.isEmpty()) {
            lines.add("- `volatile` fields: " + capped(vol, volFiles) + ".");
        }
        if (!shared.isEmpty()) {
            lines.add("- Concurrency fields (locks, atomics, concurrent collections, executors): "
                    + capped(shared, sharedFiles) + ".");
        }
        if (!threads.isEmpty()) {
            lines.add("- Threads and executors created: " + capped(threads, threadFiles) + ".");
        }
        return String.join("\n", lines);
    }

    /** Adds an item not listed yet: overloads of a member, and a member's repeated constructs, are named once. */
    private static void addOnce(List<String> items, List<String> files, String item, String file) {
        if (!items.contains(item)) {
            items.add(item);
            files.add(file);
        }
    }

    // ------------------------------------------------------------------------------- configuration

    private String configKeys() {
        List<String> rows = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (TypeModel t : types) {
            for (CodeSite c : t.behaviour().configReads()) {
                String where =
                        linker.link(t.file(), c.line(), t.name() + (c.member().isEmpty() ? "" : "#" + c.member()));
                rows.add(Markdown.row(List.of(key(t, c.detail()), Markdown.code(c.what()), where)));
                files.add(t.file());
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        int shown = Math.min(MAX, rows.size());
        StringBuilder sb = new StringBuilder(Markdown.tableHead("Key", "Read with", "Where"));
        rows.subList(0, shown).forEach(r -> sb.append('\n').append(r));
        if (rows.size() > shown) {
            sb.append("\n\nAnd ")
                    .append(rows.size() - shown)
                    .append(" more, in ")
                    .append(fileNames(files.subList(shown, files.size())))
                    .append('.');
        }
        return sb.toString();
    }

    /** The key as written; a constant of the package with its value. */
    private String key(TypeModel from, String detail) {
        if (detail.startsWith("\"") || detail.isEmpty()) {
            return Markdown.code(detail);
        }
        String owner = from.name();
        String field = detail;
        int dot = detail.lastIndexOf('.');
        if (dot > 0) {
            owner = detail.substring(0, dot);
            field = detail.substring(dot + 1);
        }
        String value = constantValue(owner, field, dot < 0);
        if (!value.isEmpty()) {
            return Markdown.code(detail) + " = " + Markdown.code(value);
        }
        return CONSTANT_KEY.matcher(detail).matches() ? Markdown.code(detail) : Markdown.code(detail) + " (computed)";
    }

    private String constantValue(String owner, String field, boolean anyType) {
        List<TypeModel> candidates = new ArrayList<>();
        for (TypeModel t : types) {
            if (t.name().equals(owner) || t.simpleName().equals(owner)) {
                candidates.add(0, t);
            } else if (anyType) {
                candidates.add(t);
            }
        }
        for (TypeModel t : candidates) {
            for (FieldModel f : t.fields()) {
                if (f.name().equals(field) && !f.constantValue().isEmpty()) {
                    return f.constantValue();
                }
            }
        }
        return "";
    }

    // ------------------------------------------------------------------------------- errors

    private String errors() {
        List<TypeModel> exceptions = new ArrayList<>();
        Map<String, List<TypeRole>> roles = TypeRoles.of(facts.unit(), Set.of(), Set.of());
        for (TypeModel t : types) {
            if (roles.getOrDefault(t.name(), List.of()).contains(TypeRole.EXCEPTION)) {
                exceptions.add(t);
            }
        }
        if (exceptions.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        List<String> files = new ArrayList<>();
        // the ones nothing here throws are for other packages: one line names them all
        List<TypeModel> unused = new ArrayList<>();
        for (TypeModel x : exceptions) {
            Set<String> thrownBy = new LinkedHashSet<>();
            Set<String> declaredBy = new LinkedHashSet<>();
            for (TypeModel t : types) {
                for (MemberModel m : t.members()) {
                    String where = Markdown.code(t.name() + "#" + m.name());
                    if (m.raisedTypes().stream().anyMatch(r -> names(x, r))) {
                        thrownBy.add(where);
                    }
                    if (m.thrownTypes().stream().anyMatch(r -> names(x, r))) {
                        declaredBy.add(where);
                    }
                }
            }
            if (thrownBy.isEmpty() && declaredBy.isEmpty()) {
                unused.add(x);
                continue;
            }
            StringBuilder line = new StringBuilder("- ")
                    .append(linker.link(x.file(), x.line(), x.name()))
                    .append(" (extends ")
                    .append(Markdown.code(x.extendedTypes().get(0)))
                    .append(")");
            if (!thrownBy.isEmpty()) {
                line.append(": thrown by ").append(joined(new ArrayList<>(thrownBy), 3));
            }
            if (!declaredBy.isEmpty()) {
                line.append(thrownBy.isEmpty() ? ": " : "; ")
                        .append("declared by ")
                        .append(joined(new ArrayList<>(declaredBy), 3));
            }
            lines.add(line.append('.').toString());
            files.add(x.file());
        }
        int shown = Math.min(MAX, lines.size());
        List<String> out = new ArrayList<>(lines.subList(0, shown));
        if (lines.size() > shown) {
            out.add("- and " + (lines.size() - shown) + " more, in " + fileNames(files.subList(shown, files.size()))
                    + ".");
        }
        if (!unused.isEmpty()) {
            out.add("- Not thrown or declared in this package: " + typeList(unused) + ".");
        }
        return String.join("\n", out) + "\n\nSection 6 lists every exception the package declares or throws.";
    }

    /** Whether a thrown type as written ({@code Failure}, {@code Outer.Failure}, {@code a.b.Failure}) names the exception. */
    private static boolean names(TypeModel exception, String written) {
        String raw = written.replaceAll("<.*", "").strip();
        return raw.equals(exception.name())
                || raw.equals(exception.qualifiedName())
                || (raw.indexOf('.') < 0 && raw.equals(exception.simpleName()));
    }

    private static String joined(List<String> items, int max) {
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
    }

    // ------------------------------------------------------------------------------- helpers

    /** Items already in Markdown, the first {@link #MAX}, then how many more and in which files. */
    private static String capped(List<String> items, List<String> files) {
        int shown = Math.min(MAX, items.size());
        return String.join(", ", items.subList(0, shown))
                + more(items.size() - shown, files.subList(Math.min(shown, files.size()), files.size()));
    }

    private static String more(int n, List<String> files) {
        return n <= 0 ? "" : " and " + n + " more, in " + fileNames(files);
    }

    /** The distinct file names, the first three and how many other files. */
    private static String fileNames(List<String> files) {
        List<String> names = files.stream()
                .filter(f -> !f.isEmpty())
                .map(RelativeLinks::fileName)
                .distinct()
                .toList();
        if (names.isEmpty()) {
            return "this package";
        }
        String shown = String.join(
                ", ",
                names.subList(0, Math.min(3, names.size())).stream()
                        .map(Markdown::code)
                        .toList());
        return names.size() > 3 ? shown + " and " + (names.size() - 3) + " other files" : shown;
    }

    private static String fileName(TypeModel t) {
        return RelativeLinks.fileName(t.file());
    }

    private TypeModel byQualifiedName(String qualified) {
        for (TypeModel t : types) {
            if (t.qualifiedName().equals(qualified)) {
                return t;
            }
        }
        return null;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
