package io.github.reversespec.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The front matter's YAML, written and read by {@code jackson-dataformat-yaml} (SnakeYAML's
 * emitter and parser underneath), so escaping, quoting and parsing are a well-kept library's.
 *
 * <p>What stays ours is one policy: which scalars are written plain. Jackson's own
 * {@code MINIMIZE_QUOTES} is not used because, measured against a YAML 1.1 reader (SnakeYAML, as
 * many front-matter tools use) on the 76 hostile values of {@code YamlTest}, it writes 10 of them
 * plain where that reader then sees a number, a date, a float or a merge key ({@code 0x1F},
 * {@code 1_000}, {@code 1:20}, {@code 2024-01-01}, {@code .inf}, {@code <<}, …). So a value is plain
 * only when it cannot be mistaken for anything else, and otherwise Jackson double-quotes it; lists
 * are flow lists of double-quoted items, as PRODUCT.md shows them ({@code relatedFiles: [...]}).
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

    /** Every string double-quoted, sequences in flow style, one line whatever the length. */
    private static final YAMLFactory WRITER = YAMLFactory.builder()
            .dumperOptions(flowOnOneLine())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private static final YAMLFactory READER = new YAMLFactory();

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

    /** The value as a double-quoted scalar, escaped as YAML requires. */
    public static String quoted(String value) {
        String s = wellFormed(value == null ? "" : value);
        if (s.isEmpty()) {
            return "\"\""; // a lone root scalar "" would be written after a document marker
        }
        return write(g -> g.writeString(s));
    }

    /** A flow list of double-quoted items: {@code ["a", "b"]}, or {@code []}. */
    public static String flowList(List<String> items) {
        return write(g -> {
            g.writeStartArray();
            for (String item : items) {
                g.writeString(wellFormed(item == null ? "" : item));
            }
            g.writeEndArray();
        });
    }

    /**
     * Reads a front-matter block (the lines between the {@code ---} markers) as a map of each
     * top-level key to its scalar's text or its list of scalar texts, in file order. Scalars stay
     * text as written ({@code level: 2} gives {@code "2"}, a null gives {@code ""}); nested maps,
     * which we never write, are skipped, and so are nested values inside a list.
     *
     * @return the keys and values, or empty when the block is not a YAML mapping
     */
    static Optional<Map<String, Object>> readMapping(String block) {
        Map<String, Object> own = readOwn(block);
        return own != null ? Optional.of(own) : readByParser(block);
    }

    /** Keys as the plugin writes them. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** Small decimal integers (a level), which a YAML parser gives back as written. */
    private static final Pattern SMALL_INT = Pattern.compile("0|[1-9][0-9]{0,8}");

    /**
     * The block read without a YAML parser when every line is in the narrow form the plugin itself
     * writes: {@code key: value}, the value a plain scalar {@link #scalar} would leave plain, a small
     * integer, a double-quoted scalar with no escape, or a flow list of such quoted scalars. In that
     * form each value means exactly its characters, so the result is the parser's; anything else (a
     * hand edit, an escape, a comment, a block list) returns null and goes to the parser. Reading a
     * run's 300 specs back no longer loads and runs SnakeYAML for them.
     */
    static Map<String, Object> readOwn(String block) {
        Map<String, Object> fm = new LinkedHashMap<>();
        int i = 0;
        int n = block.length();
        while (i < n) {
            int end = block.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            String line = block.substring(i, end);
            i = end + 1;
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                return null;
            }
            String key = line.substring(0, colon);
            if (!KEY.matcher(key).matches() || fm.containsKey(key)) {
                return null;
            }
            String v = line.substring(colon + 2);
            Object value;
            if (v.startsWith("[")) {
                value = ownList(v);
            } else if (v.startsWith("\"")) {
                int close = ownQuotedEnd(v, 0);
                value = close == v.length() - 1 ? v.substring(1, close) : null;
            } else {
                boolean plain = SAFE_PLAIN.matcher(v).matches() && !RESERVED.contains(v.toLowerCase(Locale.ROOT));
                value = plain || SMALL_INT.matcher(v).matches() ? v : null;
            }
            if (value == null) {
                return null;
            }
            fm.put(key, value);
        }
        return fm;
    }

    /** {@code ["a", "b"]} or {@code []} of escape-free quoted items, else null. */
    private static List<String> ownList(String v) {
        List<String> items = new ArrayList<>();
        if (v.equals("[]")) {
            return items;
        }
        int i = 1;
        while (true) {
            int close = ownQuotedEnd(v, i);
            if (close < 0) {
                return null;
            }
            items.add(v.substring(i + 1, close));
            i = close + 1;
            if (v.startsWith("]", i) && i == v.length() - 1) {
                return items;
            }
            if (!v.startsWith(", ", i)) {
                return null;
            }
            i += 2;
        }
    }

    /**
     * Where the double-quoted scalar starting at {@code from} closes, or -1 when it is not one
     * with no escape and only printable characters (the writer escapes every other one).
     */
    private static int ownQuotedEnd(String v, int from) {
        if (from >= v.length() || v.charAt(from) != '"') {
            return -1;
        }
        for (int i = from + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                return i;
            }
            // YAML 1.1 breaks lines at U+2028 and U+2029 too: such a value goes to the parser
            if (c == '\\'
                    || c < 0x20
                    || (c >= 0x7F && c <= 0x9F)
                    || Character.isSurrogate(c)
                    || c == '\uFEFF'
                    || c == '\u2028'
                    || c == '\u2029') {
                return -1;
            }
        }
        return -1;
    }

    /** {@link #readMapping} by the YAML parser, whatever the style. */
    static Optional<Map<String, Object>> readByParser(String block) {
        Map<String, Object> fm = new LinkedHashMap<>();
        if (block.isBlank()) {
            return Optional.of(fm);
        }
        try (JsonParser p = READER.createParser(block)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    List<String> list = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t.isStructStart()) {
                            p.skipChildren();
                        } else {
                            list.add(text(p, t));
                        }
                    }
                    fm.put(key, list);
                } else if (t == JsonToken.START_OBJECT) {
                    p.skipChildren();
                } else {
                    fm.put(key, text(p, t));
                }
            }
            return Optional.of(fm);
        } catch (IOException | RuntimeException e) {
            // Not YAML (a hand edit broke it): not one of our specs, never a crash.
            return Optional.empty();
        }
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? "" : p.getText();
    }

    private interface Emit {
        void to(YAMLGenerator g) throws IOException;
    }

    private static String write(Emit emit) {
        StringWriter out = new StringWriter();
        try (YAMLGenerator g = WRITER.createGenerator(out)) {
            emit.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().strip();
    }

    /** A lone surrogate is no character at all; no parser accepts it, escaped or not. */
    private static String wellFormed(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static DumperOptions flowOnOneLine() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        return o;
    }
}
