package io.github.reversespec.context;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The units' source files read and redacted ahead of time, on a thread of their own, so that a
 * unit whose dependencies have just been answered finds its files ready instead of redacting them
 * on the run's critical path (issue 14: on a big package that redaction was most of a step).
 *
 * <p>Each file is read and redacted exactly as {@link SourceTexts} would when the unit is
 * assembled, by the same code with the same redaction, so a prompt is the same bytes with or
 * without it. A file is handed out once: an assembly takes it ({@link #take}), and the warmer
 * skips what was taken. At most {@link #MAX_HELD_CHARS} characters wait unclaimed; the warmer
 * pauses beyond that. Closing stops the warmer and drops what is held.
 */
final class SourcePrefetch implements AutoCloseable {

    /** Redacted text held ahead of the units that will claim it: a few big packages' worth. */
    static final long MAX_HELD_CHARS = 48L * 1024 * 1024;

    private record Key(Path file, Charset charset) {}

    private final UnaryOperator<String> clean;
    private final Map<Key, CompletableFuture<Optional<SourceTexts.Text>>> ready = new ConcurrentHashMap<>();
    private final Set<Key> taken = ConcurrentHashMap.newKeySet();
    private final AtomicLong held = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reverse-spec-prefetch");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile boolean closed;

    /** @param clean the redaction every assembly applies to a file's text */
    SourcePrefetch(UnaryOperator<String> clean) {
        this.clean = clean;
    }

    /** Reads and redacts the files of the units to come, in the order given, on the warmer thread. */
    void warm(Path root, Iterable<UnitFiles> units) {
        Path base = root.toAbsolutePath().normalize();
        worker.execute(() -> {
            for (UnitFiles unit : units) {
                for (String path : unit.paths()) {
                    if (closed || Thread.currentThread().isInterrupted() || !roomOrStop()) {
                        return;
                    }
                    Key key = new Key(base.resolve(path).normalize(), unit.charset());
                    if (taken.contains(key)) {
                        continue;
                    }
                    CompletableFuture<Optional<SourceTexts.Text>> slot = new CompletableFuture<>();
                    if (ready.putIfAbsent(key, slot) != null) {
                        continue;
                    }
                    Optional<SourceTexts.Text> text;
                    try {
                        text = SourceTexts.load(base, unit.charset(), path, clean);
                    } catch (Throwable t) {
                        // an Error (out of memory on a huge file): the claimant reads it itself and
                        // meets it where the run handles it; a slot left open would hang it
                        ready.remove(key, slot);
                        slot.completeExceptionally(t);
                        return;
                    }
                    slot.complete(text);
                    held.addAndGet(size(text));
                    if (taken.contains(key) && ready.remove(key, slot)) {
                        held.addAndGet(-size(text)); // claimed while it was being read: the claimant read it itself
                    }
                }
            }
        });
    }

    /**
     * The file's redacted text if the warmer has it (waiting for it when the warmer is reading it
     * right now), else empty: the caller reads it itself. Either way the warmer skips it from now on.
     */
    Optional<Optional<SourceTexts.Text>> take(Path root, Charset charset, String path) {
        Key key = new Key(root.toAbsolutePath().normalize().resolve(path).normalize(), charset);
        taken.add(key);
        CompletableFuture<Optional<SourceTexts.Text>> slot = ready.remove(key);
        if (slot == null) {
            return Optional.empty();
        }
        Optional<SourceTexts.Text> text;
        try {
            text = slot.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty(); // the warmer failed on it: read it here
        }
        held.addAndGet(-size(text));
        return Optional.of(text);
    }

    /** Waits while too much is held unclaimed; false once closed. */
    private boolean roomOrStop() {
        while (held.get() > MAX_HELD_CHARS) {
            if (closed) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }

    /** Files read ahead and not yet claimed (tests wait on it). */
    int waiting() {
        return (int) ready.values().stream().filter(CompletableFuture::isDone).count();
    }

    private static long size(Optional<SourceTexts.Text> text) {
        return text.map(t -> (long) t.text().length()).orElse(0L);
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.clear();
    }
}
