package io.github.reversespec.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one retry layer over a {@link ModelClient}, shared by all the units of a run and safe to
 * call from many threads.
 *
 * <ul>
 *   <li>{@link FailureKind#RETRYABLE}: retried up to {@link RetryPolicy#maxRetries()} times with
 *       full-jitter exponential backoff, never sooner than the server's {@code Retry-After};
 *   <li>{@link FailureKind#REQUEST_REJECTED}: thrown at once, the unit degrades;
 *   <li>{@link FailureKind#FATAL}: thrown at once and remembered: every later call, from any
 *       thread, fails the same way without a request.
 * </ul>
 *
 * A {@code Retry-After} seen by one call holds back the next attempt of every call (see
 * {@link SharedPause}), and a 429 or 529 answer lowers how many requests may be in flight at once
 * until successful answers raise it again (see {@link AdaptiveConcurrency}). Every attempt, each
 * retry included, is reserved in the run's {@link TokenBudget} before it is sent and settled with
 * what it cost once it returns; an attempt the budget cannot hold is not sent
 * ({@link OverBudgetException}).
 */
public final class RetryingModelClient implements AutoCloseable {

    private final ModelClient delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Random random;
    private final Clock clock;
    private final SharedPause pause;
    private final AdaptiveConcurrency concurrency;
    private final AtomicReference<ModelException> stopped = new AtomicReference<>();
    private final TokenBudget budget;

    /** A retry layer that really sleeps. */
    public RetryingModelClient(ModelClient delegate, RetryPolicy policy) {
        this(delegate, policy, AdaptiveConcurrency.Listener.NONE);
    }

    /** A retry layer that really sleeps and reports changes of the concurrency limit to {@code limits}. */
    public RetryingModelClient(ModelClient delegate, RetryPolicy policy, AdaptiveConcurrency.Listener limits) {
        this(delegate, policy, 0, limits);
    }

    /**
     * A retry layer that really sleeps, keeps at most {@code maxInFlight} requests in flight (0 for
     * no ceiling) and reports changes of the concurrency limit to {@code limits}.
     */
    public RetryingModelClient(
            ModelClient delegate, RetryPolicy policy, int maxInFlight, AdaptiveConcurrency.Listener limits) {
        this(delegate, policy, maxInFlight, limits, TokenBudget.unlimited());
    }

    /**
     * A retry layer that really sleeps, keeps at most {@code maxInFlight} requests in flight (0 for
     * no ceiling), reports changes of the concurrency limit to {@code limits}, and sends no attempt
     * that {@code budget} does not hold.
     */
    public RetryingModelClient(
            ModelClient delegate,
            RetryPolicy policy,
            int maxInFlight,
            AdaptiveConcurrency.Listener limits,
            TokenBudget budget) {
        this(delegate, policy, Sleeper.SYSTEM, new Random(), Clock.systemUTC(), maxInFlight, limits, budget);
    }

    /**
     * A retry layer with injected time and randomness.
     *
     * @param sleeper waits between attempts
     * @param random draws the jitter; shared by threads ({@link Random} is thread-safe)
     * @param clock measures the shared pause
     */
    public RetryingModelClient(ModelClient delegate, RetryPolicy policy, Sleeper sleeper, Random random, Clock clock) {
        this(delegate, policy, sleeper, random, clock, AdaptiveConcurrency.Listener.NONE);
    }

    /**
     * A retry layer with injected time and randomness that reports changes of the concurrency
     * limit to {@code limits}.
     */
    public RetryingModelClient(
            ModelClient delegate,
            RetryPolicy policy,
            Sleeper sleeper,
            Random random,
            Clock clock,
            AdaptiveConcurrency.Listener limits) {
        this(delegate, policy, sleeper, random, clock, 0, limits);
    }

    /**
     * A retry layer with injected time and randomness, at most {@code maxInFlight} requests in
     * flight (0 for no ceiling), that reports changes of the concurrency limit to {@code limits}.
     */
    public RetryingModelClient(
            ModelClient delegate,
            RetryPolicy policy,
            Sleeper sleeper,
            Random random,
            Clock clock,
            int maxInFlight,
            AdaptiveConcurrency.Listener limits) {
        this(delegate, policy, sleeper, random, clock, maxInFlight, limits, TokenBudget.unlimited());
    }

    /**
     * A retry layer with injected time and randomness, at most {@code maxInFlight} requests in
     * flight (0 for no ceiling), that reports changes of the concurrency limit to {@code limits}
     * and reserves every attempt in {@code budget} before sending it.
     */
    public RetryingModelClient(
            ModelClient delegate,
            RetryPolicy policy,
            Sleeper sleeper,
            Random random,
            Clock clock,
            int maxInFlight,
            AdaptiveConcurrency.Listener limits,
            TokenBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.concurrency = new AdaptiveConcurrency(maxInFlight, limits);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = new SharedPause(clock);
    }

    /** The model id of the wrapped client. */
    public String modelId() {
        return delegate.modelId();
    }

    /** The fatal failure that stopped all requests, if one did. */
    public Optional<ModelException> stopped() {
        return Optional.ofNullable(stopped.get());
    }

    /** The run's token ledger every attempt is reserved in. */
    public TokenBudget budget() {
        return budget;
    }

    /** The pause shared by all callers (exposed so the batch run can report a wait). */
    public SharedPause pause() {
        return pause;
    }

    /**
     * Asks the model, retrying passing faults.
     *
     * @throws ModelException the last failure, with {@link ModelException#attempts()} and
     *     {@link ModelException#tokens()} covering every attempt; FATAL once any call failed fatally
     */
    public ModelResult complete(ModelRequest request) throws ModelException {
        return complete(request, new AnswerProgress());
    }

    /**
     * Asks the model as {@link #complete(ModelRequest)} does, reporting to {@code progress} which
     * attempt is under way and what of its answer has streamed in.
     */
    public ModelResult complete(ModelRequest request, AnswerProgress progress) throws ModelException {
        long tokens = 0;
        int attempt = 0;
        while (true) {
            ModelException fatal = stopped.get();
            if (fatal != null) {
                throw attempt == 0 ? fatal.repeatedWithoutRequest() : fatal.afterAttempts(attempt, tokens);
            }
            try {
                pause.await(sleeper);
            } catch (InterruptedException e) {
                throw interrupted(e, attempt, tokens);
            }
            // A fatal failure may have arrived while this thread waited.
            fatal = stopped.get();
            if (fatal != null) {
                throw attempt == 0 ? fatal.repeatedWithoutRequest() : fatal.afterAttempts(attempt, tokens);
            }
            AdaptiveConcurrency.Permit permit;
            try {
                permit = concurrency.acquire();
            } catch (InterruptedException e) {
                throw interrupted(e, attempt, tokens);
            }
            // Reserved once in flight, never while waiting for a slot: a reservation is always held
            // by a request being sent, so a reservation that waits for room waits only for answers.
            TokenBudget.Reservation reservation;
            try {
                reservation = budget.reserve(TokenBudget.costOf(request));
            } catch (TokenBudget.Refused refused) {
                permit.failed();
                throw new OverBudgetException(refused, attempt, tokens);
            } catch (InterruptedException e) {
                permit.failed();
                throw interrupted(e, attempt, tokens);
            }
            // A fatal failure may have arrived while this thread waited for room in the budget.
            fatal = stopped.get();
            if (fatal != null) {
                reservation.settle(0);
                permit.failed();
                throw attempt == 0 ? fatal.repeatedWithoutRequest() : fatal.afterAttempts(attempt, tokens);
            }
            attempt++;
            progress.startAttempt(attempt);
            ModelException failure;
            try {
                Completion completion = delegate.complete(request, progress);
                reservation.settle(completion.totalTokens());
                permit.answered();
                return new ModelResult(completion, attempt, tokens + completion.totalTokens());
            } catch (ModelException e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                reservation.settle(reservation.tokens()); // what it cost is unknown: the most it could
                permit.failed();
                throw e;
            }
            long charged = charge(failure, reservation);
            reservation.settle(charged);
            int status = failure.httpStatus().orElse(0);
            if (status == 429 || status == 529) {
                permit.rateLimited("HTTP " + status);
            } else {
                permit.failed();
            }
            tokens += charged;
            if (failure.kind() == FailureKind.FATAL) {
                stopped.compareAndSet(null, failure);
                throw failure.afterAttempts(attempt, tokens);
            }
            Optional<Duration> asked = failure.retryAfter().map(this::capRetryAfter);
            // The limit is the account's, not this call's: hold everyone back even if this call gives up.
            asked.ifPresent(wait -> pause.extendTo(clock.instant().plus(wait)));
            if (failure.kind() != FailureKind.RETRYABLE || attempt > policy.maxRetries()) {
                throw failure.afterAttempts(attempt, tokens);
            }
            Duration wait = backoff(attempt);
            if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                wait = asked.get();
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted(e, attempt, tokens);
            }
        }
    }

    /**
     * What a failed attempt is charged: the usage the server reported; where it reported none, the
     * whole reservation for an answer that came but could not be used (a cut-off or empty answer is
     * billed, and without usage its size is unknown; so is a stream that broke off, fell silent or
     * missed its final event after its 200), and nothing for an error status, a reset before any
     * answer or a refused connection (the provider bills no answer it did not give).
     */
    private static long charge(ModelException failure, TokenBudget.Reservation reservation) {
        if (failure.tokens() > 0) {
            return failure.tokens();
        }
        int status = failure.httpStatus().orElse(0);
        return status >= 200 && status < 300 ? reservation.tokens() : 0;
    }

    private Duration capRetryAfter(Duration asked) {
        return asked.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked;
    }

    private Duration backoff(int retry) {
        long ceiling = policy.ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling <= 0 ? 0 : (long) (random.nextDouble() * (ceiling + 1)));
    }

    private static ModelException interrupted(InterruptedException e, int attempts, long tokens) {
        // The build is being cancelled: keep the flag for the caller and give up on this unit.
        Thread.currentThread().interrupt();
        return new ModelException(FailureKind.RETRYABLE, "interrupted while waiting to send the model request", e)
                .afterAttempts(attempts, tokens);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
