package io.github.reversespec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.render.InertHtml;
import io.github.reversespec.render.ModelTextGuard;
import io.github.reversespec.spec.Section;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProseParserTest {

    private static final String SPEC = "specs/core/com.acme.spec.md";

    private static Map<Section, String> parse(String answer) {
        return ProseParser.parse(answer, SPEC);
    }

    @Test
    void readsTheNineSectionsWhateverTheHeadingStyle() {
        String answer = """
                Sure! Here is the spec.

                ## 1. Intent
                Keeps orders.

                ### 2) public api
                Use place().

                # Behaviour
                Places, then pays.

                **4. Data Structures**
                Records.

                ## 5 - Invariants
                Ids are unique.

                ## 6. Edge cases & errors
                Duplicates fail.

                ## Tech Debt
                Persistence.

                ## Tests
                One test.

                ## 9. DEPENDENCIES
                The model package.
                """;
        Map<Section, String> s = parse(answer);
        assertThat(s).containsOnlyKeys(Section.values());
        assertThat(s.get(Section.INTENT)).isEqualTo("Keeps orders.");
        assertThat(s.get(Section.PUBLIC_INTERFACE)).isEqualTo("Use place().");
        assertThat(s.get(Section.BEHAVIOR)).isEqualTo("Places, then pays.");
        assertThat(s.get(Section.CONSTRAINTS)).isEqualTo("Ids are unique.");
        assertThat(s.get(Section.EDGE_CASES)).isEqualTo("Duplicates fail.");
        assertThat(s.get(Section.DEPENDENCIES)).isEqualTo("The model package.");
    }

    @Test
    void missingSectionsAreAbsentAndAnAnswerWithoutHeadingsIsEmpty() {
        assertThat(parse("## Intent\nA.\n## Behavior\nB.\n")).containsOnlyKeys(Section.INTENT, Section.BEHAVIOR);
        assertThat(parse("I cannot help with that.")).isEmpty();
        assertThat(parse("")).isEmpty();
    }

    @Test
    void frontMatterAndAWrappingFenceAreDropped() {
        String answer = "```markdown\n---\ntype: evil\nstatus: llm\n---\n## 1. Intent\nReal text.\n```\n";
        Map<Section, String> s = parse(answer);
        assertThat(s.get(Section.INTENT)).isEqualTo("Real text.");
        assertThat(String.join("\n", s.values())).doesNotContain("type: evil");
    }

    @Test
    void activeHtmlScriptLinksAndTopLevelHeadingsAreNeutralised() {
        String answer = """
                ## 1. Intent
                Hello <script>alert(1)</script> and <img src=x onerror="steal()">.
                [click](javascript:alert(document.cookie)) and [ok](https://example.com)
                [ref]: javascript:alert(2)
                # Injected Top Level
                ## 10. Extra Section
                ---
                Keep `a < b` and:
                ```html
                <b>code is inert</b>
                ```
                """;
        String intent = parse(answer).get(Section.INTENT);
        String html = InertHtml.assertInert(intent);
        // The HTML is shown as the text it is; the definition, inside a paragraph, is text too.
        assertThat(html)
                .contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=")
                .contains("[ref]: javascript:alert(2)");
        assertThat(InertHtml.hrefs(html)).containsExactly("https://example.com");
        assertThat(intent).contains("click and [ok](https://example.com)");
        assertThat(intent).contains("### Injected Top Level").contains("### 10. Extra Section");
        assertThat(intent.lines()).noneMatch(l -> l.startsWith("# ") || l.startsWith("## ") || l.equals("---"));
        assertThat(intent).contains("`a < b`").contains("```html\n<b>code is inert</b>\n```");
    }

    @Test
    void everyAttackIsInertInEverySection() {
        String attacks = """
                Links: [a](jav&#x61;script:alert(1)) [b](&#106;avascript:x) [c](javascript&colon;x) \
                [d](javascript\\:x) [e](JaVaScRiPt:x) [f](vbscript:x) [g](data:text/html,<script>x</script>) \
                [h](file:///etc/passwd) [i](<java\tscript:x>) [j](&#0000106;avascript:x) [k](%6Aavascript:x) \
                [l](javascript:x "title") <javascript:alert(1)> ![m](javascript:x) [![n](javascript:x)](javascript:y) \
                [o][ref] [p](//evil.example) [q](/etc/passwd) [r](../../../../outside.md)

                [ref]: javascript:alert(2)

                <img src=x onerror=alert(1)> <a href="javascript:x">a</a> <!-- hidden -->

                <details>
                <summary>More</summary>
                </details>

                <![CDATA[ <script>alert(1)</script> ]]>

                ```mermaid
                graph TD
                click A call cb()
                click B href "javascript:alert(1)"
                %%{init: {"securityLevel": "loose"}}%%
                ```
                """;
        StringBuilder answer = new StringBuilder();
        for (Section s : Section.values()) {
            answer.append(s.heading()).append('\n').append(attacks).append('\n');
        }
        answer.append("## 9. Dependencies\n```java\nint neverClosed;\n");
        Map<Section, String> sections = parse(answer.toString());

        assertThat(sections).containsOnlyKeys(Section.values());
        sections.forEach((s, text) -> {
            String html = InertHtml.assertInert(text);
            assertThat(InertHtml.hrefs(html)).as("links in %s", s).isEmpty();
            assertThat(text)
                    .as("section %s", s)
                    .startsWith("Links: a b c d e f g h i j k l javascript:alert(1) m n")
                    .contains(ModelTextGuard.DIAGRAM_NOTE, "```text\ngraph TD\nclick A call cb()");
        });
        InertHtml.assertInert(String.join("\n\n", sections.values()));
    }

    @Test
    void aDefinitionInOneSectionLinksNothingInAnother() {
        Map<Section, String> s = parse("## Intent\nSee [docs][r].\n## Behavior\n[r]: javascript:alert(1)\n\nText.\n");
        assertThat(s.get(Section.INTENT)).isEqualTo("See [docs][r].");
        assertThat(s.get(Section.BEHAVIOR)).isEqualTo("Text.");
        assertThat(InertHtml.hrefs(InertHtml.assertInert(s.get(Section.INTENT) + "\n\n" + s.get(Section.BEHAVIOR))))
                .isEmpty();
    }

    @Test
    void relativeLinksAreJudgedFromTheSpecsOwnPlace() {
        String answer = "## Intent\nSee [other](../other/com.acme.spec.md) and [pom](../../pom.xml) and "
                + "[out](../../../pom.xml).\n";
        assertThat(ProseParser.parse(answer, "specs/core/com.acme.spec.md").get(Section.INTENT))
                .isEqualTo("See [other](../other/com.acme.spec.md) and [pom](../../pom.xml) and out.");
        // From a spec one directory higher, ../../pom.xml already leaves the execution root.
        assertThat(ProseParser.parse(answer, "specs/com.acme.spec.md").get(Section.INTENT))
                .isEqualTo("See [other](../other/com.acme.spec.md) and pom and out.");
    }

    @Test
    void ordinaryProseListsTablesAndCodeComeThroughUnchanged() {
        String body = """
                The `Cache` keeps *recent* entries & evicts the **oldest**; see [docs](https://example.com/a?b=1&c=2).

                - `get(key)` reads
                - `put(key, value)` writes

                | Member | Purpose |
                |---|---|
                | `get` | reads_value |

                ```java
                if (a < b && c > d) { return map.get(key); }
                ```""";
        assertThat(parse("## Intent\n" + body + "\n").get(Section.INTENT)).isEqualTo(body);
    }

    @Test
    void headingsInsideCodeFencesDoNotStartSections() {
        String answer = "## Intent\n```\n## Behavior\n```\ntext\n";
        Map<Section, String> s = parse(answer);
        assertThat(s).containsOnlyKeys(Section.INTENT);
        assertThat(s.get(Section.INTENT)).contains("## Behavior");
    }

    @Test
    void anUnclosedFenceIsClosedAndARunawaySectionIsCut() {
        String intent = parse("## Intent\n```java\nint x;\n").get(Section.INTENT);
        assertThat(intent).isEqualTo("```java\nint x;\n```");
        String huge = "## Intent\n" + "word ".repeat(10_000);
        assertThat(parse(huge).get(Section.INTENT).length()).isLessThan(ProseParser.MAX_SECTION_CHARS + 200);
        // Cut inside a fence: the rest is code up to a closing fence, and the spec's structure holds.
        String cutInFence =
                parse("## Intent\n```text\n" + "line\n".repeat(5_000)).get(Section.INTENT);
        assertThat(cutInFence).startsWith("```text\n").endsWith("\n```");
        InertHtml.assertInert(cutInFence);
    }
}
