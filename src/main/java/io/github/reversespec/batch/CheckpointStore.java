package io.github.reversespec.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.reversespec.core.ProgressLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads, saves and clears the checkpoint file. Saves are serialised and atomic, so the file is
 * readable whenever the process dies; a file that cannot be read as our checkpoint is moved aside
 * with a warning, never a crash.
 */
public final class CheckpointStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;
    private final ProgressLog log;
    private final Map<String, Checkpoint.Entry> units = new TreeMap<>();
    private final String generator;
    /** How many records were made, and how many of them the file on disk holds. */
    private long recorded;

    private long saved;
    private boolean saving;

    public CheckpointStore(Path path, String generator, ProgressLog log) {
        this.path = path;
        this.generator = generator;
        this.log = log;
    }

    public Path path() {
        return path;
    }

    /**
     * Reads the checkpoint left by an interrupted run, if any. A corrupt or foreign file is renamed
     * to {@code <name>.corrupt[-N]} beside it and the run starts afresh.
     *
     * @return the entries of the earlier run (empty when there is none)
     */
    public synchronized Map<String, Checkpoint.Entry> load() {
        units.clear();
        if (!Files.exists(path)) {
            return Map.of();
        }
        String problem;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(Files.readAllBytes(path));
            if (tree == null
                    || !tree.isObject()
                    || !Checkpoint.FORMAT.equals(tree.path("format").asText())
                    || tree.path("version").asInt(-1) != Checkpoint.VERSION) {
                problem = "it is not a reverse-spec checkpoint of format version " + Checkpoint.VERSION;
            } else {
                Checkpoint loaded = JSON.treeToValue(tree, Checkpoint.class);
                units.putAll(loaded.units());
                return Map.copyOf(units);
            }
        } catch (JsonProcessingException e) {
            problem = "it is not valid JSON or not in the checkpoint's shape (" + e.getOriginalMessage() + ")";
        } catch (IOException e) {
            problem = "it cannot be read (" + e.getMessage() + ")";
        }
        setAside(problem);
        return Map.of();
    }

    private void setAside(String problem) {
        Path aside = path.resolveSibling(path.getFileName() + ".corrupt");
        for (int n = 1; Files.exists(aside); n++) {
            aside = path.resolveSibling(path.getFileName() + ".corrupt-" + n);
        }
        try {
            Files.move(path, aside);
            log.warn("Checkpoint " + path + " was set aside as " + aside.getFileName() + ": " + problem
                    + ". Starting without it; specs already on disk are kept.");
        } catch (IOException e) {
            log.warn("Checkpoint " + path + " is ignored: " + problem + "; it could not be moved aside ("
                    + e.getMessage() + ").");
        }
    }

    /**
     * Records one unit's outcome and returns once the checkpoint on disk holds it. Callers that
     * arrive while a save is under way are saved together by the next one (a group commit), so
     * many units finishing at once cost one write, not one each.
     */
    public void record(String key, Checkpoint.Entry entry) throws IOException {
        long mine;
        synchronized (this) {
            units.put(key, entry);
            mine = ++recorded;
        }
        saveThrough(mine);
    }

    /**
     * Records the outcome of a unit that cost nothing to decide (its spec was kept as it is), without
     * a save of its own: it reaches the disk with the next {@link #record} or {@link #flush}. A run
     * killed before then only makes the next run decide that unit again, which is as cheap; a
     * batch with nothing to do writes no checkpoint at all, where it used to save it once per unit.
     */
    public synchronized void note(String key, Checkpoint.Entry entry) {
        units.put(key, entry);
        ++recorded;
    }

    /** Returns once everything recorded so far is on disk. */
    public void flush() throws IOException {
        long upTo;
        synchronized (this) {
            upTo = recorded;
        }
        saveThrough(upTo);
    }

    private void saveThrough(long version) throws IOException {
        byte[] bytes;
        long snapshot;
        synchronized (this) {
            while (saved < version && saving) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while saving the checkpoint " + path);
                }
            }
            if (saved >= version) {
                return;
            }
            saving = true;
            snapshot = recorded;
            bytes = serialise();
        }
        boolean done = false;
        try {
            AtomicFiles.write(path, bytes);
            done = true;
        } finally {
            synchronized (this) {
                saving = false;
                if (done) {
                    saved = Math.max(saved, snapshot);
                }
                notifyAll();
            }
        }
    }

    private byte[] serialise() throws IOException {
        Checkpoint checkpoint = new Checkpoint(Checkpoint.FORMAT, Checkpoint.VERSION, generator, units);
        return JSON.writeValueAsBytes(checkpoint);
    }

    /** Removes the checkpoint: the run ended with nothing left to resume. */
    public synchronized void clear() throws IOException {
        while (saving) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while removing the checkpoint " + path);
            }
        }
        units.clear();
        Files.deleteIfExists(path);
    }
}
