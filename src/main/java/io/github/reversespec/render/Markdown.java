package io.github.reversespec.render;

import io.github.reversespec.analysis.DocComment;
import io.github.reversespec.analysis.JavadocBlocks;
import io.github.reversespec.spec.SpecInterface;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown building blocks that keep text taken from code inert on GitHub: code spans that survive
 * any backtick, table cells that survive {@code |} and newlines, text whose {@code <}, {@code *}
 * or {@code [} cannot turn into HTML, emphasis or links, and Javadoc turned into Markdown.
 */
final class Markdown {

    private static final Pattern HTML_TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)\\b[^<>]*>");
    private static final Set<String> INLINE_TAGS = Set.of(
            "a", "b", "i", "em", "strong", "u", "s", "span", "sup", "sub", "small", "big", "font", "var", "cite");
    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private Markdown() {}

    /** An inline code span holding {@code s} verbatim (newlines folded to spaces). */
    static String code(String s) {
        String body = oneLine(s);
        if (body.isEmpty()) {
            return "` `";
        }
        int longest = 0;
        Matcher m = BACKTICK_RUN.matcher(body);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        // A code span strips one space at each end when both are present, and needs them when the
        // content itself begins or ends with a backtick.
        boolean pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" "));
        return pad ? fence + " " + body + " " + fence : fence + body + fence;
    }

    /** A table cell: pipes escaped (GitHub needs this inside code spans too), one line. */
    static String cell(String s) {
        return oneLine(s).replace("|", "\\|");
    }

    /** A table row from cells already rendered as Markdown. */
    static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        return sb.toString();
    }

    /** The header and delimiter rows of a table. */
    static String tableHead(String... headers) {
        StringBuilder sb = new StringBuilder(row(List.of(headers))).append('\n').append('|');
        for (int i = 0; i < headers.length; i++) {
            sb.append("---|");
        }
        return sb.toString();
    }

    /**
     * Plain text from code (names, messages, descriptions), escaped so it renders as written. Pipes
     * are left to {@link #cell}, which escapes them where they matter.
     */
    static String text(String s) {
        String one = oneLine(s);
        StringBuilder sb = new StringBuilder(one.length() + 8);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '<', '>', '[', ']' -> sb.append('\\').append(c);
                case '#', '-', '+', '=' -> {
                    // Only at the start of a line do these open a heading, list or setext underline.
                    if (sb.isEmpty()) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The text on one line: line breaks become spaces, ends stripped. */
    static String oneLine(String s) {
        return SpecInterface.oneLine(s);
    }

    /**
     * Javadoc text to Markdown on one line: inline tags ({@code {@code}}, {@code {@link}}, ...) and
     * {@code <code>} become code spans ({@code {@link org.acme.Foo}} as {@code `Foo`}, {@link
     * JavadocBlocks#referenceName}), block-level HTML becomes separators ({@link
     * JavadocBlocks#flatten}: a heading or a list item never runs into the next words), other HTML
     * tags are dropped, entities decoded, the rest escaped as {@link #text}.
     */
    static String javadoc(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        String s = JavadocBlocks.flatten(javadoc);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{' && s.startsWith("{@", i)) {
                int end = matchingBrace(s, i);
                if (end > 0) {
                    flushPlain(out, plain);
                    out.append(inlineTag(s.substring(i + 2, end)));
                    i = end + 1;
                    continue;
                }
            }
            if (c == '<') {
                Matcher m = HTML_TAG.matcher(s);
                m.region(i, s.length());
                if (m.lookingAt()) {
                    String tag = m.group(1).toLowerCase(Locale.ROOT);
                    boolean opening = !m.group().startsWith("</");
                    if (opening && (tag.equals("code") || tag.equals("tt") || tag.equals("pre"))) {
                        int close = s.toLowerCase(Locale.ROOT).indexOf("</" + tag, m.end());
                        if (close >= 0) {
                            flushPlain(out, plain);
                            String body = preText(s.substring(m.end(), close));
                            out.append(code(tag.equals("pre") ? shortCode(body) : body));
                            int gt = s.indexOf('>', close);
                            i = gt < 0 ? s.length() : gt + 1;
                            continue;
                        }
                    }
                    // Inline tags sit inside words or phrases; block tags separate text.
                    plain.append(INLINE_TAGS.contains(tag) ? "" : " ");
                    i = m.end();
                    continue;
                }
            }
            plain.append(c);
            i++;
        }
        flushPlain(out, plain);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * A type's or member's first sentence in Markdown, rendered from its Javadoc source so that
     * {@code {@link}} and {@code {@code}} show as code as they do in the member reference; the
     * plain {@code summary} when the comment has no description (a record component's {@code
     * @param}).
     */
    static String summary(DocComment doc, String summary) {
        String source = doc.firstSentence();
        return javadoc(source.isEmpty() ? summary : source);
    }

    /** Longest {@code <pre>} example shown on one line (in a table cell); longer ones are cut at a space. */
    static final int MAX_INLINE_EXAMPLE = 160;

    /**
     * Javadoc text to Markdown that may take more than one line, for a paragraph outside a table:
     * as {@link #javadoc}, but a {@code <pre>} example becomes a fenced {@code java} block after
     * the text that leads into it (at most the lines {@code DocComment} keeps).
     */
    static String javadocBlock(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        Matcher m = PRE_BLOCK.matcher(javadoc);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            appendParagraph(out, javadoc(javadoc.substring(last, m.start())));
            String body = preText(m.group(1));
            if (!body.isBlank()) {
                int longest = 0;
                Matcher ticks = BACKTICK_RUN.matcher(body);
                while (ticks.find()) {
                    longest = Math.max(longest, ticks.group().length());
                }
                String fence = "`".repeat(Math.max(3, longest + 1));
                appendParagraph(out, fence + "java\n" + body.strip() + "\n" + fence);
            }
            last = m.end();
        }
        appendParagraph(out, javadoc(javadoc.substring(last)));
        return out.toString();
    }

    private static final Pattern PRE_BLOCK =
            Pattern.compile("<pre\\b[^>]*>(.*?)</pre\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static void appendParagraph(StringBuilder out, String paragraph) {
        if (!paragraph.isBlank()) {
            out.append(out.isEmpty() ? "" : "\n\n").append(paragraph.strip());
        }
    }

    /** The code of a {@code <pre>} block: a {@code {@code …}} wrapper unwrapped, HTML removed, entities decoded. */
    private static String preText(String pre) {
        String t = pre.strip();
        if (t.startsWith("{@code") && t.endsWith("}")) {
            t = t.substring("{@code".length(), t.length() - 1);
        }
        return decodeEntities(stripTags(t)).replaceAll("(?m)^\\s*\\n", "").stripTrailing();
    }

    private static String shortCode(String code) {
        String one = oneLine(code);
        if (one.length() <= MAX_INLINE_EXAMPLE) {
            return one;
        }
        int cut = one.lastIndexOf(' ', MAX_INLINE_EXAMPLE);
        return (cut > MAX_INLINE_EXAMPLE / 2 ? one.substring(0, cut) : one.substring(0, MAX_INLINE_EXAMPLE)) + " …";
    }

    /** A relative link destination: every byte outside a safe set percent-encoded. */
    static String linkTarget(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean safe = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '/'
                    || c == '.'
                    || c == '-'
                    || c == '_'
                    || c == '~'
                    || c == '$'
                    || c == '+'
                    || c == ','
                    || c == '@'
                    || c == '=';
            if (safe) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    /** A link whose text is a code span: {@code [`label`](target)}. */
    static String codeLink(String label, String target) {
        return "[" + code(label) + "](" + target + ")";
    }

    private static void flushPlain(StringBuilder out, StringBuilder plain) {
        if (plain.length() > 0) {
            String t = decodeEntities(plain.toString());
            // Keep the separating spaces that text() would strip at the edges.
            String lead = t.startsWith(" ") && out.length() > 0 ? " " : "";
            String trail = t.endsWith(" ") ? " " : "";
            String body = text(t);
            out.append(lead).append(body).append(body.isEmpty() ? "" : trail);
            plain.setLength(0);
        }
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String inlineTag(String content) {
        String trimmed = content.strip();
        int sp = indexOfWhitespace(trimmed);
        String name = sp < 0 ? trimmed : trimmed.substring(0, sp);
        String arg = sp < 0 ? "" : trimmed.substring(sp).strip();
        return switch (name) {
            case "code", "value" -> arg.isEmpty() ? "" : code(arg);
            case "literal" -> text(arg);
            case "link", "linkplain" -> {
                int labelAt = referenceEnd(arg);
                String label = labelAt < arg.length() ? arg.substring(labelAt).strip() : "";
                String ref = arg.substring(0, labelAt).strip();
                if (!label.isEmpty()) {
                    yield name.equals("link") ? code(label) : text(label);
                }
                yield ref.isEmpty() ? "" : code(JavadocBlocks.referenceName(ref));
            }
            case "inheritDoc" -> text("(inherited)");
            default -> text(arg);
        };
    }

    /** Where the reference of a {@code {@link ref label}} ends: after a balanced parenthesis. */
    private static int referenceEnd(String arg) {
        int depth = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (Character.isWhitespace(c) && depth <= 0) {
                return i;
            }
        }
        return arg.length();
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTags(String s) {
        return HTML_TAG.matcher(s).replaceAll("");
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#64;", "@")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }
}
