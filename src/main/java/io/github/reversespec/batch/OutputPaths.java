package io.github.reversespec.batch;

import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Keeps every write of a run under {@code specs/} and {@code drift-logs/} of the root. */
final class OutputPaths {

    private OutputPaths() {}

    /**
     * Refuses a checkpoint path outside {@code specs/} and {@code drift-logs/} before any work.
     */
    static void checkCheckpointPath(BatchRequest request) throws ConfigurationException {
        Path checkpoint = request.resolvedCheckpointPath();
        Path specs = request.specsDir();
        Path driftLogs = request.driftLogsDir();
        boolean inside = (checkpoint.startsWith(specs) && !checkpoint.equals(specs))
                || (checkpoint.startsWith(driftLogs) && !checkpoint.equals(driftLogs));
        if (!inside) {
            throw new ConfigurationException("reverse-spec.checkpointPath '" + request.checkpointPath()
                    + "' resolves to " + checkpoint + ", outside specs/ and drift-logs/ of "
                    + request.reactor().root()
                    + ". The plugin writes nowhere else: use a path such as specs/.reverse-spec-checkpoint.json.");
        }
        String name = checkpoint.getFileName().toString();
        if (name.endsWith(SpecLayout.SPEC_SUFFIX)
                || name.startsWith(SpecLayout.SUMMARY_PREFIX)
                || checkpoint.equals(specs.resolve(SpecLayout.LLMS_TXT_FILE))) {
            throw new ConfigurationException("reverse-spec.checkpointPath '" + request.checkpointPath()
                    + "' would overwrite a spec, llms.txt or the run summary; choose another file name, such as "
                    + "specs/.reverse-spec-checkpoint.json.");
        }
    }

    /**
     * Refuses, before any work, output directories that would lead writes elsewhere: {@code
     * specs/} or {@code drift-logs/} (or a directory under them, which includes the checkpoint's)
     * that is a symbolic link resolving outside the execution root, a dangling link, a link loop,
     * or a regular file where a directory belongs. Real paths are compared, not text.
     */
    static void checkOutputDirs(BatchRequest request) throws ConfigurationException {
        Path root = request.root();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new ConfigurationException(
                    "The execution root " + root + " cannot be read: " + BatchRunner.describe(e));
        }
        for (Path dir : List.of(request.specsDir(), request.driftLogsDir())) {
            checkOutputDir(root, realRoot, dir);
        }
    }

    private static void checkOutputDir(Path root, Path realRoot, Path dir) throws ConfigurationException {
        String name = root.relativize(dir).toString().replace('\\', '/');
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return; // created when first needed
        }
        if (Files.isSymbolicLink(dir)) {
            checkLink(realRoot, dir, name);
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException(name + " in " + root + " is a file, not a directory: the plugin "
                    + "writes its specs and reports into a directory of that name. Move or rename the file.");
        }
        List<Path> links = new ArrayList<>();
        Path start;
        try {
            // From the real directory: a walk that starts at a link sees the link alone.
            start = dir.toRealPath();
            // The facts cache's entries are files the plugin only replaces (a move onto a link
            // replaces the link) or deletes: a link among them leads nowhere the plugin writes, so
            // its 5,000 entries are not listed; a link in place of one of its directories is seen.
            Path cacheBuckets = start.resolve(SpecLayout.WORK_DIR).resolve(SpecLayout.CACHE_DIR);
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return cacheBuckets.equals(d.getParent()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        links.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // unreadable entries fail their own write, named
                }
            });
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + name + " in " + root + ": " + BatchRunner.describe(e));
        }
        for (Path link : links) {
            if (Files.isDirectory(link) || !Files.exists(link)) {
                checkLink(
                        realRoot,
                        link,
                        name + "/" + start.relativize(link).toString().replace('\\', '/'));
            }
        }
    }

    /** Refuses a link that does not resolve, loops, or resolves outside the execution root. */
    private static void checkLink(Path realRoot, Path link, String name) throws ConfigurationException {
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            target = "?";
        }
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(name + " is a symbolic link to " + target + ", which does not exist. "
                    + "Remove the link, or create its target inside " + realRoot + ".");
        } catch (FileSystemException e) {
            throw new ConfigurationException(name + " is a symbolic link loop (" + target + " leads back to "
                    + "itself): remove the link, and let the plugin create a real directory there.");
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot follow the symbolic link " + name + " (to " + target + "): " + BatchRunner.describe(e));
        }
        if (!real.startsWith(realRoot)) {
            throw new ConfigurationException(name + " is a symbolic link to " + real + ", outside the execution "
                    + "root " + realRoot
                    + ". The plugin writes only inside the root: replace the link with a directory "
                    + "(or point it inside the root). Nothing was written.");
        }
    }

    /** Creates {@code specs/} and checks that it can be written, before any unit is processed. */
    static void prepareSpecsDir(BatchRequest request) throws ConfigurationException {
        Path specs = request.specsDir();
        try {
            Files.createDirectories(specs);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot create the specs directory " + specs + ": "
                    + BatchRunner.describe(e) + ". Make the reactor root writable.");
        }
        if (!Files.isWritable(specs)) {
            throw new ConfigurationException("The specs directory " + specs
                    + " is not writable; make it writable (specs already there are kept).");
        }
    }

    /**
     * Removes the temporary files a killed run may have left in {@code specs/} and beside the
     * checkpoint; what they held was either never complete or is already in place.
     */
    static int removeLeftovers(BatchRequest request) {
        int removed = 0;
        Path checkpointDir = request.resolvedCheckpointPath().toAbsolutePath().getParent();
        try {
            // the facts cache is not ours to tidy (FactCache#prune is) and holds thousands of files
            removed += AtomicFiles.removeLeftovers(request.specsDir(), SpecLayout.cacheDir(request.root()));
        } catch (IOException e) {
            // Only tidiness is lost: a leftover file never takes the place of a spec.
        }
        if (!checkpointDir.equals(request.specsDir())) {
            try {
                removed += AtomicFiles.removeLeftovers(checkpointDir);
            } catch (IOException e) {
                // as above
            }
        }
        return removed;
    }
}
