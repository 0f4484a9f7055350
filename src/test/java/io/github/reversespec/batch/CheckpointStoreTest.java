package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @Test
    void recordsAreSavedAsJsonAndLoadedBack() throws Exception {
        Path file = dir.resolve("specs/.reverse-spec-checkpoint.json");
        CheckpointStore store = new CheckpointStore(file, "gen/1", log);
        assertThat(store.load()).isEmpty();
        store.record("g:a|p", new Checkpoint.Entry("a:p", "written-ast", "sha256:1", 0, 0, 5, ""));
        store.record("g:a|q", new Checkpoint.Entry("a:q", "failed", "sha256:2", 3, 10, 7, "boom"));

        Map<?, ?> json = new ObjectMapper().readValue(file.toFile(), Map.class);
        assertThat(json.get("format")).isEqualTo("reverse-spec-checkpoint");
        assertThat(json.get("version")).isEqualTo(1);

        Map<String, Checkpoint.Entry> loaded = new CheckpointStore(file, "gen/1", log).load();
        assertThat(loaded).containsOnlyKeys("g:a|p", "g:a|q");
        assertThat(loaded.get("g:a|p").done()).isTrue();
        assertThat(loaded.get("g:a|q").done()).isFalse();
        assertThat(loaded.get("g:a|q").error()).isEqualTo("boom");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".reverse-spec-checkpoint.json");
        }
    }

    @Test
    void aNotedUnitIsSavedOnlyWithTheNextRecordOrFlush() throws Exception {
        Path file = dir.resolve("specs/.reverse-spec-checkpoint.json");
        CheckpointStore store = new CheckpointStore(file, "gen/1", log);
        store.load();
        store.note("g:a|p", new Checkpoint.Entry("a:p", "skipped", "sha256:1", 0, 0, 0, ""));
        assertThat(file).doesNotExist(); // a batch with nothing to do writes no checkpoint

        store.record("g:a|q", new Checkpoint.Entry("a:q", "written-ast", "sha256:2", 0, 0, 5, ""));
        assertThat(new CheckpointStore(file, "gen/1", log).load()).containsOnlyKeys("g:a|p", "g:a|q");

        store.note("g:a|r", new Checkpoint.Entry("a:r", "skipped", "sha256:3", 0, 0, 0, ""));
        assertThat(new CheckpointStore(file, "gen/1", log).load()).containsOnlyKeys("g:a|p", "g:a|q");
        store.flush(); // what an interrupted run does before it ends
        Map<String, Checkpoint.Entry> loaded = new CheckpointStore(file, "gen/1", log).load();
        assertThat(loaded).containsOnlyKeys("g:a|p", "g:a|q", "g:a|r");
        assertThat(loaded.get("g:a|r").done()).isTrue();
    }

    @Test
    void corruptCheckpointIsSetAsideWithAWarning() throws Exception {
        Path file = dir.resolve("cp.json");
        Files.writeString(file, "{\"format\": \"reverse-spec-checkpoint\", \"units\": {");
        assertThat(new CheckpointStore(file, "g", log).load()).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cp.json.corrupt")).exists();
        assertThat(log.at("WARN"))
                .singleElement()
                .asString()
                .contains("set aside")
                .contains("not valid JSON");

        Files.writeString(file, "also broken");
        new CheckpointStore(file, "g", log).load();
        assertThat(dir.resolve("cp.json.corrupt-1")).exists();
    }

    @Test
    void foreignJsonIsSetAsideToo() throws Exception {
        Path file = dir.resolve("cp.json");
        Files.writeString(file, "{\"name\": \"package.json\", \"version\": \"1.0.0\"}");
        assertThat(new CheckpointStore(file, "g", log).load()).isEmpty();
        assertThat(log.at("WARN")).singleElement().asString().contains("not a reverse-spec checkpoint");
    }

    @Test
    void clearRemovesTheFile() throws Exception {
        Path file = dir.resolve("cp.json");
        CheckpointStore store = new CheckpointStore(file, "g", log);
        store.record("k", new Checkpoint.Entry("u", "skipped", "h", 0, 0, 0, ""));
        assertThat(file).exists();
        store.clear();
        assertThat(file).doesNotExist();
    }

    @Test
    void unitsFinishingTogetherAreAllSavedAndEachRecordReturnsOnlyOnceItIsOnDisk() throws Exception {
        Path file = dir.resolve("specs/.reverse-spec-checkpoint.json");
        CheckpointStore store = new CheckpointStore(file, "gen/1", log);
        store.load();
        int threads = 8;
        int each = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    String key = "g:a|p" + thread + "." + i;
                    store.record(key, new Checkpoint.Entry(key, "written-ast", "sha256:" + i, 0, 0, 1, ""));
                    // Durable on return: a kill now would not lose this unit.
                    assertThat(new CheckpointStore(file, "gen/1", new RecordingLog()).load())
                            .containsKey(key);
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(new CheckpointStore(file, "gen/1", log).load()).hasSize(threads * each);
        store.flush();
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".reverse-spec-checkpoint.json");
        }
    }
}
