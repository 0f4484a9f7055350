package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.META;
import static io.github.reversespec.render.Fixtures.bareFacts;
import static io.github.reversespec.render.Fixtures.cacheFacts;
import static io.github.reversespec.render.Fixtures.file;
import static io.github.reversespec.render.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFileInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheRendererWrote() throws IOException {
        String spec = new SpecRenderer().render(cacheFacts("a/b"), Prose.NONE, META);
        Path file = write("com.acme.cache.spec.md", spec);

        SpecFileInfo info = SpecFileReader.read(file).orElseThrow();

        assertThat(info.module()).isEqualTo("core");
        assertThat(info.packageName()).isEqualTo("com.acme.cache");
        assertThat(info.status()).isEqualTo("ast-only");
        assertThat(info.model()).isEqualTo("none");
        assertThat(info.sourceHash()).isEqualTo("sha256:0123abcd");
        assertThat(info.interfaceHash()).isEqualTo("sha256:aaaa");
        assertThat(info.dependencyHash()).isEqualTo("sha256:bbbb");
        assertThat(info.level()).isEqualTo(1);
        assertThat(info.dependsOn()).containsExactly("core:com.acme.util");
        assertThat(info.relatedFiles()).hasSize(10).contains("a/b/src/main/java/com/acme/cache/Cache.java");
        assertThat(info.intent()).isEqualTo("Store: Key-value storage.");
        // Our reader and snakeyaml agree on every key.
        Map<String, Object> yaml = SpecText.frontMatter(spec);
        assertThat(info.frontMatter().keySet()).containsExactlyElementsOf(yaml.keySet());
        yaml.forEach((k, v) ->
                assertThat(info.frontMatter().get(k)).as(k).isEqualTo(v instanceof Integer ? v.toString() : v));
    }

    @Test
    void toleratesCrlfAndABom() throws IOException {
        String spec = new SpecRenderer().render(cacheFacts(), Prose.NONE, META).replace("\n", "\r\n");
        Path file = dir.resolve("crlf.spec.md");
        Files.write(file, ("\uFEFF" + spec).getBytes(StandardCharsets.UTF_8));

        SpecFileInfo info = SpecFileReader.read(file).orElseThrow();

        assertThat(info.packageName()).isEqualTo("com.acme.cache");
        assertThat(info.dependsOn()).containsExactly("core:com.acme.util");
        assertThat(info.intent()).isEqualTo("Store: Key-value storage.");
        assertThat(info.relatedFiles()).allSatisfy(p -> assertThat(p).doesNotContain("\r"));
    }

    @Test
    void nastyValuesRoundTrip() throws IOException {
        List<String> paths = List.of("src/main/java/We \"ird\": #x/[y], z.java", "src/main/java/ü/back\\slash.java");
        String spec = new SpecRenderer()
                .render(
                        bareFacts(
                                id("yes", "", ""),
                                "",
                                "",
                                paths.stream().map(Fixtures::file).toList(),
                                List.of()),
                        Prose.NONE,
                        META);

        SpecFileInfo info = SpecFileReader.read(write("_default.spec.md", spec)).orElseThrow();

        assertThat(info.relatedFiles()).isEqualTo(paths);
        assertThat(info.module()).isEqualTo("yes");
        assertThat(info.packageName()).isEqualTo("_default");
        assertThat(info.level()).isZero();
        assertThat(info.dependsOn()).isEmpty();
        assertThat(info.intent()).isEqualTo("Package _default of yes has 2 files and declares no types.");
    }

    @Test
    void intentOfAModelSpecIsItsFirstParagraphWithoutMarkdown() {
        Map<Section, String> text = new EnumMap<>(Section.class);
        text.put(
                Section.INTENT,
                "Caches **billing** values for [the API](http://x) and `Store`\\_s,\n"
                        + "keeping the_last_used ones.\n\nSecond paragraph.");
        String spec = new SpecRenderer().render(cacheFacts(), new Prose("m", text), META);

        SpecFileInfo info = SpecFileReader.parse(spec).orElseThrow();

        assertThat(info.status()).isEqualTo("llm");
        assertThat(info.model()).isEqualTo("m");
        assertThat(info.intent())
                .isEqualTo("Caches billing values for the API and Store_s, keeping the_last_used ones.");
    }

    @Test
    void intentSkipsTheNotWrittenMarker() {
        Map<Section, String> text = new EnumMap<>(Section.class);
        text.put(Section.BEHAVIOR, "Does things.");
        String spec = new SpecRenderer()
                .render(
                        bareFacts(
                                id("core", "", "p"),
                                "Package doc.",
                                "",
                                List.of(file("src/main/java/p/A.java")),
                                List.of()),
                        new Prose("m", text),
                        META);

        assertThat(SpecText.section(spec, Section.INTENT)).startsWith(SpecRenderer.NOT_WRITTEN_MARKER);
        assertThat(SpecFileReader.parse(spec).orElseThrow().intent()).isEqualTo("Package doc.");
    }

    @Test
    void longIntentIsCut() {
        String words = "word ".repeat(100).strip();
        String spec = new SpecRenderer()
                .render(bareFacts(id("core", "", "p"), words, "", List.of(), List.of()), Prose.NONE, META);

        String intent = SpecFileReader.parse(spec).orElseThrow().intent();

        assertThat(intent)
                .hasSizeLessThanOrEqualTo(SpecFileReader.MAX_INTENT)
                .startsWith("word word")
                .endsWith("…");
    }

    @Test
    void readsHandWrittenFrontMatterVariants() {
        String text = """
                ---
                # a comment
                type: 'module-spec'
                module: core # trailing comment
                package: "com.acme"
                level: x
                dependsOn:
                  - "core:a"
                  - core:b
                relatedFiles: ["a.java",
                  'it''s.java']
                nested:
                  key: value
                ---
                # com.acme (core)

                ## Intent

                > Quoted *intent* line.
                """;

        SpecFileInfo info = SpecFileReader.parse(text).orElseThrow();

        assertThat(info.module()).isEqualTo("core");
        assertThat(info.packageName()).isEqualTo("com.acme");
        assertThat(info.level()).isEqualTo(-1);
        assertThat(info.dependsOn()).containsExactly("core:a", "core:b");
        assertThat(info.relatedFiles()).containsExactly("a.java", "it's.java");
        assertThat(info.sourceHash()).isEmpty();
        assertThat(info.intent()).isEqualTo("Quoted intent line.");
    }

    @Test
    void garbageIsNotASpec() throws IOException {
        assertThat(SpecFileReader.read(write("empty.md", ""))).isEmpty();
        assertThat(SpecFileReader.read(write("plain.md", "# Just Markdown\n\ntype: module-spec\n")))
                .isEmpty();
        assertThat(SpecFileReader.read(write("other.md", "---\ntype: architecture-index\n---\n# Index\n")))
                .isEmpty();
        assertThat(SpecFileReader.read(write("open.md", "---\ntype: module-spec\nmodule: core\n")))
                .isEmpty();
        assertThat(SpecFileReader.read(write("notype.md", "---\nmodule: core\n---\n")))
                .isEmpty();
        assertThat(SpecFileReader.read(write("dashes.md", "---"))).isEmpty();
        Path binary = dir.resolve("binary.md");
        Files.write(binary, new byte[] {'-', '-', '-', '\n', (byte) 0xFF, (byte) 0xFE, 0, 1, '\n', '-', '-', '-'});
        assertThat(SpecFileReader.read(binary)).isEmpty();
        assertThat(SpecFileReader.read(dir)).isEmpty();
        assertThat(SpecFileReader.read(dir.resolve("missing.spec.md"))).isEmpty();
        assertThat(SpecFileReader.parse(null)).isEmpty();
    }

    @Test
    void aSpecWithoutIntentSectionHasAnEmptyIntent() {
        SpecFileInfo info = SpecFileReader.parse("---\ntype: module-spec\n---\n# x\n## 2. Public Interface\ntext\n")
                .orElseThrow();

        assertThat(info.intent()).isEmpty();
        assertThat(info.level()).isEqualTo(-1);
        assertThat(info.dependsOn()).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
