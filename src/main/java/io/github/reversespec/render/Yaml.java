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
