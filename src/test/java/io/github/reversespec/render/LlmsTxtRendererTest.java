package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.project;
import static io.github.reversespec.render.IndexRendererTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code specs/llms.txt}: the llms.txt format (llmstxt.org) over the index's entries. */
class LlmsTxtRendererTest {

    private static final String GEN = "reverse-spec-maven-plugin/0.1.0-SNAPSHOT";

    /** {@code - [name](url)} with optional {@code : notes}; the name holds no unescaped bracket. */
    private static final Pattern LINK_LINE =
            Pattern.compile("^- \\[((?:[^\\[\\]\\\\]|\\\\.)+)]\\(([^()\\s]+)\\)(: .+)?$");

    private final LlmsTxtRenderer renderer = new LlmsTxtRenderer();

    private static List<ProjectModel> projects(String rootDescription) {
        return List.of(
                project("parent", "", rootDescription, List.of(), List.of()),
                project("core", "core", "Core.", List.of(), List.of()),
                project("billing", "services/billing", "", List.of("com.acme:core"), List.of()),
                project("docs", "docs", "", List.of(), List.of()));
    }

    private static List<IndexEntry> entries() {
        return List.of(
                entry("core", "core", "com.acme.util", "ast-only", 0, List.of(), "Helpers.", true),
                entry(
                        "core",
                        "core",
                        "com.acme.cache",
                        "llm",
                        1,
                        List.of("core:com.acme.util"),
                        "Caching ] (x) [y](http://evil) <b>*bold*</b>\nsecond line",
                        true),
                entry("parent", "", "", "ast-only", 0, List.of(), "", true),
                entry("billing", "services/billing", "com.acme.billing", "llm", 2, List.of(), "Bills.", true),
                entry("old", "legacy/old", "com.acme.old", "", -1, List.of(), "Old stuff.", false));
    }

    private String render(String rootDescription) {
        return renderer.render(new IndexInput(GEN, entries(), projects(rootDescription)));
    }

    @Test
    void titleSummaryThenSectionsOfLinkLists() {
        String text = render("The parent of it all.");
        List<String> lines = text.lines().toList();

        assertThat(lines.get(0)).isEqualTo("# parent");
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(2)).isEqualTo("> The parent of it all.");
        assertThat(lines.stream().filter(l -> l.startsWith("# "))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("## ")).toList())
                .containsExactly(
                        "## Architecture",
                        "## parent (root)",
                        "## core",
                        "## billing (services/billing)",
                        "## Optional");
        // After the first section, every non-blank line is a heading or a link line.
        int first = lines.indexOf("## Architecture");
        for (String line : lines.subList(first, lines.size())) {
            assertThat(line.isEmpty()
                            || line.startsWith("## ")
                            || LINK_LINE.matcher(line).matches())
                    .as("line %s", line)
                    .isTrue();
        }
        assertThat(text).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
        assertThat(text).contains("- [Architecture index](_index.spec.md): the reactor's modules");
    }

    @Test
    void everySpecIsLinkedExactlyOnceRelativeToSpecs() {
        String text = render("");
        List<String> targets = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = LINK_LINE.matcher(line);
            if (m.matches()) {
                targets.add(m.group(2));
            }
        }
        List<String> expected = new ArrayList<>(List.of("_index.spec.md"));
        entries().forEach(e -> expected.add(e.specPath().substring("specs/".length())));
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(text)
                .contains("- [com.acme.util](core/com.acme.util.spec.md): Helpers.\n")
                .contains("- [\\_default](_default.spec.md)\n")
                .contains("- [com.acme.old](legacy/old/com.acme.old.spec.md): module old, not in the current"
                        + " reactor (written by an earlier run): Old stuff.\n");
    }

    @Test
    void intentsCannotBreakTheirLinkLine() {
        String text = render("");
        String cache = text.lines()
                .filter(l -> l.contains("com.acme.cache"))
                .findFirst()
                .orElseThrow();

        assertThat(cache)
                .matches(LINK_LINE)
                .isEqualTo("- [com.acme.cache](core/com.acme.cache.spec.md): Caching \\] (x) \\[y\\](http://evil)"
                        + " \\<b\\>\\*bold\\*\\</b\\> second line");
        assertThat(LlmsTxtRenderer.item("a]b(c)\nd", "specs/x.spec.md", ""))
                .isEqualTo("- [a\\]b\\(c\\) d](x.spec.md)")
                .matches(LINK_LINE);
        assertThat(LlmsTxtRenderer.item("p", "specs/odd dir/(p).spec.md", ""))
                .isEqualTo("- [p](odd%20dir/%28p%29.spec.md)");
    }

    @Test
    void withoutADescriptionTheSummaryCountsTheReactor() {
        assertThat(render("").lines().toList().get(2))
                .isEqualTo("> Design specs of a Java reactor of 4 modules and 4 packages, one spec per package.");
    }

    @Test
    void sameInputSameBytes() {
        assertThat(render("d")).isEqualTo(render("d"));
    }
}
