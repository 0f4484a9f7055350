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

    @Test
    void leftoversOfAKilledRunAreRemovedAndNothingElse() throws Exception {
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs.resolve("core"));
        Path leftover1 = Files.writeString(
                specs.resolve(".com.acme.spec.md.3fa9c01b2d4e5f60" + AtomicFiles.TEMP_SUFFIX), "half");
        Path leftover2 = Files.writeString(specs.resolve("core/.x.spec.md.1" + AtomicFiles.TEMP_SUFFIX), "");
        Path spec = Files.writeString(specs.resolve("com.acme.spec.md"), "whole");
        Path userFile = Files.writeString(specs.resolve("notes" + AtomicFiles.TEMP_SUFFIX), "mine");
        Path notHex = Files.writeString(specs.resolve(".a.spec.md.xyz" + AtomicFiles.TEMP_SUFFIX), "mine too");

        assertThat(AtomicFiles.removeLeftovers(specs)).isEqualTo(2);
        assertThat(leftover1).doesNotExist();
        assertThat(leftover2).doesNotExist();
        assertThat(spec).exists();
        assertThat(userFile).exists();
        assertThat(notHex).exists();
        assertThat(AtomicFiles.removeLeftovers(dir.resolve("absent"))).isZero();
    }

    @Test
    void theSweepDoesNotEnterTheDirectoryItIsToldToSkip() throws Exception {
        Path specs = dir.resolve("specs");
        Path cache = Files.createDirectories(specs.resolve(".reverse-spec/cache/ab"));
        Path outside = Files.writeString(specs.resolve(".a.spec.md.1f" + AtomicFiles.TEMP_SUFFIX), "");
        Path inside = Files.writeString(cache.resolve(".b.spec.md.2e" + AtomicFiles.TEMP_SUFFIX), "");

        assertThat(AtomicFiles.removeLeftovers(specs, specs.resolve(".reverse-spec/cache")))
                .isEqualTo(1);
        assertThat(outside).doesNotExist();
        assertThat(inside).exists();
        assertThat(AtomicFiles.files(specs, specs.resolve(".reverse-spec")))
                .as("nothing under the skipped directory is listed")
                .isEmpty();
        assertThat(AtomicFiles.files(specs, null)).containsExactly(inside);
    }
}
