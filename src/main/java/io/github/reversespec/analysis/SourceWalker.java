package io.github.reversespec.analysis;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@code *.java} files under source roots. Symbolic links are followed (generated or
 * shared sources are often linked in), and whatever cannot be walked — a link loop, an unreadable
 * directory, a missing root — becomes a problem while the walk goes on. A link that leads back to
 * itself ({@code a -> a}, {@code a -> b -> a}) is named a loop whatever its name, as is one that
 * leads to an enclosing directory; the JDK reports the former only as a link it cannot follow.
 */
final class SourceWalker {

    /** Links followed from one link before it counts as a loop; Linux gives up after 40 as well. */
    private static final int MAX_LINK_HOPS = 40;

    /** A Java file found under a source root. */
    record Found(Path root, Path file, String relPath, long size) {}

    private final Path executionRoot;

    SourceWalker(Path executionRoot) {
        this.executionRoot = executionRoot;
    }

    /**
     * Walks one root, adding files not seen before (keyed by absolute path: nested or repeated
     * roots must not produce a file twice) and problems.
     *
     * @param what names the root in a problem, e.g. {@code "source root of core"}
     * @param hint how to fix a root that does not exist, e.g. which setting configures it; may be empty
     */
    void walk(Path root, String what, String hint, Map<Path, Found> found, List<ParseProblem> problems) {
        if (!Files.exists(root)) {
            String message = Files.isSymbolicLink(root) && isLinkLoop(root)
                    ? what + " is a symbolic link loop (the link leads back to itself); skipped"
                    : what + " does not exist" + (hint.isEmpty() ? "" : " (" + hint + ")") + "; skipped";
            problems.add(new ParseProblem(relativePath(root), 0, 0, message));
            return;
        }
        if (!Files.isDirectory(root)) {
            problems.add(new ParseProblem(relativePath(root), 0, 0, what + " is not a directory; skipped"));
            return;
        }
        try {
            Files.walkFileTree(
                    root,
                    EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                    Integer.MAX_VALUE,
                    new Visitor(root, found, problems));
        } catch (IOException | RuntimeException e) {
            // the visitor continues on every error, so this is the root itself failing
            problems.add(new ParseProblem(relativePath(root), 0, 0, "cannot walk " + what + ": " + describe(e)));
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
            // FOLLOW_LINKS reports a link as a link only when its target cannot be read. A link to
            // itself may stand for a directory, so it is named whatever its name.
            if (attrs.isSymbolicLink() && isLinkLoop(file)) {
                problems.add(new ParseProblem(
                        relativePath(file), 0, 0, "symbolic link loop (the link leads back to itself); skipped"));
                return FileVisitResult.CONTINUE;
            }
            if (!name.endsWith(".java")) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
                Path key = file.toAbsolutePath().normalize();
                found.putIfAbsent(key, new Found(root, file, relativePath(file), attrs.size()));
            } else if (attrs.isSymbolicLink()) {
                problems.add(new ParseProblem(relativePath(file), 0, 0, unfollowable(file)));
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

    /**
     * Whether following the link {@code link} comes back to a link already passed. Each hop is
     * keyed by its directory's real path, so {@code ./a} and {@code a} are one link; a chain the
     * OS would give up on counts as a loop, as it does for the OS.
     */
    static boolean isLinkLoop(Path link) {
        Set<Path> seen = new HashSet<>();
        Path current = link.toAbsolutePath();
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            Path parent = current.getParent();
            Path name = current.getFileName();
            if (parent == null || name == null) {
                return false;
            }
            Path key;
            try {
                key = parent.toRealPath().resolve(name);
            } catch (IOException | RuntimeException e) {
                return false; // the trouble is in a directory on the way, not in this chain of links
            }
            if (!seen.add(key)) {
                return true;
            }
            if (!Files.isSymbolicLink(key)) {
                return false;
            }
            try {
                current = key.resolveSibling(Files.readSymbolicLink(key));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** Why a {@code .java} link that is no loop cannot be followed. */
    private static String unfollowable(Path link) {
        try {
            Files.readAttributes(link, BasicFileAttributes.class);
            return "symbolic link could not be followed; skipped"; // it changed while the walk went on
        } catch (NoSuchFileException e) {
            return "broken symbolic link (its target does not exist); skipped";
        } catch (IOException | RuntimeException e) {
            return "symbolic link cannot be followed: " + describe(e) + "; skipped";
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
