package io.github.reversespec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** First sentences and plain text from raw Javadoc comment content (what is between the delimiters). */
class JavadocTextTest {

    private static String summary(String content) {
        return JavadocText.summary(content);
    }

    @Test
    void firstSentenceEndsAtAPeriodFollowedByWhitespace() {
        assertThat(summary("\n * Loads the file. Then parses it.\n")).isEqualTo("Loads the file.");
        assertThat(summary(" Version 1.2 of the format, i.e. the old one. More."))
                .isEqualTo("Version 1.2 of the format, i.e. the old one.");
        assertThat(summary(" No period at all\n * over two lines\n")).isEqualTo("No period at all over two lines");
    }

    @Test
    void inlineTagsBecomeTheirText() {
        assertThat(summary(" Returns {@code Map<String, List<T>>} from {@link Foo#bar(int, int)}."))
                .isEqualTo("Returns Map<String, List<T>> from Foo#bar(int, int).");
        assertThat(summary(" See {@link java.util.List the list} and {@linkplain Foo}. {@inheritDoc}"))
                .isEqualTo("See the list and Foo.");
        assertThat(summary(" Braces {@code {a}} kept.")).isEqualTo("Braces {a} kept.");
    }

    @Test
    void htmlIsRemovedAndEntitiesDecoded() {
        assertThat(summary(" <p>A <em>very</em> &lt;small&gt; &amp; fast cache.<br>Second."))
                .isEqualTo("A very <small> & fast cache.");
        assertThat(summary(" Intro without period\n * <ul><li>one</li></ul>")).isEqualTo("Intro without period");
    }

    @Test
    void blockTagsEndTheDescription() {
        assertThat(summary("\n * @param x the x\n * @return y\n")).isEmpty();
        assertThat(summary(" Short\n * @return the thing. Really.")).isEqualTo("Short");
        assertThat(JavadocText.hasDeprecatedTag(" Old.\n * @deprecated use New"))
                .isTrue();
        assertThat(JavadocText.hasDeprecatedTag(" Mentions {@code @deprecated} inline."))
                .isFalse();
    }

    @Test
    void longSentencesAreCutAtAWord() {
        String s = summary(" " + "word ".repeat(100) + "end.");
        assertThat(s).hasSizeLessThanOrEqualTo(JavadocText.MAX_SUMMARY).endsWith("word…");
    }

    @Test
    void packageTextKeepsEveryParagraph() {
        assertThat(JavadocText.fullText("\n * First.\n *\n * <p>Second {@code x}.\n * @since 2\n"))
                .isEqualTo("First. Second x.");
    }

    @Test
    void plainTextBreaksAtBlockElementsAndNamesLinksSimply() {
        assertThat(JavadocText.fullText("\n * Well {@link org.apache.commons.lang3.builder.HashCodeBuilder} will"
                        + " save your day.\n * <h2>Contents</h2>\n * The classes:<ul><li>{@link java.util.List#add(Object)"
                        + "}<li>two</ul>\n"))
                .isEqualTo("Well HashCodeBuilder will save your day. Contents: The classes: List#add(Object); two");
    }

    @Test
    void aPreExampleAFirstParagraphLeadsIntoIsKeptWithItsLinesAndTheSummaryDoesNotDangle() {
        // commons-lang3's ToStringStyle.DEFAULT_STYLE: "the output would look like this:" and nothing after
        String content = "\n * The default style. Using the {@code Person} example, the output would look like this:"
                + "\n *\n * <pre>\n * Person@182f0db[\n *   name=John Doe\n * ]\n * </pre>\n *\n * <p>More.\n";
        assertThat(JavadocText.parse(content).description())
                .isEqualTo("The default style. Using the {@code Person} example, the output would look like this:"
                        + " <pre>Person@182f0db[\n  name=John Doe\n]</pre>");
        assertThat(summary(" Prints it like this:\n * <pre>{@code\n * print(x);\n * }</pre>"))
                .isEqualTo("Prints it like this: " + JavadocText.EXAMPLE_NOTE);
        assertThat(JavadocText.parse(" Prints it like this:\n * <pre>{@code\n * print(x);\n * }</pre>")
                        .firstSentence())
                .isEqualTo("Prints it like this: " + JavadocText.EXAMPLE_NOTE);
        // a sentence that ends before the example needs no note; a long example is cut
        assertThat(summary(" Prints. Like this:\n * <pre>x</pre>")).isEqualTo("Prints.");
        String longExample = " Like this:\n * <pre>\n" + " * line\n".repeat(30) + " * </pre>";
        assertThat(JavadocText.parse(longExample).description().lines())
                .hasSize(JavadocText.MAX_EXAMPLE_LINES + 1)
                .last()
                .isEqualTo("…</pre>");
    }

    @Test
    void paramSummaryOfARecordComponent() {
        String doc =
                "\n * A point.\n * @param x the abscissa. Can be negative.\n *   really\n * @param y the ordinate\n";
        assertThat(JavadocText.paramSummary(doc, "x")).isEqualTo("the abscissa.");
        assertThat(JavadocText.paramSummary(doc, "y")).isEqualTo("the ordinate");
        assertThat(JavadocText.paramSummary(doc, "z")).isEmpty();
    }

    @Test
    void partsKeepTheWholeFirstParagraphAndEveryTag() {
        DocComment d = JavadocText.parse("""
                 * Loads the {@link Config} from a file. Then validates it,
                 * e.g. its <b>port</b>.
                 *
                 * <p>Second paragraph, left out.
                 * @param path where the file is;
                 *     relative to the root
                 * @param <T> the type of value
                 * @return the config, never {@code null}
                 * @throws IOException if it cannot be read
                 * @exception java.lang.IllegalStateException when closed
                 * @since 1.4
                 * @see Other
                 * @deprecated use {@link #load(Path, Charset)} instead
                """);
        assertThat(d.description())
                .isEqualTo("Loads the {@link Config} from a file. Then validates it, e.g. its <b>port</b>.");
        assertThat(d.params())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("path", "where the file is; relative to the root"),
                        org.assertj.core.api.Assertions.entry("<T>", "the type of value"));
        assertThat(d.returns()).isEqualTo("the config, never {@code null}");
        assertThat(d.throwsDocs())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("IOException", "if it cannot be read"),
                        org.assertj.core.api.Assertions.entry("java.lang.IllegalStateException", "when closed"));
        assertThat(d.since()).isEqualTo("1.4");
        assertThat(d.deprecation()).isEqualTo("use {@link #load(Path, Charset)} instead");
        assertThat(d.inheritedFrom()).isEmpty();
    }

    @Test
    void aBlockTagOrBlockHtmlEndsTheFirstParagraph() {
        assertThat(JavadocText.parse(" <p>Intro, no period\n * <ul><li>one</li></ul>")
                        .description())
                .isEqualTo("Intro, no period");
        assertThat(JavadocText.parse("\n * @return the thing\n").description()).isEmpty();
        assertThat(JavadocText.parse("\n * @return the thing\n").returns()).isEqualTo("the thing");
        assertThat(JavadocText.parse(" {@inheritDoc}").description()).isEqualTo("{@inheritDoc}");
    }

    @Test
    void anInlineReturnTagGivesDescriptionAndReturn() {
        DocComment d = JavadocText.parse(" {@return the {@code size}} Counted once.");
        assertThat(d.description()).isEqualTo("Returns the {@code size}. Counted once.");
        assertThat(d.returns()).isEqualTo("the {@code size}");
    }

    @Test
    void aLongParagraphIsCutAtAWordOutsideAnInlineTag() {
        String text = " " + "word ".repeat(300) + "{@link Foo#bar(int, int) the bar} end.";
        String d = JavadocText.parse(text).description();
        assertThat(d).hasSizeLessThanOrEqualTo(JavadocText.MAX_DESCRIPTION + 2).endsWith("word …");
        assertThat(JavadocText.cut("aa {@link Foo#bar(int, int) x} bb", 20)).isEqualTo("aa …");
    }
}
