package io.github.reversespec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.testing.OwnSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactCacheTest {

    private static final String GENERATOR = "reverse-spec-maven-plugin/test";

    @TempDir
    Path tmp;

    private FactCache cache(boolean writable) {
        return FactCache.at(tmp.resolve("cache"), GENERATOR, writable);
    }

    @Test
    void factsFromTheCacheAreTheFactsOfAParse() {
        ReactorModel reactor = OwnSources.reactor();
        ReactorAnalysis parsed = new ReactorAnalyzer(2).analyze(reactor);

        FactCache cold = cache(true);
        ReactorAnalysis first = new ReactorAnalyzer(2).analyze(reactor, cold);
        FactCache warm = cache(true);
        ReactorAnalysis second = new ReactorAnalyzer(2).analyze(reactor, warm);

        int files = parsed.projects().get(0).units().stream()
                        .mapToInt(u -> u.files().size())
                        .sum()
                + parsed.projects().get(0).tests().size();
        assertThat(cold.hits()).isZero();
        assertThat(cold.misses()).isGreaterThanOrEqualTo(files);
        assertThat(warm.misses()).isZero();
        assertThat(warm.hits()).isEqualTo(cold.misses());
        assertThat(first).isEqualTo(parsed);
        assertThat(second).isEqualTo(parsed);
        // iteration orders survive too (sets are compared by content above)
        assertThat(second.units().flatMap(u -> u.qualifiedReferences().stream()).toList())
                .containsExactlyElementsOf(parsed.units()
                        .flatMap(u -> u.qualifiedReferences().stream())
                        .toList());
        assertThat(second.projects().get(0).tests().stream()
                        .map(t -> List.copyOf(t.simpleNames()))
                        .toList())
                .isEqualTo(parsed.projects().get(0).tests().stream()
                        .map(t -> List.copyOf(t.simpleNames()))
                        .toList());
    }

    @Test
    void onlyAChangedFileIsParsedAgain() {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write("src/main/java/a/A.java", "package a;\npublic class A { public void run() {} }\n");
        tree.write("src/main/java/a/B.java", "package a;\npublic class B {}\n");
        tree.write(
                "src/test/java/a/ATest.java", "package a;\nclass ATest { @org.junit.jupiter.api.Test void t() {} }\n");
        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));

        tree.write("src/main/java/a/A.java", "package a;\npublic class A { public void stop() {} }\n");
        FactCache second = cache(true);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(tree.reactor(), second);

        assertThat(second.misses()).isEqualTo(1);
        assertThat(second.hits()).isEqualTo(2);
        TypeModel a = SourceTree.type(SourceTree.unit(analysis, "app", "a"), "A");
        assertThat(a.members()).extracting(MemberModel::name).containsExactly("stop");
        assertThat(analysis).isEqualTo(tree.analyze());
    }

    @Test
    void anEncodingChangeParsesAgain() {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.writeBytes(
                "src/main/java/a/A.java",
                "package a;\n/** caf\u00e9 */\npublic class A {}\n".getBytes(StandardCharsets.ISO_8859_1));
        tree.encoding("app", StandardCharsets.ISO_8859_1);
        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));

        tree.encoding("app", StandardCharsets.UTF_8);
        FactCache again = cache(true);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(tree.reactor(), again);

        assertThat(again.hits()).isZero();
        assertThat(problems(analysis))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not valid UTF-8"));
    }

    @Test
    void aFileThatDoesNotParseIsRememberedWithItsProblem() {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write("src/main/java/a/A.java", "package a;\npublic class A { void broken( }\n");
        ReactorAnalysis first = new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));
        FactCache again = cache(true);
        ReactorAnalysis second = new ReactorAnalyzer(1).analyze(tree.reactor(), again);

        assertThat(again.hits()).isEqualTo(1);
        assertThat(problems(first)).hasSize(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCorruptTruncatedOrForeignEntryIsNeverTrustedAndIsRebuilt() throws IOException {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write("src/main/java/a/A.java", "package a;\npublic class A { public int size() { return 1; } }\n");
        tree.write("src/main/java/a/B.java", "package a;\npublic class B { public void other() {} }\n");
        tree.write("src/main/java/a/C.java", "package a;\npublic class C {}\n");
        ReactorAnalysis expected = new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));
        List<Path> entries = entries();
        assertThat(entries).hasSize(3);

        // garbage, a cut-off write, and a whole entry of another file copied over a third
        Files.writeString(entries.get(0), "\u0000\u0001 not json");
        byte[] whole = Files.readAllBytes(entries.get(1));
        Files.write(entries.get(1), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(entries.get(2), whole);

        FactCache again = cache(true);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(tree.reactor(), again);
        assertThat(analysis).isEqualTo(expected);
        assertThat(again.rejected()).isEqualTo(3);
        assertThat(again.hits()).isZero();

        FactCache rebuilt = cache(true);
        assertThat(new ReactorAnalyzer(1).analyze(tree.reactor(), rebuilt)).isEqualTo(expected);
        assertThat(rebuilt.hits()).isEqualTo(3);
    }

    @Test
    void anotherBuildOfThePluginReadsNoEntryThisOneWrote() {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write("src/main/java/a/A.java", "package a;\npublic class A {}\n");
        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));

        FactCache other = FactCache.at(tmp.resolve("cache"), "reverse-spec-maven-plugin/other", true);
        new ReactorAnalyzer(1).analyze(tree.reactor(), other);
        assertThat(other.hits()).isZero();
    }

    @Test
    void theFactsOfAFileHoldingACredentialNeverReachTheCache() throws IOException {
        String key = "sk-configured-0123456789abcdef";
        java.util.function.UnaryOperator<String> redact = t -> t.replace(key, "[REDACTED]");
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write(
                "src/main/java/a/A.java",
                "package a;\npublic class A { public static final String K = \"" + key + "\"; }\n");
        tree.write("src/main/java/a/B.java", "package a;\npublic class B {}\n");
        // a long constant is cut in the facts, through the middle of the key: the cut piece no
        // longer matches it, so the file's own text decides
        String padding = "x".repeat(190);
        tree.write(
                "src/main/java/a/C.java",
                "package a;\npublic class C { public static final String LONG = \"" + padding + key + "\"; }\n");
        // written before the key was configured: found holding it, it is deleted, not trusted
        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));
        assertThat(entries()).hasSize(3);
        // a dry run (a read-only cache) deletes nothing
        new ReactorAnalyzer(1).analyze(tree.reactor(), FactCache.at(tmp.resolve("cache"), GENERATOR, false, redact));
        assertThat(entries()).hasSize(3);

        FactCache guarded = FactCache.at(tmp.resolve("cache"), GENERATOR, true, redact);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(tree.reactor(), guarded);
        assertThat(guarded.hits()).isEqualTo(1);
        assertThat(guarded.withheld()).isEqualTo(2); // A and C: their old entries deleted, none written
        assertThat(analysis).isEqualTo(tree.analyze());
        assertThat(entries()).hasSize(1);
        for (Path p : entries()) {
            assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
                    .doesNotContain(key)
                    .doesNotContain(padding + key.substring(0, 6));
        }
    }

    @Test
    void aReadOnlyCacheReadsButWritesNothing() throws IOException {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write("src/main/java/a/A.java", "package a;\npublic class A {}\n");
        FactCache readOnly = cache(false);
        new ReactorAnalyzer(1).analyze(tree.reactor(), readOnly);
        assertThat(tmp.resolve("cache")).doesNotExist();
        assertThat(readOnly.prune()).isZero();

        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));
        FactCache reading = cache(false);
        new ReactorAnalyzer(1).analyze(tree.reactor(), reading);
        assertThat(reading.hits()).isEqualTo(1);
    }

    @Test
    void pruneRemovesWhatAKilledRunLeftAndEntriesLongUnused() throws IOException {
        SourceTree tree = new SourceTree(tmp.resolve("r")).project("app", "");
        tree.write("src/main/java/a/A.java", "package a;\npublic class A {}\n");
        tree.write("src/main/java/a/B.java", "package a;\npublic class B {}\n");
        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));
        List<Path> written = entries();
        Path shard = written.get(0).getParent();
        Path leftover = Files.writeString(shard.resolve(".tmp-1234abcd.smile"), "{\"format\":");
        Instant longAgo = Instant.now().minus(FactCache.UNUSED_LIFETIME).minus(1, ChronoUnit.DAYS);
        for (Path p : written) {
            Files.setLastModifiedTime(p, FileTime.from(longAgo));
        }
        // B is gone from the code; A is still used and so is kept, however old its entry
        Files.delete(tree.root().resolve("src/main/java/a/B.java"));

        FactCache run = cache(true);
        new ReactorAnalyzer(1).analyze(tree.reactor(), run);
        assertThat(run.hits()).isEqualTo(1);
        assertThat(run.prune()).isEqualTo(2);

        assertThat(leftover).doesNotExist();
        assertThat(entries()).singleElement().satisfies(p -> {
            try {
                assertThat(Files.getLastModifiedTime(p).toInstant()).isAfter(longAgo.plus(1, ChronoUnit.DAYS));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        // a recent entry no run used this time is kept (a branch switched away and back)
        tree.write("src/main/java/a/B.java", "package a;\npublic class B {}\n");
        new ReactorAnalyzer(1).analyze(tree.reactor(), cache(true));
        Files.delete(tree.root().resolve("src/main/java/a/B.java"));
        FactCache later = cache(true);
        new ReactorAnalyzer(1).analyze(tree.reactor(), later);
        assertThat(later.prune()).isZero();
        assertThat(entries()).hasSize(2);
    }

    private static List<ParseProblem> problems(ReactorAnalysis analysis) {
        return analysis.units()
                .flatMap(u -> u.files().stream())
                .flatMap(f -> f.problem().stream())
                .toList();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".smile")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
