package io.github.reversespec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.spec.Section;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProseParserTest {

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
        Map<Section, String> s = ProseParser.parse(answer);
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
        assertThat(ProseParser.parse("## Intent\nA.\n## Behavior\nB.\n")).containsOnlyKeys(Section.INTENT, Section.BEHAVIOR);
        assertThat(ProseParser.parse("I cannot help with that.")).isEmpty();
        assertThat(ProseParser.parse("")).isEmpty();
    }

    @Test
    void frontMatterAndAWrappingFenceAreDropped() {
        String answer = "```markdown\n---\ntype: evil\nstatus: llm\n---\n## 1. Intent\nReal text.\n```\n";
        Map<Section, String> s = ProseParser.parse(answer);
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
        String intent = ProseParser.parse(answer).get(Section.INTENT);
        assertThat(intent).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:");
        assertThat(intent).contains("&lt;script&gt;").contains("[ok](https://example.com)");
        assertThat(intent).contains("### Injected Top Level").contains("### 10. Extra Section");
        assertThat(intent.lines()).noneMatch(l -> l.startsWith("# ") || l.startsWith("## ") || l.equals("---"));
        assertThat(intent).contains("`a < b`").contains("<b>code is inert</b>");
    }

    @Test
    void headingsInsideCodeFencesDoNotStartSections() {
        String answer = "## Intent\n```\n## Behavior\n```\ntext\n";
        Map<Section, String> s = ProseParser.parse(answer);
        assertThat(s).containsOnlyKeys(Section.INTENT);
        assertThat(s.get(Section.INTENT)).contains("## Behavior");
    }

    @Test
    void anUnclosedFenceIsClosedAndARunawaySectionIsCut() {
        String intent = ProseParser.parse("## Intent\n```java\nint x;\n").get(Section.INTENT);
        assertThat(intent).endsWith("```");
        String huge = "## Intent\n" + "word ".repeat(10_000);
        assertThat(ProseParser.parse(huge).get(Section.INTENT).length()).isLessThan(ProseParser.MAX_SECTION_CHARS + 200);
    }
}
