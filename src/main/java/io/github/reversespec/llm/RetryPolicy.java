package io.github.reversespec.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingModelClient} retries: up to {@code maxRetries} further attempts, each after
 * a random wait between zero and {@code base * 2^(retry - 1)} capped at {@code cap} ("full
 * jitter", so many clients hit by one outage do not come back in step), and never sooner than a
 * server's {@code Retry-After}, itself capped at {@code maxRetryAfter}.
 *
 * @param maxRetries attempts after the first, at least 0 (the plugin's {@code maxRetries})
 * @param base the first backoff ceiling
 * @param cap the largest backoff ceiling
 * @param maxRetryAfter the longest {@code Retry-After} obeyed; a server asking for hours gets this
 */
public record RetryPolicy(int maxRetries, Duration base, Duration cap, Duration maxRetryAfter) {

    /** Base 1 s, cap 60 s, Retry-After up to 10 minutes. */
    public static RetryPolicy defaults(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The backoff ceiling before retry number {@code retry} (1-based). */
    Duration ceiling(int retry) {
        int doublings = Math.min(retry - 1, 30);
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
