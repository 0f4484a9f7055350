package io.github.reversespec.render;

import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecInterface;
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
 * SpecRenderer} writes (read by {@link Yaml}, a real YAML parser: any scalar and list style) and
 * the intent line. Anything that is not one of our specs (no front matter, another {@code type},
 * unreadable) yields empty rather than an exception, since specs on disk may be edited by hand.
 */
public final class SpecFileReader {

    /** The spec type this reader accepts. */
    public static final String MODULE_SPEC = SpecFormat.MODULE_SPEC;

    /** Longest intent returned, in characters. */
    public static final int MAX_INTENT = 200;

    /** A spec is Markdown for people; anything this large is not one of ours. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

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
        return readText(specFile).flatMap(SpecFileReader::parse);
    }

    /**
     * A spec file's text, the one way every reader takes it: a regular file of at most {@link
     * #MAX_BYTES}, decoded as UTF-8 with malformed bytes replaced.
     *
     * @return empty when the file is missing, too large or unreadable
     */
    public static Optional<String> readText(Path specFile) {
        try {
            if (!Files.isRegularFile(specFile) || Files.size(specFile) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(decode(Files.readAllBytes(specFile)));
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
        Optional<Map<String, Object>> fm =
                Yaml.readMapping(String.join("\n", List.of(lines).subList(1, end)));
        List<String> body = List.of(lines).subList(end + 1, lines.length);
        return fm.map(m -> new Document(m, body));
    }

    // ---------------------------------------------------------------- interface

    /**
     * The public interface a spec lists: each exported type's declaration (its section 2 code block
     * or its row among the other exported types) and its members' signatures (the tables of section
     * 2 or of the member reference; a type both list takes the reference's), as {@link
     * SpecRenderer} writes them. Model commentary is not read.
     *
     * @param text the whole spec file
     * @return the interface, or empty when the text is not a {@code module-spec}
     */
    public static Optional<SpecInterface> readInterface(String text) {
        Optional<Document> doc = split(text);
        if (doc.isEmpty() || !MODULE_SPEC.equals(doc.get().frontMatter().get(SpecFormat.TYPE))) {
            return Optional.empty();
        }
        Map<String, String> declarations = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        // a small interface is listed in section 2 and again in the member reference: the reference wins
        Map<String, List<String>> referenced = new LinkedHashMap<>();
        boolean inInterface = false;
        boolean inReference = false;
        boolean otherTypes = false;
        String type = null;
        List<String> body = doc.get().body();
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (line.startsWith("## ")) {
                inInterface = line.strip().equals(Section.PUBLIC_INTERFACE.heading());
                inReference = line.strip().equals(SpecRenderer.MEMBER_REFERENCE_HEADING);
                type = null;
                otherTypes = false;
                continue;
            }
            if (!inInterface && !inReference) {
                continue;
            }
            if (line.strip().equals(SpecRenderer.COMMENTARY_MARKER)) {
                inInterface = false; // what follows is the model's, not the code's
                continue;
            }
            if (line.startsWith("### ")) {
                String heading = line.substring(4).strip();
                otherTypes = inInterface && heading.equals(SpecRenderer.OTHER_TYPES_HEADING);
                type = otherTypes ? null : unwrapCode(heading).orElse(null);
                if (type != null) {
                    declarations.putIfAbsent(type, "");
                    members.putIfAbsent(type, new ArrayList<>());
                    if (inReference) {
                        referenced.put(type, new ArrayList<>());
                    }
                }
                continue;
            }
            if (inInterface
                    && type != null
                    && (line.equals("```java") || line.equals("~~~~java"))
                    && i + 1 < body.size()) {
                declarations.put(type, body.get(++i).strip());
                continue;
            }
            if (!line.startsWith("| ")) {
                continue;
            }
            List<String> cells = cells(line);
            if (otherTypes && cells.size() >= 2) {
                Optional<String> name = unwrapCode(cells.get(0));
                Optional<String> declaration = unwrapCode(cells.get(1));
                if (name.isPresent() && declaration.isPresent()) {
                    declarations.put(name.get(), declaration.get());
                    members.putIfAbsent(name.get(), new ArrayList<>());
                }
            } else if (type != null && !cells.isEmpty()) {
                unwrapCode(cells.get(0)).ifPresent((inReference ? referenced : members).get(type)::add);
            }
        }
        members.putAll(referenced);
        return Optional.of(new SpecInterface(declarations, members));
    }

    /** A table row's cells, split at pipes that are not escaped, with the escapes undone. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length() && r.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip());
        }
        return cells;
    }

    /** The content of a text that is one code span, as {@code Markdown.code} writes it. */
    static Optional<String> unwrapCode(String text) {
        String t = text.strip();
        int fence = 0;
        while (fence < t.length() && t.charAt(fence) == '`') {
            fence++;
        }
        if (fence == 0 || t.length() < 2 * fence + 1) {
            return Optional.empty();
        }
        String ticks = "`".repeat(fence);
        if (!t.endsWith(ticks) || t.charAt(t.length() - fence - 1) == '`') {
            return Optional.empty();
        }
        String body = t.substring(fence, t.length() - fence);
        if (body.length() >= 2 && body.startsWith(" ") && body.endsWith(" ")) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(body);
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
