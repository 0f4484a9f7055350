package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.generate.AstOnlyStep;
import io.github.reversespec.render.SpecEdits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand edit is never lost silently (PRODUCT.md: the notes block and overwriteEdited). */
class HandEditTest {

    @TempDir
    Path root;

    private TinyReactor tiny;
    private Path spec;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void firstRun() throws Exception {
        tiny = new TinyReactor(root);
        new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.MISSING));
        spec = root.resolve("specs/com.acme.base.spec.md");
        log.lines.clear();
    }

    private BatchResult run(RefreshMode mode, boolean overwriteEdited) throws Exception {
        BatchRequest r = tiny.request(mode);
        return new BatchRunner(new AstOnlyStep(), log)
                .run(new BatchRequest(
                        r.reactor(),
                        r.checkpointPath(),
                        r.refresh(),
                        r.selector(),
                        false,
                        1,
                        1,
                        r.generator(),
                        overwriteEdited,
                        KnownSecrets.none()));
    }

    private UnitResult base(BatchResult result) {
        return result.units().stream()
                .filter(u -> u.id().packageName().equals("com.acme.base"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void notesAreCarriedOverByEveryRegeneration() throws Exception {
        String notes = "Ids are not unique across JVMs: see ADR-7.\n";
        Files.writeString(spec, Files.readString(spec).replace(SpecEdits.NOTES_CLOSE, notes + SpecEdits.NOTES_CLOSE));
        // The code changes, so the generated part must change too.
        tiny.write("src/main/java/com/acme/base/More.java", "package com.acme.base;\n\npublic class More {}\n");

        for (RefreshMode mode : new RefreshMode[] {RefreshMode.STALE, RefreshMode.ALL}) {
            BatchResult result = run(mode, false);
            assertThat(base(result).status()).as(mode.label()).isIn(UnitStatus.WRITTEN_AST, UnitStatus.UNCHANGED);
            String text = Files.readString(spec);
            assertThat(text).contains("`More`");
            assertThat(SpecEdits.notes(text)).isEqualTo(notes);
            assertThat(SpecEdits.editedOutsideNotes(text)).isFalse();
        }
    }

    @Test
    void anEditedSpecIsKeptUnderEveryRefreshModeAndNamed() throws Exception {
        String edited =
                Files.readString(spec).replace("## 7. Technical Debt\n", "## 7. Technical Debt\n\nOur own words.\n");
        Files.writeString(spec, edited);
        tiny.write("src/main/java/com/acme/base/More.java", "package com.acme.base;\n\npublic class More {}\n");

        for (RefreshMode mode : RefreshMode.values()) {
            BatchResult result = run(mode, false);
            assertThat(Files.readString(spec)).as(mode.label()).isEqualTo(edited);
            if (mode != RefreshMode.MISSING) {
                assertThat(base(result).status()).as(mode.label()).isEqualTo(UnitStatus.EDITED);
                assertThat(log.at("WARN"))
                        .anyMatch(l -> l.contains("specs/com.acme.base.spec.md was edited by hand")
                                && l.contains("-Dreverse-spec.overwriteEdited=true"));
                assertThat(root.resolve("specs/_batch-summary.md"))
                        .content()
                        .contains("## Edited by hand (kept)", "`acme:com.acme.base`");
                assertThat(root.resolve("specs/_batch-summary.json"))
                        .content()
                        .containsPattern("\"edited\" : \\[ \"acme:com.acme.base\" \\]");
            }
        }
        assertThat(root.resolve("specs/com.acme.app.spec.md")).content().doesNotContain("Our own words.");
    }

    @Test
    void overwriteEditedRegeneratesAndStillKeepsTheNotes() throws Exception {
        String text = Files.readString(spec)
                .replace("## 7. Technical Debt\n", "## 7. Technical Debt\n\nMine.\n")
                .replace(SpecEdits.NOTES_CLOSE, "A note.\n" + SpecEdits.NOTES_CLOSE);
        Files.writeString(spec, text);

        BatchResult result = run(RefreshMode.ALL, true);
        assertThat(base(result).status()).isEqualTo(UnitStatus.WRITTEN_AST);
        String regenerated = Files.readString(spec);
        assertThat(regenerated).doesNotContain("Mine.");
        assertThat(SpecEdits.notes(regenerated)).isEqualTo("A note.\n");
    }

    @Test
    void anUnchangedRerunRewritesNothing() throws Exception {
        String before = Files.readString(spec);
        BatchResult result = run(RefreshMode.ALL, false);
        assertThat(base(result).status()).isEqualTo(UnitStatus.UNCHANGED);
        assertThat(Files.readString(spec)).isEqualTo(before);
    }
}
