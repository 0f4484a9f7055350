package io.github.reversespec.render;

import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what a spec file says about itself: the front matter subset that {@link
 * SpecRenderer} writes (plain, double- and single-quoted scalars, flow and block lists) and the
 * intent line. Anything that is not one of our specs (no front matter, another {@code type},
 * unreadable) yields empty rather than an exception, since specs on disk may be edited by hand.
 */
public final class SpecFileReader {

    /** The spec type this reader accepts. */
    public static final String MODULE_SPEC = SpecFormat.MODULE_SPEC;

    /** Longest intent returned, in characters. */
    public static final int MAX_INTENT = 200;

    /** A spec is Markdown for people; anything this large is not one of ours. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*:(?:\\s+(.*))?");
    private static final Pattern INTENT_HEADING = Pattern.compile(
            "##\\s+(?:1\\s*[.):]?\\s*)?intent\\b.*|##\\s+1\\s*[.):]?(?:\\s.*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("\\s{0,3}(?:[-*+]|\\d{1,9}[.)])\\s+(.*)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    private SpecFileReader() {}

    /**
     * Reads a spec file.
     *
     * @param specFile the file
     * @return its front matter and intent, or empty when it is not a readable {@code module-spec}
     */
    public static Optional<SpecFileInfo> read(Path specFile) {
        try {
            if (!Files.isRegularFile(specFile) || Files.size(specFile) > MAX_BYTES) {
                return Optional.empty();
            }
            return parse(decode(Files.readAllBytes(specFile)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a spec's text.
     *
     * @param text the whole file
     * @return its front matter and intent, or empty when it is not a {@code module-spec}
     */
    public static Optional<SpecFileInfo> parse(String text) {
        Optional<Document> doc = split(text);
        if (doc.isEmpty() || !MODULE_SPEC.equals(doc.get().frontMatter().get(SpecFormat.TYPE))) {
            return Optional.empty();
        }
        return Optional.of(new SpecFileInfo(
                doc.get().frontMatter(),
                intent(doc.get().body()),
                SpecEdits.notes(text),
                SpecEdits.editedOutsideNotes(text)));
    }

    /**
     * The front matter of any Markdown file with one (whatever its {@code type}), as this reader
     * understands it.
     */
    static Optional<Map<String, Object>> frontMatter(String text) {
        return split(text).map(Document::frontMatter);
    }

    private record Document(Map<String, Object> frontMatter, List<String> body) {}

    private static Optional<Document> split(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = t.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length < 2 || !lines[0].strip().equals("---")) {
            return Optional.empty();
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals("---") || l.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        Map<String, Object> fm = parseFrontMatter(List.of(lines).subList(1, end));
        return Optional.of(new Document(fm, List.of(lines).subList(end + 1, lines.length)));
    }

    private static Map<String, Object> parseFrontMatter(List<String> lines) {
        Map<String, Object> fm = new LinkedHashMap<>();
        String blockKey = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (blockKey != null && stripped.startsWith("-") && (stripped.length() == 1 || stripped.charAt(1) == ' ')) {
                List<String> list = new ArrayList<>();
                if (fm.get(blockKey) instanceof List<?> earlier) {
                    earlier.forEach(o -> list.add((String) o));
                }
                list.add(scalar(stripped.substring(1).strip()));
                fm.put(blockKey, list);
                continue;
            }
            blockKey = null;
            if (Character.isWhitespace(line.charAt(0))) {
                continue; // a nested structure we do not write and do not need
            }
            Matcher m = KEY_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (value.isEmpty() || value.startsWith("#")) {
                // Either an empty value or the head of a block list that the next lines fill.
                fm.put(key, "");
                blockKey = key;
                continue;
            }
            if (value.startsWith("[")) {
                // A flow list may go on over the next lines until its closing bracket.
                StringBuilder flow = new StringBuilder(value);
                while (!flowClosed(flow) && i + 1 < lines.size()) {
                    flow.append(' ').append(lines.get(++i).strip());
                }
                fm.put(key, flowList(flow.toString()));
            } else {
                fm.put(key, scalar(value));
            }
        }
        return fm;
    }

    /** Whether the flow text has its closing bracket outside quotes. */
    private static boolean flowClosed(CharSequence s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '"') {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quote = 0;
                }
            } else if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ']') {
                return true;
            }
        }
        return false;
    }

    private static List<String> flowList(String s) {
        List<String> items = new ArrayList<>();
        int[] pos = {s.indexOf('[') + 1};
        while (pos[0] < s.length()) {
            skipSpaces(s, pos);
            if (pos[0] >= s.length() || s.charAt(pos[0]) == ']') {
                break;
            }
            char c = s.charAt(pos[0]);
            String item;
            if (c == '"') {
                item = doubleQuoted(s, pos);
            } else if (c == '\'') {
                item = singleQuoted(s, pos);
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && s.charAt(pos[0]) != ',' && s.charAt(pos[0]) != ']') {
                    pos[0]++;
                }
                item = s.substring(start, pos[0]).strip();
            }
            items.add(item);
            skipSpaces(s, pos);
            if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
                pos[0]++;
            } else {
                break;
            }
        }
        return items;
    }

    /** A scalar value: quoted with its escapes undone, or plain without a trailing comment. */
    static String scalar(String value) {
        if (value.isEmpty()) {
            return "";
        }
        int[] pos = {0};
        if (value.charAt(0) == '"') {
            return doubleQuoted(value, pos);
        }
        if (value.charAt(0) == '\'') {
            return singleQuoted(value, pos);
        }
        int comment = value.indexOf(" #");
        return (comment >= 0 ? value.substring(0, comment) : value).strip();
    }

    private static void skipSpaces(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String singleQuoted(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            sb.append(c);
            i++;
        }
        pos[0] = i;
        return sb.toString();
    }

    private static String doubleQuoted(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                break;
            }
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't', '\t' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'e' -> sb.append('\u001B');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000B');
                case 'N' -> sb.append('\u0085');
                case '_' -> sb.append('\u00A0');
                case 'L' -> sb.append('\u2028');
                case 'P' -> sb.append('\u2029');
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len <= s.length() && s.substring(i, i + len).matches("[0-9A-Fa-f]+")) {
                        sb.appendCodePoint(Integer.parseInt(s.substring(i, i + len), 16));
                        i += len;
                    } else {
                        sb.append('\\').append(e);
                    }
                }
                default -> sb.append(e); // \" \\ \/ and \<space> stand for themselves
            }
        }
        pos[0] = i;
        return sb.toString();
    }

    // ---------------------------------------------------------------- intent

    /** The first paragraph (or first list item) of section 1, as plain text. */
    static String intent(List<String> body) {
        int i = 0;
        while (i < body.size() && !INTENT_HEADING.matcher(body.get(i).strip()).matches()) {
            i++;
        }
        boolean inFence = false;
        for (i++; i < body.size(); i++) {
            String line = body.get(i);
            String t = line.strip();
            if (t.startsWith("# ") || t.startsWith("## ") || t.equals("#") || t.equals("##")) {
                return "";
            }
            if (t.startsWith("```") || t.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || t.isEmpty() || t.startsWith("#") || t.startsWith("|") || t.startsWith("<!--") || isNote(t)) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                text.append(item.group(1));
                // An item goes on over indented lines that are not items of their own.
                while (i + 1 < body.size()
                        && !body.get(i + 1).isBlank()
                        && Character.isWhitespace(body.get(i + 1).charAt(0))
                        && !LIST_ITEM.matcher(body.get(i + 1)).matches()) {
                    text.append(' ').append(body.get(++i).strip());
                }
            } else {
                text.append(t.startsWith(">") ? t.substring(1).strip() : t);
                while (i + 1 < body.size()) {
                    String next = body.get(i + 1).strip();
                    if (next.isEmpty()
                            || next.startsWith("#")
                            || next.startsWith("```")
                            || next.startsWith("~~~")
                            || next.startsWith("|")
                            || LIST_ITEM.matcher(body.get(i + 1)).matches()) {
                        break;
                    }
                    text.append(' ')
                            .append(next.startsWith(">") ? next.substring(1).strip() : next);
                    i++;
                }
            }
            String plain = stripMarkdown(text.toString());
            if (!plain.isEmpty()) {
                return truncate(plain);
            }
        }
        return "";
    }

    /** Our own one-line notes ({@code _..._}, {@code **Commentary (model):**}) are not intent. */
    private static boolean isNote(String t) {
        if (t.equals(SpecRenderer.COMMENTARY_MARKER)) {
            return true;
        }
        boolean italicUnderscore = t.length() > 2 && t.startsWith("_") && t.endsWith("_") && !t.startsWith("__");
        boolean italicStar = t.length() > 2 && t.startsWith("*") && t.endsWith("*") && !t.startsWith("**");
        return italicUnderscore || italicStar;
    }

    /** Markdown to plain text: code spans unwrapped, links to their text, emphasis and escapes removed. */
    static String stripMarkdown(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = CODE_SPAN.matcher(s);
        int last = 0;
        while (m.find()) {
            out.append(stripInline(s.substring(last, m.start())));
            out.append(m.group(2).strip());
            last = m.end();
        }
        out.append(stripInline(s.substring(last)));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String stripInline(String s) {
        String t = s.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^<>]+>", "")
                .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
                .replaceAll("(^|[^\\w\\\\])[*_](\\S(?:.*?\\S)?)[*_](?=$|\\W)", "$1$2");
        return t.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1");
    }

    private static String truncate(String s) {
        if (s.length() <= MAX_INTENT) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_INTENT - 1);
        if (cut < MAX_INTENT * 3 / 4) {
            cut = MAX_INTENT - 1;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Unreachable with REPLACE; fall back to the lenient String constructor.
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
