package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesCreatesDirectoriesAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("a/b/x.spec.md");
        assertThat(AtomicFiles.writeIfChanged(target, "one\n")).isTrue();
        assertThat(target).hasContent("one");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void identicalContentIsNotRewritten() throws Exception {
        Path target = dir.resolve("x.md");
        AtomicFiles.writeIfChanged(target, "same");
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(1_000));
        assertThat(AtomicFiles.writeIfChanged(target, "same")).isFalse();
        assertThat(Files.getLastModifiedTime(target).toMillis()).isEqualTo(1_000);
        assertThat(AtomicFiles.writeIfChanged(target, "other")).isTrue();
        assertThat(target).hasContent("other");
    }
}
