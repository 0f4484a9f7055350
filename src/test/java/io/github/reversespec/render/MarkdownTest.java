package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void codeSpansSurviveBackticksAndLineBreaks() {
        assertThat(Markdown.code("List<T>")).isEqualTo("`List<T>`");
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(Markdown.code("a\nb\r\nc")).isEqualTo("`a b c`");
        assertThat(Markdown.code("")).isEqualTo("` `");
    }

    @Test
    void cellsEscapePipesAndFoldLines() {
        assertThat(Markdown.cell("`a | b`\nnext")).isEqualTo("`a \\| b` next");
        assertThat(Markdown.row(java.util.List.of("x|y", ""))).isEqualTo("| x\\|y |  |");
        assertThat(Markdown.tableHead("A", "B")).isEqualTo("| A | B |\n|---|---|");
    }

    @Test
    void textFromCodeCannotTurnIntoMarkup() {
        assertThat(Markdown.text("<script>*bold* [link](x) _u_ `c` \\"))
                .isEqualTo("\\<script\\>\\*bold\\* \\[link\\](x) \\_u\\_ \\`c\\` \\\\");
        assertThat(Markdown.text("# not a heading")).isEqualTo("\\# not a heading");
        assertThat(Markdown.text("- not a list")).isEqualTo("\\- not a list");
        assertThat(Markdown.text("a - b # c")).isEqualTo("a - b # c");
    }

    @Test
    void javadocBecomesMarkdown() {
        assertThat(Markdown.javadoc("Returns {@code Map<K, V>} of {@link Foo#bar(int, int) the bar} or"
                        + " {@link java.util.List}, see {@linkplain Baz baz}."))
                .isEqualTo("Returns `Map<K, V>` of `the bar` or `List`, see baz.");
        assertThat(Markdown.javadoc("<p>Uses <code>a &lt; b</code> and <b>bold</b>&amp;more.</p>"))
                .isEqualTo("Uses `a < b` and bold&more.");
        assertThat(Markdown.javadoc("Nested {@code {a}} braces, {@literal <x>} and {@value #MAX}."))
                .isEqualTo("Nested `{a}` braces, \\<x\\> and `#MAX`.");
        assertThat(Markdown.javadoc("Broken {@code unclosed")).isEqualTo("Broken {@code unclosed");
        assertThat(Markdown.javadoc("x < y > z")).isEqualTo("x \\< y \\> z");
        assertThat(Markdown.javadoc("  ")).isEmpty();
    }

    @Test
    void blockElementsBecomeSentenceAndItemBreaksNeverGluedWords() {
        // Guava's collect package doc: a heading ran into its paragraph ("collections These are")
        assertThat(Markdown.javadoc("The classes include:<h2>Immutable collections</h2>These are {@link"
                        + " com.google.common.collect.ImmutableList}. <h3>Contents</h3><p>The classes"))
                .isEqualTo("The classes include: Immutable collections: These are `ImmutableList`. Contents: The"
                        + " classes");
        assertThat(Markdown.javadoc("Kinds<ul><li>one</li><li><b>two</b></li></ul>And more."))
                .isEqualTo("Kinds: one; two. And more.");
        assertThat(Markdown.javadoc("<dl><dt>Key<dd>the key<dt>Value</dt><dd>its value</dd></dl>"))
                .isEqualTo("Key: the key; Value: its value");
        assertThat(Markdown.javadoc("<b>Note.</b><p>Then.<br>next line<br>Last"))
                .isEqualTo("Note. Then. next line. Last");
        assertThat(Markdown.javadoc("See {@link #size()} and {@link java.util.Map#put(java.lang.Object, Object)}."))
                .isEqualTo("See `size()` and `Map#put(Object, Object)`.");
    }

    @Test
    void aPreExampleIsAFencedBlockInAParagraphAndShortCodeInACell() {
        String doc = "The output would look like this: <pre>{@code\nPerson@182f0db[\nname=&lt;John&gt;\n]\n}</pre>";
        assertThat(Markdown.javadocBlock(doc))
                .isEqualTo("The output would look like this:\n\n```java\nPerson@182f0db[\nname=<John>\n]\n```");
        assertThat(Markdown.javadocBlock("Has ``` in: <pre>a ``` b</pre>")).contains("````java\na ``` b\n````");
        assertThat(Markdown.javadoc(doc)).isEqualTo("The output would look like this: `Person@182f0db[ name=<John> ]`");
        String wide = Markdown.javadoc("Like: <pre>" + "word ".repeat(60) + "</pre>");
        assertThat(wide).endsWith(" …`").hasSizeLessThan(Markdown.MAX_INLINE_EXAMPLE + 20);
    }

    @Test
    void linkTargetsArePercentEncoded() {
        assertThat(Markdown.linkTarget("../a b/(c)#d/ü.java")).isEqualTo("../a%20b/%28c%29%23d/%C3%BC.java");
        assertThat(Markdown.linkTarget("../core/src/A_b-c.java")).isEqualTo("../core/src/A_b-c.java");
    }

    @Test
    void relativeLinksBetweenRootRelativePaths() {
        assertThat(RelativeLinks.relative("specs", "core/src/A.java")).isEqualTo("../core/src/A.java");
        assertThat(RelativeLinks.relative("specs/a/b", "a/b/src/A.java")).isEqualTo("../../../a/b/src/A.java");
        assertThat(RelativeLinks.relative("specs/a/b", "specs/a/b/x.spec.md")).isEqualTo("x.spec.md");
        assertThat(RelativeLinks.relative("specs/a/b", "specs/a/c/x.spec.md")).isEqualTo("../c/x.spec.md");
        assertThat(RelativeLinks.relative("specs", "specs/x.spec.md")).isEqualTo("x.spec.md");
        assertThat(RelativeLinks.relative("specs/specs", "specs/x.spec.md")).isEqualTo("../x.spec.md");
        assertThat(RelativeLinks.relative("", "A.java")).isEqualTo("A.java");
    }

    @Test
    void mermaidIdsAndLabelsAreSafe() {
        Mermaid.Ids ids = new Mermaid.Ids("u_");
        assertThat(ids.of("core:a.b_c")).isEqualTo("u_core_a_b_c");
        assertThat(ids.of("core:a_b.c")).isEqualTo("u_core_a_b_c_2");
        assertThat(ids.of("core:a.b_c")).isEqualTo("u_core_a_b_c");
        assertThat(ids.of("end")).isEqualTo("u_end");
        assertThat(Mermaid.label("a \"b\" <c> #d")).isEqualTo("\"a #quot;b#quot; #lt;c#gt; #35;d\"");
    }
}
