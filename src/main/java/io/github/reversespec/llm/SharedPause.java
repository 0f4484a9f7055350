package io.github.reversespec.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An instant before which no thread sends a request. When the server answers one thread with
 * {@code Retry-After}, the limit holds for the whole account, so the other threads' next attempts
 * wait too instead of each collecting its own 429.
 */
public final class SharedPause {

    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.MIN);
    private final Clock clock;

    /** A pause measured against {@code clock}. */
    public SharedPause(Clock clock) {
        this.clock = clock;
    }

    /** Holds every request back until at least {@code instant}; an earlier instant changes nothing. */
    public void extendTo(Instant instant) {
        until.accumulateAndGet(instant, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
    }

    /** The instant requests are held back to ({@link Instant#MIN} when none was set). */
    public Instant until() {
        return until.get();
    }

    /**
     * Waits with {@code sleeper} until the pause is over. Waits again only when another thread
     * extended the pause meanwhile, so a clock that does not move (in tests) cannot loop it.
     */
    public void await(Sleeper sleeper) throws InterruptedException {
        Instant seen = until.get();
        while (true) {
            Duration remaining = Duration.between(clock.instant(), seen);
            if (remaining.isNegative() || remaining.isZero()) {
                return;
            }
            sleeper.sleep(remaining);
            Instant now = until.get();
            if (!now.isAfter(seen)) {
                return;
            }
            seen = now;
        }
    }
}
