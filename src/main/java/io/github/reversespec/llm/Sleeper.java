package io.github.reversespec.llm;

import java.time.Duration;

/** Waits; injectable so tests of the retry layer never really sleep. */
@FunctionalInterface
public interface Sleeper {

    /** The real one. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
