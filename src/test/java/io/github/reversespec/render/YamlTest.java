package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlTest {

    static Stream<String> nasty() {
        return Stream.of(
                "a: b",
                "key:",
                "#hash",
                "value # comment",
                "value #",
                "\"quoted\"",
                "'single'",
                "it's",
                "-leading",
                "- item",
                "--",
                "---",
                "...",
                "[x]",
                "x]",
                "{y}",
                "Ünïcödé ✓ 😀 日本",
                "yes",
                "No",
                "NULL",
                "null",
                "~",
                "true",
                "False",
                "on",
                "OFF",
                "y",
                "n",
                "1.0",
                "42",
                "-7",
                "0x1F",
                "012",
                "1:20",
                "1_000",
                "2024-01-01",
                "12:30:00",
                "",
                " ",
                " padded ",
                "tab\there",
                "line\nbreak",
                "cr\rlf",
                "back\\slash",
                "\\n literally",
                "*alias",
                "&anchor",
                "!tag",
                "!!str x",
                "%directive",
                "@at",
                "`tick",
                "|",
                "|-",
                ">",
                "?",
                "? q",
                ",",
                ":",
                "a:",
                ".inf",
                ".NaN",
                "<<",
                "=",
                "nel\u0085x",
                "ls\u2028ps\u2029",
                "bell\u0007",
                "del\u007f",
                "bom\uFEFF",
                "nbsp\u00A0x",
                "C:\\Users\\x",
                "src/main/java/We \"ird\": #dir/[x].java",
                "sha256:abc",
                "reverse-spec-maven-plugin/0.1.0-SNAPSHOT",
                "llama3.1:8b",
                "a:b:c");
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void scalarParsesBackToTheSameString(String value) {
        Map<String, Object> map = load("k: " + Yaml.scalar(value) + "\n");
        assertThat(map.get("k")).isInstanceOf(String.class).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void quotedParsesBackToTheSameString(String value) {
        assertThat(load("k: " + Yaml.quoted(value) + "\n").get("k")).isEqualTo(value);
        assertThat(Yaml.readMapping("k: " + Yaml.quoted(value)).orElseThrow().get("k"))
                .isEqualTo(value);
        assertThat(Yaml.readMapping("k: " + Yaml.scalar(value)).orElseThrow().get("k"))
                .isEqualTo(value);
    }

    @Test
    void flowListParsesBackInBothParsers() {
        List<String> items = nasty().toList();
        String line = "k: " + Yaml.flowList(items) + "\n";
        assertThat(load(line).get("k")).isEqualTo(items);
        String spec = "---\ntype: module-spec\nk: " + Yaml.flowList(items) + "\n---\n";
        assertThat(SpecFileReader.parse(spec))
                .hasValueSatisfying(info -> assertThat(info.list("k")).isEqualTo(items));
        assertThat(Yaml.flowList(List.of())).isEqualTo("[]");
        assertThat(load("k: []\n").get("k")).isEqualTo(List.of());
    }

    @Test
    void simpleValuesStayPlain() {
        assertThat(Yaml.scalar("core")).isEqualTo("core");
        assertThat(Yaml.scalar("com.acme.cache")).isEqualTo("com.acme.cache");
        assertThat(Yaml.scalar("_default")).isEqualTo("_default");
        assertThat(Yaml.scalar("sha256:0123abcd")).isEqualTo("sha256:0123abcd");
        assertThat(Yaml.scalar("reverse-spec-maven-plugin/1.2.3")).isEqualTo("reverse-spec-maven-plugin/1.2.3");
        assertThat(Yaml.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(Yaml.scalar("1.0")).isEqualTo("\"1.0\"");
        assertThat(Yaml.scalar("a: b")).isEqualTo("\"a: b\"");
    }

    @Test
    void loneSurrogateBecomesReplacementCharacter() {
        assertThat(load("k: " + Yaml.quoted("x\uD800y") + "\n").get("k")).isEqualTo("x\uFFFDy");
    }

    @Test
    void flowListKeepsTheFormatSpecsHaveAlways() {
        assertThat(Yaml.flowList(List.of("src/a/B.java", "it's", "x\"y")))
                .isEqualTo("[\"src/a/B.java\", \"it's\", \"x\\\"y\"]");
        String many = Yaml.flowList(java.util.Collections.nCopies(200, "src/main/java/com/acme/Long.java"));
        assertThat(many).doesNotContain("\n");
    }

    @Test
    void readerTakesEveryStyleAHandEditMightUse() {
        String block = String.join(
                "\n",
                "# a comment",
                "plain: core",
                "single: 'it''s'",
                "double: \"a\\tb\"",
                "level: 02",
                "empty:",
                "flag: true",
                "block:",
                "  - one",
                "  - 'two'",
                "flow: [a, \"b c\",",
                "   d]",
                "nested:",
                "  inner: x",
                "mixed: [x, {y: z}, [w]]");
        assertThat(Yaml.readMapping(block).orElseThrow())
                .containsExactly(
                        Map.entry("plain", "core"),
                        Map.entry("single", "it's"),
                        Map.entry("double", "a\tb"),
                        Map.entry("level", "02"),
                        Map.entry("empty", ""),
                        Map.entry("flag", "true"),
                        Map.entry("block", List.of("one", "two")),
                        Map.entry("flow", List.of("a", "b c", "d")),
                        Map.entry("mixed", List.of("x")));
    }

    @Test
    void readerRefusesWhatIsNotAMapping() {
        assertThat(Yaml.readMapping("- a\n- b")).isEmpty();
        assertThat(Yaml.readMapping("just text")).isEmpty();
        assertThat(Yaml.readMapping("a: [unclosed")).isEmpty();
        assertThat(Yaml.readMapping("a: b\n  c: d: e")).isEmpty();
        assertThat(Yaml.readMapping("")).hasValue(Map.of());
    }

    private static Map<String, Object> load(String text) {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** Values of every kind the writer meets: plain, reserved, numbers, quotes, escapes, controls, Unicode. */
    private static final List<String> TRICKY = List.of(
            "module-spec",
            "sha256:abc",
            "com.acme.cache",
            "true",
            "Null",
            "yes",
            "0",
            "007",
            "12",
            "1e3",
            "-1",
            "",
            " lead",
            "trail ",
            "a: b",
            "a #b",
            "#c",
            "say \"hi\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "\u0085nel",
            "ls\u2028ps\u2029",
            "caf\u00e9",
            "\ud83d\ude00",
            "~",
            "[x]",
            "{y}",
            "*a",
            "&b",
            "!t",
            "%p",
            "@q",
            "`r`",
            "src/main/java/A.java",
            "- item",
            "? k",
            "a,b",
            "'single'");

    @Test
    void theOwnFormReaderGivesWhatTheYamlParserGivesOrLeavesTheBlockToIt() {
        Random random = new Random(42);
        int fast = 0;
        for (int round = 0; round < 2_000; round++) {
            StringBuilder block = new StringBuilder();
            int keys = 1 + random.nextInt(6);
            for (int k = 0; k < keys; k++) {
                String value = TRICKY.get(random.nextInt(TRICKY.size()));
                String written = switch (random.nextInt(4)) {
                    case 0 -> Yaml.scalar(value);
                    case 1 -> Yaml.quoted(value);
                    case 2 -> {
                        List<String> items = new ArrayList<>();
                        for (int j = random.nextInt(4); j > 0; j--) {
                            items.add(TRICKY.get(random.nextInt(TRICKY.size())));
                        }
                        yield Yaml.flowList(items);
                    }
                    default -> value; // as a hand edit might leave it
                };
                block.append(k == 0 ? "" : "\n")
                        .append("key")
                        .append(k)
                        .append(": ")
                        .append(written);
            }
            Map<String, Object> own = Yaml.readOwn(block.toString());
            if (own != null) {
                fast++;
                assertThat(Yaml.readByParser(block.toString()))
                        .as(block.toString())
                        .contains(own);
            }
        }
        assertThat(fast).as("blocks read without the parser").isGreaterThan(100);
    }

    @Test
    void theSpecsThePluginWritesAreReadWithoutTheParser() throws IOException {
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of("specs"))) {
            specs = files.filter(p -> p.toString().endsWith(".spec.md")).toList();
        }
        assertThat(specs).isNotEmpty();
        for (Path spec : specs) {
            String text = Files.readString(spec);
            String block = text.substring(4, text.indexOf("\n---", 4));
            assertThat(Yaml.readOwn(block)).as(spec.toString()).isNotNull();
            assertThat(Yaml.readByParser(block)).contains(Yaml.readOwn(block));
        }
    }
}
