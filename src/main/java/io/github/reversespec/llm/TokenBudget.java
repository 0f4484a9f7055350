package io.github.reversespec.llm;

import java.util.Objects;

/**
 * The run's token ledger: {@code reverse-spec.tokenBudget} as a ceiling, not a line checked after
 * the fact. Before a request is sent, its cost at most (the prompt's estimate plus the
 * {@code max_tokens} it allows the answer, see {@link #costOf}) is {@linkplain #reserve reserved};
 * once its answer is in, the reservation is {@linkplain Reservation#settle settled}: what the
 * request really cost is charged and the rest released. Reservations and charges together never
 * pass the limit, so the requests in flight, the parts of a unit and the retries of a request are
 * all counted before they are sent, not after they return.
 *
 * <p>A reservation that does not fit what is left waits while other requests in flight hold
 * reservations (their answers usually use far less than {@code max_tokens}, and settling
 * releases the rest); it is refused once nothing in flight can make room. A request whose cost
 * alone is more than the whole limit is refused at once. Thread-safe; one instance per run.
 */
public final class TokenBudget {

    /** Why a reservation was refused. */
    public enum Refusal {
        /** The request alone costs more than the whole budget: no run with this budget can send it. */
        LARGER_THAN_BUDGET,
        /** The request does not fit what is left of the budget once every request in flight has settled. */
        SPENT
    }

    private final long limit;
    private long charged;
    private long reserved;

    private TokenBudget(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a token budget is 0 (none) or positive, was " + limit);
        }
        this.limit = limit;
    }

    /** A ledger that never refuses (it still counts what is charged). */
    public static TokenBudget unlimited() {
        return new TokenBudget(0);
    }

    /** A ledger of {@code limit} tokens; 0 for no limit. */
    public static TokenBudget of(long limit) {
        return limit == 0 ? unlimited() : new TokenBudget(limit);
    }

    /**
     * What a request is reserved at: its prompt's estimate (system, user and their framing) plus
     * the {@code max_tokens} its answer may take, the most a provider bills for it.
     */
    public static long costOf(ModelRequest request) {
        return TokenEstimator.estimateRequest(request.system(), request.user()) + request.maxOutputTokens();
    }

    /** The limit, 0 for none. */
    public long limit() {
        return limit;
    }

    /** Whether there is a limit at all. */
    public boolean limited() {
        return limit > 0;
    }

    /** Tokens charged by settled requests. */
    public synchronized long spent() {
        return charged;
    }

    /** Tokens held by requests in flight. */
    public synchronized long reserved() {
        return reserved;
    }

    /** Whether a request costing {@code tokens} is more than the whole budget. */
    public boolean largerThanBudget(long tokens) {
        return limited() && tokens > limit;
    }

    /**
     * Reserves {@code tokens} for one request, waiting while the requests in flight hold what it
     * needs.
     *
     * @throws Refused when it cannot fit: more than the whole budget, or more than is left once
     *     nothing in flight can release anything
     * @throws InterruptedException while waiting
     */
    public Reservation reserve(long tokens) throws Refused, InterruptedException {
        if (tokens < 0) {
            throw new IllegalArgumentException("a reservation is not negative, was " + tokens);
        }
        if (largerThanBudget(tokens)) {
            throw new Refused(Refusal.LARGER_THAN_BUDGET, tokens, limit, left());
        }
        synchronized (this) {
            while (limited() && charged + reserved + tokens > limit) {
                if (charged + tokens > limit) {
                    // Charges only grow: no settlement can make room for this one.
                    throw new Refused(Refusal.SPENT, tokens, limit, limit - charged - reserved);
                }
                wait();
            }
            reserved += tokens;
        }
        return new Reservation(tokens);
    }

    private synchronized long left() {
        return Math.max(0, limit - charged - reserved);
    }

    private synchronized void settle(Reservation r, long actual) {
        reserved -= r.tokens;
        charged += actual;
        notifyAll();
    }

    @Override
    public synchronized String toString() {
        return "TokenBudget[limit=" + limit + ", spent=" + charged + ", reserved=" + reserved + "]";
    }

    /** The room held for one request in flight; settle it exactly once. */
    public final class Reservation {
        private final long tokens;
        private boolean settled;

        private Reservation(long tokens) {
            this.tokens = tokens;
        }

        /** The tokens held. */
        public long tokens() {
            return tokens;
        }

        /**
         * The request is over: charges {@code actual} (what the server reported, or the estimate
         * where it reported nothing) and releases the rest of the reservation. An {@code actual}
         * above the reservation (the estimate was low) is charged as it is: the ledger stays true,
         * and what is left shrinks accordingly.
         */
        public void settle(long actual) {
            synchronized (TokenBudget.this) {
                if (settled) {
                    throw new IllegalStateException("a reservation is settled once");
                }
                settled = true;
            }
            TokenBudget.this.settle(this, Math.max(0, actual));
        }
    }

    /** A reservation the budget cannot hold; the request must not be sent. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final Refusal reason;
        private final long needed;
        private final long limit;

        Refused(Refusal reason, long needed, long limit, long left) {
            super(
                    Objects.requireNonNull(reason) == Refusal.LARGER_THAN_BUDGET
                            ? "one request needs about " + needed
                                    + " tokens (prompt estimate + max_tokens), more than the"
                                    + " whole token budget (reverse-spec.tokenBudget=" + limit + ")"
                            : "the token budget (reverse-spec.tokenBudget=" + limit
                                    + ") is spent: the next request needs" + " about " + needed + " tokens, "
                                    + Math.max(0, left) + " are left");
            this.reason = reason;
            this.needed = needed;
            this.limit = limit;
        }

        public Refusal reason() {
            return reason;
        }

        /** The tokens the request needed. */
        public long needed() {
            return needed;
        }

        /** The whole budget. */
        public long limit() {
            return limit;
        }
    }
}
