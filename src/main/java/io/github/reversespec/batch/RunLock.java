package io.github.reversespec.batch;

import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock that keeps two runs on the same {@code specs/} from interleaving: an OS file lock on
 * {@code specs/.reverse-spec/lock}, held for a run's whole life. A writing run ({@code batch})
 * holds it exclusively, a reading one ({@code check}) shared, so checks may run side by side but
 * never beside a batch. The OS releases the lock when the process dies, so a killed run never
 * leaves a stale lock behind; the file itself stays and only says who held it last.
 *
 * <p>The holder writes its pid, host, goal and start time into the file, so that a run refused
 * the lock can name the one holding it. The file is opened without truncation and rewritten only
 * once the lock is held: a refused run never touches what the holder wrote.
 */
public final class RunLock implements AutoCloseable {

    /** The working directory's name under {@code specs/}. */
    public static final String WORK_DIR = SpecLayout.WORK_DIR;

    /** The lock file's name in the working directory. */
    public static final String FILE_NAME = SpecLayout.LOCK_FILE;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for a run ({@code batch} or {@code check}: both write, and two never interleave).
     *
     * @param workDir {@code specs/.reverse-spec}, created (with its {@code .gitignore}) if missing
     * @param goal what holds it, for the message another run shows (e.g. {@code batch})
     * @throws ConfigurationException when another run holds the lock, naming that run
     */
    public static RunLock exclusive(Path workDir, String goal) throws ConfigurationException, IOException {
        prepareWorkDir(workDir);
        Path file = workDir.resolve(FILE_NAME);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very JVM holds it: another run in the same build or process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new ConfigurationException("Another reverse-spec run is using " + workDir.getParent()
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + "; this one stops before writing anything. "
                    + "Wait for it to finish, or stop it; the lock " + file + " is released as soon as that "
                    + "process ends, even when it is killed.");
        }
        // The holder says who it is, so a refused run names it.
        ByteBuffer info = ByteBuffer.wrap((describeThisRun(goal) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.truncate(0);
        while (info.hasRemaining()) {
            channel.write(info, info.position());
        }
        return new RunLock(channel, lock);
    }

    /**
     * Creates {@code specs/.reverse-spec/} with a {@code .gitignore} that ignores the directory's
     * whole content (itself included), so the lock and the cache never show up as changes.
     */
    static void prepareWorkDir(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path ignore = workDir.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            AtomicFiles.writeIfChanged(
                    ignore, "# reverse-spec's working files (run lock, cache): never commit them.\n*\n");
        }
    }

    /** What the holder wrote about itself, on one line, or empty when it cannot be read. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.length() > 300 ? text.substring(0, 300) : text.replace('\n', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String describeThisRun(String goal) {
        return "reverse-spec:" + goal + " pid " + ProcessHandle.current().pid() + " on " + hostName() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The host's name, without a DNS look-up (which can hang for seconds where DNS is broken). */
    private static String hostName() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(variable);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "an unknown host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
