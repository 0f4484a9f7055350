package io.github.reversespec.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Keeps every write of a run under {@code specs/} and {@code drift-logs/} of the root. */
final class OutputPaths {

    private OutputPaths() {}

    /**
     * Refuses a checkpoint path outside {@code specs/} and {@code drift-logs/} before any work.
     */
    static void checkCheckpointPath(BatchRequest request) throws BatchConfigurationException {
        Path checkpoint = request.resolvedCheckpointPath();
        Path specs = request.specsDir();
        Path driftLogs = request.driftLogsDir();
        boolean inside = (checkpoint.startsWith(specs) && !checkpoint.equals(specs))
                || (checkpoint.startsWith(driftLogs) && !checkpoint.equals(driftLogs));
        if (!inside) {
            throw new BatchConfigurationException("reverse-spec.checkpointPath '" + request.checkpointPath()
                    + "' resolves to " + checkpoint + ", outside specs/ and drift-logs/ of " + request.reactor().root()
                    + ". The plugin writes nowhere else: use a path such as specs/.reverse-spec-checkpoint.json.");
        }
        String name = checkpoint.getFileName().toString();
        if (name.endsWith(".spec.md") || name.startsWith("_batch-summary.")) {
            throw new BatchConfigurationException("reverse-spec.checkpointPath '" + request.checkpointPath()
                    + "' would overwrite a spec or the run summary; choose another file name, such as "
                    + "specs/.reverse-spec-checkpoint.json.");
        }
    }

    /** Creates {@code specs/} and checks that it can be written, before any unit is processed. */
    static void prepareSpecsDir(BatchRequest request) throws BatchConfigurationException {
        Path specs = request.specsDir();
        try {
            Files.createDirectories(specs);
        } catch (IOException e) {
            throw new BatchConfigurationException("Cannot create the specs directory " + specs + ": "
                    + BatchRunner.describe(e) + ". Make the reactor root writable.");
        }
        if (!Files.isWritable(specs)) {
            throw new BatchConfigurationException("The specs directory " + specs
                    + " is not writable; make it writable (specs already there are kept).");
        }
    }

    /**
     * Removes the temporary files a killed run may have left in {@code specs/} and beside the
     * checkpoint; what they held was either never complete or is already in place.
     */
    static int removeLeftovers(BatchRequest request) {
        int removed = 0;
        for (Path dir : new java.util.LinkedHashSet<>(List.of(
                request.specsDir(), request.resolvedCheckpointPath().toAbsolutePath().getParent()))) {
            try {
                removed += AtomicFiles.removeLeftovers(dir);
            } catch (IOException e) {
                // Only tidiness is lost: a leftover file never takes the place of a spec.
            }
        }
        return removed;
    }
}
