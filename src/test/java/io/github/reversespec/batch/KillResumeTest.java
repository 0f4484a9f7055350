package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.testing.FakeModelServer;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FR-017 at process level: the real batch runs in a child JVM against a slow fake model, is
 * killed at seeded random points, and is run again. Checked from the files after every kill (the
 * checkpoint is whole JSON of our format, every spec on disk is whole) and from the requests the
 * fake received (a resume asks for no unit already written; only the units in flight at the kill,
 * at most {@code concurrency}, are asked for twice).
 *
 * <p>Kill points are random: a seed is drawn per test and printed, and every assertion names it.
 * Rerun with {@code -DkillResumeTest.seed=<seed>} for the same kill points (the timing of the
 * child still varies).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.Tag("forking")
class KillResumeTest {

    /** How long the fake model takes to answer each request. */
    private static final int LATENCY_MS = 100;

    private static final Path CHECKPOINT = Path.of("specs/.reverse-spec-checkpoint.json");

    /** The unit a request is for, as the prompt's {@code <unit>} block names it. */
    private static final Pattern UNIT_IN_PROMPT = Pattern.compile("<unit>\\npackage: (\\S+)\\nmodule: (\\S+)");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path temp;

    private Path root;
    private long seed;
    private Random random;
    private FakeModelServer server;
    private final List<Process> children = new ArrayList<>();

    /** {@code module:package} of every unit of the generated reactor. */
    private final Set<String> units = new TreeSet<>();

    /** The reactor's modules as {@link ChildBatchMain} takes them. */
    private final List<String> modules = List.of("core", "app:core");

    @BeforeEach
    void setUp() throws IOException {
        Long fixed = Long.getLong("killResumeTest.seed");
        seed = fixed != null ? fixed : new SecureRandom().nextLong();
        random = new Random(seed);
        System.out.println("KillResumeTest seed " + seed + " (rerun with -DkillResumeTest.seed=" + seed + ")");
        root = temp.resolve("reactor");
        writeReactor();
        server = new FakeModelServer(n -> {
            try {
                Thread.sleep(LATENCY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeModelServer.answer(FakeModelServer.NINE_SECTIONS);
        });
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        server.close();
    }

    @Test
    void forcedRunKilledThreeTimesResumesFromTheCheckpointWithoutRepeatingFinishedUnits() throws Exception {
        // refresh=all: every spec on disk is due again, so only the checkpoint keeps a resume from repeating work
        killRepeatedlyThenFinish(RefreshMode.ALL, 3, 3);
    }

    @Test
    void defaultRunKilledTwiceKeepsWrittenSpecsAndSurvivesAKillWhileFinishing() throws Exception {
        // the second kill aims at the end of the run: the last answers, the index, the summary, the checkpoint's
        // removal
        killRepeatedlyThenFinish(RefreshMode.MISSING, 2, 2);
    }

    @Test
    void sigtermEndsTheRunPromptlySavingTheCheckpointAndSayingHowToResume() throws Exception {
        int concurrency = 2;
        Child child = start(1, concurrency, RefreshMode.ALL);
        // One more request than threads means at least one unit finished and was checkpointed.
        int after = concurrency + 1 + random.nextInt(units.size() / 2);
        int delay = random.nextInt(LATENCY_MS + 50);
        awaitRequests(child, after);
        Thread.sleep(delay);
        assertThat(child.process.isAlive())
                .as(() -> child.describe(seed) + "ended before SIGTERM")
                .isTrue();

        long signalled = System.nanoTime();
        child.process.destroy(); // SIGTERM
        assertThat(child.process.waitFor(5, TimeUnit.SECONDS))
                .as(() -> child.describe(seed) + "still running 5 s after SIGTERM")
                .isTrue();
        long tookMs = (System.nanoTime() - signalled) / 1_000_000;
        String when = "after SIGTERM at request " + after + " + " + delay + " ms (" + tookMs + " ms to end)";
        assertThat(child.process.exitValue())
                .as(() -> child.describe(seed) + when + ": exit code")
                .isNotZero();
        assertThat(child.output())
                .as(() -> child.describe(seed) + when)
                .containsPattern("Interrupted: checkpoint saved at \\S*\\.reverse-spec-checkpoint\\.json; "
                        + "run the same command again to resume\\.");
        assertThat(root.resolve(CHECKPOINT))
                .as(() -> child.describe(seed) + when)
                .exists();
        OnDisk atStop = inspect(child, when);
        assertThat(atStop.done())
                .as(() -> child.describe(seed) + when + ": checkpointed units")
                .isNotEmpty();

        Child resume = start(2, concurrency, RefreshMode.ALL);
        awaitExit(resume);
        assertResumeRespected(child, atStop, resume, RefreshMode.ALL, true, when);
        assertComplete(resume);
    }

    /**
     * Runs the batch {@code kills} times, each killed with SIGKILL at a random point and checked,
     * then once more to the end; each run after a kill is checked against what that kill left.
     */
    private void killRepeatedlyThenFinish(RefreshMode refresh, int concurrency, int kills) throws Exception {
        Child previous = null;
        OnDisk atKill = null;
        String lastKill = "";
        for (int k = 1; k <= kills; k++) {
            Child child = start(k, concurrency, refresh);
            int remaining =
                    units.size() - (atKill == null ? 0 : atKill.kept(refresh).size());
            int after;
            int delay;
            boolean midRun = refresh == RefreshMode.ALL || k < kills;
            if (midRun) {
                // While units are in flight, spread over the kills still to come
                after = 1 + random.nextInt(Math.max(1, (remaining - concurrency - 1) / (kills - k + 1)));
                delay = random.nextInt(LATENCY_MS + 50);
            } else {
                // After the last request: the last answers, the index, the summary, the checkpoint's removal
                after = remaining;
                delay = random.nextInt(LATENCY_MS + 150);
            }
            // A forced run killed after it removed its checkpoint would rightly redo everything on the
            // next run; a mid-run kill therefore never falls after the last request has arrived.
            boolean killed = killAfter(child, after, delay, midRun ? remaining : Integer.MAX_VALUE);
            String when = "kill " + k + " at request " + after + " + " + delay + " ms";
            if (previous != null) {
                assertResumeRespected(previous, atKill, child, refresh, !killed, lastKill);
            }
            if (!killed) {
                // The run ended before the kill: nothing left to resume.
                System.out.println("KillResumeTest seed " + seed + ": run " + k + " ended before " + when);
                assertComplete(child);
                return;
            }
            atKill = inspect(child, when);
            previous = child;
            lastKill = when;
        }
        Child last = start(kills + 1, concurrency, refresh);
        awaitExit(last);
        assertResumeRespected(previous, atKill, last, refresh, true, lastKill);
        assertComplete(last);
    }

    // ------------------------------------------------------------------ the child

    /** One run of {@link ChildBatchMain}; its requests reach the fake under {@code /run<n>/}. */
    private final class Child {
        final int run;
        final int concurrency;
        final Process process;
        final Path output;

        Child(int run, int concurrency, Process process, Path output) {
            this.run = run;
            this.concurrency = concurrency;
            this.process = process;
            this.output = output;
        }

        /** The units this run asked the model for, in arrival order. */
        List<String> requests() {
            List<String> requested = new ArrayList<>();
            for (FakeModelServer.Received r : server.received()) {
                if (r.path().startsWith("/run" + run + "/")) {
                    requested.add(unitOf(r.body()));
                }
            }
            return requested;
        }

        String output() {
            try {
                return Files.readString(output);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        }

        /** Prefix of every assertion message: the seed, the run and the end of its output. */
        String describe(long seed) {
            List<String> lines = output().lines().toList();
            String tail = String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
            return "[seed " + seed + ", run " + run + ", concurrency " + concurrency + ", requests " + requests()
                    + "]\n  " + tail + "\n";
        }
    }

    private Child start(int run, int concurrency, RefreshMode refresh) throws IOException {
        Path output = temp.resolve("run" + run + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived JVM: quick start over peak speed, little memory
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                classpath(),
                ChildBatchMain.class.getName(),
                root.toString(),
                server.baseUrl("/run" + run + "/v1"),
                String.valueOf(concurrency),
                refresh.label()));
        command.addAll(modules);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        children.add(process);
        return new Child(run, concurrency, process, output);
    }

    /** The test classpath; surefire's manifest-only jar hides it from {@code java.class.path}. */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void awaitRequests(Child child, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.requests().size() < count && child.process.isAlive()) {
            if (System.nanoTime() > deadline) {
                fail(child.describe(seed) + "waited 60 s for request " + count);
            }
            Thread.sleep(2);
        }
    }

    /**
     * Kills the child with SIGKILL once the fake has received {@code after} of its requests and
     * {@code delayMs} more have passed, unless {@code notOnceReceived} requests have arrived by then
     * (the run is let finish).
     *
     * @return false when the run ended by itself
     */
    private boolean killAfter(Child child, int after, int delayMs, int notOnceReceived) throws InterruptedException {
        awaitRequests(child, after);
        Thread.sleep(delayMs);
        if (child.requests().size() >= notOnceReceived) {
            awaitExit(child);
            return false;
        }
        child.process.destroyForcibly(); // SIGKILL on Unix
        assertThat(child.process.waitFor(10, TimeUnit.SECONDS))
                .as(() -> child.describe(seed) + "survived SIGKILL")
                .isTrue();
        if (child.process.exitValue() == 0) {
            return false;
        }
        assertThat(child.process.exitValue())
                .as(() -> child.describe(seed) + "exit code after SIGKILL")
                .isEqualTo(128 + 9);
        return true;
    }

    private void awaitExit(Child child) throws InterruptedException {
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS))
                .as(() -> child.describe(seed) + "ran over 60 s")
                .isTrue();
        assertThat(child.process.exitValue())
                .as(() -> child.describe(seed) + "exit code")
                .isZero();
    }

    private static String unitOf(String requestBody) {
        try {
            for (JsonNode message : JSON.readTree(requestBody).path("messages")) {
                Matcher m = UNIT_IN_PROMPT.matcher(message.path("content").asText());
                if (m.find()) {
                    return m.group(2) + ":" + m.group(1);
                }
            }
        } catch (IOException e) {
            return "(unreadable request: " + e.getMessage() + ")";
        }
        return "(request names no unit)";
    }

    // ------------------------------------------------------------------ what a kill left

    /**
     * What a kill left on disk.
     *
     * @param done units the checkpoint records as finished
     * @param specs units with a spec on disk
     */
    private record OnDisk(Set<String> done, Set<String> specs) {

        /** The units a resume must not ask the model for again. */
        Set<String> kept(RefreshMode refresh) {
            return refresh == RefreshMode.ALL ? done : specs;
        }
    }

    /** Checks what a kill left (the checkpoint whole JSON of our format, every spec whole) and returns it. */
    private OnDisk inspect(Child child, String when) throws IOException {
        Map<String, SpecFileInfo> specs = wholeSpecs(child, when);
        Set<String> done = new TreeSet<>();
        Path file = root.resolve(CHECKPOINT);
        if (Files.exists(file)) {
            String text = Files.readString(file);
            Checkpoint checkpoint;
            try {
                JsonNode tree = JSON.readTree(text);
                checkpoint = JSON.treeToValue(tree, Checkpoint.class);
            } catch (IOException e) {
                throw new AssertionError(
                        child.describe(seed) + when + ": the checkpoint is not whole JSON: " + e + "\n" + text, e);
            }
            assertThat(checkpoint.format())
                    .as(() -> child.describe(seed) + when)
                    .isEqualTo(Checkpoint.FORMAT);
            assertThat(checkpoint.version())
                    .as(() -> child.describe(seed) + when)
                    .isEqualTo(Checkpoint.VERSION);
            for (Checkpoint.Entry entry : checkpoint.units().values()) {
                assertThat(units)
                        .as(() -> child.describe(seed) + when + ": unit in the checkpoint")
                        .contains(entry.unit());
                if (entry.done()) {
                    done.add(entry.unit());
                    // The spec is written before the unit is checkpointed.
                    assertThat(specs)
                            .as(() -> child.describe(seed) + when + ": spec of checkpointed " + entry.unit())
                            .containsKey(entry.unit());
                    assertThat(specs.get(entry.unit()).sourceHash())
                            .as(() -> child.describe(seed) + when)
                            .isEqualTo(entry.sourceHash());
                }
            }
        }
        return new OnDisk(done, specs.keySet());
    }

    /** Every unit spec on disk, by unit, each checked whole: readable front matter and every section. */
    private Map<String, SpecFileInfo> wholeSpecs(Child child, String when) throws IOException {
        Map<String, SpecFileInfo> specs = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("specs"))) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".spec.md"))
                    .toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return specs;
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            String text = Files.readString(file);
            if (file.getFileName().toString().equals("_index.spec.md")) {
                assertThat(text)
                        .as(() -> child.describe(seed) + when + ": " + name)
                        .startsWith("---\n");
                continue;
            }
            Optional<SpecFileInfo> info = SpecFileReader.read(file);
            assertThat(info)
                    .as(() -> child.describe(seed) + when + ": " + name + " is not a readable spec:\n" + text)
                    .isPresent();
            List<String> lines = text.lines().toList();
            int at = -1;
            for (Section s : Section.values()) {
                int next = lines.indexOf(s.heading());
                assertThat(next)
                        .as(() -> child.describe(seed) + when + ": " + name + " lacks or misplaces " + s.heading()
                                + ":\n" + text)
                        .isGreaterThan(at);
                at = next;
            }
            assertThat(lines.indexOf("## Appendix: Files"))
                    .as(() -> child.describe(seed) + when + ": " + name + " is cut short:\n" + text)
                    .isGreaterThan(at);
            String unit = info.get().module() + ":" + info.get().packageName();
            assertThat(units)
                    .as(() -> child.describe(seed) + when + ": " + name)
                    .contains(unit);
            specs.put(unit, info.get());
        }
        return specs;
    }

    // ------------------------------------------------------------------ what a resume may do

    /**
     * What {@code resume}, run after {@code killed} was killed leaving {@code atKill}, asked for:
     * nothing kept (checkpointed as done under refresh=all, with a spec on disk under
     * refresh=missing), each unit once, and at most {@code concurrency} units asked for by both runs.
     * A resume that ran to the end asked for exactly the rest and reported the checkpointed units
     * as resumed.
     */
    private void assertResumeRespected(
            Child killed, OnDisk atKill, Child resume, RefreshMode refresh, boolean completed, String when) {
        List<String> requested = resume.requests();
        Set<String> kept = atKill.kept(refresh);
        String prefix = resume.describe(seed) + "resuming after " + when + " (checkpointed " + atKill.done()
                + ", specs " + atKill.specs() + "): ";
        assertThat(requested).as(prefix + "a unit asked for twice in one run").doesNotHaveDuplicates();
        Set<String> askedAgain = new TreeSet<>(requested);
        askedAgain.retainAll(kept);
        assertThat(askedAgain)
                .as(prefix + "units already written were asked for again")
                .isEmpty();
        Set<String> repeated = new TreeSet<>(killed.requests());
        repeated.retainAll(requested);
        assertThat(repeated)
                .as(prefix + "units asked for before and after the kill (killed run asked for " + killed.requests()
                        + ")")
                .hasSizeLessThanOrEqualTo(killed.concurrency);
        if (completed) {
            Set<String> rest = new TreeSet<>(units);
            rest.removeAll(kept);
            assertThat(new TreeSet<>(requested))
                    .as(prefix + "a completed resume asks for exactly the rest")
                    .isEqualTo(rest);
            String output = resume.output();
            for (String unit : atKill.done()) {
                assertThat(output)
                        .as(prefix + "resumed line for " + unit)
                        .contains(unit + ": already done by the interrupted run (resumed)");
            }
        }
    }

    /** A run that ended by itself: exit 0, every unit's spec whole and from the model, nothing left behind. */
    private void assertComplete(Child child) throws IOException {
        String when = "after the completed run";
        assertThat(child.process.exitValue())
                .as(() -> child.describe(seed) + "exit code")
                .isZero();
        Map<String, SpecFileInfo> specs = wholeSpecs(child, when);
        assertThat(specs.keySet())
                .as(() -> child.describe(seed) + "units with a spec")
                .isEqualTo(units);
        assertThat(specs.values())
                .as(() -> child.describe(seed) + "every spec has the model's prose")
                .allSatisfy(s -> assertThat(s.status()).isEqualTo("llm"));
        assertThat(root.resolve(CHECKPOINT))
                .as(() -> child.describe(seed) + "checkpoint after a run without failure")
                .doesNotExist();
        assertThat(root.resolve("specs/_index.spec.md"))
                .as(() -> child.describe(seed))
                .exists();
        assertThat(root.resolve("specs/_batch-summary.json"))
                .as(() -> child.describe(seed))
                .exists();
        List<String> leftovers = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root.resolve("specs"))) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    leftovers.add(root.relativize(p).toString());
                }
                try {
                    assertThat(WrittenFiles.text(p))
                            .as(() -> child.describe(seed) + p + " holds the API key")
                            .doesNotContain(ChildBatchMain.API_KEY);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(leftovers)
                .as(() -> child.describe(seed) + "temporary files left in specs/")
                .isEmpty();
        assertThat(child.output())
                .as(() -> child.describe(seed) + "a run that was not signalled")
                .doesNotContain("Interrupted:");
    }

    // ------------------------------------------------------------------ the reactor

    /**
     * Writes a two-module reactor of 25 packages, one class each: {@code core} (bases, models on a
     * base, a three-package cycle, services on models) and {@code app} on it (APIs on services, web
     * on APIs and the cycle, one entry point on the web packages).
     */
    private void writeReactor() throws IOException {
        Map<String, List<String>> core = new TreeMap<>();
        core.put("kt.core.base", List.of());
        core.put("kt.core.util", List.of());
        for (int i = 0; i < 6; i++) {
            core.put("kt.core.model" + i, List.of("kt.core.base"));
        }
        core.put("kt.core.cyc.a", List.of("kt.core.cyc.b", "kt.core.util"));
        core.put("kt.core.cyc.b", List.of("kt.core.cyc.c"));
        core.put("kt.core.cyc.c", List.of("kt.core.cyc.a"));
        for (int i = 0; i < 3; i++) {
            core.put("kt.core.svc" + i, List.of("kt.core.model" + i, "kt.core.model" + (i + 3), "kt.core.util"));
        }
        Map<String, List<String>> app = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            app.put("kt.app.api" + i, List.of("kt.core.svc" + (i % 3)));
        }
        List<String> web = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            app.put("kt.app.web" + i, List.of("kt.app.api" + i, "kt.core.cyc.a"));
            web.add("kt.app.web" + i);
        }
        app.put("kt.app.main", web);
        writeModule("core", core);
        writeModule("app", app);
        assertThat(units).hasSize(25);
    }

    private void writeModule(String module, Map<String, List<String>> packages) throws IOException {
        for (Map.Entry<String, List<String>> p : packages.entrySet()) {
            String pkg = p.getKey();
            String type = className(pkg);
            StringBuilder code = new StringBuilder("package " + pkg + ";\n\n");
            for (String dep : p.getValue()) {
                code.append("import ")
                        .append(dep)
                        .append('.')
                        .append(className(dep))
                        .append(";\n");
            }
            code.append("\n/** Part ")
                    .append(pkg)
                    .append(" of the kill test reactor. */\n")
                    .append("public class ")
                    .append(type)
                    .append(" {\n")
                    .append("    private final int value;\n\n")
                    .append("    public ")
                    .append(type)
                    .append("(int value) {\n")
                    .append("        this.value = value;\n")
                    .append("    }\n\n")
                    .append("    public int value() {\n")
                    .append("        return value;\n")
                    .append("    }\n");
            Set<String> seen = new HashSet<>();
            for (String dep : p.getValue()) {
                String depType = className(dep);
                if (seen.add(depType)) {
                    code.append("\n    /** Uses {@link ")
                            .append(depType)
                            .append("}. */\n")
                            .append("    public ")
                            .append(depType)
                            .append(" to")
                            .append(depType)
                            .append("() {\n")
                            .append("        return new ")
                            .append(depType)
                            .append("(value);\n")
                            .append("    }\n");
                }
            }
            code.append("}\n");
            Path file = root.resolve(module + "/src/main/java/" + pkg.replace('.', '/') + "/" + type + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
            units.add(module + ":" + pkg);
        }
    }

    /** {@code kt.core.cyc.a} → {@code CoreCycA}, {@code kt.app.web2} → {@code AppWeb2}. */
    private static String className(String pkg) {
        String[] parts = pkg.split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = 2; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return (parts[1].equals("app") ? "App" : "Core") + name;
    }
}
