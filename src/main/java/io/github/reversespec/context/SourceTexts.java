package io.github.reversespec.context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The unit's source files as text for a request: read once per assembly, decoded with the
 * project's source encoding (the one the analysis used, so the code shown matches its facts), line
 * endings normalised, redacted. A file that cannot be read, does not decode, lies outside the root
 * or is absurdly large is left out; the skeleton still shows it.
 */
final class SourceTexts {

    /** Larger files are not read at all: no request could show more than a sliver of them. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * A file's redacted text with its line index.
     *
     * @param text the text, lines separated by {@code \n}
     * @param lineStarts offset of each line's first character; {@code lineStarts.length} lines
     */
    record Text(String text, int[] lineStarts) {

        static Text of(String text) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n' && i + 1 < text.length()) {
                    count++;
                }
            }
            int[] starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.length() && n < count; i++) {
                if (text.charAt(i) == '\n') {
                    starts[n++] = i + 1;
                }
            }
            return new Text(text, starts);
        }

        int lineCount() {
            return lineStarts.length;
        }

        /** Lines {@code from..to} (1-based, inclusive, clamped), each ending in a line break. */
        String lines(int from, int to) {
            int first = Math.max(1, from);
            int last = Math.min(lineCount(), to);
            if (first > last) {
                return "";
            }
            int start = lineStarts[first - 1];
            int end = last < lineCount() ? lineStarts[last] : text.length();
            String slice = text.substring(start, end);
            return slice.endsWith("\n") ? slice : slice + "\n";
        }
    }

    private final Path root;
    private final Charset charset;
    private final UnaryOperator<String> clean;
    private final SourcePrefetch prefetch;
    private final Map<String, Optional<Text>> cache = new HashMap<>();

    SourceTexts(Path root, Charset charset, UnaryOperator<String> clean) {
        this(root, charset, clean, null);
    }

    /** @param prefetch where files read ahead of time wait, or null */
    SourceTexts(Path root, Charset charset, UnaryOperator<String> clean, SourcePrefetch prefetch) {
        this.root = root.toAbsolutePath().normalize();
        this.charset = charset;
        this.clean = clean;
        this.prefetch = prefetch;
    }

    /** The file at {@code path} (relative to the root), or empty when it cannot be used. */
    Optional<Text> get(String path) {
        return cache.computeIfAbsent(path, this::read);
    }

    private Optional<Text> read(String path) {
        if (prefetch != null) {
            Optional<Optional<Text>> early = prefetch.take(root, charset, path);
            if (early.isPresent()) {
                return early.get();
            }
        }
        return load(root, charset, path, clean);
    }

    /** Reads, decodes, normalises and redacts one file: the one way a file's text is made. */
    static Optional<Text> load(Path root, Charset charset, String path, UnaryOperator<String> clean) {
        try {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            if (Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            return Optional.of(Text.of(clean.apply(text)));
        } catch (IOException | RuntimeException e) {
            // Not in its charset, unreadable, vanished or an invalid path: its skeleton still describes it.
            return Optional.empty();
        }
    }
}
