package io.github.reversespec.context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The credentials the user configured (the API key, wherever it came from, and a proxy password),
 * redacted wherever their values appear: in sources before a request, in a model's answer before
 * it is rendered, and in every file and log line the plugin writes. A model may echo the key it
 * was sent, and a source file may hold the very key in use (a default in a constant, a comment),
 * so no path from a key to a spec or a log may be left open.
 *
 * <p>Besides the value itself its common encodings are found: URL-encoded, hex (either case), and
 * Base64 (standard and URL-safe, padded or not) at every alignment, so the key inside a longer
 * Base64 run (a Basic {@code Authorization} value of {@code user:key}) is found as well; the whole
 * Base64 run it sits in is then replaced.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are not redacted: local servers accept
 * dummy keys such as {@code ollama} or {@code none}, and replacing every such word in a spec would
 * mangle it while hiding nothing.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class KnownSecrets {

    /** What replaces a configured credential. */
    public static final String MARKER = SecretRedactor.MARKER_PREFIX + "api-key]";

    /** Shorter values are dummy keys, not secrets (see the class comment). */
    public static final int MIN_LENGTH = 8;

    private static final KnownSecrets NONE = new KnownSecrets(List.of(), List.of());

    /** Found as they are. */
    private final List<String> exact;

    /** Found inside a Base64 run, which is replaced whole. */
    private final List<String> base64Cores;

    private KnownSecrets(List<String> exact, List<String> base64Cores) {
        this.exact = exact;
        this.base64Cores = base64Cores;
    }

    /** No configured credential: {@link #redact} returns its argument. */
    public static KnownSecrets none() {
        return NONE;
    }

    /**
     * The credentials among {@code values}; {@code null}, blank and short values are ignored, and
     * surrounding whitespace is not part of a value.
     */
    public static KnownSecrets of(Collection<String> values) {
        Set<String> exact = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (String raw : values) {
            String value = raw == null ? "" : raw.strip();
            if (value.length() < MIN_LENGTH) {
                continue;
            }
            exact.add(value);
            exact.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            exact.add(HexFormat.of().formatHex(bytes));
            exact.add(HexFormat.of().withUpperCase().formatHex(bytes));
            for (int offset = 0; offset < 3; offset++) {
                String core = base64Core(bytes, offset);
                if (core.length() >= MIN_LENGTH) {
                    cores.add(core);
                    cores.add(core.replace('+', '-').replace('/', '_'));
                }
            }
        }
        // Longest first, so that a value that contains another is replaced whole.
        List<String> sortedExact = new ArrayList<>(exact);
        sortedExact.sort((a, b) -> b.length() - a.length());
        return exact.isEmpty() ? NONE : new KnownSecrets(List.copyOf(sortedExact), List.copyOf(cores));
    }

    /** Whether there is any credential to redact. */
    public boolean isEmpty() {
        return exact.isEmpty();
    }

    /** {@code text} with every configured credential, and its encodings, replaced by {@link #MARKER}. */
    public String redact(String text) {
        if (text == null || exact.isEmpty() || text.isEmpty()) {
            return text;
        }
        String current = text;
        for (String value : exact) {
            if (current.contains(value)) {
                current = current.replace(value, MARKER);
            }
        }
        for (String core : base64Cores) {
            current = replaceBase64Runs(current, core);
        }
        return current;
    }

    /**
     * The part of the Base64 encoding of {@code bytes} that does not depend on what surrounds them,
     * when they start {@code offset} bytes into a 3-byte group: the characters of the groups made of
     * their bytes alone.
     */
    private static String base64Core(byte[] bytes, int offset) {
        int skip = (3 - offset) % 3; // bytes that complete the group begun by what precedes
        int whole = (bytes.length - skip) / 3;
        if (whole <= 0) {
            return "";
        }
        byte[] inner = new byte[whole * 3];
        System.arraycopy(bytes, skip, inner, 0, inner.length);
        return Base64.getEncoder().encodeToString(inner);
    }

    private static String replaceBase64Runs(String text, String core) {
        int at = text.indexOf(core);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (at >= 0) {
            int start = at;
            while (start > last && isBase64(text.charAt(start - 1))) {
                start--;
            }
            int end = at + core.length();
            while (end < text.length() && (isBase64(text.charAt(end)) || text.charAt(end) == '=')) {
                end++;
            }
            out.append(text, last, start).append(MARKER);
            last = end;
            at = text.indexOf(core, end);
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '-'
                || c == '_';
    }

    @Override
    public String toString() {
        return "KnownSecrets[" + exact.size() + " form(s)]"; // never the values
    }
}
