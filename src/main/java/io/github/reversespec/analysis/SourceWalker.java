package io.github.reversespec.analysis;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@code *.java} files under source roots. Symbolic links are followed (generated or
 * shared sources are often linked in), and whatever cannot be walked — a link loop, an unreadable
 * directory, a missing root — becomes a problem while the walk goes on.
 */
final class SourceWalker {

    /** A Java file found under a source root. */
    record Found(Path root, Path file, String relPath, long size) {}

    private final Path executionRoot;

    SourceWalker(Path executionRoot) {
        this.executionRoot = executionRoot;
    }

    /**
     * Walks one root, adding files not seen before (keyed by absolute path: nested or repeated
     * roots must not produce a file twice) and problems.
     */
    void walk(Path root, Map<Path, Found> found, List<ParseProblem> problems) {
        if (!Files.exists(root)) {
            problems.add(new ParseProblem(relativePath(root), 0, 0, "source root does not exist; skipped"));
            return;
        }
        if (!Files.isDirectory(root)) {
            problems.add(new ParseProblem(relativePath(root), 0, 0, "source root is not a directory; skipped"));
            return;
        }
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new Visitor(
                    root, found, problems));
        } catch (IOException | RuntimeException e) {
            // the visitor continues on every error, so this is the root itself failing
            problems.add(new ParseProblem(relativePath(root), 0, 0, "cannot walk source root: " + describe(e)));
        }
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Map<Path, Found> found;
        private final List<ParseProblem> problems;

        Visitor(Path root, Map<Path, Found> found, List<ParseProblem> problems) {
            this.root = root;
            this.found = found;
            this.problems = problems;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".java")) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
                Path key = file.toAbsolutePath().normalize();
                found.putIfAbsent(key, new Found(root, file, relativePath(file), attrs.size()));
            } else if (attrs.isSymbolicLink()) {
                // FOLLOW_LINKS reports a link as a link only when its target cannot be read
                problems.add(new ParseProblem(relativePath(file), 0, 0, "broken symbolic link; skipped"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            String message = exc instanceof FileSystemLoopException
                    ? "symbolic link loop (leads back to an enclosing directory); skipped"
                    : "cannot read: " + describe(exc);
            problems.add(new ParseProblem(relativePath(file), 0, 0, message));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                problems.add(new ParseProblem(relativePath(dir), 0, 0, "cannot list directory: " + describe(exc)));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " (" + Text.oneLine(e.getMessage()) + ")";
    }

    /** The path relative to the execution root, '/'-separated; absolute when outside it. */
    String relativePath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path rel = abs.startsWith(executionRoot) ? executionRoot.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }
}
