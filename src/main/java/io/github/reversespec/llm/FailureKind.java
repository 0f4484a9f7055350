package io.github.reversespec.llm;

/** What a failed model request means for the requests after it. */
public enum FailureKind {

    /**
     * A passing fault (rate limit, overload, outage, reset, timeout, a cut-off, empty or unreadable
     * answer): the same request may succeed later, so it is retried with backoff.
     */
    RETRYABLE,

    /**
     * The server refused this request (400, 413, 422, content filter, an answer over the size cap):
     * asking again would get the same answer, so this unit degrades at once and the run goes on.
     */
    REQUEST_REJECTED,

    /**
     * No request can succeed (401, 403, unknown model or endpoint, failed proxy authentication, TLS
     * trust failure): every request of the run stops.
     */
    FATAL
}
