package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.generate.AstOnlyStep;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on the same specs/ never interleave (PRODUCT.md, Promises). */
class RunLockTest {

    @TempDir
    Path root;

    private final RecordingLog log = new RecordingLog();

    @Test
    @Tag("forking")
    void aSecondRunStopsBeforeWritingAnythingAndNamesTheRunningOne() throws Exception {
        TinyReactor tiny = new TinyReactor(root);
        new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.MISSING));
        // What a running batch has on disk mid-run: a live checkpoint and a temporary file.
        Path specs = root.resolve("specs");
        Files.writeString(specs.resolve(".reverse-spec-checkpoint.json"), "{\"live\": true}");
        Files.writeString(specs.resolve(".com.acme.app.spec.md.0123456789abcdef" + AtomicFiles.TEMP_SUFFIX), "half");
        Process holder = holdLock(specs);
        try {
            Map<String, String> before = TinyReactor.files(specs);
            assertThatThrownBy(() -> new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.ALL)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Another reverse-spec run is using")
                    .hasMessageContaining("reverse-spec:batch pid " + holder.pid())
                    .hasMessageContaining(" since ")
                    .hasMessageContaining("stops before writing anything");
            Map<String, String> after = TinyReactor.files(specs);
            assertThat(after).as("nothing of the running batch is disturbed").isEqualTo(before);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        // The holder was killed: the OS released its lock, and the next run goes ahead.
        BatchResult result = new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.ALL));
        assertThat(result.failed()).isEmpty();
        assertThat(specs.resolve(".reverse-spec/lock"))
                .content()
                .contains("pid " + ProcessHandle.current().pid());
    }

    @Test
    void theWorkingDirectoryIgnoresItselfForGit() throws Exception {
        TinyReactor tiny = new TinyReactor(root);
        new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.MISSING));
        assertThat(root.resolve("specs/.reverse-spec/.gitignore")).content().contains("\n*\n");
        assertThat(root.resolve("specs/.reverse-spec/lock")).exists();
    }

    @Test
    void noRunGoesBesideAnother() throws Exception {
        Path work = root.resolve("specs/.reverse-spec");
        try (RunLock check = RunLock.exclusive(work, "check")) {
            assertThatThrownBy(() -> RunLock.exclusive(work, "batch"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(
                            "reverse-spec:check pid " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> RunLock.exclusive(work, "check"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reverse-spec:check");
        }
        try (RunLock batch = RunLock.exclusive(work, "batch")) {
            assertThatThrownBy(() -> RunLock.exclusive(work, "check"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reverse-spec:batch");
        }
        RunLock.exclusive(work, "batch").close(); // released each time
    }

    @Test
    void aDryRunTakesNoLockAndWritesNothing() throws Exception {
        TinyReactor tiny = new TinyReactor(root);
        BatchRequest r = tiny.request(RefreshMode.MISSING);
        BatchRequest dry = new BatchRequest(
                r.reactor(),
                r.checkpointPath(),
                r.refresh(),
                r.selector(),
                true,
                r.concurrency(),
                r.analysisThreads(),
                r.generator());
        new BatchRunner(new AstOnlyStep(), log).run(dry);
        assertThat(root.resolve("specs")).doesNotExist();
    }

    /** A child JVM holding the lock, as a batch running in another build would. */
    private static Process holdLock(Path specs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolderMain.class.getName(),
                        specs.toString()))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the holder's first line").isEqualTo("locked");
        return p;
    }
}
