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
    void corruptCheckpointIsSetAsideWithAWarning() throws Exception {
        Path file = dir.resolve("cp.json");
        Files.writeString(file, "{\"format\": \"reverse-spec-checkpoint\", \"units\": {");
        assertThat(new CheckpointStore(file, "g", log).load()).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cp.json.corrupt")).exists();
        assertThat(log.at("WARN")).singleElement().asString().contains("set aside").contains("not valid JSON");

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
}
