package io.github.reversespec.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw Javadoc comment content into plain text (the first sentence of a declaration's
 * comment, or the whole description of a {@code package-info.java}) or into its parts ({@link
 * #parse}).
 */
final class JavadocText {

    /** Longest summary kept; longer first sentences are cut at a word. */
    static final int MAX_SUMMARY = 200;

    /** Where a first paragraph ends: a blank line or a block-level HTML tag. */
    private static final Pattern PARAGRAPH_END = Pattern.compile(
            "\\n\\s*\\n|<(?:p|ul|ol|pre|table|h[1-6]|dl|blockquote|div|hr)(?:[\\s>/])", Pattern.CASE_INSENSITIVE);

    private static final Pattern LEADING_P = Pattern.compile("^(?:<p>\\s*)+", Pattern.CASE_INSENSITIVE);

    private JavadocText() {}

    /**
     * The description part of a Javadoc comment's content (what comes before the first block tag),
     * with the leading {@code *} of each line removed; lines are kept.
     */
    static String description(String content) {
        return description(content, false);
    }

    /**
     * The description with each line's {@code *} margin removed; {@code keepIndent} keeps what
     * follows the margin's one space (the indentation of a {@code <pre>} example), else lines are
     * stripped.
     */
    private static String description(String content, boolean keepIndent) {
        StringBuilder sb = new StringBuilder(content.length());
        int start = 0;
        int len = content.length();
        while (start <= len) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                end = len;
            }
            String line = stripStar(content, start, end);
            if (line.startsWith("@")) {
                break;
            }
            sb.append(keepIndent ? indented(content, start, end) : line).append('\n');
            start = end + 1;
        }
        return sb.toString();
    }

    /** Whether the comment has a {@code @deprecated} block tag. */
    static boolean hasDeprecatedTag(String content) {
        int from = 0;
        while (true) {
            int at = content.indexOf("@deprecated", from);
            if (at < 0) {
                return false;
            }
            // a block tag opens its line (after the '*' margin)
            int lineStart = content.lastIndexOf('\n', at) + 1;
            if (stripStar(content, lineStart, at).isEmpty()) {
                return true;
            }
            from = at + 1;
        }
    }

    /** The line after its {@code *} margin and the one space after it, indentation kept. */
    private static String indented(String content, int start, int end) {
        int i = start;
        while (i < end && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        if (i < end && content.charAt(i) == '*') {
            while (i < end && content.charAt(i) == '*') {
                i++;
            }
            if (i < end && content.charAt(i) == ' ') {
                i++;
            }
        } else {
            i = start;
        }
        return content.substring(i, end).stripTrailing();
    }

    private static String stripStar(String content, int start, int end) {
        int i = start;
        while (i < end && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        while (i < end && content.charAt(i) == '*') {
            i++;
        }
        return content.substring(i, end).strip();
    }

    /**
     * The first sentence: up to the first period followed by whitespace, or the end of the first
     * paragraph; inline tags replaced by their text, HTML removed, one line, at most {@value
     * #MAX_SUMMARY} characters.
     */
    static String summary(String content) {
        String description = LEADING_P.matcher(description(content).strip()).replaceFirst("");
        Matcher m = PARAGRAPH_END.matcher(description);
        boolean example = false;
        if (m.find()) {
            example = m.group().regionMatches(true, 0, "<pre", 0, 4);
            description = description.substring(0, m.start());
        }
        String text = Text.oneLine(plain(description));
        return Text.truncate(withExampleNote(firstSentence(text), example), MAX_SUMMARY);
    }

    /** What a one-line summary says where an example it leads into ("like this:") is left out. */
    static final String EXAMPLE_NOTE = "(example in the member reference)";

    /**
     * A summary that ends with the colon leading into a {@code <pre>} example the one line cannot
     * hold: the note {@value #EXAMPLE_NOTE} takes the example's place, so the sentence does not
     * dangle.
     */
    private static String withExampleNote(String sentence, boolean beforeExample) {
        return beforeExample && sentence.endsWith(":") ? sentence + " " + EXAMPLE_NOTE : sentence;
    }

    /** The whole description as one paragraph of plain text: block tags and HTML removed. */
    static String fullText(String content) {
        return Text.oneLine(plain(description(content)));
    }

    /** The whole description as Javadoc source on one line: block tags removed, inline tags and HTML kept. */
    static String source(String content) {
        return Text.oneLine(description(content));
    }

    /** Javadoc source (such as {@link #source}) as plain text on one line. */
    static String plainText(String source) {
        return Text.oneLine(plain(source));
    }

    /** Longest first paragraph kept in a {@link DocComment}; longer ones are cut at a word. */
    static final int MAX_DESCRIPTION = 1000;

    /** Longest tag text kept in a {@link DocComment}. */
    static final int MAX_TAG_TEXT = 300;

    /**
     * The comment in parts, as Javadoc source on one line each (inline tags and HTML kept): the
     * first paragraph of the description, whole, and the texts of the {@code @param}, {@code
     * @return}, {@code @throws}/{@code @exception}, {@code @since} and {@code @deprecated} tags.
     * A description that opens with {@code {@return text}} reads "Returns text." and gives the
     * return text when no {@code @return} tag does. A first paragraph that is only {@code
     * {@inheritDoc}} keeps the paragraph after it too (after a {@code <p>}), so that the member's
     * own words survive when the inherited text is put in its place.
     */
    static DocComment parse(String content) {
        String whole = description(content);
        String description = firstParagraph(whole);
        String example = "";
        if (description.endsWith(":")) {
            example = leadingExample(afterFirstParagraph(description(content, true)));
        }
        if (description.replace(DocComment.INHERIT_DOC, "").isBlank() && !description.isEmpty()) {
            // the inherited text takes the first paragraph's place: the member's own text follows it
            String next = firstParagraph(afterFirstParagraph(whole));
            description = next.isEmpty() ? description : description + " <p>" + next;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> throwsDocs = new LinkedHashMap<>();
        String returns = "";
        String since = "";
        String deprecation = "";
        for (String[] tag : blockTags(content)) {
            String name = tag[0];
            String text = tag[1];
            switch (name) {
                case "param", "throws", "exception" -> {
                    int sp = indexOfWhitespace(text);
                    String key = sp < 0 ? text : text.substring(0, sp);
                    String rest = sp < 0 ? "" : cut(text.substring(sp).strip(), MAX_TAG_TEXT);
                    if (!key.isEmpty()) {
                        (name.equals("param") ? params : throwsDocs).putIfAbsent(key, rest);
                    }
                }
                case "return" -> returns = returns.isEmpty() ? cut(text, MAX_TAG_TEXT) : returns;
                case "since" -> since = since.isEmpty() ? cut(text, MAX_TAG_TEXT) : since;
                case "deprecated" -> deprecation = deprecation.isEmpty() ? cut(text, MAX_TAG_TEXT) : deprecation;
                default -> {}
            }
        }
        if (description.startsWith("{@return")) {
            int close = matchingBrace(description, 0);
            String body = description
                    .substring("{@return".length(), Math.min(close, description.length()))
                    .strip();
            String rest = close + 1 < description.length()
                    ? description.substring(close + 1).strip()
                    : "";
            description = ("Returns " + body + (body.endsWith(".") ? "" : ".") + " " + rest).strip();
            returns = returns.isEmpty() ? body : returns;
        }
        String kept = cut(description, MAX_DESCRIPTION);
        if (!example.isEmpty() && kept.equals(description)) {
            kept = kept + " " + example;
        }
        return DocComment.own(kept, params, returns, throwsDocs, since, deprecation);
    }

    /** The first paragraph of a description, one line: up to a blank line or a block-level HTML tag. */
    private static String firstParagraph(String description) {
        String text = LEADING_P.matcher(description.strip()).replaceFirst("");
        Matcher m = PARAGRAPH_END.matcher(text);
        if (m.find()) {
            text = text.substring(0, m.start());
        }
        return Text.oneLine(text);
    }

    /** Most lines kept of a {@code <pre>} example after the first paragraph. */
    static final int MAX_EXAMPLE_LINES = 12;

    /**
     * The {@code <pre>…</pre>} block that {@code rest} opens with (after blank lines or a {@code
     * <p>}), with its lines, at most {@value #MAX_EXAMPLE_LINES} of them (then a {@code …} line);
     * empty when {@code rest} opens with anything else.
     */
    private static String leadingExample(String rest) {
        String t = LEADING_P.matcher(rest.strip()).replaceFirst("");
        if (!t.regionMatches(true, 0, "<pre", 0, 4) || t.length() < 5 || !(t.charAt(4) == '>' || t.charAt(4) == ' ')) {
            return "";
        }
        int open = t.indexOf('>');
        int close = t.toLowerCase(java.util.Locale.ROOT).indexOf("</pre", open);
        if (close < 0) {
            return "";
        }
        String code = t.substring(open + 1, close).replaceFirst("^\\s*\\n", "").stripTrailing();
        String[] lines = code.stripIndent().split("\n", -1);
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < Math.min(lines.length, MAX_EXAMPLE_LINES); k++) {
            body.append(k == 0 ? "" : "\n").append(lines[k].stripTrailing());
        }
        if (lines.length > MAX_EXAMPLE_LINES) {
            body.append("\n…");
        }
        code = body.toString().strip();
        // an unbalanced {@code block cut short gets its closing brace back
        if (code.startsWith("{@code") && !code.endsWith("}")) {
            code = code + "\n}";
        }
        return "<pre>" + code + "</pre>";
    }

    /** What follows the first paragraph of a description (from the tag or blank line ending it), or empty. */
    private static String afterFirstParagraph(String description) {
        String text = LEADING_P.matcher(description.strip()).replaceFirst("");
        Matcher m = PARAGRAPH_END.matcher(text);
        return m.find() ? text.substring(m.start()) : "";
    }

    /**
     * The first sentence of a description given as Javadoc source on one line, as source (inline
     * tags and HTML kept): up to the first period followed by whitespace outside an inline tag or
     * an HTML tag, or up to a block-level tag; cut near {@value #MAX_SUMMARY} characters at a word
     * outside any inline tag. The source twin of {@link #summary}.
     */
    static String firstSentenceSource(String description) {
        String text = LEADING_P.matcher(description.strip()).replaceFirst("");
        int depth = 0;
        boolean inTag = false;
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && c == '<') {
                Matcher m = PARAGRAPH_END.matcher(text);
                m.region(i, text.length());
                if (m.lookingAt()) {
                    String sentence = text.substring(0, i).strip();
                    boolean example = m.group().regionMatches(true, 0, "<pre", 0, 4);
                    return cut(withExampleNote(sentence, example), MAX_SUMMARY);
                }
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (depth == 0
                    && !inTag
                    && c == '.'
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
                    && !isAbbreviation(text, i)) {
                end = i + 1;
                break;
            }
        }
        return cut(text.substring(0, end).strip(), MAX_SUMMARY);
    }

    /** Each block tag as {name, text on one line}, in the order written. */
    private static List<String[]> blockTags(String content) {
        List<String[]> tags = new ArrayList<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String raw : content.split("\n", -1)) {
            String line = stripStar(raw, 0, raw.length());
            if (line.length() > 1 && line.charAt(0) == '@' && Character.isLetter(line.charAt(1))) {
                if (name != null) {
                    tags.add(new String[] {name, Text.oneLine(text.toString())});
                }
                int sp = indexOfWhitespace(line);
                name = sp < 0 ? line.substring(1) : line.substring(1, sp);
                text.setLength(0);
                text.append(sp < 0 ? "" : line.substring(sp));
            } else if (name != null) {
                text.append(' ').append(line);
            }
        }
        if (name != null) {
            tags.add(new String[] {name, Text.oneLine(text.toString())});
        }
        return tags;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text cut at a word near {@code max} characters, outside any inline tag, with an
     * ellipsis; shorter text as it is.
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = -1;
        int depth = 0;
        for (int i = 0; i < max; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ' ' && depth == 0) {
                cut = i;
            }
        }
        if (cut < 0) {
            cut = text.lastIndexOf(' ', max);
        }
        return (cut <= 0 ? text.substring(0, max) : text.substring(0, cut)) + " …";
    }

    /** The first sentence of the {@code @param name} text (how records document components), or empty. */
    static String paramSummary(String content, String name) {
        StringBuilder text = null;
        for (String raw : content.split("\n")) {
            String line = stripStar(raw, 0, raw.length());
            if (text != null) {
                if (line.startsWith("@")) {
                    break;
                }
                text.append(' ').append(line);
            } else if (line.startsWith("@param ")) {
                String rest = line.substring(7).strip();
                if (rest.startsWith(name)
                        && (rest.length() == name.length() || Character.isWhitespace(rest.charAt(name.length())))) {
                    text = new StringBuilder(rest.substring(name.length()));
                }
            }
        }
        if (text == null) {
            return "";
        }
        return Text.truncate(firstSentence(Text.oneLine(plain(text.toString()))), MAX_SUMMARY);
    }

    static String firstSentence(String text) {
        int from = 0;
        while (true) {
            int dot = text.indexOf('.', from);
            if (dot < 0) {
                return text;
            }
            boolean atEnd = dot + 1 == text.length();
            if (atEnd || Character.isWhitespace(text.charAt(dot + 1))) {
                if (atEnd || !isAbbreviation(text, dot)) {
                    return text.substring(0, dot + 1);
                }
            }
            from = dot + 1;
        }
    }

    private static boolean isAbbreviation(String text, int dot) {
        return text.startsWith("e.g", dot - 3) || text.startsWith("i.e", dot - 3);
    }

    /**
     * Replaces inline tags by their text ({@code {@code x}} becomes {@code x}, {@code {@link A#b
     * label}} becomes {@code label}, {@code {@link org.acme.A#b()}} becomes {@code A#b()}), turns
     * block-level HTML into separators ({@link JavadocBlocks#flatten}), drops the other HTML tags
     * and decodes the common entities.
     */
    static String plain(String javadoc) {
        String s = JavadocBlocks.flatten(javadoc);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < len && s.charAt(i + 1) == '@') {
                int close = matchingBrace(s, i);
                out.append(inlineTagText(s.substring(i + 2, close)));
                i = close + 1;
            } else if (c == '<' && i + 1 < len && isTagStart(s.charAt(i + 1))) {
                int close = s.indexOf('>', i);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    // block tags (<br>, </p>, <li>) separate words; inline ones (<b>, <code>) must not split one
                    if (!isInlineTag(s, i + 1, close)) {
                        out.append(' ');
                    }
                    i = close + 1;
                }
            } else if (c == '&') {
                i = appendEntity(s, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static final java.util.Set<String> INLINE_TAGS = java.util.Set.of(
            "a", "b", "i", "u", "s", "em", "strong", "code", "tt", "var", "kbd", "samp", "span", "sub", "sup", "small",
            "big", "cite", "dfn", "abbr", "mark");

    private static boolean isInlineTag(String s, int from, int close) {
        int i = from < close && s.charAt(from) == '/' ? from + 1 : from;
        int end = i;
        while (end < close && Character.isLetterOrDigit(s.charAt(end))) {
            end++;
        }
        return INLINE_TAGS.contains(s.substring(i, end).toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!';
    }

    /** The index of the brace closing the one at {@code open}, or the text's length when none does. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String inlineTagText(String tag) {
        int nameEnd = 0;
        while (nameEnd < tag.length() && !Character.isWhitespace(tag.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = tag.substring(0, nameEnd);
        String body = tag.substring(nameEnd).strip();
        return switch (name) {
            case "inheritDoc", "docRoot" -> "";
            case "link", "linkplain" -> linkText(body);
            default -> body;
        };
    }

    /** {@code A#b(int, int) label} shows its label; without one, the reference as {@link JavadocBlocks#referenceName}. */
    private static String linkText(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (Character.isWhitespace(c) && depth == 0) {
                String label = body.substring(i).strip();
                return label.isEmpty() ? JavadocBlocks.referenceName(body.substring(0, i)) : label;
            }
        }
        return JavadocBlocks.referenceName(body);
    }

    private static int appendEntity(String s, int amp, StringBuilder out) {
        int semi = s.indexOf(';', amp);
        if (semi > amp && semi - amp <= 8) {
            String decoded = switch (s.substring(amp + 1, semi)) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                case "nbsp" -> " ";
                case "mdash" -> "—";
                case "ndash" -> "–";
                default -> null;
            };
            if (decoded != null) {
                out.append(decoded);
                return semi + 1;
            }
        }
        out.append('&');
        return amp + 1;
    }
}
