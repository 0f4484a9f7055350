package io.github.reversespec.batch;

import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one listing of the spec files on disk, for the index and the check's orphans. */
final class SpecFiles {

    private SpecFiles() {}

    /**
     * Every unit spec under {@code specs/}, sorted: the index and the plugin's working directory
     * left out (and not entered), a symlinked {@code specs/} followed ({@link AtomicFiles#files}).
     *
     * @return empty when there is no {@code specs/} directory
     * @throws IOException when the directory cannot be listed, naming it
     */
    static List<Path> list(Path specsDir) throws IOException {
        if (!Files.isDirectory(specsDir)) {
            return List.of();
        }
        Path index = specsDir.resolve(SpecLayout.INDEX_FILE);
        try {
            // the working directory is not entered: its cache alone holds a file per source file
            return AtomicFiles.files(specsDir, specsDir.resolve(SpecLayout.WORK_DIR)).stream()
                    .filter(p -> p.getFileName().toString().endsWith(SpecLayout.SPEC_SUFFIX))
                    .filter(p -> !p.equals(index))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IOException("Cannot list the specs under " + specsDir + ": " + e.getMessage(), e);
        }
    }
}
