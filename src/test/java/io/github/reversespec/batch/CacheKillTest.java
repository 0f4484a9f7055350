package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.FactCache;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.testing.OwnSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed (SIGKILL) while it writes the facts cache leaves nothing a later run trusts wrongly. */
@Tag("forking")
class CacheKillTest {

    @TempDir
    Path temp;

    static String generator(int round) {
        return "reverse-spec-maven-plugin/kill-" + round;
    }

    @Test
    void aKillWhileEntriesAreWrittenLeavesOnlyWholeEntries() throws Exception {
        Path dir = temp.resolve("cache");
        Path log = temp.resolve("child.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx256m",
                        "-cp",
                        KillResumeTest.classpath(),
                        CacheWriterMain.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            // into the second round at least, then at a random instant of its writing
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("round 1") && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(log)).contains("round 1");
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 600));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> rounds = Files.readString(log)
                .lines()
                .filter(l -> l.startsWith("round "))
                .toList();
        int killedIn = Integer.parseInt(rounds.get(rounds.size() - 1).substring("round ".length()));

        ReactorAnalysis parsed = new ReactorAnalyzer(2).analyze(OwnSources.reactor());
        // a round that finished: every file's facts come from the cache, and they are the parse's
        FactCache whole = FactCache.at(dir, generator(killedIn - 1), true);
        assertThat(new ReactorAnalyzer(2).analyze(OwnSources.reactor(), whole)).isEqualTo(parsed);
        assertThat(whole.misses()).isZero();
        assertThat(whole.rejected()).isZero();
        // the round that was killed: what it wrote is whole, what it did not write is parsed
        FactCache cut = FactCache.at(dir, generator(killedIn), true);
        assertThat(new ReactorAnalyzer(2).analyze(OwnSources.reactor(), cut)).isEqualTo(parsed);
        assertThat(cut.rejected()).as("half-written entries read").isZero();
        // and the next run tidies what the kill left
        cut.prune();
        assertThat(leftovers(dir)).isEmpty();
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                    .toList();
        }
    }
}
