package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.META;
import static io.github.reversespec.render.Fixtures.cacheFacts;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.spec.Prose;
import org.junit.jupiter.api.Test;

class SpecEditsTest {

    private final SpecRenderer renderer = new SpecRenderer();

    private String spec() {
        return renderer.render(cacheFacts(), Prose.NONE, META);
    }

    @Test
    void aFreshSpecEndsWithAnEmptyNotesBlockAndIsNotEdited() {
        String spec = spec();
        assertThat(spec).endsWith("\n\n" + SpecEdits.NOTES_OPEN + "\n" + SpecEdits.NOTES_CLOSE + "\n");
        assertThat(SpecText.frontMatter(spec).get(SpecEdits.HASH_KEY))
                .asString()
                .matches("sha256:[0-9a-f]{64}");
        assertThat(SpecEdits.notes(spec)).isEmpty();
        assertThat(SpecEdits.editedOutsideNotes(spec)).isFalse();
        assertThat(SpecFileReader.parse(spec).orElseThrow().edited()).isFalse();
    }

    @Test
    void textInTheNotesBlockIsNotAnEditAndIsCarriedOver() {
        String notes = "We keep this cache because the vendor API is slow.\n\n```java\nCache.of(1);\n```\n";
        String edited = spec().replace(SpecEdits.NOTES_CLOSE, notes + SpecEdits.NOTES_CLOSE);

        assertThat(SpecEdits.editedOutsideNotes(edited)).isFalse();
        assertThat(SpecEdits.notes(edited)).isEqualTo(notes);

        String regenerated = renderer.render(cacheFacts(), Prose.NONE, META, SpecEdits.notes(edited));
        assertThat(regenerated).isEqualTo(edited);
        assertThat(SpecFileReader.parse(regenerated).orElseThrow().notes()).isEqualTo(notes);
    }

    @Test
    void anEditOutsideTheNotesIsDetected() {
        String spec = spec();
        assertThat(SpecEdits.editedOutsideNotes(spec.replace("## 3. Behavior\n", "## 3. Behavior\n\nMy words.\n")))
                .isTrue();
        assertThat(SpecEdits.editedOutsideNotes(spec.replace("status: ast-only", "status: llm")))
                .isTrue();
        assertThat(SpecEdits.editedOutsideNotes(spec.replace(SpecEdits.NOTES_OPEN + "\n", "")))
                .as("marker removed")
                .isTrue();
        assertThat(SpecFileReader.parse(spec + "More.\n").orElseThrow().edited())
                .as("after the block")
                .isTrue();
    }

    @Test
    void windowsLineEndingsAreNotAnEdit() {
        String crlf = spec().replace("\n", "\r\n");
        assertThat(SpecEdits.editedOutsideNotes(crlf)).isFalse();
        String withNotes = crlf.replace(SpecEdits.NOTES_CLOSE, "A note.\r\n" + SpecEdits.NOTES_CLOSE);
        assertThat(SpecEdits.notes(withNotes)).isEqualTo("A note.\n");
    }

    @Test
    void aSpecWithoutHashCannotTellAndCountsAsNotEdited() {
        String old = spec().replaceFirst("\n" + SpecEdits.HASH_KEY + ": [^\n]*", "");
        assertThat(SpecEdits.editedOutsideNotes(old + "anything")).isFalse();
    }

    @Test
    void aMarkerQuotedInTheGeneratedTextCannotTakeTheNotes() {
        String spec = spec();
        String trick = spec.replace(
                "## 3. Behavior\n",
                "## 3. Behavior\n\n" + SpecEdits.NOTES_OPEN + "\nfake\n" + SpecEdits.NOTES_CLOSE + "\n");
        String withNotes =
                trick.substring(0, trick.lastIndexOf(SpecEdits.NOTES_CLOSE)) + "real\n" + SpecEdits.NOTES_CLOSE + "\n";
        assertThat(SpecEdits.notes(withNotes)).isEqualTo("real\n");
    }

    @Test
    void theRedactionRunsBeforeTheHash() {
        SpecRenderer redacting = new SpecRenderer(t -> t.replace("com.acme.cache", "com.acme.[x]"));
        String spec = redacting.render(cacheFacts(), Prose.NONE, META);
        assertThat(spec).doesNotContain("com.acme.cache");
        assertThat(SpecEdits.editedOutsideNotes(spec)).isFalse();
    }
}
