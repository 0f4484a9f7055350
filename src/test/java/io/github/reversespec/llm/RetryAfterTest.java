package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final FakeTime clock = new FakeTime(java.time.Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("30", null, clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 0 ", null, clock)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:01:30 GMT", null, clock))
                .contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", null, clock))
                .contains(Duration.ZERO);
    }

    @Test
    void prefersMillisecondsWhenGiven() {
        assertThat(RetryAfter.parse("2", "1500", clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("2", "soon", clock)).contains(Duration.ofSeconds(2));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", null, clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", null, clock)).isEmpty();
        assertThat(RetryAfter.parse(null, null, clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", null, clock)).isEmpty();
    }
}
