package io.github.reversespec.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc's block-level HTML turned into the punctuation a reader of one line of text needs, so
 * that neither plain text nor Markdown runs a heading or a list into the next words ("Immutable
 * collections These are…"). A heading is followed by {@code ": "} ({@code "Contents: The classes…"}),
 * a list opens with {@code ": "} and its items are separated by {@code "; "}, a definition's term
 * and text by {@code ": "}, table rows by {@code "; "} and cells by {@code ", "}; a paragraph, a
 * {@code <br>}, the end of a list or of a table ends a sentence ({@code ". "}, or {@code "; "} when
 * the next word is lower case, as after a {@code <br>} in mid-sentence). No mark is added after text
 * that already ends in punctuation, nor at the start or the end. Inline tags ({@code {@link …}}),
 * inline HTML ({@code <b>}, {@code <code>}) and {@code <pre>} blocks are kept as written.
 */
public final class JavadocBlocks {

    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)\\b[^<>]*>");

    /** Separators, weakest first: of two met between the same words, the stronger is written. */
    private enum Gap {
        NONE,
        SPACE,
        COMMA,
        ITEM,
        COLON,
        SENTENCE,
        /** After a heading: a colon, also when a paragraph opens after it. */
        HEADING
    }

    /** What an opening ({@code true}) or closing tag leaves between the words around it. */
    private static final Map<String, Gap[]> BLOCKS = Map.ofEntries(
            Map.entry("p", gaps(Gap.SENTENCE, Gap.SENTENCE)),
            Map.entry("br", gaps(Gap.SENTENCE, Gap.SENTENCE)),
            Map.entry("div", gaps(Gap.SENTENCE, Gap.SENTENCE)),
            Map.entry("blockquote", gaps(Gap.SENTENCE, Gap.SENTENCE)),
            Map.entry("hr", gaps(Gap.SENTENCE, Gap.SENTENCE)),
            Map.entry("table", gaps(Gap.SENTENCE, Gap.SENTENCE)),
            Map.entry("h1", gaps(Gap.SENTENCE, Gap.HEADING)),
            Map.entry("h2", gaps(Gap.SENTENCE, Gap.HEADING)),
            Map.entry("h3", gaps(Gap.SENTENCE, Gap.HEADING)),
            Map.entry("h4", gaps(Gap.SENTENCE, Gap.HEADING)),
            Map.entry("h5", gaps(Gap.SENTENCE, Gap.HEADING)),
            Map.entry("h6", gaps(Gap.SENTENCE, Gap.HEADING)),
            Map.entry("ul", gaps(Gap.COLON, Gap.SENTENCE)),
            Map.entry("ol", gaps(Gap.COLON, Gap.SENTENCE)),
            Map.entry("dl", gaps(Gap.COLON, Gap.SENTENCE)),
            Map.entry("li", gaps(Gap.ITEM, Gap.SPACE)),
            Map.entry("dt", gaps(Gap.ITEM, Gap.SPACE)),
            Map.entry("dd", gaps(Gap.COLON, Gap.SPACE)),
            Map.entry("tr", gaps(Gap.ITEM, Gap.SPACE)),
            Map.entry("td", gaps(Gap.COMMA, Gap.SPACE)),
            Map.entry("th", gaps(Gap.COMMA, Gap.SPACE)),
            Map.entry("caption", gaps(Gap.SENTENCE, Gap.COLON)));

    /** A package qualifier before a type name: {@code org.apache.commons.} in {@code org.apache.commons.Foo}. */
    private static final Pattern PACKAGE_QUALIFIER = Pattern.compile("\\b(?:[a-z_][A-Za-z0-9_]*\\.)+(?=[A-Z])");

    private JavadocBlocks() {}

    /**
     * How a {@code {@link ref}} without a label reads: the reference without package qualifiers
     * (in its parameter types too) and without a leading {@code #}, as the javadoc tool shows it:
     * {@code org.acme.Foo} reads {@code Foo}, {@code java.util.List#add(java.lang.Object)} reads
     * {@code List#add(Object)}, {@code #size()} reads {@code size()}; a package stays whole.
     */
    public static String referenceName(String ref) {
        String r = PACKAGE_QUALIFIER.matcher(ref.strip()).replaceAll("");
        return r.startsWith("#") ? r.substring(1) : r;
    }

    private static Gap[] gaps(Gap opening, Gap closing) {
        return new Gap[] {opening, closing};
    }

    /**
     * The Javadoc source on one line, its block-level HTML replaced by separators; inline tags,
     * inline HTML and {@code <pre>…</pre>} kept as written (a {@code <pre>} block with its lines).
     */
    public static String flatten(String source) {
        if (source == null || source.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(source.length());
        Gap pending = Gap.NONE;
        int i = 0;
        int len = source.length();
        while (i < len) {
            char c = source.charAt(i);
            int verbatimEnd = -1;
            if (c == '{' && source.startsWith("{@", i)) {
                verbatimEnd = JavadocText.matchingBrace(source, i) + 1;
            } else if (c == '<') {
                Matcher m = TAG.matcher(source);
                m.region(i, len);
                if (m.lookingAt()) {
                    String name = m.group(1).toLowerCase(Locale.ROOT);
                    boolean closing = m.group().startsWith("</");
                    if (name.equals("pre") && !closing) {
                        int close = source.toLowerCase(Locale.ROOT).indexOf("</pre", m.end());
                        int gt = close < 0 ? -1 : source.indexOf('>', close);
                        verbatimEnd = gt < 0 ? len : gt + 1;
                    } else if (BLOCKS.containsKey(name)) {
                        pending = max(pending, BLOCKS.get(name)[closing ? 1 : 0]);
                        i = m.end();
                        continue;
                    } else {
                        verbatimEnd = m.end();
                    }
                }
            } else if (Character.isWhitespace(c)) {
                pending = max(pending, Gap.SPACE);
                i++;
                continue;
            }
            int end = verbatimEnd > i ? Math.min(verbatimEnd, len) : i + 1;
            emit(out, pending, source, i);
            pending = Gap.NONE;
            out.append(source, i, end);
            i = end;
        }
        return out.toString();
    }

    private static Gap max(Gap a, Gap b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Writes the separator {@code gap} before the text at {@code next}. */
    private static void emit(StringBuilder out, Gap gap, String source, int next) {
        if (gap == Gap.NONE || out.isEmpty()) {
            return;
        }
        char last = lastVisible(out);
        boolean punctuated = ".!?:;,".indexOf(last) >= 0;
        String mark = switch (gap) {
            case NONE, SPACE -> "";
            case COMMA -> ",";
            case ITEM -> ";";
            case COLON, HEADING -> ":";
            case SENTENCE -> Character.isLowerCase(source.charAt(next)) ? ";" : ".";
        };
        out.append(punctuated ? "" : mark).append(' ');
    }

    /** The last character of text, before any inline HTML tags that close it ({@code Note.</b>}). */
    private static char lastVisible(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '>') {
            int lt = out.lastIndexOf("<", end - 1);
            if (lt < 0) {
                break;
            }
            end = lt;
        }
        return end > 0 ? out.charAt(end - 1) : ' ';
    }
}
