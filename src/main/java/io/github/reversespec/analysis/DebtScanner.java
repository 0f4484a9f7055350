package io.github.reversespec.analysis;

import com.github.javaparser.ast.comments.Comment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds TODO, FIXME, XXX and HACK markers in comments. */
final class DebtScanner {

    static final int MAX_TEXT = 200;

    /** Upper case and as a whole word: "todo list" or "TODOS" in prose are not markers. */
    private static final Pattern MARKER = Pattern.compile("\\b(TODO|FIXME|XXX|HACK)\\b");

    private DebtScanner() {}

    /** Scans every comment of a file, in position order. */
    static void scanAll(Collection<Comment> comments, String file, List<DebtItem> out) {
        List<Comment> list = new ArrayList<>(comments);
        for (int i = 0; i < list.size(); i++) {
            scan(list.get(i), i + 1 < list.size() ? list.get(i + 1) : null, file, out);
        }
    }

    /**
     * Adds one item per comment line that carries a marker (the first marker of that line). A bare
     * marker takes its text from the next line, also when that is the next {@code //} comment.
     */
    static void scan(Comment comment, Comment next, String file, List<DebtItem> out) {
        String content = comment.getContent();
        Matcher m = MARKER.matcher(content);
        if (!m.find() || comment.getBegin().isEmpty()) {
            return;
        }
        int firstLine = comment.getBegin().get().line;
        int lineNo = 0;
        int lineStart = 0;
        int len = content.length();
        while (lineStart <= len) {
            int lineEnd = content.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = len;
            }
            m.region(lineStart, lineEnd);
            if (m.find()) {
                String text = markerText(content.substring(m.end(), lineEnd));
                if (text.isEmpty()) {
                    text = nextLineText(content, lineEnd + 1);
                }
                if (text.isEmpty()
                        && lineEnd == len
                        && comment.isLineComment()
                        && next != null
                        && next.isLineComment()
                        && next.getBegin().isPresent()
                        && next.getBegin().get().line == firstLine + lineNo + 1) {
                    text = nextLineText(next.getContent(), 0);
                }
                out.add(new DebtItem(m.group(1), file, firstLine + lineNo, Text.truncate(text, MAX_TEXT)));
            }
            lineStart = lineEnd + 1;
            lineNo++;
        }
    }

    private static String markerText(String rest) {
        int i = 0;
        while (i < rest.length() && (Character.isWhitespace(rest.charAt(i)) || ":-–—".indexOf(rest.charAt(i)) >= 0)) {
            i++;
        }
        String text = rest.substring(i).strip();
        while (text.endsWith("*")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return Text.oneLine(text);
    }

    /** "// TODO" alone on its line often continues on the next comment line. */
    private static String nextLineText(String content, int from) {
        if (from >= content.length()) {
            return "";
        }
        int end = content.indexOf('\n', from);
        String line = content.substring(from, end < 0 ? content.length() : end).strip();
        while (line.startsWith("*") || line.startsWith("/")) {
            line = line.substring(1).strip();
        }
        return MARKER.matcher(line).find() ? "" : markerText(line);
    }
}
