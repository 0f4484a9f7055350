package io.github.reversespec.llm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the answer to one request has come, for a heartbeat to show while the request is in
 * flight: the attempt under way and the answer text streamed in by it so far. Written by the thread
 * that sends the request, read by any other; an answer that is not streamed shows nothing until it
 * is whole.
 */
public final class AnswerProgress {

    private final AtomicInteger attempt = new AtomicInteger();
    private final AtomicLong characters = new AtomicLong();

    /** A new attempt starts: what the last one received no longer counts. */
    void startAttempt(int number) {
        characters.set(0);
        attempt.set(number);
    }

    /** {@code count} more characters of answer text arrived. */
    void received(int count) {
        characters.addAndGet(count);
    }

    /** The attempt under way, 1 for the first; 0 before any was sent. */
    public int attempt() {
        return attempt.get();
    }

    /** The answer tokens the current attempt received so far, estimated from characters as prompts are. */
    public long tokensReceived() {
        long chars = characters.get();
        return (chars + TokenEstimator.CHARS_PER_TOKEN - 1) / TokenEstimator.CHARS_PER_TOKEN;
    }
}
