package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.AstOnlyStep;
import io.github.reversespec.generate.GenerationOutcome;
import io.github.reversespec.generate.GenerationRequest;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's runBatch contract, end to end over a real source tree in a temp dir. */
class BatchRunnerTest {

    @TempDir
    Path root;

    /** Units in flight; the ordering and byte-identity tests also run at other values. */
    private int concurrency = 1;

    private final RecordingLog recording = new RecordingLog();
    private final List<String> logLines = recording.lines;
    private final ProgressLog log = recording;

    @BeforeEach
    void sources() throws IOException {
        write("src/main/java/com/acme/base/Ids.java", """
                package com.acme.base;

                /** Identifiers. */
                public final class Ids {
                    private Ids() {}

                    public static String next(String prefix) {
                        return prefix + 1;
                    }
                }
                """);
        write("src/main/java/com/acme/a/A.java", """
                package com.acme.a;

                import com.acme.b.B;
                import com.acme.base.Ids;

                /** Half of a cycle. */
                public class A {
                    public B b() {
                        return new B(Ids.next("a"));
                    }
                }
                """);
        write("src/main/java/com/acme/b/B.java", """
                package com.acme.b;

                /** The other half. */
                public record B(String id) {
                    public com.acme.a.A back() {
                        return new com.acme.a.A();
                    }
                }
                """);
        write("src/main/java/com/acme/app/Main.java", """
                package com.acme.app;

                import com.acme.a.A;

                /** Entry point. */
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(new A().b());
                    }
                }
                """);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ReactorModel reactor() {
        ProjectModel project = new ProjectModel(
                "g",
                "acme",
                "1",
                "acme",
                "",
                root,
                "",
                0,
                List.of(root.resolve("src/main/java")),
                List.of(root.resolve("src/test/java")),
                List.of(),
                List.of());
        return new ReactorModel(root, List.of(project));
    }

    private BatchRequest request(RefreshMode mode) throws ConfigurationException {
        return request(mode, UnitSelector.all(), "specs/.reverse-spec-checkpoint.json");
    }

    private BatchRequest request(RefreshMode mode, UnitSelector selector, String checkpoint) {
        return new BatchRequest(
                reactor(),
                Path.of(checkpoint),
                mode,
                selector,
                false,
                concurrency,
                2,
                "reverse-spec-maven-plugin/test");
    }

    private BatchResult run(GenerationStep step, RefreshMode mode) throws Exception {
        return new BatchRunner(step, log).run(request(mode));
    }

    private Map<String, String> specFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("specs"))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".spec.md"))
                    .collect(Collectors.toMap(
                            p -> root.relativize(p).toString(),
                            p -> {
                                try {
                                    return WrittenFiles.text(p);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            },
                            (a, b) -> a,
                            TreeMap::new));
        }
    }

    private static Map<String, UnitStatus> statuses(BatchResult result) {
        return result.units().stream()
                .collect(Collectors.toMap(u -> u.id().displayPackage(), UnitResult::status, (a, b) -> a, TreeMap::new));
    }

    @Test
    void writesEverySpecBottomUpThenIndexAndSummaryAndRemovesTheCheckpoint() throws Exception {
        BatchResult result = run(new AstOnlyStep(), RefreshMode.MISSING);

        List<String> order =
                result.units().stream().map(u -> u.id().displayPackage()).toList();
        assertThat(order.get(0)).isEqualTo("com.acme.base");
        assertThat(order.subList(1, 3)).containsExactlyInAnyOrder("com.acme.a", "com.acme.b");
        assertThat(order.get(3)).isEqualTo("com.acme.app");
        assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.WRITTEN_AST);
        assertThat(specFiles())
                .containsOnlyKeys(
                        "specs/_index.spec.md",
                        "specs/com.acme.a.spec.md",
                        "specs/com.acme.app.spec.md",
                        "specs/com.acme.b.spec.md",
                        "specs/com.acme.base.spec.md");
        assertThat(root.resolve("specs/_batch-summary.md")).exists();
        assertThat(root.resolve("specs/_batch-summary.json")).content().contains("\"totalModules\" : 4");
        assertThat(root.resolve("specs/.reverse-spec-checkpoint.json")).doesNotExist();
        // one counter: a unit's number is on its "Processing" line and again on its outcome line
        assertThat(logLines)
                .contains("INFO [1/4] Processing acme:com.acme.base...")
                .anyMatch(l -> l.startsWith("INFO [1/4] acme:com.acme.base: written (ast-only) in "))
                .contains("INFO [4/4] Processing acme:com.acme.app...")
                .anyMatch(l -> l.startsWith("INFO [4/4] acme:com.acme.app: written (ast-only) in "))
                .anyMatch(l -> l.matches("INFO reverse-spec: 4 unit\\(s\\): 4 written \\(ast-only\\); \\d+\\.\\d s"));
        assertThat(Files.readString(root.resolve("specs/com.acme.app.spec.md")))
                .contains("public static void main(String[] args)")
                .contains("](com.acme.a.spec.md)");
    }

    @Test
    void llmsTxtIsWrittenWithTheIndexRedactedAndNotRewrittenWhenCurrent() throws Exception {
        String key = "sk-proj-llmstxtKey0123456789abcdef";
        ProjectModel project = new ProjectModel(
                "g",
                "acme",
                "1",
                "Acme Shop",
                "The shop, key " + key + ".",
                root,
                "",
                0,
                List.of(root.resolve("src/main/java")),
                List.of(),
                List.of(),
                List.of());
        BatchRequest request = new BatchRequest(
                new ReactorModel(root, List.of(project)),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.MISSING,
                UnitSelector.all(),
                false,
                concurrency,
                2,
                "reverse-spec-maven-plugin/test",
                false,
                io.github.reversespec.context.KnownSecrets.of(List.of(key)));
        new BatchRunner(new AstOnlyStep(), log).run(request);

        Path llms = root.resolve("specs/llms.txt");
        String text = Files.readString(llms);
        assertThat(text)
                .startsWith("# Acme Shop\n\n> The shop, key ")
                .doesNotContain(key)
                .contains("- [Architecture index](_index.spec.md)")
                .contains("## acme (root)")
                .contains("- [com.acme.base](com.acme.base.spec.md): Ids: Identifiers.");
        for (String spec : specFiles().keySet()) {
            String link = "](" + spec.substring("specs/".length()) + ")";
            assertThat(text.split(java.util.regex.Pattern.quote(link), -1))
                    .as(spec)
                    .hasSize(2);
        }

        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(llms, old);
        new BatchRunner(new AstOnlyStep(), log)
                .run(new BatchRequest(
                        request.reactor(),
                        request.checkpointPath(),
                        RefreshMode.ALL,
                        UnitSelector.all(),
                        false,
                        concurrency,
                        2,
                        request.generator(),
                        false,
                        request.secrets()));
        assertThat(Files.getLastModifiedTime(llms))
                .as("rewritten although current")
                .isEqualTo(old);
        assertThat(llms).hasContent(text);

        Files.delete(root.resolve("specs/com.acme.app.spec.md"));
        Files.delete(root.resolve("src/main/java/com/acme/app/Main.java"));
        new BatchRunner(new AstOnlyStep(), log).run(request);
        assertThat(Files.readString(llms)).doesNotContain("com.acme.app").contains("com.acme.base.spec.md");
    }

    @Test
    void theClosingLineNamesOnlyTheOutcomesThatOccurred() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BiFunction<UnitStatus, Integer, UnitResult> unit = (status, attempts) -> new UnitResult(
                new io.github.reversespec.analysis.UnitId("g:a", "a", "", "p" + n.incrementAndGet()),
                status,
                "",
                0,
                5,
                attempts,
                attempts * 100L,
                "");
        BatchResult astOnly = new BatchResult(
                List.of(
                        unit.apply(UnitStatus.WRITTEN_AST, 0),
                        unit.apply(UnitStatus.WRITTEN_AST, 0),
                        unit.apply(UnitStatus.UNCHANGED, 0)),
                0,
                12_345,
                true,
                "specs/_batch-summary.md",
                "",
                false,
                0,
                List.of());
        assertThat(BatchRunner.totalsLine(astOnly))
                .isEqualTo("reverse-spec: 3 unit(s): 2 written (ast-only), 1 unchanged; 12.3 s");

        BatchResult mixed = new BatchResult(
                List.of(
                        unit.apply(UnitStatus.WRITTEN_LLM, 2),
                        unit.apply(UnitStatus.WRITTEN_AST, 0),
                        unit.apply(UnitStatus.DEGRADED, 4),
                        unit.apply(UnitStatus.FAILED, 0),
                        unit.apply(UnitStatus.EDITED, 0),
                        unit.apply(UnitStatus.PENDING, 0)),
                0,
                900,
                true,
                "specs/_batch-summary.md",
                "budget",
                false,
                0,
                List.of());
        assertThat(BatchRunner.totalsLine(mixed))
                .isEqualTo(
                        "reverse-spec: 6 unit(s): 2 written (1 llm, 1 ast-only),"
                                + " 1 kept (edited by hand), 1 degraded, 1 failed, 1 pending; 6 request(s), 600 token(s); 0.9 s");

        assertThat(BatchRunner.totalsLine(new BatchResult(List.of(), 0, 50, true, "s", "", false, 0, List.of())))
                .isEqualTo("reverse-spec: 0 unit(s); 0.1 s");
    }

    @Test
    void secondRunSkipsEverythingAndForcedRunRewritesNothing() throws Exception {
        run(new AstOnlyStep(), RefreshMode.MISSING);
        Map<String, String> first = specFiles();

        BatchResult again = run(new AstOnlyStep(), RefreshMode.MISSING);
        assertThat(again.units()).allMatch(u -> u.status() == UnitStatus.SKIPPED);
        assertThat(logLines).anyMatch(l -> l.contains("Every spec already exists"));

        BatchResult forced = run(new AstOnlyStep(), RefreshMode.ALL);
        assertThat(forced.units()).allMatch(u -> u.status() == UnitStatus.UNCHANGED);
        assertThat(specFiles()).isEqualTo(first);
    }

    @Test
    void staleRefreshRegeneratesChangedUnitsAndDependentsOfChangedInterfaces() throws Exception {
        CountingStep step = new CountingStep();
        run(step, RefreshMode.MISSING);
        step.requested.clear();

        // A body-only change: that unit alone
        write(
                "src/main/java/com/acme/base/Ids.java",
                Files.readString(root.resolve("src/main/java/com/acme/base/Ids.java"))
                        .replace("prefix + 1", "prefix + 2"));
        BatchResult bodyOnly = run(step, RefreshMode.STALE);
        assertThat(step.requested).containsExactly("com.acme.base");
        assertThat(statuses(bodyOnly)).containsEntry("com.acme.a", UnitStatus.SKIPPED);

        // An interface change: that unit and its direct dependents
        step.requested.clear();
        write(
                "src/main/java/com/acme/base/Ids.java",
                Files.readString(root.resolve("src/main/java/com/acme/base/Ids.java"))
                        .replace("String prefix)", "String prefix, int n)"));
        run(step, RefreshMode.STALE);
        assertThat(step.requested).containsExactly("com.acme.base", "com.acme.a");

        // Nothing changed: nothing requested
        step.requested.clear();
        run(step, RefreshMode.STALE);
        assertThat(step.requested).isEmpty();
    }

    @Test
    void missingModeReportsStaleSpecsWithoutRegeneratingThem() throws Exception {
        run(new AstOnlyStep(), RefreshMode.MISSING);
        write(
                "src/main/java/com/acme/b/B.java",
                Files.readString(root.resolve("src/main/java/com/acme/b/B.java"))
                        .replace("The other half.", "The other half, changed."));
        BatchResult result = run(new AstOnlyStep(), RefreshMode.MISSING);
        assertThat(result.staleSpecs()).isEqualTo(1);
        assertThat(logLines).anyMatch(l -> l.contains("1 spec(s) are stale") && l.contains("refresh=stale"));
    }

    @Test
    void checkpointOutsideSpecsIsRefusedBeforeAnyWork() {
        for (String bad :
                List.of("../cp.json", "cp.json", "src/cp.json", "specs", "/tmp/cp.json", "specs/../cp.json")) {
            assertThatThrownBy(() -> new BatchRunner(new AstOnlyStep(), log)
                            .run(request(RefreshMode.MISSING, UnitSelector.all(), bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reverse-spec.checkpointPath");
        }
        assertThat(root.resolve("specs")).doesNotExist();
    }

    @Test
    void checkpointInPlaceOfAFileTheRunWritesIsRefusedBeforeAnyWork() {
        for (String bad : List.of("specs/llms.txt", "specs/_index.spec.md", "specs/_batch-summary.json")) {
            assertThatThrownBy(() -> new BatchRunner(new AstOnlyStep(), log)
                            .run(request(RefreshMode.MISSING, UnitSelector.all(), bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("would overwrite a spec, llms.txt or the run summary");
        }
        assertThat(root.resolve("specs")).doesNotExist();
    }

    @Test
    void concurrencyOutsideOneToTheConnectionPoolIsRefusedBeforeAnyWork() {
        for (int bad : new int[] {0, -1, BatchRequest.MAX_CONCURRENCY + 1}) {
            concurrency = bad;
            assertThatThrownBy(() -> run(new AstOnlyStep(), RefreshMode.MISSING))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reverse-spec.concurrency must be between 1 and 64")
                    .hasMessageContaining("got " + bad);
        }
        assertThat(root.resolve("specs")).doesNotExist();
    }

    @Test
    void checkpointUnderDriftLogsIsAccepted() throws Exception {
        BatchResult result = new BatchRunner(new AstOnlyStep(), log)
                .run(request(RefreshMode.MISSING, UnitSelector.all(), "drift-logs/cp.json"));
        assertThat(result.failed()).isEmpty();
    }

    @Test
    void aRunRemovesTheTemporaryFilesAKilledRunLeftAndNothingElse() throws Exception {
        // What a SIGKILL between AtomicFiles' temporary file and its rename leaves behind
        List<Path> leftovers = List.of(
                root.resolve("specs/.com.acme.a.spec.md.1f3a9c0d2b4e6f70.rstmp"),
                root.resolve("specs/core/.x.spec.md.ab12.rstmp"),
                root.resolve("drift-logs/.cp.json.7fffffffffffffff.rstmp"));
        Path notOurs = root.resolve("specs/notes.rstmp");
        for (Path p : leftovers) {
            write(root.relativize(p).toString(), "half a spec");
        }
        write(root.relativize(notOurs).toString(), "kept");

        new BatchRunner(new AstOnlyStep(), log)
                .run(request(RefreshMode.MISSING, UnitSelector.all(), "drift-logs/cp.json"));
        assertThat(leftovers).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(notOurs).hasContent("kept");
    }

    @Test
    void includesChooseTheUnitsToWriteAndTheRestStaysContext() throws Exception {
        BatchResult result = new BatchRunner(new AstOnlyStep(), log)
                .run(request(
                        RefreshMode.MISSING,
                        UnitSelector.of(List.of("com.acme.app"), List.of()),
                        "specs/.reverse-spec-checkpoint.json"));
        assertThat(result.units()).hasSize(1);
        assertThat(result.notSelected()).isEqualTo(3);
        assertThat(specFiles()).containsOnlyKeys("specs/_index.spec.md", "specs/com.acme.app.spec.md");
        assertThat(Files.readString(root.resolve("specs/com.acme.app.spec.md"))).contains("acme:com.acme.a");
    }

    @Test
    void degradedUnitIsWrittenAstOnlyWithTheReasonAndTheRunGoesOn() throws Exception {
        GenerationStep step = new CountingStep() {
            @Override
            public GenerationOutcome generate(GenerationRequest request) {
                super.generate(request);
                if (request.facts().unit().id().packageName().equals("com.acme.b")) {
                    return new GenerationOutcome.Degraded("HTTP 503 after 4 attempts", 4, 100);
                }
                return new GenerationOutcome.Written(new Prose("m1", Map.of(Section.INTENT, "Model intent.")), 1, 10);
            }
        };
        BatchResult result = run(step, RefreshMode.MISSING);
        assertThat(statuses(result))
                .containsEntry("com.acme.b", UnitStatus.DEGRADED)
                .containsEntry("com.acme.app", UnitStatus.WRITTEN_LLM);
        assertThat(result.failed()).isEmpty();
        assertThat(Files.readString(root.resolve("specs/com.acme.b.spec.md"))).contains("status: ast-only");
        assertThat(Files.readString(root.resolve("specs/com.acme.app.spec.md")))
                .contains("status: llm")
                .contains("model: m1")
                .contains("Model intent.");
        assertThat(Files.readString(root.resolve("specs/_batch-summary.md"))).contains("HTTP 503 after 4 attempts");
        assertThat(result.tokens()).isEqualTo(130);
        assertThat(root.resolve("specs/.reverse-spec-checkpoint.json")).doesNotExist();
    }

    @Test
    void stoppedRunKeepsCompletedWorkAndTheCheckpointAndResumeMakesNoRequestForFinishedUnits() throws Exception {
        CountingStep stopping = new CountingStep() {
            @Override
            public GenerationOutcome generate(GenerationRequest request) {
                super.generate(request);
                if (requested.size() == 3) {
                    return new GenerationOutcome.Stopped("401 Unauthorized: check the API key", true, 1, 0);
                }
                return new GenerationOutcome.Written(Prose.NONE, 0, 0);
            }
        };
        BatchResult stopped = run(stopping, RefreshMode.ALL);
        assertThat(stopped.stoppedEarly()).isTrue();
        assertThat(stopping.requested).hasSize(3);
        assertThat(stopped.count(UnitStatus.PENDING)).isEqualTo(2);
        assertThat(root.resolve("specs/.reverse-spec-checkpoint.json")).exists();

        CountingStep resumed = new CountingStep();
        BatchResult result = run(resumed, RefreshMode.ALL);
        assertThat(resumed.requested).hasSize(2);
        assertThat(result.count(UnitStatus.RESUMED)).isEqualTo(2);
        assertThat(root.resolve("specs/.reverse-spec-checkpoint.json")).doesNotExist();
    }

    @Test
    void aSpecThatCannotBeWrittenFailsThatUnitNamingTheFileAndTheRestGoesOn() throws Exception {
        Files.createDirectories(root.resolve("specs/com.acme.b.spec.md/blocked"));
        BatchResult result = run(new AstOnlyStep(), RefreshMode.MISSING);
        assertThat(result.failed()).singleElement().satisfies(u -> {
            assertThat(u.id().packageName()).isEqualTo("com.acme.b");
            assertThat(u.error()).contains("specs/com.acme.b.spec.md");
        });
        assertThat(root.resolve("specs/com.acme.app.spec.md")).exists();
        assertThat(root.resolve("specs/.reverse-spec-checkpoint.json")).exists();
        assertThat(logLines).anyMatch(l -> l.startsWith("ERROR") && l.contains("com.acme.b.spec.md"));
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        BatchRequest dry = new BatchRequest(
                reactor(),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.MISSING,
                UnitSelector.all(),
                true,
                1,
                1,
                "g");
        new BatchRunner(new AstOnlyStep(), log).run(dry);
        assertThat(root.resolve("specs")).doesNotExist();
        assertThat(logLines).anyMatch(l -> l.contains("acme:com.acme.app") && l.contains("write (no spec yet)"));
    }

    /** Adds 30 packages p00..p29 where each uses up to three earlier ones, and two that use each other. */
    private void manyPackages() throws IOException {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 30; i++) {
            StringBuilder imports = new StringBuilder();
            StringBuilder uses = new StringBuilder();
            for (int k = 0; k < 3 && i > 0; k++) {
                int d = random.nextInt(i);
                imports.append("import com.many.p%02d.T%02d;\n".formatted(d, d));
                uses.append("    public T%02d use%d() { return null; }\n".formatted(d, k));
            }
            write("src/main/java/com/many/p%02d/T%02d.java".formatted(i, i), """
                    package com.many.p%02d;

                    %s
                    /** Type %d. */
                    public class T%02d {
                    %s}
                    """.formatted(i, imports, i, i, uses));
        }
    }

    @Test
    void dependencyOrderHoldsAndOutputIsIdenticalAtAnyConcurrency() throws Exception {
        manyPackages();
        Map<Integer, Map<String, String>> outputs = new TreeMap<>();
        for (int c : new int[] {1, 4, 16}) {
            concurrency = c;
            removeSpecs();
            // Model-backed at 1 and 16, AST-only at 4: both wait for their dependencies.
            TimingStep step = new TimingStep(c != 4);
            BatchResult result = run(step, RefreshMode.ALL);
            assertThat(result.units()).hasSize(34).allMatch(u -> u.status() == UnitStatus.WRITTEN_AST);
            for (io.github.reversespec.graph.UnitNode node : io.github.reversespec.graph.UnitGraphBuilder.build(
                            new io.github.reversespec.analysis.ReactorAnalyzer(1).analyze(reactor()))
                    .order()) {
                String unit = node.id().displayPackage();
                for (io.github.reversespec.analysis.UnitId dep : node.dependencies()) {
                    if (!node.cycle().contains(dep)) {
                        assertThat(step.start.get(unit))
                                .as("c=%d: %s started before its dependency %s ended", c, unit, dep.displayPackage())
                                .isGreaterThanOrEqualTo(step.end.get(dep.displayPackage()));
                    }
                }
            }
            if (c > 1) {
                assertThat(step.maxInFlight.get())
                        .as("c=%d ran units at once", c)
                        .isGreaterThan(1);
            }
            // [N/Total] on outcome lines counts completions: each of 1..34 once, whatever the concurrency
            java.util.regex.Pattern outcome = java.util.regex.Pattern.compile("^INFO \\[(\\d+)/34\\] .*: written \\(");
            List<Integer> counted = new ArrayList<>();
            synchronized (logLines) {
                for (String line : logLines) {
                    java.util.regex.Matcher m = outcome.matcher(line);
                    if (m.find()) {
                        counted.add(Integer.parseInt(m.group(1)));
                    }
                }
                logLines.clear();
            }
            assertThat(counted)
                    .as("c=%d", c)
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 34)
                            .boxed()
                            .toList());
            assertThat(step.maxInFlight.get()).isLessThanOrEqualTo(c);
            outputs.put(c, specFiles());
        }
        assertThat(outputs.get(4)).isEqualTo(outputs.get(1));
        assertThat(outputs.get(16)).isEqualTo(outputs.get(1));
    }

    private void removeSpecs() throws IOException {
        if (Files.exists(root.resolve("specs"))) {
            try (Stream<Path> old = Files.walk(root.resolve("specs"))) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Records when each unit started and ended, and how many ran at once; sleeps a little in between. */
    private static final class TimingStep extends CountingStep {
        final Map<String, Long> start = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Long> end = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        private final boolean model;

        /** @param model whether to present itself as model-backed (units then wait for their dependencies) */
        TimingStep(boolean model) {
            this.model = model;
        }

        @Override
        public boolean modelAvailable() {
            return model;
        }

        @Override
        public GenerationOutcome generate(GenerationRequest request) {
            String unit = request.facts().unit().id().displayPackage();
            start.put(unit, clock.incrementAndGet());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            end.put(unit, clock.incrementAndGet());
            return super.generate(request);
        }
    }

    /** Records which units were requested, in order; writes AST-only. */
    private static class CountingStep implements GenerationStep {
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public boolean modelAvailable() {
            return false;
        }

        @Override
        public GenerationOutcome generate(GenerationRequest request) {
            requested.add(request.facts().unit().id().displayPackage());
            return new GenerationOutcome.Written(Prose.NONE, 0, 0);
        }
    }
}
