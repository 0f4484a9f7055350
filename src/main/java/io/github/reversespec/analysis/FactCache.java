package io.github.reversespec.analysis;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The facts of each source file, kept between runs in {@code specs/.reverse-spec/cache/} so that
 * only files that changed are parsed again.
 *
 * <p>An entry is keyed by a SHA-256 over everything its facts depend on: the file's bytes, its
 * path (the facts name it), whether it is a test source, the charset it is decoded with, and the
 * code that made the facts (the plugin's version and a digest of the plugin's own classes and
 * JavaParser's version, so that a rebuilt snapshot never reads facts an older build wrote). The
 * entry lives at {@code cache/<first two hex digits>/<the rest>.smile} (Smile, Jackson's binary
 * JSON, which writes each field name once per entry: a warm run reads a fraction of the bytes
 * text JSON would take, and parses them faster) and names its own key and
 * format; one that cannot be read, does not parse, or names another key or format is a miss: the
 * file is parsed and the entry written anew. Nothing in the cache is ever trusted over the code.
 *
 * <p>Entries are written to a temporary file beside them and moved into place, so a run killed at
 * any instant leaves either no entry or a whole one; a temporary file it leaves is removed by the
 * next run's {@link #prune()}. Entries no run has used for {@link #UNUSED_LIFETIME} are removed
 * there too, which bounds the cache to about the reactor's current files. Writing is optional: a
 * dry run reads the cache and writes nothing, and failing to write only costs the next run a parse.
 *
 * <p>Thread-safe: the parser threads read and write entries concurrently; two writers of one key
 * write the same bytes.
 */
public final class FactCache {

    /** The format every entry names; a change of the entry's shape changes its version. */
    static final String FORMAT = "reverse-spec-fact-cache";

    static final int VERSION = 2;

    /** How long an entry no run used is kept: long enough for a branch switched away and back. */
    static final Duration UNUSED_LIFETIME = Duration.ofDays(7);

    private static final String SUFFIX = ".smile";
    private static final String TEMP_PREFIX = ".tmp-";

    /**
     * Records by their components, nothing else: the models' derived {@code isX()} methods are not
     * state. Sets come back as insertion-ordered sets, so every iteration order survives the trip.
     */
    private static final ObjectMapper CODEC = SmileMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule().addAbstractTypeMapping(Set.class, LinkedHashSet.class))
            .build();

    /** A cache that holds nothing: every file is parsed. */
    public static final FactCache NONE = new FactCache(null, "", false, null);

    private final Path dir;
    private final String salt;
    private final boolean writable;
    private final UnaryOperator<String> redact;
    private final Set<Path> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicInteger withheld = new AtomicInteger();
    private final Instant opened = Instant.now();

    private FactCache(Path dir, String salt, boolean writable, UnaryOperator<String> redact) {
        this.dir = dir;
        this.salt = salt;
        this.writable = writable;
        this.redact = redact;
    }

    /**
     * The cache in {@code dir}.
     *
     * @param dir {@code specs/.reverse-spec/cache}; created when the first entry is written
     * @param generator {@code reverse-spec-maven-plugin/<version>}
     * @param writable false to read entries and write none (a dry run)
     */
    public static FactCache at(Path dir, String generator, boolean writable) {
        return at(dir, generator, writable, null);
    }

    /**
     * The cache in {@code dir}, keeping out the configured credentials: the facts of a file that
     * holds one (its literals are facts) are never written under {@code specs/}, which CI jobs
     * cache and upload; such a file is parsed every run, and an entry found holding one is deleted.
     *
     * @param redact what the run passes every written file through; an entry it would change is a
     *     secret's; null when no credential is configured (nothing is screened)
     */
    public static FactCache at(Path dir, String generator, boolean writable, UnaryOperator<String> redact) {
        return new FactCache(dir, generator + "\n" + CodeDigest.VALUE, writable, redact);
    }

    /** Whether there is a cache at all. */
    boolean enabled() {
        return dir != null;
    }

    /** The key of a file's facts. */
    String key(String relPath, boolean test, Charset charset, byte[] bytes) {
        MessageDigest digest = ReactorAnalyzer.sha256();
        digest.update(
                (FORMAT + "/" + VERSION + "\n" + salt + "\n" + relPath + "\n" + test + "\n" + charset.name() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Whether the facts of a file with these bytes may be cached: not when they hold a configured
     * credential. The file's whole text is asked, not its facts, because a fact may hold a cut
     * piece of a credential (a long constant's value is truncated) that no longer matches it.
     */
    boolean mayHold(byte[] source) {
        if (redact == null) {
            return true; // no credential configured: no copy of every file to screen
        }
        // ISO-8859-1 keeps every byte, so an ASCII credential in UTF-8 or Latin-1 text shows as itself
        return !holdsSecret(new String(source, StandardCharsets.ISO_8859_1));
    }

    /** The entry for {@code key}, or empty (counted as a miss) when there is none that can be trusted. */
    Optional<Entry> get(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        if (redact != null && holdsSecret(new String(bytes, StandardCharsets.ISO_8859_1))) {
            withhold(key);
            return Optional.empty();
        }
        try {
            Stored stored = CODEC.readValue(bytes, Stored.class);
            if (FORMAT.equals(stored.format())
                    && stored.version() == VERSION
                    && key.equals(stored.key())
                    && stored.entry() != null
                    && stored.entry().packageName() != null) {
                used.add(file);
                hits.incrementAndGet();
                return Optional.of(stored.entry());
            }
        } catch (IOException | RuntimeException e) {
            // corrupt, truncated or of another shape: parsed again and rewritten below
        }
        rejected.incrementAndGet();
        misses.incrementAndGet();
        return Optional.empty();
    }

    /**
     * A file whose facts may not be cached ({@link #mayHold}): an entry written for it before a
     * credential was configured is deleted, and nothing is written.
     */
    void withhold(String key) {
        withheld.incrementAndGet();
        misses.incrementAndGet();
        if (enabled() && writable) {
            try {
                Files.deleteIfExists(file(key));
            } catch (IOException | RuntimeException e) {
                // tried again next run
            }
        }
    }

    /** Keeps {@code entry} under {@code key}; a failure is counted, never thrown. */
    void put(String key, Entry entry) {
        if (!enabled() || !writable) {
            return;
        }
        Path file = file(key);
        Path temp = file.resolveSibling(
                TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
        try {
            byte[] data = CODEC.writeValueAsBytes(new Stored(FORMAT, VERSION, key, entry));
            // Smile keeps strings as UTF-8 bytes, so a credential shows in the decoded bytes
            if (redact != null && holdsSecret(new String(data, StandardCharsets.ISO_8859_1))) {
                withheld.incrementAndGet();
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(temp, data);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            used.add(file);
        } catch (IOException | RuntimeException e) {
            unwritten.incrementAndGet();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | RuntimeException ignored) {
                // pruned by a later run
            }
        }
    }

    /**
     * Removes temporary files a killed run left, and entries that neither this run nor any in the
     * last {@link #UNUSED_LIFETIME} used (an entry's modification time is when a run last wrote or
     * used it). Call once the analysis is over; does nothing for a cache that is not writable.
     *
     * @return how many files were removed
     */
    public int prune() {
        if (!enabled() || !writable || !Files.isDirectory(dir)) {
            return 0;
        }
        FileTime touched = FileTime.from(opened);
        FileTime expired = FileTime.from(opened.minus(UNUSED_LIFETIME));
        int removed = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                List<Path> entries = new ArrayList<>();
                try (Stream<Path> files = Files.list(shard)) {
                    files.forEach(entries::add);
                }
                for (Path p : entries) {
                    removed += tidy(p, touched, expired);
                }
            }
        } catch (IOException | RuntimeException e) {
            // only tidiness is lost
        }
        return removed;
    }

    private int tidy(Path p, FileTime touched, FileTime expired) {
        try {
            String name = p.getFileName().toString();
            if (name.startsWith(TEMP_PREFIX)) {
                return Files.deleteIfExists(p) ? 1 : 0;
            }
            if (used.contains(p)) {
                // a hit keeps its entry alive for another lifetime; cheap, one call per day per entry
                if (Files.getLastModifiedTime(p).compareTo(FileTime.from(opened.minus(Duration.ofDays(1)))) < 0) {
                    Files.setLastModifiedTime(p, touched);
                }
                return 0;
            }
            if (Files.getLastModifiedTime(p).compareTo(expired) < 0) {
                return Files.deleteIfExists(p) ? 1 : 0;
            }
        } catch (IOException | RuntimeException e) {
            // left for a later run
        }
        return 0;
    }

    private boolean holdsSecret(String text) {
        return redact != null && !redact.apply(text).equals(text);
    }

    /** Files whose facts were kept out of the cache because they hold a configured credential. */
    public int withheld() {
        return withheld.get();
    }

    /** Files whose facts came from the cache. */
    public int hits() {
        return hits.get();
    }

    /** Files looked up and parsed because no entry could be trusted. */
    public int misses() {
        return misses.get();
    }

    /** Entries found but not trusted (corrupt, foreign or of another version), a subset of the misses. */
    public int rejected() {
        return rejected.get();
    }

    /** Entries that could not be written. */
    public int unwritten() {
        return unwritten.get();
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key.substring(2) + SUFFIX);
    }

    /**
     * What a parse of one file yields, less the bytes (which the unit's hash reads from the file).
     *
     * @param packageName the declared package, or the directory's when the file does not parse
     * @param lines the file's line count
     * @param problem why the file could not be analysed, or null
     * @param facts the facts, or null when there is a problem
     */
    record Entry(String packageName, int lines, ParseProblem problem, FileFacts facts) {}

    /** An entry as stored, naming its own format and key so a foreign or moved file is never trusted. */
    private record Stored(String format, int version, String key, Entry entry) {}

    /**
     * A digest of the code that makes facts: the plugin's jar when it runs from one, else (tests,
     * an IDE) the class files of this package, and JavaParser's version either way.
     */
    private static final class CodeDigest {
        static final String VALUE = compute();

        private static String compute() {
            MessageDigest digest = ReactorAnalyzer.sha256();
            Package parser = com.github.javaparser.JavaParser.class.getPackage();
            digest.update(String.valueOf(parser == null ? null : parser.getImplementationVersion())
                    .getBytes(StandardCharsets.UTF_8));
            try {
                Path location = Path.of(FactCache.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                if (Files.isRegularFile(location)) {
                    update(digest, location);
                } else {
                    Path pkg = location.resolve(FactCache.class.getPackageName().replace('.', '/'));
                    List<Path> classes;
                    try (Stream<Path> files = Files.list(pkg)) {
                        classes = files.filter(p -> p.toString().endsWith(".class"))
                                .sorted()
                                .toList();
                    }
                    for (Path c : classes) {
                        digest.update(c.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        update(digest, c);
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // no code source to read: a digest unique to this JVM, so nothing stale is ever read
                digest.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
                digest.update(
                        Long.toString(ThreadLocalRandom.current().nextLong()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private static void update(MessageDigest digest, Path file) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
        }
    }
}
