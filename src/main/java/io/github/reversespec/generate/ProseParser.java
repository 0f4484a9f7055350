package io.github.reversespec.generate;

import io.github.reversespec.render.ModelTextGuard;
import io.github.reversespec.spec.Section;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer as the nine spec sections, tolerantly (heading level, numbering, case
 * and common synonyms vary between models), and makes its text inert: model text is content,
 * never structure. Each section is cut to a length and then passed through {@link
 * ModelTextGuard}, the plugin's one guard for model text, so it cannot carry front matter,
 * top-level headings, raw HTML, live diagrams or script links into a spec.
 */
public final class ProseParser {

    /** A section longer than this is cut: a runaway answer must not bloat the spec. */
    static final int MAX_SECTION_CHARS = 20_000;

    private static final Pattern HEADING = Pattern.compile(
            "^\\s{0,3}#{1,6}\\s*(?:(?:section\\s*)?\\d{1,2}\\s*[.):-]?\\s*)?(.+?)\\s*#*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOLD_HEADING =
            Pattern.compile("^\\s{0,3}\\*\\*\\s*(?:\\d{1,2}\\s*[.):-]?\\s*)?([^*]+?)\\s*:?\\s*\\*\\*\\s*:?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");

    private static final Map<Section, List<String>> NAMES = names();

    private ProseParser() {}

    /**
     * The sections found in the answer, sanitised; empty when none of the nine headings was found.
     *
     * @param answer the model's whole answer
     * @param specPath where the spec will be written, relative to the execution root: the guard
     *     keeps a relative link only when it stays inside the root from there
     */
    public static Map<Section, String> parse(String answer, String specPath) {
        String text = stripFrontMatter(answer.replace("\r\n", "\n").replace('\r', '\n'));
        Map<Section, StringBuilder> found = new EnumMap<>(Section.class);
        StringBuilder current = null;
        Fences fences = new Fences();
        for (String line : text.split("\n", -1)) {
            if (!fences.isMarker(line) && !fences.inside()) {
                Section s = sectionOf(line);
                if (s != null && !found.containsKey(s)) {
                    current = new StringBuilder();
                    found.put(s, current);
                    continue;
                }
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        Map<Section, String> sections = new EnumMap<>(Section.class);
        found.forEach((s, b) -> {
            String clean = sanitise(b.toString(), specPath);
            if (!clean.isBlank()) {
                sections.put(s, clean);
            }
        });
        return sections;
    }

    /** The section a heading line names, or null when the line is not such a heading. */
    static Section sectionOf(String line) {
        Matcher m = HEADING.matcher(line);
        String title;
        if (m.matches()) {
            title = m.group(1);
        } else {
            Matcher b = BOLD_HEADING.matcher(line);
            if (!b.matches()) {
                return null;
            }
            title = b.group(1);
        }
        String key = title.toLowerCase(Locale.ROOT)
                .replace("&", "and")
                .replaceAll("[*_`:]", "")
                .replaceAll("\\s+", " ")
                .strip();
        for (Map.Entry<Section, List<String>> e : NAMES.entrySet()) {
            for (String name : e.getValue()) {
                if (key.equals(name)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * Makes model text inert Markdown: the length is capped (a runaway answer must not bloat the
     * spec), then {@link ModelTextGuard} decides what of it may stay.
     */
    static String sanitise(String raw, String specPath) {
        String text = raw.length() > MAX_SECTION_CHARS
                ? raw.substring(0, MAX_SECTION_CHARS) + "\n\n_(cut: the model's text for this section was too long)_\n"
                : raw;
        return ModelTextGuard.guard(text, specPath);
    }

    /** Follows Markdown code fences line by line: text inside a fence is code, never structure. */
    private static final class Fences {
        private String open = "";

        /** Whether the line opens or closes a fence (updating the state). */
        boolean isMarker(String line) {
            Matcher f = FENCE.matcher(line);
            if (!f.find()) {
                return false;
            }
            String marker = f.group(1);
            if (open.isEmpty()) {
                open = marker.substring(0, 3);
            } else if (marker.startsWith(open)) {
                open = "";
            }
            return true;
        }

        boolean inside() {
            return !open.isEmpty();
        }
    }

    private static String stripFrontMatter(String text) {
        String t = text.stripLeading();
        if (t.startsWith("```")) {
            // Some models wrap the whole answer in a Markdown fence.
            int firstLine = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (firstLine > 0 && end > firstLine && t.substring(0, firstLine).matches("```\\s*(markdown|md)?\\s*")) {
                t = t.substring(firstLine + 1, end);
            }
        }
        if (t.startsWith("---\n")) {
            int end = t.indexOf("\n---", 4);
            if (end > 0) {
                int after = t.indexOf('\n', end + 4);
                return after < 0 ? "" : t.substring(after + 1);
            }
        }
        return t;
    }

    private static Map<Section, List<String>> names() {
        Map<Section, List<String>> n = new EnumMap<>(Section.class);
        n.put(
                Section.INTENT,
                List.of("intent", "purpose", "overview", "summary", "responsibility", "responsibilities"));
        n.put(
                Section.PUBLIC_INTERFACE,
                List.of("public interface", "public api", "api", "interface", "public interfaces", "exported api"));
        n.put(
                Section.BEHAVIOR,
                List.of("behavior", "behaviour", "behavior and flows", "behaviour and flows", "how it works"));
        n.put(
                Section.DATA_STRUCTURES,
                List.of("data structures", "data structure", "data model", "data models", "domain model", "data"));
        n.put(
                Section.CONSTRAINTS,
                List.of(
                        "constraints",
                        "invariants",
                        "constraints and invariants",
                        "invariants and constraints",
                        "rules"));
        n.put(
                Section.EDGE_CASES,
                List.of(
                        "edge cases and errors",
                        "edge cases",
                        "errors",
                        "error handling",
                        "edge cases and error handling",
                        "errors and edge cases",
                        "failure modes"));
        n.put(
                Section.TECHNICAL_DEBT,
                List.of("technical debt", "tech debt", "debt", "known issues", "technical debt and risks"));
        n.put(Section.TEST_COVERAGE, List.of("test coverage", "tests", "testing", "coverage"));
        n.put(
                Section.DEPENDENCIES,
                List.of("dependencies", "dependency", "dependencies and collaborators", "collaborators"));
        return n;
    }
}
