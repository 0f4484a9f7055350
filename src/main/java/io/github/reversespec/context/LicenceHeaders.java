package io.github.reversespec.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The licence header a unit's files open with, sent once per request instead of once per file.
 *
 * <p>A file's header is its leading comment: a {@code /* … *}{@code /} block (not a {@code /**}
 * Javadoc comment, which documents what follows it) or a run of {@code //} lines, before any code,
 * ending at a line break. The unit's header is the one most of its files open with, word for word,
 * when at least two do (the first in text order on a tie); a unit of one file has one when its
 * comment reads as a licence (it names a copyright, licence or SPDX identifier). A file opening
 * with another comment, or none, keeps it in its text. Files are read as {@link SourceTexts}
 * gives them (line endings normalised, redacted), so the header compared is the one the prompt
 * would show.
 *
 * <p>Line numbers stay those of the file: a file without its header is shown from the first line
 * after it (the blank lines after the comment go too), and its request says which lines those are.
 *
 * @param text the header's lines, each ending in a line break; empty when there is none
 * @param files how many of the unit's files open with it
 * @param of how many files of the unit were read
 * @param firstShown per path whose header is left out, the first line shown of it (1-based)
 */
record LicenceHeaders(String text, int files, int of, Map<String, Integer> firstShown) {

    /** No header to leave out. */
    static final LicenceHeaders NONE = new LicenceHeaders("", 0, 0, Map.of());

    private static final Pattern LICENCE_WORDS = Pattern.compile("copyright|licen[cs]e|spdx-license-identifier");

    LicenceHeaders {
        firstShown = Map.copyOf(firstShown);
    }

    /**
     * Finds the header shared by the files read.
     *
     * @param texts the unit's readable files by path, in path order
     */
    static LicenceHeaders of(Map<String, SourceTexts.Text> texts) {
        Map<String, List<String>> pathsByHeader = new TreeMap<>();
        Map<String, Integer> ends = new HashMap<>();
        for (Map.Entry<String, SourceTexts.Text> entry : texts.entrySet()) {
            SourceTexts.Text text = entry.getValue();
            int lines = headerLines(text.text());
            if (lines > 0) {
                pathsByHeader
                        .computeIfAbsent(text.lines(1, lines), k -> new ArrayList<>())
                        .add(entry.getKey());
                ends.put(entry.getKey(), lines);
            }
        }
        String best = pathsByHeader.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, List<String>> e) ->
                                e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
        if (best == null) {
            return NONE;
        }
        List<String> paths = pathsByHeader.get(best);
        boolean shared = paths.size() >= 2;
        boolean alone = texts.size() == 1
                && LICENCE_WORDS.matcher(best.toLowerCase(Locale.ROOT)).find();
        if (!shared && !alone) {
            return NONE;
        }
        Map<String, Integer> firstShown = new TreeMap<>();
        for (String path : paths) {
            SourceTexts.Text text = texts.get(path);
            int next = ends.get(path) + 1;
            while (next < text.lineCount() && text.lines(next, next).isBlank()) {
                next++;
            }
            firstShown.put(path, next);
        }
        return new LicenceHeaders(best, paths.size(), texts.size(), firstShown);
    }

    /** The first line of {@code path} to show: 1 unless its header is left out. */
    int firstShown(String path) {
        return firstShown.getOrDefault(path, 1);
    }

    boolean present() {
        return files > 0;
    }

    /** How many lines the header has. */
    int lineCount() {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * How many lines the leading comment of {@code text} takes: 0 when the file does not open
     * with a block or line comment, opens with Javadoc, has code on the comment's last line, or
     * has nothing but the comment.
     */
    static int headerLines(String text) {
        int i = skipBlank(text, 0);
        int end;
        if (text.startsWith("/*", i) && !text.startsWith("/**", i) || text.startsWith("/**/", i)) {
            int close = text.indexOf("*/", i + 2);
            if (close < 0) {
                return 0;
            }
            end = close + 2;
        } else if (text.startsWith("//", i)) {
            end = i;
            while (true) {
                int newline = text.indexOf('\n', end);
                end = newline < 0 ? text.length() : newline;
                int next = skipSpaces(text, end + 1);
                if (newline < 0 || !text.startsWith("//", next)) {
                    break;
                }
                end = next;
            }
        } else {
            return 0;
        }
        int lineEnd = skipSpaces(text, end);
        if (lineEnd < text.length() && text.charAt(lineEnd) != '\n') {
            return 0;
        }
        if (skipBlank(text, lineEnd) >= text.length()) {
            return 0;
        }
        int lines = 1;
        for (int k = 0; k < end; k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int skipBlank(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
