package io.github.reversespec.llm;

/**
 * One provider's chat endpoint. Implementations are thread-safe and make exactly one HTTP exchange
 * per call, never retrying: {@link RetryingModelClient} is the one place that decides about retries.
 */
public interface ModelClient extends AutoCloseable {

    /**
     * Sends {@code request} and returns the complete answer.
     *
     * @throws ModelException when no usable, complete answer came back; its
     *     {@link ModelException#kind()} says whether to retry
     */
    Completion complete(ModelRequest request) throws ModelException;

    /**
     * Sends {@code request} as {@link #complete(ModelRequest)} does, reporting what of the answer has
     * arrived to {@code progress} while it streams in; a client that does not stream reports nothing.
     */
    default Completion complete(ModelRequest request, AnswerProgress progress) throws ModelException {
        return complete(request);
    }

    /** The model id requested, as it goes into the specs' front matter. */
    String modelId();

    /** Releases connections. */
    @Override
    default void close() {}
}
