package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTextGuardTest {

    /** Two directories below the execution root, as a spec of a module in {@code core/}. */
    private static final String SPEC = "specs/core/com.acme.cache.spec.md";

    private static String guard(String markdown) {
        return ModelTextGuard.guard(markdown, SPEC);
    }

    /** Guards, checks that nothing active renders, that guarding again changes nothing; the text. */
    private static String inert(String markdown) {
        String out = guard(markdown);
        InertHtml.assertInert(out);
        assertThat(out)
                .as("written back, not the last resort")
                .doesNotStartWith("```text")
                .doesNotStartWith("````text");
        assertThat(guard(out)).as("guarding twice").isEqualTo(out);
        assertThat(guard(markdown)).as("same input, same bytes").isEqualTo(out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](jav&#x61;script:alert(1))",
                "[x](&#106;avascript:alert(1))",
                "[x](&#0000106;avascript:alert(1))",
                "[x](javascript&colon;alert(1))",
                "[x](javascript\\:alert(1))",
                "[x](<java\tscript:alert(1)>)",
                "[x](java&#9;script:alert(1))",
                "[x](java&#10;script:alert(1))",
                "[x]( javascript:alert(1) )",
                "[x](%6Aavascript:alert(1))",
                "[x](javascript%3Aalert(1))",
                "[x](vbscript:msgbox(1))",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](file:///etc/passwd)",
                "[x](javascript:alert(1) \"a title\")",
                "[x][r]\n\n[r]: javascript:alert(1)",
                "[x][]\n\n[x]: jav&#x61;script:alert(1) \"t\"",
                "[r]\n\n[r]: <javascript:alert(1)>",
                "<javascript:alert(1)>",
                "<JAVASCRIPT:alert(1)>",
                "![x](javascript:alert(1))",
                "![x](data:image/svg+xml,<svg onload=alert(1)>)",
                "[![img](javascript:x)](javascript:y)",
                "[![img](https://ok.example/i.png)](javascript:y)",
                "[//evil](//evil.example/x)",
                "[/abs](/etc/passwd)",
                "[bs](\\\\evil.example/x)",
                "[above](../../../x.md)",
                "[above](a/../../../../x.md)",
                "[above](%2e%2e/%2e%2e/%2e%2e/x.md)",
            })
    void scriptAndEscapingLinksLoseTheirDestination(String attack) {
        String out = inert("Before " + attack + " after.");
        assertThat(InertHtml.hrefs(InertHtml.html(out))).allMatch(h -> h.startsWith("https:"));
        assertThat(out).startsWith("Before").contains("after.");
    }

    @Test
    void aDisallowedLinkKeepsItsTextAndAnImageItsAlt() {
        assertThat(inert("See [the docs](javascript:alert(1)) now.")).isEqualTo("See the docs now.");
        assertThat(inert("A ![diagram of *flows*](javascript:x) here.")).isEqualTo("A diagram of *flows* here.");
        assertThat(inert("[![badge](javascript:x)](javascript:y)")).isEqualTo("badge");
        assertThat(inert("[x][r]\n\n[r]: javascript:alert(2)")).isEqualTo("x");
        // An autolink's text is the URL itself: left as inert text.
        assertThat(InertHtml.html(inert("<javascript:alert(1)>"))).doesNotContain("<a ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hello <script>alert(1)</script> world",
                "<script>\nalert(1)\n</script>",
                "<img src=x onerror=\"alert(1)\">",
                "Inline <img src=x onerror=alert(1)> image",
                "<a href=\"javascript:alert(1)\">click</a>",
                "text <a href=\"javascript:alert(1)\">click</a>",
                "<details>\n<summary>More</summary>\n\nhidden *text*\n\n</details>",
                "<!-- a comment -->",
                "before <!-- hidden --> after",
                "<!--\n\nmulti-line comment\n\n-->",
                "- a\n\n  <div>\n  x\n\n- b",
                "<![CDATA[ <script>alert(1)</script> ]]>",
                "<?php echo 1; ?>",
                "<!DOCTYPE html>",
                "<svg><script>alert(1)</script></svg>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<style>body{display:none}</style>",
                "> <b onmouseover=alert(1)>quoted</b>",
                "- <img src=x onerror=alert(1)>",
                "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <b>x</b> |",
            })
    void rawHtmlIsShownAsTextNeverAsElements(String attack) {
        String out = inert(attack);
        String html = InertHtml.html(out);
        // Visible: the tag's text is on the page as text, not dropped.
        assertThat(html).containsAnyOf("&lt;", "&lt;!");
    }

    @Test
    void htmlTextStaysReadable() {
        assertThat(inert("Hello <b>world</b>.")).isEqualTo("Hello \\<b\\>world\\</b\\>.");
        assertThat(InertHtml.html(inert("<!-- note -->"))).isEqualTo("<p>&lt;!-- note --&gt;</p>\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "```mermaid\ngraph TD\nA-->B\nclick A call cb()\nclick B href \"javascript:alert(1)\"\n```",
                "```Mermaid\n%%{init: {\"securityLevel\": \"loose\"}}%%\ngraph TD\nA-->B\n```",
                "~~~mermaid\ngraph TD\nclick A callback\n~~~",
                "```mmd\ngraph TD\n```",
                "```mermaid{init}\ngraph TD\n```",
                "  ```  MERMAID extra\ngraph TD\n  ```",
                "- item\n\n  ```mermaid\n  graph TD\n  ```",
                "> ```mermaid\n> graph TD\n> ```",
                "```mermaid\ngraph TD\nclick A call cb()",
                "```geojson\n{\"type\": \"Point\", \"coordinates\": [0, 0]}\n```",
            })
    void modelDiagramsAreShownAsSourceNotDrawn(String diagram) {
        String out = inert(diagram);
        assertThat(out).contains(ModelTextGuard.DIAGRAM_NOTE);
        assertThat(out.lines().filter(l -> l.matches("\\W*(```|~~~)\\s*text"))).hasSize(1);
        assertThat(out.toLowerCase(java.util.Locale.ROOT)).doesNotContainPattern("(```|~~~)\\s*(mermaid|mmd|geojson)");
    }

    @Test
    void mermaidTextInsideTheBlockIsKeptVerbatim() {
        String out = inert("```mermaid\ngraph TD\nclick A call cb()\n%%{init: {}}%%\n```");
        assertThat(out)
                .isEqualTo("_" + ModelTextGuard.DIAGRAM_NOTE + "_\n\n```text\ngraph TD\nclick A call cb()\n"
                        + "%%{init: {}}%%\n```");
    }

    @Test
    void headingsStayBelowTheSpecsOwn() {
        assertThat(inert("# Top\r\n## Two\n### Three\n```sh\n# comment\n```\n"))
                .isEqualTo("### Top\n\n### Two\n\n### Three\n\n```sh\n# comment\n```");
        assertThat(inert("Title\n===\nx\n---\n\n---")).isEqualTo("### Title\n\n### x\n\n***");
        assertThat(inert("A setext\nheading on two lines\n---")).isEqualTo("### A setext heading on two lines");
        assertThat(inert("#### Deep stays\n\n> ## Quoted")).isEqualTo("#### Deep stays\n\n> ### Quoted");
        // What would be front matter is a rule and a demoted heading: never a --- line.
        String fm = inert("---\ntype: evil\nstatus: llm\n---\nText.");
        assertThat(fm).isEqualTo("***\n\n### type: evil status: llm\n\nText.");
        assertThat(fm.lines()).noneMatch(l -> l.startsWith("---") || l.startsWith("# ") || l.startsWith("## "));
    }

    @Test
    void aFenceTheModelNeverClosesIsClosed() {
        assertThat(inert("text\n~~~\nopen")).isEqualTo("text\n\n~~~\nopen\n~~~");
        assertThat(inert("```java\nint x;\n## not a heading")).isEqualTo("```java\nint x;\n## not a heading\n```");
        assertThat(inert("````\n```\ninner\n")).isEqualTo("````\n```\ninner\n````");
        assertThat(inert("```java\nint x;\n\n  \n")).isEqualTo("```java\nint x;\n```");
        assertThat(inert("```mermaid\ngraph\n\n")).endsWith("```text\ngraph\n```");
        // A closed fence keeps its blank lines: they are the model's code.
        assertThat(inert("```\na\n\n```")).isEqualTo("```\na\n\n```");
    }

    @Test
    void allowedLinksSurvive() {
        String out = inert("[site](https://example.com/a?b=1&c=2), [plain](http://example.com), "
                + "[mail](mailto:team@example.com), [spec](../other/com.acme.spec.md), [same](com.acme.util.spec.md), "
                + "[code](../../core/src/main/java/A.java#L3), [here](#intent), <https://example.com/x> and "
                + "<team@example.com>, ![logo](https://example.com/logo.png \"Logo\")");
        assertThat(out)
                .isEqualTo("[site](https://example.com/a?b=1&c=2), [plain](http://example.com), "
                        + "[mail](mailto:team@example.com), [spec](../other/com.acme.spec.md), [same](com.acme.util.spec.md), "
                        + "[code](../../core/src/main/java/A.java#L3), [here](#intent), <https://example.com/x> and "
                        + "<team@example.com>, ![logo](https://example.com/logo.png \"Logo\")");
        assertThat(InertHtml.hrefs(InertHtml.html(out)))
                .containsExactly(
                        "https://example.com/a?b=1&c=2",
                        "http://example.com",
                        "mailto:team@example.com",
                        "../other/com.acme.spec.md",
                        "com.acme.util.spec.md",
                        "../../core/src/main/java/A.java#L3",
                        "#intent",
                        "https://example.com/x",
                        "mailto:team@example.com");
    }

    @ParameterizedTest
    @CsvSource({
        "specs/x.spec.md, ../README.md, true",
        "specs/x.spec.md, ../../README.md, false",
        "specs/a/b/x.spec.md, ../../../pom.xml, true",
        "specs/a/b/x.spec.md, ../../../../pom.xml, false",
        "specs/a/b/x.spec.md, ../../../a/../pom.xml, true",
        "specs/x.spec.md, ./y.spec.md, true",
        "specs/x.spec.md, '', false",
        "specs/x.spec.md, ?q=1, true",
        "specs/x.spec.md, HTTPS://example.com, true",
        "specs/x.spec.md, MailTo:a@b.c, true",
        "specs/x.spec.md, ftp://example.com, false",
        "specs/x.spec.md, a:b/c, false",
        "specs/x.spec.md, dir/a:b, true",
        "specs/x.spec.md, /specs/x.spec.md, false",
        "specs/x.spec.md, //example.com, false",
        "specs/x.spec.md, \\\\example.com, false",
        "specs/x.spec.md, ..\\..\\x, false",
        "specs/x.spec.md, %2E%2E/%2e%2e/x, false",
    })
    void relativeLinksMayNotLeaveTheExecutionRoot(String specPath, String destination, boolean allowed) {
        int depth = (int) specPath.chars().filter(c -> c == '/').count();
        assertThat(ModelTextGuard.allowed(destination, depth)).as(destination).isEqualTo(allowed);
        String out = ModelTextGuard.guard("[x](<" + destination.replace("\\", "\\\\") + ">)", specPath);
        assertThat(out.startsWith("[x](")).as(out).isEqualTo(allowed);
    }

    @Test
    void ordinaryMarkdownComesBackAsTheModelWroteIt() {
        String prose = """
                The `Cache` keeps at most `capacity` entries & evicts the least recently used one; it is \
                thread_safe for reads (see [the docs](https://example.com/docs?a=1&b=2)). Note a < b && c > d, \
                3 * 4 = 12, array[0], C:\\dir and 50% of calls *hit* or **miss**.

                - first item with **bold** text
                - second item: `get(key)` returns `null`
                  - nested item
                - [ ] an open task

                1. Step one.
                2. Step two (see #42).

                | Member | Purpose |
                |---|:---:|
                | `get` | Reads a value \\| or not |
                | `put` | Writes_value |

                ```java
                int x = a < b ? 1 : 2; // <b>not html</b>
                ```

                > A quote with _emphasis_ and a line\\
                > broken by a backslash.""";
        String out = inert(prose);
        assertThat(out).isEqualTo(prose);
        String html = InertHtml.html(out);
        assertThat(html)
                .contains(
                        "<table>",
                        "<td align=\"center\">Reads a value | or not</td>",
                        "<pre><code class=\"language-java\">int x = a &lt; b",
                        "<li>first item with <strong>bold</strong>",
                        "<em>hit</em>",
                        "<br />");
    }

    @Test
    void whatTheRendererChangesIsLayoutOnly() {
        // Blocks the model ran together get a blank line between them; a changed bullet starts a new list.
        assertThat(inert("Intro:\n- a\n- b\n* c\nEnd.")).isEqualTo("Intro:\n\n- a\n- b\n\n* c\n  End.");
        // Trailing-space hard breaks become backslashes: the spec strips trailing blanks.
        assertThat(inert("one  \ntwo")).isEqualTo("one\\\ntwo");
        // Text created by the guard (from HTML) or moved to the start of a line is escaped by the renderer.
        assertThat(inert("[- not a list](javascript:x)")).isEqualTo("\\- not a list");
        assertThat(inert("[+ not a list](javascript:x)")).isEqualTo("\\+ not a list");
        assertThat(inert("[# not a heading](javascript:x)")).isEqualTo("\\# not a heading");
        assertThat(inert("[1. not a list](javascript:x)")).isEqualTo("1\\. not a list");
    }

    @Test
    void nothingIsLostOrAddedOutsideTheRules() {
        assertThat(guard("")).isEmpty();
        assertThat(guard("  \n\n ")).isEmpty();
        assertThat(inert("\u0000 nul")).isEqualTo("\uFFFD nul");
        String nested = "- a\n  > b [x](javascript:1)\n  >\n  > ```mermaid\n  > graph\n  > ```\n- c";
        assertThat(inert(nested)).contains("> b x", "```text", "- c");
    }

    @Test
    void randomMixesOfProseAndAttacksStayInertStableAndWrittenBack() {
        String[] fragments = {
            "# H\n",
            "Para with _x_ and *y* & z.\n",
            "- item\n",
            "  - nested\n",
            "1. one\n",
            "> quote\n",
            "```mermaid\ngraph\nclick A call cb()\n```\n",
            "[a](javascript:x)",
            "[- b](javascript:y)",
            "<b onclick=x>x</b>",
            "<!-- c -->\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "---\n",
            "===\n",
            "text\n",
            "\n",
            "  ",
            "![i](javascript:z)",
            "[ok](https://x.y)",
            "<https://q.r>",
            "<javascript:q>",
            "* star\n",
            "+ plus\n",
            "```java\nint x;\n```\n",
            "[r]: javascript:q\n",
            "[r]\n",
            "a  \nb\n",
            "\\",
            "`code`",
            "&amp;",
            "&#35; x\n",
            "<details>\n",
            "    indented\n",
            "~~~\n",
            "| x |\n",
            "[up](../../../../x)",
            "jav&#x61;script:",
            "<script>alert(1)</script>\n",
            "  > <!-- q -->\n",
            "- > q\n",
            "> - <b>r</b>\n"
        };
        // A fixed seed: the same mixes every run.
        Random random = new Random(20_261_125);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 1 + random.nextInt(8); j > 0; j--) {
                sb.append(fragments[random.nextInt(fragments.length)]);
            }
            inert(sb.toString());
        }
    }

    @Test
    void theLastResortIsOneCodeBlockNothingCanClose() {
        String code = ModelTextGuard.asInertCode("<script>x</script>\n```\n````\n");
        assertThat(code).isEqualTo("`````text\n<script>x</script>\n```\n````\n`````");
        assertThat(InertHtml.assertInert(code)).startsWith("<pre><code class=\"language-text\">&lt;script&gt;");
    }
}
