package io.github.reversespec.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a kill at any instant leaves either the old or the new content, never a
 * mix: the bytes go to a temporary file beside the target (forced to disk when the file must
 * also survive a power loss), and the temporary file is renamed over the target in one atomic
 * step.
 */
public final class AtomicFiles {

    /** Temporary files carry this suffix, so that a leftover one is recognisable and removable. */
    static final String TEMP_SUFFIX = ".rstmp";

    private AtomicFiles() {}

    /**
     * Writes {@code content} to {@code target} unless the file already holds exactly those bytes.
     *
     * @return true when the file was written, false when it was already current
     */
    public static boolean writeIfChanged(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(target)
                && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        replace(target, bytes);
        return true;
    }

    /**
     * Deletes the temporary files a killed run left under {@code dir} (never anything else: only
     * hidden files with our suffix and a random hex part).
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        return removeLeftovers(dir, null);
    }

    /**
     * As {@link #removeLeftovers(Path)}, not looking into {@code skipped}: a directory below
     * {@code dir} this class never writes into (the facts cache, thousands of files).
     */
    static int removeLeftovers(Path dir, Path skipped) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        for (Path p : files(dir, skipped)) {
            String name = p.getFileName().toString();
            if (LEFTOVER.matcher(name).matches() && Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * The files (and links) under {@code dir}, named under {@code dir} even when it is a link (to a
     * directory inside the root, which the run allows): a plain walk from a link sees the link
     * alone. Links below it are not followed, and {@code skipped} (null for none) is not entered.
     */
    static List<Path> files(Path dir, Path skipped) throws IOException {
        Path real = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
        Path skippedUnderReal = skipped == null ? null : real.resolve(dir.relativize(skipped));
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(skippedUnderReal) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(real == dir ? file : dir.resolve(real.relativize(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static final java.util.regex.Pattern LEFTOVER =
            java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]{1,16}" + java.util.regex.Pattern.quote(TEMP_SUFFIX));

    /**
     * Writes {@code bytes} to {@code target} atomically and durably (forced to disk before the
     * rename), creating its directory when needed. For the checkpoint: what it says is done must
     * survive a power loss too.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, true);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, without forcing them to disk: a killed
     * process still leaves the old or the new file whole (the rename is atomic and the page cache
     * outlives the process). For specs and reports, which a power loss may take back to the old
     * version: the checkpoint trusts a unit as done only when its spec reads back whole, so such a
     * unit is simply written again. Forcing every spec cost a disk flush per unit, the largest
     * part of an AST-only run after the parse.
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    private static void write(Path target, byte[] bytes, boolean force) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Same directory, so this only happens on exotic file systems; a plain replace is
                // the best that remains there.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
