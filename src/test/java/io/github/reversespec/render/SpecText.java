package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.spec.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads rendered Markdown back the way a YAML parser and GitHub would. */
final class SpecText {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private SpecText() {}

    /** The front matter parsed by snakeyaml. */
    static Map<String, Object> frontMatter(String text) {
        assertThat(text).startsWith("---\n");
        int end = text.indexOf("\n---\n", 3);
        assertThat(end).as("closing front matter line").isPositive();
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        return yaml.load(text.substring(4, end + 1));
    }

    /** The body of a {@code ## } section, up to the next {@code ## } heading. */
    static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("heading %s", heading).isNotNegative();
        int bodyStart = start + heading.length() + 2;
        int next = text.indexOf("\n## ", bodyStart);
        int notes = text.indexOf("\n" + SpecEdits.NOTES_OPEN + "\n", bodyStart);
        int end = next < 0 ? text.length() : next;
        return text.substring(bodyStart, notes >= 0 && notes < end ? notes : end)
                .strip();
    }

    static String section(String text, Section s) {
        return section(text, s.heading());
    }

    /** Lines outside fenced code blocks. */
    static List<String> linesOutsideFences(String text) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("```") || l.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (!fence) {
                out.add(l);
            }
        }
        return out;
    }

    /** Every table row has as many unescaped pipes as its header row: no cell broke the table. */
    static void assertTablesWellFormed(String text) {
        int expected = -1;
        for (String line : linesOutsideFences(text)) {
            if (!line.startsWith("|")) {
                expected = -1;
                continue;
            }
            int pipes = unescapedPipes(line);
            if (expected < 0) {
                expected = pipes;
            }
            assertThat(pipes).as("pipes in table row: %s", line).isEqualTo(expected);
        }
    }

    static int unescapedPipes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                n++;
            }
        }
        return n;
    }

    /** Relative link targets (fragment removed, percent-decoding left to the caller). */
    static List<String> relativeLinks(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String t = m.group(1);
            if (!t.contains("://")) {
                int hash = t.indexOf('#');
                out.add(hash < 0 ? t : t.substring(0, hash));
            }
        }
        return out;
    }

    /** Resolves a relative link from a directory under the root to a root-relative path. */
    static String resolve(String fromDir, String link) {
        java.nio.file.Path p = java.nio.file.Path.of(fromDir.isEmpty() ? "." : fromDir)
                .resolve(java.net.URLDecoder.decode(link.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                .normalize();
        return p.toString();
    }
}
