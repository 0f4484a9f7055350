package io.github.reversespec.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the wait a server asks for, from {@code Retry-After} (seconds or HTTP-date) or {@code retry-after-ms}. */
final class RetryAfter {

    private RetryAfter() {}

    /**
     * The wait {@code retryAfter} asks for, measured from {@code clock}'s now; a date in the past
     * gives zero. {@code retryAfterMs} (OpenAI's finer header) wins when both are valid.
     */
    static Optional<Duration> parse(String retryAfter, String retryAfterMs, Clock clock) {
        Optional<Duration> millis = parseMillis(retryAfterMs);
        return millis.isPresent() ? millis : parseRetryAfter(retryAfter, clock);
    }

    private static Optional<Duration> parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double millis = Double.parseDouble(value.strip());
            return millis >= 0 && Double.isFinite(millis)
                    ? Optional.of(Duration.ofMillis((long) Math.ceil(millis)))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                // More digits than a long holds: no sensible wait.
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
