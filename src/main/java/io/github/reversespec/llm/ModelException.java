package io.github.reversespec.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model request that produced no usable answer. The message says what happened and what the user
 * can do about it, and never contains the API key: it is built from scrubbed text only.
 */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final int httpStatus;
    private final transient Duration retryAfter;
    private final int attempts;
    private final long tokens;

    /**
     * A failure of one attempt.
     *
     * @param kind what it means for later requests
     * @param message actionable, already free of secrets
     * @param httpStatus the response status, 0 when no response came
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     * @param tokens tokens the attempt cost (a cut-off answer is paid for), 0 when unknown
     * @param cause the underlying error, or {@code null}
     */
    public ModelException(
            FailureKind kind, String message, int httpStatus, Duration retryAfter, long tokens, Throwable cause) {
        this(kind, message, httpStatus, retryAfter, 1, tokens, cause);
    }

    private ModelException(
            FailureKind kind,
            String message,
            int httpStatus,
            Duration retryAfter,
            int attempts,
            long tokens,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
        this.tokens = tokens;
    }

    /**
     * A failure with no HTTP response of its own, after {@code attempts} requests that cost {@code
     * tokens} (for the subclasses the retry layer raises itself).
     */
    protected ModelException(FailureKind kind, String message, int attempts, long tokens, Throwable cause) {
        this(kind, message, 0, null, attempts, tokens, cause);
    }

    /** A failure with no HTTP response, no Retry-After and no tokens spent. */
    public ModelException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, 0, null, 0, cause);
    }

    /** What the failure means for later requests. */
    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status of the failed response, empty when none came (timeout, reset, refused). */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** How long the server asked to wait before the next request. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Requests made before giving up: 1 from a client, the total from {@link RetryingModelClient}. */
    public int attempts() {
        return attempts;
    }

    /** Tokens spent by the failed request(s), as far as the servers reported them. */
    public long tokens() {
        return tokens;
    }

    /** This failure as the outcome of {@code attemptCount} requests costing {@code totalTokens}. */
    public ModelException afterAttempts(int attemptCount, long totalTokens) {
        return new ModelException(kind, getMessage(), httpStatus, retryAfter, attemptCount, totalTokens, this);
    }

    /** The same failure, raised again for a call that made no request (after a fatal stop). */
    ModelException repeatedWithoutRequest() {
        return new ModelException(kind, getMessage(), httpStatus, null, 0, 0, this);
    }
}
