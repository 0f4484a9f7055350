package io.github.reversespec.batch;

import io.github.reversespec.analysis.FactCache;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.testing.OwnSources;
import java.nio.file.Path;

/**
 * Fills a facts cache over and over as a process of its own, so that a test can kill it in the
 * middle of writing entries. Arguments: {@code <cacheDir>}; the reactor is this plugin's own
 * sources ({@link OwnSources}). Each round uses another generator, so every round
 * writes a whole new set of entries; "round N" is printed as round N starts.
 */
public final class CacheWriterMain {

    private CacheWriterMain() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (int round = 0; ; round++) {
            System.out.println("round " + round);
            System.out.flush();
            new ReactorAnalyzer(2)
                    .analyze(OwnSources.reactor(), FactCache.at(dir, CacheKillTest.generator(round), true));
        }
    }
}
