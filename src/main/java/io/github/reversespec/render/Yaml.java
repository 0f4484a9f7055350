package io.github.reversespec.render;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the few YAML scalars and flow lists our front matter needs, so that any YAML parser
 * (1.1 or 1.2) reads back exactly the string we meant. A value is written plain only when it
 * cannot be mistaken for anything else; everything else is double-quoted with escapes.
 */
public final class Yaml {

    /**
     * Plain scalars we trust: start with a letter or underscore (so never a number, date, anchor,
     * tag, indicator or sexagesimal int), then only characters with no YAML meaning; a colon is
     * allowed between such runs ({@code sha256:abc}) because it is never followed by a space.
     */
    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]*(?::[A-Za-z0-9_.\\-/]+)*");

    /** Words YAML 1.1 resolves to booleans or null, in any case. */
    private static final Set<String> RESERVED =
            Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf");

    private Yaml() {}

    /** The value as a plain scalar when that is unambiguous, else double-quoted. */
    public static String scalar(String value) {
        if (value != null
                && SAFE_PLAIN.matcher(value).matches()
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return quoted(value);
    }

    /** The value as a double-quoted scalar: backslash, quote and every unprintable escaped. */
    public static String quoted(String value) {
        String s = value == null ? "" : value;
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> {
                    boolean pair = Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate is no character at all; no parser accepts it, escaped or not.
                        sb.append('\uFFFD');
                    } else if (needsEscape(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A flow list of double-quoted items: {@code ["a", "b"]}, or {@code []}. */
    public static String flowList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quoted(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** Control characters, line and paragraph separators, and the BOM: legal only escaped. */
    private static boolean needsEscape(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u2028'
                || c == '\u2029'
                || c == '\uFEFF'
                || c == '\uFFFE'
                || c == '\uFFFF';
    }
}
