import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a synthetic Maven reactor for benchmarking reverse-spec: a root pom and about ten
 * modules whose Java sources look like an ordinary business codebase (Javadoc, records, enums,
 * interfaces, generic methods with real bodies, TODO comments, imports across packages and
 * modules, some package cycles, a few 300-file packages).
 *
 * <p>Usage: {@code java GenerateReactor.java <outDir> [files] [seed] [packages]}, defaults 5000
 * files, seed 42 and {@code min(300, files / 16)} packages; giving {@code packages} spreads the
 * files over that many packages instead (at least one main file each), e.g. many small packages
 * for a latency benchmark. The same arguments always write the same bytes. The sources compile with
 * {@code javac --release 17} (tests use a per-module {@code @Test} annotation instead of JUnit),
 * and the poms need nothing from the network to be read.
 */
public final class GenerateReactor {

    private static final String GROUP_ID = "bench";
    private static final String ROOT_ARTIFACT = "bench-reactor";
    private static final String VERSION = "1.0-SNAPSHOT";
    private static final int MAX_MODULES = 10;
    private static final int MAX_PACKAGES = 300;
    /** Upper bound of an explicit package count (names stay unique: areas get numeric suffixes). */
    private static final int MAX_PACKAGES_ASKED = 3_000;
    private static final int BIG_PACKAGE_FILES = 300;
    private static final int BIG_PACKAGES = 3;

    /** Package names inside a module; dotted ones nest under an earlier one, as real code does. */
    private static final String[] AREAS = {
        "model", "util", "config", "events", "billing", "billing.internal", "catalog", "catalog.search",
        "inventory", "orders", "orders.api", "shipping", "users", "auth", "audit", "reports", "pricing",
        "payments", "payments.gateway", "notify", "storage", "storage.cache", "metrics", "jobs", "mail",
        "export", "importer", "rules", "workflow", "ledger",
    };

    private static final String[] NOUNS = {
        "Service", "Repository", "Record", "Event", "Handler", "Policy", "Mapper", "Registry", "Validator",
        "Factory", "Settings", "Snapshot", "Request", "Response", "Status", "Listener", "Index", "Cursor",
        "Batch", "Entry", "Summary", "Assembler", "Codec", "Rule", "Store", "Client", "Job", "Report", "Key",
        "Range", "Window", "Limit", "Token", "Task", "Plan", "Step", "Phase", "Ticket", "Account", "Ledger",
    };

    private static final String[] VERBS = {
        "collect", "merge", "rank", "summarise", "normalise", "partition", "reconcile", "dedupe", "project",
        "score", "resolve", "expand", "compact", "audit", "schedule", "route",
    };

    private static final String[] TODOS = {
        "TODO: move this to the shared helper once the API settles",
        "TODO: the ordering here is accidental, callers rely on it",
        "TODO(perf): this copies the list twice",
        "FIXME: negative counts are silently accepted",
        "TODO: remove after the migration of old records",
        "XXX: assumes at most one entry per key",
        "HACK: keeps the legacy format for the export job",
    };

    private static final String[] JAVA_UTIL = {
        "java.util.ArrayList", "java.util.Collection", "java.util.Comparator", "java.util.HashMap",
        "java.util.Iterator", "java.util.LinkedHashMap", "java.util.List", "java.util.Map", "java.util.Objects",
        "java.util.function.Function",
    };

    private final Path out;
    private final Random random;
    private final List<Module> modules = new ArrayList<>();
    private final List<Pkg> packages = new ArrayList<>();
    private final Set<String> usedTypeNames = new HashSet<>();
    private int written;

    private GenerateReactor(Path out, long seed) {
        this.out = out;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: java GenerateReactor.java <outDir> [files=5000] [seed=42] [packages]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath().normalize();
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        int packages = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (files < 20) {
            throw new IllegalArgumentException("ask for at least 20 files, got " + files);
        }
        if (args.length > 3 && (packages < 1 || packages > MAX_PACKAGES_ASKED)) {
            throw new IllegalArgumentException("packages must be in [1, " + MAX_PACKAGES_ASKED + "], got " + packages);
        }
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    // Leftovers of an earlier run would break the promise of identical output.
                    System.err.println(out + " is not empty; delete it first");
                    System.exit(1);
                }
            }
        }
        long start = System.nanoTime();
        GenerateReactor generator = new GenerateReactor(out, seed);
        generator.plan(files, packages);
        generator.write();
        System.out.printf(Locale.ROOT, "wrote %d Java files in %d modules, %d packages, to %s (%d ms)%n",
                generator.written, generator.modules.size(), generator.packages.size(), out,
                (System.nanoTime() - start) / 1_000_000);
    }

    // ------------------------------------------------------------------ planning

    /** Plans the reactor; {@code packagesAsked} 0 derives the package count from {@code files}. */
    private void plan(int files, int packagesAsked) {
        // One file per module is its @Test annotation.
        int moduleCount = Math.min(MAX_MODULES, Math.max(1, files / 60));
        int packageCount = packagesAsked > 0 ? Math.max(moduleCount, packagesAsked)
                : Math.max(moduleCount, Math.min(MAX_PACKAGES, files / 16));
        // Each package gets about one test per six main files, plus one: aim the total at files.
        int mainTarget = (files - moduleCount - packageCount) * 6 / 7;
        for (int m = 0; m < moduleCount; m++) {
            modules.add(new Module(m));
        }
        for (int p = 0; p < packageCount; p++) {
            Module module = modules.get(p % moduleCount);
            int local = module.packages.size();
            String area = AREAS[local % AREAS.length] + (local >= AREAS.length ? "" + (local / AREAS.length + 1) : "");
            Pkg pkg = new Pkg(module, local, "bench." + module.artifactId + "." + area, camel(area));
            module.packages.add(pkg);
            packages.add(pkg);
        }

        int[] sizes = new int[packageCount];
        int big = mainTarget >= 3_000 ? BIG_PACKAGES : 0;
        int rest = mainTarget - big * BIG_PACKAGE_FILES;
        double[] weights = new double[packageCount];
        double weightSum = 0;
        for (int p = 0; p < packageCount; p++) {
            weights[p] = 0.3 + random.nextDouble() * random.nextDouble() * 3;
            weightSum += weights[p];
        }
        // The big packages sit in different modules, away from the first ones.
        Set<Integer> bigOnes = new LinkedHashSet<>();
        for (int b = 0; b < big; b++) {
            bigOnes.add(moduleCount * (packageCount / moduleCount / 2 + b) + (2 + 3 * b) % moduleCount);
        }
        int assigned = 0;
        for (int p = 0; p < packageCount; p++) {
            if (bigOnes.contains(p)) {
                sizes[p] = BIG_PACKAGE_FILES;
                weightSum -= weights[p];
            }
        }
        for (int p = 0; p < packageCount; p++) {
            if (!bigOnes.contains(p)) {
                sizes[p] = Math.max(1, (int) (rest * weights[p] / weightSum));
                assigned += sizes[p];
            }
        }
        for (int p = 0; assigned < rest; p = (p + 1) % packageCount) {
            if (!bigOnes.contains(p)) {
                sizes[p]++;
                assigned++;
            }
        }

        int total = moduleCount;
        for (int p = 0; p < packageCount; p++) {
            total += sizes[p] + testsFor(sizes[p]);
        }
        while (total < files) {
            int p = random.nextInt(packageCount);
            if (!bigOnes.contains(p)) {
                total += 1 + testsFor(sizes[p] + 1) - testsFor(sizes[p]);
                sizes[p]++;
            }
        }
        for (int p = 0; p < packageCount; p++) {
            Pkg pkg = packages.get(p);
            for (int t = 0; t < sizes[p]; t++) {
                pkg.types.add(new Type(pkg, uniqueName(pkg.prefix + NOUNS[random.nextInt(NOUNS.length)]),
                        pickKind()));
            }
            pkg.testCount = testsFor(sizes[p]);
        }
        planCycles();
    }

    private static int testsFor(int mainFiles) {
        return Math.min(mainFiles, mainFiles / 6 + 1);
    }

    /**
     * Makes some packages use each other: a pair in every other module and a three-package
     * ring in every third, on top of the downward imports every file gets.
     */
    private void planCycles() {
        for (Module module : modules) {
            List<Pkg> own = module.packages;
            if (module.index % 2 == 0 && own.size() >= 5) {
                own.get(3).cycleTargets.add(own.get(4));
                own.get(4).cycleTargets.add(own.get(3));
            }
            if (module.index % 3 == 1 && own.size() >= 13) {
                own.get(10).cycleTargets.add(own.get(11));
                own.get(11).cycleTargets.add(own.get(12));
                own.get(12).cycleTargets.add(own.get(10));
            }
        }
    }

    private String uniqueName(String base) {
        String name = base;
        for (int i = 2; !usedTypeNames.add(name); i++) {
            name = base + i;
        }
        return name;
    }

    private Kind pickKind() {
        int r = random.nextInt(100);
        return r < 55 ? Kind.CLASS : r < 70 ? Kind.INTERFACE : r < 85 ? Kind.RECORD : Kind.ENUM;
    }

    /** Packages a file of {@code pkg} may import: earlier in its module, or in an earlier module. */
    private Pkg randomTarget(Pkg pkg) {
        int candidates = pkg.local;
        for (Module m : modules) {
            if (m.index < pkg.module.index) {
                candidates += m.packages.size();
            }
        }
        if (candidates == 0) {
            return null;
        }
        // Most imports stay close: same module or the one just before.
        if (pkg.local > 0 && random.nextInt(3) > 0) {
            return pkg.module.packages.get(random.nextInt(pkg.local));
        }
        if (pkg.module.index > 0 && random.nextBoolean()) {
            List<Pkg> previous = modules.get(pkg.module.index - 1).packages;
            return previous.get(random.nextInt(previous.size()));
        }
        int pick = random.nextInt(candidates);
        for (Module m : modules) {
            if (m.index < pkg.module.index) {
                if (pick < m.packages.size()) {
                    return m.packages.get(pick);
                }
                pick -= m.packages.size();
            }
        }
        return pkg.module.packages.get(pick);
    }

    // ------------------------------------------------------------------ writing

    private void write() throws IOException {
        writeRootPom();
        for (Module module : modules) {
            writeModulePom(module);
            Path testing = module.testRoot().resolve("bench/" + module.artifactId + "/testing/Test.java");
            writeFile(testing, testAnnotation(module));
            for (Pkg pkg : module.packages) {
                for (int t = 0; t < pkg.types.size(); t++) {
                    Type type = pkg.types.get(t);
                    writeFile(module.mainRoot().resolve(pkg.dir()).resolve(type.name + ".java"), mainFile(type, t));
                }
                for (int t = 0; t < pkg.testCount; t++) {
                    Type type = pkg.types.get(t);
                    writeFile(module.testRoot().resolve(pkg.dir()).resolve(type.name + "Test.java"), testFile(type));
                }
            }
        }
    }

    private void writeFile(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            if (file.toString().endsWith(".java")) {
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRootPom() {
        StringBuilder modulesXml = new StringBuilder();
        for (Module m : modules) {
            modulesXml.append("    <module>").append(m.artifactId).append("</module>\n");
        }
        writeFile(out.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>pom</packaging>
                  <name>Benchmark reactor</name>
                  <description>Synthetic sources for benchmarking reverse-spec; generated, do not edit.</description>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <modules>
                %s  </modules>
                </project>
                """.formatted(GROUP_ID, ROOT_ARTIFACT, VERSION, modulesXml));
    }

    private void writeModulePom(Module module) {
        StringBuilder deps = new StringBuilder();
        for (Module dep : module.dependencies()) {
            deps.append("""
                        <dependency>
                          <groupId>${project.groupId}</groupId>
                          <artifactId>%s</artifactId>
                          <version>${project.version}</version>
                        </dependency>
                    """.formatted(dep.artifactId));
        }
        String dependencies = deps.length() == 0 ? "" : "\n  <dependencies>\n" + deps + "  </dependencies>\n";
        writeFile(out.resolve(module.artifactId).resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <parent>
                    <groupId>%s</groupId>
                    <artifactId>%s</artifactId>
                    <version>%s</version>
                  </parent>

                  <artifactId>%s</artifactId>
                  <name>Benchmark module %s</name>
                  <description>Layer %d of the benchmark reactor.</description>
                %s</project>
                """.formatted(GROUP_ID, ROOT_ARTIFACT, VERSION, module.artifactId, module.artifactId,
                module.index, dependencies));
    }

    private static String testAnnotation(Module module) {
        return """
                package bench.%s.testing;

                import java.lang.annotation.ElementType;
                import java.lang.annotation.Retention;
                import java.lang.annotation.RetentionPolicy;
                import java.lang.annotation.Target;

                /** Marks a test method; stands in for JUnit so the reactor needs nothing from the network. */
                @Retention(RetentionPolicy.RUNTIME)
                @Target(ElementType.METHOD)
                public @interface Test {}
                """.formatted(module.artifactId);
    }

    // ------------------------------------------------------------------ main sources

    private String mainFile(Type type, int indexInPackage) {
        Pkg pkg = type.pkg;
        List<Type> uses = new ArrayList<>();
        // The first files of a package carry its cycle edges, so every cycle really exists.
        if (indexInPackage < 2) {
            for (Pkg target : pkg.cycleTargets) {
                uses.add(target.types.get(random.nextInt(target.types.size())));
            }
        }
        int reactorImports = random.nextInt(5);
        for (int i = 0; i < reactorImports; i++) {
            Pkg target = randomTarget(pkg);
            if (target != null) {
                uses.add(target.types.get(random.nextInt(target.types.size())));
            }
        }
        Set<String> reactorImportNames = new LinkedHashSet<>();
        List<Type> used = new ArrayList<>();
        for (Type t : uses) {
            if (t != type && reactorImportNames.add(t.qualified())) {
                used.add(t);
            }
        }

        List<String> imports = new ArrayList<>();
        for (Type t : used) {
            if (t.pkg != pkg) {
                imports.add(t.qualified());
            }
        }
        Pkg onDemand = random.nextInt(8) == 0 ? randomTarget(pkg) : null;
        if (onDemand != null && onDemand != pkg) {
            imports.add(onDemand.name + ".*");
        }
        boolean utilOnDemand = random.nextInt(6) == 0;
        if (utilOnDemand) {
            imports.add("java.util.*");
            imports.add("java.util.function.Function");
        } else {
            imports.addAll(List.of(JAVA_UTIL));
        }
        imports.sort(null);

        List<String> staticImports = new ArrayList<>();
        if (!used.isEmpty() && random.nextInt(5) == 0) {
            staticImports.add(used.get(0).qualified() + ".LAYER");
        }

        StringBuilder sb = new StringBuilder(8_192);
        sb.append("/*\n * Benchmark reactor, generated. Module ").append(pkg.module.artifactId)
                .append(", package ").append(pkg.name).append(".\n */\n");
        sb.append("package ").append(pkg.name).append(";\n\n");
        for (String s : staticImports) {
            sb.append("import static ").append(s).append(";\n");
        }
        if (!staticImports.isEmpty()) {
            sb.append('\n');
        }
        for (String i : imports) {
            sb.append("import ").append(i).append(";\n");
        }
        sb.append('\n');
        switch (type.kind) {
            case CLASS -> writeClass(sb, type, used);
            case INTERFACE -> writeInterface(sb, type, used);
            case RECORD -> writeRecord(sb, type, used);
            case ENUM -> writeEnum(sb, type, used);
            default -> throw new IllegalStateException(type.kind.toString());
        }
        return sb.toString();
    }

    private void typeJavadoc(StringBuilder sb, Type type, String what) {
        String subject = type.pkg.prefix.toLowerCase(Locale.ROOT);
        String[] openings = {
            "Keeps the " + subject + " " + what + " consistent while entries come and go.",
            "Decides how " + subject + " entries are grouped, ranked and handed on.",
            "The " + subject + " side of the " + what + ": small, immutable where it can be, and cheap to copy.",
            "Collects " + subject + " entries from several sources and presents them in a stable order.",
            "Translates between the stored form of a " + subject + " entry and the one callers see.",
        };
        sb.append("/**\n * ").append(openings[random.nextInt(openings.length)]).append("\n *\n");
        sb.append(" * <p>Instances are not shared between threads unless stated otherwise. Methods that take\n");
        sb.append(" * collections never keep a reference to them.\n");
        boolean deprecated = random.nextInt(12) == 0;
        if (deprecated) {
            sb.append(" *\n * @deprecated use the newer variant in the same package\n");
        }
        sb.append(" */\n");
        if (deprecated) {
            sb.append("@Deprecated\n");
        }
    }

    private void writeClass(StringBuilder sb, Type type, List<Type> used) {
        typeJavadoc(sb, type, "registry");
        sb.append("public class ").append(type.name).append(" {\n\n");
        sb.append("    /** Layer of the type in the benchmark reactor. */\n");
        sb.append("    public static final int LAYER = ").append(type.pkg.module.index).append(";\n\n");
        sb.append("    private final String name;\n");
        sb.append("    private final List<String> entries = new ArrayList<>();\n");
        sb.append("    private int revision;\n\n");
        sb.append("    /**\n     * Creates an empty instance.\n     *\n     * @param name what the instance is called in logs\n");
        sb.append("     */\n");
        sb.append("    public ").append(type.name).append("(String name) {\n");
        sb.append("        this.name = Objects.requireNonNull(name, \"name\");\n");
        sb.append("    }\n\n");
        sb.append("    /** The name given at construction. */\n");
        sb.append("    public String name() {\n        return name;\n    }\n\n");
        sb.append("    /**\n     * Adds an entry and bumps the revision.\n     *\n     * @param entry the entry, not blank\n");
        sb.append("     * @return the new revision\n     */\n");
        sb.append("    public int add(String entry) {\n");
        sb.append("        if (entry == null || entry.isBlank()) {\n");
        sb.append("            throw new IllegalArgumentException(\"blank entry for \" + name);\n        }\n");
        sb.append("        entries.add(entry);\n        return ++revision;\n    }\n\n");
        int methods = 1 + random.nextInt(3);
        for (int m = 0; m < methods; m++) {
            genericMethod(sb, "    ", m, false);
        }
        linkMethods(sb, used, "    ");
        sb.append("    @Override\n    public String toString() {\n");
        sb.append("        return name + \"@\" + revision + entries;\n    }\n}\n");
    }

    private void writeInterface(StringBuilder sb, Type type, List<Type> used) {
        typeJavadoc(sb, type, "contract");
        sb.append("public interface ").append(type.name).append(" {\n\n");
        sb.append("    /** Layer of the type in the benchmark reactor. */\n");
        sb.append("    int LAYER = ").append(type.pkg.module.index).append(";\n\n");
        sb.append("    /**\n     * The entries known so far.\n     *\n     * @return a snapshot, never null\n     */\n");
        sb.append("    List<String> entries();\n\n");
        sb.append("    /**\n     * Looks an entry up by key.\n     *\n     * @param key the key\n");
        sb.append("     * @return the entry, or null when there is none\n     */\n");
        sb.append("    String find(String key);\n\n");
        genericMethod(sb, "    ", 0, true);
        for (Type t : used) {
            sb.append("    /** Whether this contract can work with the given ")
                    .append(t.name).append(". */\n");
            sb.append("    boolean accepts(").append(t.name).append(" other);\n\n");
        }
        sb.setLength(sb.length() - 1);
        sb.append("}\n");
    }

    private void writeRecord(StringBuilder sb, Type type, List<Type> used) {
        typeJavadoc(sb, type, "snapshot");
        sb.append("public record ").append(type.name).append("(String id, int count, List<String> tags) {\n\n");
        sb.append("    /** Layer of the type in the benchmark reactor. */\n");
        sb.append("    public static final int LAYER = ").append(type.pkg.module.index).append(";\n\n");
        sb.append("    /** Checks the components and copies the tags. */\n");
        sb.append("    public ").append(type.name).append(" {\n");
        sb.append("        Objects.requireNonNull(id, \"id\");\n");
        sb.append("        if (count < 0) {\n            throw new IllegalArgumentException(\"count < 0: \" + count);\n");
        sb.append("        }\n        tags = List.copyOf(tags);\n    }\n\n");
        sb.append("    /** A copy with one more tag. */\n");
        sb.append("    public ").append(type.name).append(" withTag(String tag) {\n");
        sb.append("        List<String> copy = new ArrayList<>(tags);\n        copy.add(tag);\n");
        sb.append("        return new ").append(type.name).append("(id, count, copy);\n    }\n\n");
        genericMethod(sb, "    ", 0, false);
        linkMethods(sb, used, "    ");
        sb.setLength(sb.length() - 1);
        sb.append("}\n");
    }

    private void writeEnum(StringBuilder sb, Type type, List<Type> used) {
        typeJavadoc(sb, type, "states");
        sb.append("public enum ").append(type.name).append(" {\n");
        String[] constants = {"NEW", "ACTIVE", "SUSPENDED", "CLOSED", "ARCHIVED", "FAILED"};
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            sb.append("    /** The ").append(constants[i].toLowerCase(Locale.ROOT)).append(" state. */\n");
            sb.append("    ").append(constants[i]).append("(").append(i * 10).append(")")
                    .append(i == count - 1 ? ";\n\n" : ",\n");
        }
        sb.append("    /** Layer of the type in the benchmark reactor. */\n");
        sb.append("    public static final int LAYER = ").append(type.pkg.module.index).append(";\n\n");
        sb.append("    private final int weight;\n\n");
        sb.append("    ").append(type.name).append("(int weight) {\n        this.weight = weight;\n    }\n\n");
        sb.append("    /** The weight used when states are ranked. */\n");
        sb.append("    public int weight() {\n        return weight;\n    }\n\n");
        genericMethod(sb, "    ", 0, false);
        linkMethods(sb, used, "    ");
        sb.setLength(sb.length() - 1);
        sb.append("}\n");
    }

    /** Methods that take the imported reactor types, so every import is really used. */
    private void linkMethods(StringBuilder sb, List<Type> used, String indent) {
        for (int i = 0; i < used.size(); i++) {
            Type t = used.get(i);
            String param = Character.toLowerCase(t.name.charAt(0)) + t.name.substring(1);
            sb.append(indent).append("/**\n").append(indent).append(" * Hashes the given ").append(t.name)
                    .append(" into this one's bucket space.\n").append(indent).append(" *\n")
                    .append(indent).append(" * @param ").append(param).append(" the other side, may be null\n")
                    .append(indent).append(" * @return a bucket in [0, 64)\n").append(indent).append(" */\n");
            sb.append(indent).append("public int link").append(i).append("(").append(t.name).append(' ')
                    .append(param).append(") {\n");
            sb.append(indent).append("    if (").append(param).append(" == null) {\n");
            sb.append(indent).append("        return 0;\n").append(indent).append("    }\n");
            if (random.nextInt(4) == 0) {
                // A fully-qualified reference as well: the graph must find these too.
                sb.append(indent).append("    ").append(t.qualified()).append(" same = ").append(param)
                        .append(";\n");
                sb.append(indent).append("    return Math.floorMod(same.hashCode(), 64);\n");
            } else {
                sb.append(indent).append("    return Math.floorMod(").append(param).append(".hashCode(), 64);\n");
            }
            sb.append(indent).append("}\n\n");
        }
    }

    /**
     * A generic method with a body of 20 to 60 lines, assembled from independent blocks that all
     * work on one local list, so any combination compiles.
     */
    private void genericMethod(StringBuilder sb, String indent, int index, boolean isDefault) {
        String verb = VERBS[random.nextInt(VERBS.length)];
        String name = verb + (index == 0 ? "" : String.valueOf(index + 1));
        sb.append(indent).append("/**\n");
        sb.append(indent).append(" * Turns the items into labels and ").append(verb)
                .append("s them: drops blanks, orders what is\n");
        sb.append(indent).append(" * left and keeps at most {@code limit} labels.\n");
        sb.append(indent).append(" *\n");
        sb.append(indent).append(" * @param items the items, not null\n");
        sb.append(indent).append(" * @param labeller gives each item its label\n");
        sb.append(indent).append(" * @param limit how many labels to keep, at least 1\n");
        sb.append(indent).append(" * @param <T> the item type\n");
        sb.append(indent).append(" * @return the labels, in order\n");
        sb.append(indent).append(" */\n");
        sb.append(indent).append(isDefault ? "default " : "public ").append("<T> List<String> ").append(name)
                .append("(Collection<? extends T> items, Function<? super T, String> labeller, int limit) {\n");
        String in = indent + "    ";
        List<String> body = new ArrayList<>();
        body.add("Objects.requireNonNull(items, \"items\");");
        body.add("if (limit < 1) {");
        body.add("    throw new IllegalArgumentException(\"limit < 1: \" + limit);");
        body.add("}");
        body.add("List<String> work = new ArrayList<>(items.size());");
        body.add("for (T item : items) {");
        body.add("    String label = labeller.apply(item);");
        body.add("    if (label != null && !label.isBlank()) {");
        body.add("        work.add(label.strip());");
        body.add("    }");
        body.add("}");
        int target = 20 + random.nextInt(41);
        int block = 0;
        while (body.size() < target - 4) {
            addBlock(body, block++);
        }
        body.add("if (work.size() > limit) {");
        body.add("    work = new ArrayList<>(work.subList(0, limit));");
        body.add("}");
        body.add("return work;");
        for (String line : body) {
            sb.append(in).append(line).append('\n');
        }
        sb.append(indent).append("}\n\n");
    }

    private void addBlock(List<String> body, int n) {
        switch (random.nextInt(9)) {
            case 0 -> {
                body.add("// " + TODOS[random.nextInt(TODOS.length)]);
                body.add("work.sort(Comparator.naturalOrder());");
            }
            case 1 -> {
                body.add("Map<String, Integer> counts" + n + " = new HashMap<>();");
                body.add("for (String w : work) {");
                body.add("    counts" + n + ".merge(w, 1, Integer::sum);");
                body.add("}");
                body.add("work.removeIf(w -> counts" + n + ".getOrDefault(w, 0) > " + (2 + n % 3) + ");");
            }
            case 2 -> {
                body.add("Iterator<String> it" + n + " = work.iterator();");
                body.add("while (it" + n + ".hasNext()) {");
                body.add("    String next = it" + n + ".next();");
                body.add("    if (next.length() > " + (40 + n) + ") {");
                body.add("        it" + n + ".remove();");
                body.add("    }");
                body.add("}");
            }
            case 3 -> {
                body.add("StringBuilder joined" + n + " = new StringBuilder();");
                body.add("for (String w : work) {");
                body.add("    if (joined" + n + ".length() > 0) {");
                body.add("        joined" + n + ".append(',');");
                body.add("    }");
                body.add("    joined" + n + ".append(w);");
                body.add("}");
                body.add("if (joined" + n + ".length() > " + (100 + 10 * n) + ") {");
                body.add("    work.add(joined" + n + ".substring(0, " + (16 + n) + "));");
                body.add("}");
            }
            case 4 -> {
                body.add("int total" + n + " = 0;");
                body.add("for (String w : work) {");
                body.add("    total" + n + " += w.length();");
                body.add("}");
                body.add("if (total" + n + " % 2 == 0 && !work.isEmpty()) {");
                body.add("    work.add(work.get(0) + \"#\" + total" + n + ");");
                body.add("}");
            }
            case 5 -> {
                body.add("switch (work.size() % 3) {");
                body.add("    case 0:");
                body.add("        work.add(\"empty-bucket\");");
                body.add("        break;");
                body.add("    case 1:");
                body.add("        work.add(0, \"head\");");
                body.add("        break;");
                body.add("    default:");
                body.add("        work.remove(work.size() - 1);");
                body.add("        break;");
                body.add("}");
            }
            case 6 -> {
                body.add("try {");
                body.add("    int parsed" + n + " = Integer.parseInt(work.isEmpty() ? \"0\" : work.get(0));");
                body.add("    work.add(String.valueOf(parsed" + n + " * " + (n + 2) + "));");
                body.add("} catch (NumberFormatException e" + n + ") {");
                body.add("    // not a number: the label stays as it is");
                body.add("}");
            }
            case 7 -> {
                body.add("Map<Integer, List<String>> byLength" + n + " = new LinkedHashMap<>();");
                body.add("for (String w : work) {");
                body.add("    byLength" + n + ".computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);");
                body.add("}");
                body.add("work.clear();");
                body.add("for (List<String> group : byLength" + n + ".values()) {");
                body.add("    work.addAll(group);");
                body.add("}");
            }
            default -> {
                body.add("for (int i" + n + " = work.size() - 1; i" + n + " > 0; i" + n + "--) {");
                body.add("    if (work.get(i" + n + ").equals(work.get(i" + n + " - 1))) {");
                body.add("        work.remove(i" + n + ");");
                body.add("    }");
                body.add("}");
            }
        }
    }

    // ------------------------------------------------------------------ test sources

    private String testFile(Type type) {
        Pkg pkg = type.pkg;
        StringBuilder sb = new StringBuilder(2_048);
        sb.append("package ").append(pkg.name).append(";\n\n");
        sb.append("import bench.").append(pkg.module.artifactId).append(".testing.Test;\n");
        Pkg other = randomTarget(pkg);
        Type otherType = other == null || other == pkg ? null : other.types.get(random.nextInt(other.types.size()));
        if (otherType != null) {
            sb.append("import ").append(otherType.qualified()).append(";\n");
        }
        sb.append("import java.util.ArrayList;\nimport java.util.List;\n\n");
        sb.append("/** Checks {@link ").append(type.name).append("}. */\n");
        sb.append("class ").append(type.name).append("Test {\n\n");
        sb.append("    @Test\n    void hasItsName() {\n");
        sb.append("        String name = ").append(type.name).append(".class.getSimpleName();\n");
        sb.append("        if (!name.equals(\"").append(type.name).append("\")) {\n");
        sb.append("            throw new AssertionError(name);\n        }\n    }\n\n");
        sb.append("    @Test\n    void layerIsTheModulesIndex() {\n");
        sb.append("        if (").append(type.name).append(".LAYER != ").append(pkg.module.index).append(") {\n");
        sb.append("            throw new AssertionError(").append(type.name).append(".LAYER);\n        }\n    }\n");
        if (otherType != null) {
            sb.append("\n    @Test\n    void seesItsNeighbour() {\n");
            sb.append("        List<Class<?>> seen = new ArrayList<>();\n");
            sb.append("        seen.add(").append(otherType.name).append(".class);\n");
            sb.append("        seen.add(").append(type.name).append(".class);\n");
            sb.append("        if (seen.size() != 2) {\n            throw new AssertionError(seen);\n        }\n    }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------ model

    private static String camel(String area) {
        StringBuilder sb = new StringBuilder();
        for (String part : area.split("\\.")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private enum Kind {
        CLASS,
        INTERFACE,
        RECORD,
        ENUM
    }

    private final class Module {
        final int index;
        final String artifactId;
        final List<Pkg> packages = new ArrayList<>();

        Module(int index) {
            this.index = index;
            this.artifactId = String.format(Locale.ROOT, "m%02d", index);
        }

        /** The module just before, and every third one before that: a chain with some shortcuts. */
        List<Module> dependencies() {
            List<Module> deps = new ArrayList<>();
            for (int i = index - 1; i >= 0; i -= (i == index - 1 ? 2 : 3)) {
                deps.add(modules.get(i));
            }
            return deps;
        }

        Path mainRoot() {
            return out.resolve(artifactId).resolve("src/main/java");
        }

        Path testRoot() {
            return out.resolve(artifactId).resolve("src/test/java");
        }
    }

    private static final class Pkg {
        final Module module;
        final int local;
        final String name;
        final String prefix;
        final List<Type> types = new ArrayList<>();
        final List<Pkg> cycleTargets = new ArrayList<>();
        int testCount;

        Pkg(Module module, int local, String name, String prefix) {
            this.module = module;
            this.local = local;
            this.name = name;
            this.prefix = prefix;
        }

        String dir() {
            return name.replace('.', '/');
        }
    }

    private static final class Type {
        final Pkg pkg;
        final String name;
        final Kind kind;

        Type(Pkg pkg, String name, Kind kind) {
            this.pkg = pkg;
            this.name = name;
            this.kind = kind;
        }

        String qualified() {
            return pkg.name + "." + name;
        }
    }
}
