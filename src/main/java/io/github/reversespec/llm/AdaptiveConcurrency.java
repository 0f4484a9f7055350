package io.github.reversespec.llm;

import java.util.Objects;

/**
 * How many model requests may be in flight at once, adapted to the server's rate limit (additive
 * increase, multiplicative decrease).
 *
 * <p>The run's {@code concurrency} is the ceiling: never more requests in flight than that (the parts
 * of one big unit go together, so units alone no longer bound the requests). While the server never
 * says it is overloaded there is no other limit. An answer of 429 (rate limited) or 529 (overloaded)
 * halves the number allowed at once, counted from what was in flight at the peak; every
 * {@code limit} successful answers to requests sent under the current limit then allow one more, until the peak is reached again
 * and the limit is lifted. Requests that were already in flight when the limit was cut do not cut
 * it again: one burst of 429s halves it once, not once per request.
 *
 * <p>Thread-safe; callers take a {@link Permit} before a request and settle it after.
 */
public final class AdaptiveConcurrency {

    /** Told whenever the limit changes. */
    @FunctionalInterface
    public interface Listener {
        /** Tells nobody. */
        Listener NONE = (from, to, lifted, cause) -> {};

        /**
         * @param from the limit before, or the peak in flight when there was none
         * @param to the new limit, or the peak when it is lifted
         * @param lifted true when the limit no longer applies (back to full concurrency)
         * @param cause what changed it (e.g. "HTTP 429")
         */
        void changed(int from, int to, boolean lifted, String cause);
    }

    /** One request's right to be in flight; settle it exactly once. */
    public final class Permit {
        private final long epoch;
        private boolean settled;

        private Permit(long epoch) {
            this.epoch = epoch;
        }

        /** The request got a usable answer: evidence that the limit holds. */
        public void answered() {
            settle(this, Outcome.ANSWERED, "successful answers");
        }

        /** The request failed otherwise (timeout, 5xx, bad answer): neither cuts nor grows the limit. */
        public void failed() {
            settle(this, Outcome.FAILED, "");
        }

        /** The server said it is rate limited or overloaded (429/529). */
        public void rateLimited(String cause) {
            settle(this, Outcome.RATE_LIMITED, cause);
        }
    }

    private enum Outcome {
        ANSWERED,
        FAILED,
        RATE_LIMITED
    }

    private static final int NONE = 0;

    private final Listener listener;
    private final int ceiling;
    private int inFlight;
    private int peak;
    private int limit = NONE;
    private int successes;
    private long epoch;

    /** A limit that reports its changes to {@code listener}, with no ceiling. */
    public AdaptiveConcurrency(Listener listener) {
        this(0, listener);
    }

    /**
     * @param ceiling the most requests ever in flight at once, 0 for none
     * @param listener told when the limit changes
     */
    public AdaptiveConcurrency(int ceiling, Listener listener) {
        if (ceiling < 0) {
            throw new IllegalArgumentException("ceiling must be 0 (none) or positive, was " + ceiling);
        }
        this.ceiling = ceiling;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Waits until one more request may be in flight. */
    public Permit acquire() throws InterruptedException {
        synchronized (this) {
            while (limit != NONE && inFlight >= limit || ceiling != NONE && inFlight >= ceiling) {
                wait();
            }
            inFlight++;
            peak = Math.max(peak, inFlight);
            return new Permit(epoch);
        }
    }

    /** The current limit, or 0 when none applies. */
    public synchronized int limit() {
        return limit;
    }

    /** Requests in flight now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    private void settle(Permit permit, Outcome outcome, String cause) {
        int from;
        int to;
        boolean lifted = false;
        synchronized (this) {
            if (permit.settled) {
                throw new IllegalStateException("a permit is settled once");
            }
            permit.settled = true;
            inFlight--;
            notifyAll();
            if (outcome == Outcome.FAILED) {
                return;
            }
            if (outcome == Outcome.RATE_LIMITED) {
                if (permit.epoch != epoch) {
                    return; // started before the last cut: the cut already accounts for it
                }
                from = limit == NONE ? peak : limit;
                to = Math.max(1, from / 2);
                boolean unchanged = limit == to;
                limit = to;
                successes = 0;
                epoch++;
                if (unchanged) {
                    return; // already one at a time
                }
            } else {
                // Only answers to requests sent under the current limit show that it holds.
                if (limit == NONE || permit.epoch != epoch || ++successes < limit) {
                    return;
                }
                successes = 0;
                from = limit;
                to = limit + 1;
                if (to >= peak) {
                    to = peak;
                    limit = NONE;
                    lifted = true;
                } else {
                    limit = to;
                }
            }
        }
        listener.changed(from, to, lifted, cause);
    }
}
