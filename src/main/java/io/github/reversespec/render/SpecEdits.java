package io.github.reversespec.render;

import io.github.reversespec.spec.SpecFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What people may change in a spec and how a change is seen. A spec ends with a notes block
 * between {@link #NOTES_OPEN} and {@link #NOTES_CLOSE}: its text is the reader's, carried over
 * unchanged by every regeneration. Everything else is generated, and the front matter holds a hash
 * of it ({@link #HASH_KEY}), so an edit outside the notes is detected and the spec is not
 * overwritten unless the user asks for it.
 *
 * <p>The hash covers the file with line endings as {@code \n} (an editor or Git on Windows may
 * write {@code \r\n} without anyone editing), without the hash line itself and with the notes
 * block emptied. A spec without the key (written by an earlier version) counts as not edited:
 * nothing can tell.
 */
public final class SpecEdits {

    /** Opens the notes block; the line must stand alone. */
    public static final String NOTES_OPEN = "<!-- reverse-spec:notes -->";

    /** Closes the notes block. */
    public static final String NOTES_CLOSE = "<!-- /reverse-spec:notes -->";

    /** The front matter key of the generated text's hash. */
    public static final String HASH_KEY = SpecFormat.GENERATED_HASH;

    private static final String EMPTY_BLOCK = NOTES_OPEN + "\n" + NOTES_CLOSE + "\n";

    private SpecEdits() {}

    /** The empty notes block a freshly generated spec ends with. */
    static String emptyBlock() {
        return EMPTY_BLOCK;
    }

    /**
     * Seals generated text: adds the hash of {@code generated} to its front matter and puts {@code
     * notes} into its (empty) notes block.
     *
     * @param generated a whole spec that ends with the empty notes block and has no hash yet
     * @param notes the text of an earlier version's notes block, or empty
     */
    static String seal(String generated, String notes) {
        if (!generated.startsWith("---\n") || !generated.endsWith(EMPTY_BLOCK)) {
            throw new IllegalArgumentException("not a generated spec with an empty notes block");
        }
        int endOfFrontMatter = generated.indexOf("\n---\n", 3) + 1;
        String sealed = generated.substring(0, endOfFrontMatter) + HASH_KEY + ": " + hash(generated) + "\n"
                + generated.substring(endOfFrontMatter);
        if (notes.isEmpty()) {
            return sealed;
        }
        String body = notes.endsWith("\n") ? notes : notes + "\n";
        return sealed.substring(0, sealed.length() - NOTES_CLOSE.length() - 1) + body + NOTES_CLOSE + "\n";
    }

    /**
     * The text of the spec's notes block, exactly as written (without the marker lines), or empty
     * when it has none.
     */
    public static String notes(String text) {
        return block(normaliseLineEnds(text)).map(b -> b.content).orElse("");
    }

    /**
     * Whether the generated part of the spec was changed since it was written: its hash no longer
     * matches. False for a spec that carries no hash.
     */
    public static boolean editedOutsideNotes(String text) {
        String t = normaliseLineEnds(text);
        Optional<String> recorded = recordedHash(t);
        return recorded.isPresent() && !recorded.get().equals(hash(canonical(t)));
    }

    /** The text with no hash line and an empty notes block, as it was before {@link #seal}. */
    private static String canonical(String text) {
        String t = text;
        int frontEnd = t.startsWith("---\n") ? t.indexOf("\n---\n", 3) : -1;
        if (frontEnd > 0) {
            String prefix = "\n" + HASH_KEY + ":";
            int at = t.substring(0, frontEnd + 1).indexOf(prefix);
            if (at >= 0) {
                int lineEnd = t.indexOf('\n', at + 1);
                t = t.substring(0, at) + t.substring(lineEnd);
            }
        }
        Optional<Block> block = block(t);
        if (block.isPresent()) {
            Block b = block.get();
            t = t.substring(0, b.contentStart) + t.substring(b.contentEnd);
        }
        return t;
    }

    private static Optional<String> recordedHash(String text) {
        if (!text.startsWith("---\n")) {
            return Optional.empty();
        }
        int frontEnd = text.indexOf("\n---\n", 3);
        if (frontEnd < 0) {
            return Optional.empty();
        }
        String prefix = "\n" + HASH_KEY + ":";
        int at = text.substring(0, frontEnd + 1).indexOf(prefix);
        if (at < 0) {
            return Optional.empty();
        }
        int lineEnd = text.indexOf('\n', at + 1);
        String value = text.substring(at + prefix.length(), lineEnd).strip();
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        return Optional.of(value);
    }

    private record Block(int contentStart, int contentEnd, String content) {}

    /**
     * The last notes block: the last closing line, and the last opening line before it. Generated
     * text comes first, so a marker quoted in it cannot take the reader's notes.
     */
    private static Optional<Block> block(String text) {
        int close = lineStart(text, NOTES_CLOSE, text.length());
        if (close < 0) {
            return Optional.empty();
        }
        int open = lineStart(text, NOTES_OPEN, close);
        if (open < 0) {
            return Optional.empty();
        }
        int contentStart = open + NOTES_OPEN.length() + 1;
        if (contentStart > close) {
            return Optional.empty();
        }
        return Optional.of(new Block(contentStart, close, text.substring(contentStart, close)));
    }

    /** Where the last line that is exactly {@code line} starts before {@code before}, or -1. */
    private static int lineStart(String text, String line, int before) {
        int from = before;
        while (from >= 0) {
            int at = text.lastIndexOf(line, from);
            if (at < 0) {
                return -1;
            }
            int end = at + line.length();
            boolean startsLine = at == 0 || text.charAt(at - 1) == '\n';
            boolean endsLine = end == text.length() || text.charAt(end) == '\n';
            if (startsLine && endsLine && end <= before) {
                return at;
            }
            from = at - 1;
        }
        return -1;
    }

    private static String normaliseLineEnds(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
