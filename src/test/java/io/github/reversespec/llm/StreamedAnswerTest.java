package io.github.reversespec.llm;

import static io.github.reversespec.llm.KeyLeaks.PLANTED_KEY;
import static io.github.reversespec.llm.KeyLeaks.assertKeyAbsent;
import static io.github.reversespec.testing.FakeModelServer.COMPLETION_TOKENS;
import static io.github.reversespec.testing.FakeModelServer.PROMPT_TOKENS;
import static io.github.reversespec.testing.FakeModelServer.json;
import static io.github.reversespec.testing.FakeModelServer.raw;
import static io.github.reversespec.testing.FakeModelServer.streamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.testing.FakeModelServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streamed answers, the same cases for both providers (each in its own event shapes, as {@link
 * FakeModelServer.Streamed} sends them): assembled exactly, their usage taken, judged as whole
 * answers are, and every way a stream can fail a failed attempt.
 */
class StreamedAnswerTest {

    /** Quotes, escapes, a multi-byte character and a line end: pieces must join back exactly. */
    private static final String TEXT = FakeModelServer.NINE_SECTIONS + "Uses \"quotes\", a \\ and 3 € rates.\n";

    private static final ModelRequest REQUEST = new ModelRequest("You write specs.", "package com.acme;", 800);

    private final ObjectMapper json = new ObjectMapper();
    private FakeModelServer server;
    private HttpModelClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private HttpModelClient client(String provider, UnaryOperator<ClientConfig> adjust) {
        boolean anthropic = provider.equals("anthropic");
        ClientConfig config = adjust.apply(ClientConfig.of(
                server.baseUri(anthropic ? "" : "/v1"),
                anthropic ? "claude-test" : "gpt-test",
                Secret.of(PLANTED_KEY)));
        client = anthropic ? new AnthropicClient(config) : new OpenAiClient(config);
        return client;
    }

    private HttpModelClient client(String provider) {
        return client(provider, c -> c);
    }

    private ModelException failureOf(HttpModelClient model, FakeModelServer.Reply reply) {
        server.then(reply);
        ModelException thrown = catchThrowableOfType(ModelException.class, () -> model.complete(REQUEST));
        assertThat(thrown).as("a failure").isNotNull();
        assertKeyAbsent(thrown);
        return thrown;
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void asksForAStreamAndAssemblesItsTextAndUsageExactly(String provider) throws Exception {
        HttpModelClient model = client(provider);
        server.then(streamed(TEXT).pieces(7));
        AnswerProgress progress = new AnswerProgress();

        Completion completion = model.complete(REQUEST, progress);

        assertThat(completion.text()).isEqualTo(TEXT);
        assertThat(completion.finishReason()).isEqualTo(provider.equals("anthropic") ? "end_turn" : "stop");
        assertThat(completion.promptTokens()).isEqualTo(PROMPT_TOKENS);
        assertThat(completion.completionTokens()).isEqualTo(COMPLETION_TOKENS);
        assertThat(completion.tokensEstimated()).isFalse();
        assertThat(progress.tokensReceived())
                .isEqualTo((TEXT.length() + TokenEstimator.CHARS_PER_TOKEN - 1) / TokenEstimator.CHARS_PER_TOKEN);
        JsonNode body = json.readTree(server.received().get(0).body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        if (provider.equals("openai")) {
            assertThat(body.path("stream_options").path("include_usage").asBoolean())
                    .isTrue();
        }
        assertThat(server.received().get(0).header("Accept")).contains("text/event-stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void readsCrLfLinesKeepAliveCommentsAndDataSplitOverLines(String provider) throws Exception {
        server.then(streamed(TEXT).crlf().keepAlive().splitData());

        assertThat(client(provider).complete(REQUEST).text()).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamWithoutUsageIsEstimated(String provider) throws Exception {
        server.then(streamed(TEXT).withoutUsage());

        Completion completion = client(provider).complete(REQUEST);

        assertThat(completion.tokensEstimated()).isTrue();
        assertThat(completion.completionTokens()).isEqualTo(TokenEstimator.estimate(TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aServerThatIgnoresStreamAndAnswersJsonIsReadAsBefore(String provider) throws Exception {
        server.then(FakeModelServer.answer(TEXT));

        Completion completion = client(provider).complete(REQUEST);

        assertThat(completion.text()).isEqualTo(TEXT);
        assertThat(completion.promptTokens()).isEqualTo(PROMPT_TOKENS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aSlowStreamThatNeverFallsSilentIsNotCutOff(String provider) throws Exception {
        // About 20 events 100 ms apart: far longer than the 300 ms timeout in all, never silent for it.
        HttpModelClient model = client(provider, c -> c.withRequestTimeout(Duration.ofMillis(300)));
        server.then(streamed(TEXT).pieces(TEXT.length() / 12).every(100));

        assertThat(model.complete(REQUEST).text()).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamThatFallsSilentIsCutOffAfterTheRequestTimeout(String provider) {
        HttpModelClient model = client(provider, c -> c.withRequestTimeout(Duration.ofMillis(300)));

        ModelException e = failureOf(model, streamed(TEXT).silentAfter(4, 20_000));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("fell silent").contains("reverse-spec.requestTimeout");
        assertThat(e.getMessage()).contains("after 4 events").contains("incomplete");
        assertThat(e.httpStatus()).hasValue(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamThatDoesNotEndIsCutOffAtTheTotalTimeout(String provider) {
        HttpModelClient model = client(
                provider,
                c -> c.withRequestTimeout(Duration.ofSeconds(5)).withRequestTotalTimeout(Duration.ofMillis(500)));

        ModelException e = failureOf(model, streamed(TEXT).pieces(4).every(100));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("did not end").contains("reverse-spec.requestTotalTimeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamDroppedMidWayIsAFailedAttempt(String provider) {
        ModelException e = failureOf(client(provider), streamed(TEXT).droppedAfter(5));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("broke off after 5 events").contains("incomplete");
        // Billed like any answer that came but cannot be used: its whole reservation, usage unknown.
        assertThat(e.tokens()).isZero();
        assertThat(e.httpStatus()).hasValue(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamThatClosesAfterTheModelFinishedButWithoutItsFinalEventIsWhole(String provider) throws Exception {
        // Some OpenAI-compatible local servers close the stream after the finishing chunk, without [DONE].
        HttpModelClient model = client(provider);
        server.then(streamed(TEXT).withoutEnd());

        Completion completion = model.complete(REQUEST);

        assertThat(completion.text()).isEqualTo(TEXT);
        assertThat(completion.promptTokens()).isEqualTo(PROMPT_TOKENS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamThatClosesBeforeTheModelFinishedIsAFailedAttempt(String provider) {
        ModelException e =
                failureOf(client(provider), streamed(TEXT).withoutEnd().withoutFinish());

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("without its final one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamStoppedAtTheOutputLimitIsNotComplete(String provider) {
        ModelException e = failureOf(client(provider), streamed(TEXT).atLength());

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage())
                .contains("output limit")
                .contains(provider.equals("anthropic") ? "max_tokens" : "finish_reason: length");
        assertThat(e.tokens()).isEqualTo(PROMPT_TOKENS + COMPLETION_TOKENS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void anOversizedStreamIsRefusedWhileItArrives(String provider) {
        HttpModelClient model = client(provider, c -> c.withMaxResponseBytes(4096));
        // The cap is passed within the first 100 events; after them the stream pauses far longer than
        // the silence allowed: a client that read on to the end would fail on the silence instead.
        String huge = "x".repeat(200_000);

        ModelException e = failureOf(model, streamed(huge).pieces(64).silentAfter(100, 30_000));

        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
        assertThat(e.getMessage()).contains("more than 4096 bytes received");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void anErrorEventMidStreamIsRetryable(String provider) {
        String error = provider.equals("anthropic")
                ? "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}\n\n"
                : "data: {\"error\":{\"message\":\"Overloaded\"}}\n\n";

        ModelException e =
                failureOf(client(provider), raw(200, "text/event-stream", error.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("broke off with an error: Overloaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamThatIsNotUtf8IsRetryable(String provider) {
        byte[] bad = "data: {\"a\":\"\u00ff\"}\n\n".getBytes(StandardCharsets.ISO_8859_1);

        ModelException e = failureOf(client(provider), raw(200, "text/event-stream", bad));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void anEventThatIsNotJsonIsRetryableAndKeepsTheKeyOut(String provider) {
        byte[] echo = ("data: auth " + PLANTED_KEY + " rejected\n\n").getBytes(StandardCharsets.UTF_8);

        ModelException e = failureOf(client(provider), raw(200, "text/event-stream", echo));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aStreamedRefusalIsRejected(String provider) {
        if (provider.equals("anthropic")) {
            String refusal = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":"
                    + "{\"input_tokens\":5}}}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\","
                    + "\"delta\":{\"stop_reason\":\"refusal\"},\"usage\":{\"output_tokens\":0}}\n\n"
                    + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
            ModelException e = failureOf(
                    client(provider), raw(200, "text/event-stream", refusal.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
            return;
        }
        String refusal = "data: {\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"I can't \"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"help.\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        ModelException e =
                failureOf(client(provider), raw(200, "text/event-stream", refusal.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
        assertThat(e.getMessage()).contains("I can't help.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aJsonErrorStatusToAStreamingRequestIsClassifiedAsBefore(String provider) {
        ModelException e = failureOf(client(provider), json(401, "{\"error\":{\"message\":\"bad key\"}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.FATAL);
    }
}
