package io.github.reversespec.llm;

/**
 * A request the run's {@link TokenBudget} would not hold, so it was not sent. Not a model failure:
 * {@link #largerThanBudget()} means no run with this budget can send it (the unit is left pending
 * and the run goes on), otherwise the budget is spent and the run stops starting requests.
 */
public final class OverBudgetException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final TokenBudget.Refusal reason;
    private final long needed;
    private final long limit;

    /**
     * @param refused the ledger's refusal
     * @param attempts requests sent before it (earlier attempts of the same request)
     * @param tokens what those attempts cost
     */
    public OverBudgetException(TokenBudget.Refused refused, int attempts, long tokens) {
        this(refused.getMessage(), refused.reason(), refused.needed(), refused.limit(), attempts, tokens, refused);
    }

    private OverBudgetException(
            String message,
            TokenBudget.Refusal reason,
            long needed,
            long limit,
            int attempts,
            long tokens,
            Throwable cause) {
        // Asking again within this run gets the same refusal: never retried.
        super(FailureKind.REQUEST_REJECTED, message, attempts, tokens, cause);
        this.reason = reason;
        this.needed = needed;
        this.limit = limit;
    }

    /** Whether the request alone costs more than the whole budget. */
    public boolean largerThanBudget() {
        return reason == TokenBudget.Refusal.LARGER_THAN_BUDGET;
    }

    /** The tokens the refused request needed (prompt estimate plus {@code max_tokens}). */
    public long needed() {
        return needed;
    }

    /** The whole budget. */
    public long limit() {
        return limit;
    }

    @Override
    public OverBudgetException afterAttempts(int attemptCount, long totalTokens) {
        return new OverBudgetException(getMessage(), reason, needed, limit, attemptCount, totalTokens, this);
    }
}
