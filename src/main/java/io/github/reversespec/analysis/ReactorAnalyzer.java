package io.github.reversespec.analysis;

import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every Java source of a reactor and turns it into per-unit facts.
 *
 * <p>Each file is read and parsed exactly once, on a pool of worker threads, and its AST is
 * dropped as soon as its facts are extracted. Results are consumed in path order whatever the
 * scheduling, which makes the output deterministic and lets each unit's source hash be fed
 * incrementally: only the files between the slowest in-flight parse and the consumer are held in
 * memory, never the whole reactor.
 *
 * <p>Each project's files are decoded with its {@link ProjectModel#sourceEncoding()}.
 *
 * <p>On a large reactor the analysis is most of a run, so it reports "Analysing: N of M files
 * parsed (main and test sources)" to the log it is given every {@link #PROGRESS_INTERVAL_NANOS}: a
 * person sees it move, and an analysis that ends within the first interval prints nothing. The
 * consumer waits for a parse with a timeout, so the report comes also while one huge file holds
 * everything up.
 *
 * <p>Once every file is parsed, methods take the Javadoc they inherit from the methods they
 * override anywhere in the reactor ({@link InheritedDocs}).
 *
 * <p>Each project's resource roots are read for {@code META-INF/services/<service>} files (the
 * {@link java.util.ServiceLoader} registrations): a unit learns which of its types are registered
 * as providers in its own project and which are services any project of the reactor registers
 * providers for. Lines are read as the JDK does: UTF-8, {@code #} starts a comment, blank lines
 * skipped.
 *
 * <p>Bad input never stops the analysis: a file that cannot be read, decoded or parsed is kept as
 * a {@link SourceFile} with its {@link ParseProblem}; a missing root, a symbolic link loop or an
 * unreadable directory becomes a problem of its project.
 */
public final class ReactorAnalyzer {

    private static final String MODULE_INFO = "module-info.java";
    private static final String PACKAGE_INFO = "package-info.java";

    /** Worker stack: JavaParser recurses deeply on long expression chains. */
    private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

    /** Parses in flight per thread, ahead of the in-order consumer. */
    private static final int WINDOW_PER_THREAD = 16;

    /** How often the progress line comes: often enough to see the run is alive, not per file. */
    static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int threads;
    private final ProgressLog log;
    private final long progressIntervalNanos;

    /**
     * An analyser that reports nothing (tests, and callers that only want the facts).
     *
     * @param threads parser threads, at least 1 (one JavaParser instance each)
     */
    public ReactorAnalyzer(int threads) {
        this(threads, ProgressLog.SILENT);
    }

    /**
     * @param threads parser threads, at least 1 (one JavaParser instance each)
     * @param log where the progress line goes while files are parsed
     */
    public ReactorAnalyzer(int threads, ProgressLog log) {
        this(threads, log, PROGRESS_INTERVAL_NANOS);
    }

    /** With another progress interval: a test cannot wait five seconds per line. */
    ReactorAnalyzer(int threads, ProgressLog log, long progressIntervalNanos) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.log = log;
        this.progressIntervalNanos = progressIntervalNanos;
    }

    /**
     * Analyses the main and test sources of every project of the reactor.
     *
     * @param reactor the reactor; all paths in the result are relative to its root
     * @return one {@link ProjectAnalysis} per project, in reactor order
     * @throws IllegalStateException if the calling thread is interrupted
     */
    public ReactorAnalysis analyze(ReactorModel reactor) {
        return analyze(reactor, FactCache.NONE);
    }

    /**
     * Analyses the main and test sources of every project of the reactor, parsing only the files
     * whose facts {@code cache} does not hold; the result is the same as without it.
     *
     * @param reactor the reactor; all paths in the result are relative to its root
     * @param cache the facts of earlier runs, {@link FactCache#NONE} for none
     * @return one {@link ProjectAnalysis} per project, in reactor order
     * @throws IllegalStateException if the calling thread is interrupted
     */
    public ReactorAnalysis analyze(ReactorModel reactor, FactCache cache) {
        SourceWalker walker = new SourceWalker(reactor.root());
        List<ProjectWork> work = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (ProjectModel project : reactor.projects()) {
            ProjectWork pw = new ProjectWork(project, walker, reactor.root());
            for (SourceWalker.Found f : pw.mainFiles) {
                tasks.add(new Task(pw, f, false));
            }
            for (SourceWalker.Found f : pw.testFiles) {
                tasks.add(new Task(pw, f, true));
            }
            work.add(pw);
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        ThreadLocal<SourceFileReader> readers = ThreadLocal.withInitial(SourceFileReader::new);
        AtomicInteger parsed = new AtomicInteger();
        long nextReport = System.nanoTime() + progressIntervalNanos;
        try {
            Deque<Future<SourceFileReader.Result>> inFlight = new ArrayDeque<>();
            int next = 0;
            int window = threads * WINDOW_PER_THREAD;
            for (int consumed = 0; consumed < tasks.size(); consumed++) {
                while (next < tasks.size() && inFlight.size() < window) {
                    Task t = tasks.get(next++);
                    java.nio.charset.Charset charset = t.project.project.sourceEncoding();
                    inFlight.add(pool.submit(() -> {
                        SourceFileReader.Result r = readers.get().read(t.found, t.test, charset, cache);
                        parsed.incrementAndGet();
                        return r;
                    }));
                }
                Future<SourceFileReader.Result> head = inFlight.removeFirst();
                SourceFileReader.Result r;
                while (true) {
                    long wait = nextReport - System.nanoTime();
                    if (wait <= 0) {
                        log.info("Analysing: " + parsed.get() + " of " + tasks.size()
                                + " files parsed (main and test sources)");
                        nextReport = System.nanoTime() + progressIntervalNanos;
                        continue;
                    }
                    try {
                        r = head.get(wait, TimeUnit.NANOSECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // time for the next progress line; the parse goes on
                    }
                }
                tasks.get(consumed).project.accept(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("source analysis interrupted", e);
        } catch (ExecutionException e) {
            // the reader catches everything but errors such as OutOfMemoryError
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("source analysis failed", cause);
        } finally {
            pool.shutdownNow();
        }

        inheritDocs(work);
        List<ServiceEntry> services = new ArrayList<>();
        for (ProjectWork pw : work) {
            services.addAll(pw.services);
        }
        List<ProjectAnalysis> projects = new ArrayList<>(work.size());
        for (ProjectWork pw : work) {
            projects.add(pw.build(services));
        }
        return new ReactorAnalysis(reactor, projects);
    }

    /** Once every file is parsed: what methods inherit from those they override anywhere in the reactor. */
    private static void inheritDocs(List<ProjectWork> work) {
        List<InheritedDocs.Site> sites = new ArrayList<>();
        for (ProjectWork pw : work) {
            for (UnitBuilder ub : pw.units.values()) {
                for (int i = 0; i < ub.types.size(); i++) {
                    sites.add(new InheritedDocs.Site(ub.types.get(i), ub.typeImports.get(i)));
                }
            }
        }
        List<TypeModel> resolved = InheritedDocs.resolve(sites);
        int next = 0;
        for (ProjectWork pw : work) {
            for (UnitBuilder ub : pw.units.values()) {
                for (int i = 0; i < ub.types.size(); i++) {
                    ub.types.set(i, resolved.get(next++));
                }
                ub.typeImports.clear();
            }
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "reverse-spec-parser-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }

    private record Task(ProjectWork project, SourceWalker.Found found, boolean test) {}

    /** One project's files, problems and the units being filled in path order. */
    private static final class ProjectWork {
        final ProjectModel project;
        final List<SourceWalker.Found> mainFiles;
        final List<SourceWalker.Found> testFiles;
        final List<ParseProblem> problems = new ArrayList<>();
        final Map<String, UnitBuilder> units = new TreeMap<>();
        final List<TestClassFacts> tests = new ArrayList<>();
        final List<ServiceEntry> services = new ArrayList<>();
        ModuleDescriptorFacts module;

        ProjectWork(ProjectModel project, SourceWalker walker, Path reactorRoot) {
            this.project = project;
            for (Path root : project.resourceRoots()) {
                readServices(project.baseDir().resolve(root).resolve("META-INF/services"), reactorRoot);
            }
            this.mainFiles = walk(
                    project.sourceRoots(),
                    "source root of " + project.artifactId(),
                    "check <sourceDirectory> in its pom and plugins that add source roots",
                    walker);
            this.testFiles = walk(
                    project.testSourceRoots(),
                    "test source root of " + project.artifactId(),
                    "check <testSourceDirectory> in its pom and plugins that add test source roots",
                    walker);
        }

        /**
         * A root that does not exist is named with its project: the conventional one is left out
         * by the adapter when missing, so this one was configured and is likely a mistake.
         */
        private List<SourceWalker.Found> walk(List<Path> roots, String what, String hint, SourceWalker walker) {
            Map<Path, SourceWalker.Found> found = new LinkedHashMap<>();
            for (Path root : roots) {
                walker.walk(project.baseDir().resolve(root), what, hint, found, problems);
            }
            List<SourceWalker.Found> files = new ArrayList<>(found.values());
            files.sort(Comparator.comparing(SourceWalker.Found::relPath));
            return files;
        }

        /** The providers listed in a {@code META-INF/services} directory, if there is one. */
        private void readServices(Path dir, Path reactorRoot) {
            if (!Files.isDirectory(dir)) {
                return;
            }
            List<Path> files;
            try (java.util.stream.Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                problems.add(new ParseProblem(relative(reactorRoot, dir), 0, 0, "cannot list: " + e.getMessage()));
                return;
            }
            for (Path f : files) {
                String rel = relative(reactorRoot, f);
                String service = f.getFileName().toString();
                try {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        int hash = line.indexOf('#');
                        String provider = (hash < 0 ? line : line.substring(0, hash)).strip();
                        if (!provider.isEmpty()) {
                            services.add(new ServiceEntry(service, provider.replace('$', '.'), rel, i + 1));
                        }
                    }
                } catch (IOException e) {
                    problems.add(new ParseProblem(rel, 0, 0, "cannot read the services file: " + e.getMessage()));
                }
            }
        }

        private static String relative(Path root, Path file) {
            Path p = file.toAbsolutePath().normalize();
            return (p.startsWith(root) ? root.relativize(p) : p).toString().replace('\\', '/');
        }

        void accept(SourceFileReader.Result r) {
            String name = r.found().file().getFileName().toString();
            if (r.test()) {
                if (r.problem() != null) {
                    problems.add(r.problem());
                } else if (!name.equals(MODULE_INFO) && !name.equals(PACKAGE_INFO)) {
                    FileFacts f = r.facts();
                    tests.add(new TestClassFacts(
                            project.key(),
                            r.found().relPath(),
                            f.packageName(),
                            f.primaryType(),
                            f.testMethods(),
                            f.imports(),
                            f.simpleNames(),
                            f.qualifiedNames()));
                }
            } else if (name.equals(MODULE_INFO)) {
                if (r.problem() != null) {
                    problems.add(r.problem());
                } else if (module == null && r.facts().module() != null) {
                    module = r.facts().module();
                } else {
                    problems.add(new ParseProblem(
                            r.found().relPath(), 0, 0, "not the project's first module descriptor; ignored"));
                }
            } else {
                units.computeIfAbsent(r.packageName(), UnitBuilder::new).add(r);
            }
        }

        ProjectAnalysis build(List<ServiceEntry> reactorServices) {
            List<UnitAnalysis> built = new ArrayList<>(units.size());
            for (UnitBuilder ub : units.values()) {
                built.add(ub.build(project, services, reactorServices));
            }
            tests.sort(Comparator.comparing(TestClassFacts::file));
            problems.sort(Comparator.comparing(ParseProblem::file)
                    .thenComparingInt(ParseProblem::line)
                    .thenComparing(ParseProblem::message));
            return new ProjectAnalysis(project, built, tests, Optional.ofNullable(module), problems);
        }
    }

    /** One package of one project, fed its files in path order. */
    private static final class UnitBuilder {
        final String packageName;
        final MessageDigest digest = sha256();
        final List<SourceFile> files = new ArrayList<>();
        final List<TypeModel> types = new ArrayList<>();
        /** The imports of each type's file, index by index: what its supertypes' names resolve against. */
        final List<List<ImportRef>> typeImports = new ArrayList<>();

        final TreeSet<ImportRef> imports = new TreeSet<>();
        final List<FileScope> scopes = new ArrayList<>();
        final TreeSet<String> qualified = new TreeSet<>();
        final List<DebtItem> debt = new ArrayList<>();
        final Map<String, SourceLine> nameSites = new TreeMap<>();
        String packageJavadoc = "";

        UnitBuilder(String packageName) {
            this.packageName = packageName;
        }

        void add(SourceFileReader.Result r) {
            String path = r.found().relPath();
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            int lines = r.lines();
            if (r.tooLarge()) {
                lines = streamInto(r.found().file());
            } else if (r.bytes() != null) {
                digest.update(r.bytes());
            }
            digest.update((byte) 0);
            files.add(new SourceFile(path, lines, Optional.ofNullable(r.problem())));
            FileFacts f = r.facts();
            if (f == null) {
                return;
            }
            types.addAll(f.types());
            for (int i = 0; i < f.types().size(); i++) {
                typeImports.add(f.imports());
            }
            imports.addAll(f.imports());
            scopes.add(new FileScope(path, f.imports(), f.simpleNames()));
            qualified.addAll(f.qualifiedNames());
            // Files come in path order: the first file naming something keeps the site.
            f.nameLines().forEach((name, line) -> nameSites.putIfAbsent(name, new SourceLine(path, line)));
            debt.addAll(f.debt());
            if (!f.packageJavadoc().isEmpty()) {
                packageJavadoc = f.packageJavadoc();
            }
        }

        /** Hashes a file too large to keep in memory; returns its line count. */
        private int streamInto(Path file) {
            byte[] buffer = new byte[64 * 1024];
            int lines = 0;
            int last = -1;
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    last = buffer[n - 1];
                }
            } catch (IOException e) {
                // already reported as too large; the hash covers what could be read
            }
            return last >= 0 && last != '\n' ? lines + 1 : lines;
        }

        UnitAnalysis build(ProjectModel project, List<ServiceEntry> own, List<ServiceEntry> reactor) {
            UnitId id = new UnitId(project.key(), project.artifactId(), project.moduleDir(), packageName);
            debt.sort(FactCollector.DEBT_ORDER);
            List<ServiceEntry> registered = services(own, reactor);
            for (ServiceEntry e : registered) {
                digest.update((byte) 1);
                digest.update(
                        (e.service() + "\n" + e.provider() + "\n" + e.file() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String hash = "sha256:" + HexFormat.of().formatHex(digest.digest());
            return new UnitAnalysis(
                    id,
                    files,
                    packageJavadoc,
                    types,
                    List.copyOf(imports),
                    qualified,
                    debt,
                    hash,
                    nameSites,
                    registered,
                    scopes);
        }

        /** Registrations of this unit's types: as provider in its own project, as service anywhere. */
        private List<ServiceEntry> services(List<ServiceEntry> own, List<ServiceEntry> reactor) {
            if (own.isEmpty() && reactor.isEmpty()) {
                return List.of();
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            types.forEach(t -> names.add(t.qualifiedName()));
            TreeSet<ServiceEntry> found = new TreeSet<>(SERVICE_ORDER);
            own.stream().filter(e -> names.contains(e.provider())).forEach(found::add);
            reactor.stream().filter(e -> names.contains(e.service())).forEach(found::add);
            return List.copyOf(found);
        }
    }

    private static final Comparator<ServiceEntry> SERVICE_ORDER = Comparator.comparing(ServiceEntry::service)
            .thenComparing(ServiceEntry::provider)
            .thenComparing(ServiceEntry::file)
            .thenComparingInt(ServiceEntry::line);

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
