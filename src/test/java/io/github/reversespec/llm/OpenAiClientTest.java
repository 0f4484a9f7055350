package io.github.reversespec.llm;

import static io.github.reversespec.llm.KeyLeaks.PLANTED_KEY;
import static io.github.reversespec.llm.KeyLeaks.assertKeyAbsent;
import static io.github.reversespec.testing.FakeModelServer.delayed;
import static io.github.reversespec.testing.FakeModelServer.hangUp;
import static io.github.reversespec.testing.FakeModelServer.json;
import static io.github.reversespec.testing.FakeModelServer.raw;
import static io.github.reversespec.testing.FakeModelServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.testing.FakeModelServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {

    static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"## 1. Intent\\nKeeps orders.\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,"
            + "\"total_tokens\":150}}";

    static final ModelRequest REQUEST = new ModelRequest("You write specs.", "package com.acme.orders;", 800);

    private final ObjectMapper json = new ObjectMapper();
    private FakeModelServer server;
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        client = client(ClientConfig.of(server.baseUri("/v1"), "gpt-test", Secret.of(PLANTED_KEY)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private OpenAiClient client(ClientConfig config) {
        if (client != null) {
            client.close();
        }
        client = new OpenAiClient(config);
        return client;
    }

    private ModelException failureOf(FakeModelServer.Reply reply) {
        server.then(reply);
        ModelException thrown = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));
        assertThat(thrown).as("a failure").isNotNull();
        assertKeyAbsent(thrown);
        return thrown;
    }

    @Test
    void sendsTheChatRequestAndReadsTheAnswer() throws Exception {
        server.then(json(200, ANSWER));

        Completion completion = client.complete(REQUEST);

        assertThat(completion.text()).isEqualTo("## 1. Intent\nKeeps orders.");
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.promptTokens()).isEqualTo(120);
        assertThat(completion.completionTokens()).isEqualTo(30);
        assertThat(completion.tokensEstimated()).isFalse();

        FakeModelServer.Received sent = server.received().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + PLANTED_KEY);
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(800);
        assertThat(body.has("temperature"))
                .as("server default unless configured")
                .isFalse();
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You write specs.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("package com.acme.orders;");
    }

    @Test
    void sendsNoAuthorizationWithoutKeyAndEstimatesMissingUsage() throws Exception {
        // A local server (Ollama, llama.cpp) needs no key and may report no usage.
        client(ClientConfig.of(server.baseUri("/v1/"), "llama3", Secret.none()).withTemperature(0.2));
        server.then(json(200, "{\"choices\":[{\"message\":{\"content\":\"abcdefgh\"},\"finish_reason\":\"stop\"}]}"));

        Completion completion = client.complete(REQUEST);

        assertThat(server.received().get(0).header("Authorization")).isNull();
        assertThat(server.received().get(0).uri()).isEqualTo("/v1/chat/completions");
        assertThat(json.readTree(server.received().get(0).body())
                        .path("temperature")
                        .asDouble())
                .isEqualTo(0.2);
        assertThat(completion.tokensEstimated()).isTrue();
        // The one estimator that sizes prompts: 3 ASCII characters a token, rounded up.
        assertThat(completion.completionTokens()).isEqualTo(3);
        // The messages and the chat framing a provider bills on top of them.
        assertThat(completion.promptTokens())
                .isEqualTo(TokenEstimator.estimate(REQUEST.system())
                        + TokenEstimator.estimate(REQUEST.user())
                        + TokenEstimator.REQUEST_FRAMING);
    }

    @Test
    void usesMaxCompletionTokensOnOpenAiItself() throws Exception {
        try (OpenAiClient openai =
                new OpenAiClient(ClientConfig.of(OpenAiClient.DEFAULT_BASE_URL, "gpt-test", Secret.of(PLANTED_KEY)))) {
            JsonNode body = json.readTree(openai.requestJson(REQUEST));
            assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(800);
            assertThat(body.has("max_tokens")).isFalse();
            assertThat(openai.endpoint()).isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
        }
    }

    @Test
    void rateLimitIsRetryableWithRetryAfterSeconds() {
        ModelException e = failureOf(json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "Retry-After", "7"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("429").contains("rate limited").contains("Rate limit reached");
    }

    @Test
    void serverFailuresAreRetryable() {
        for (int status : new int[] {500, 502, 503, 504, 529, 408, 409, 425}) {
            ModelException e = failureOf(json(status, "{\"error\":{\"message\":\"busy\"}}"));
            assertThat(e.kind()).as("status %d", status).isEqualTo(FailureKind.RETRYABLE);
            assertThat(e.httpStatus()).hasValue(status);
        }
    }

    @Test
    void badRequestIsRejectedNotRetried() {
        for (int status : new int[] {400, 413, 422}) {
            ModelException e = failureOf(json(status, "{\"error\":{\"message\":\"context too long\"}}"));
            assertThat(e.kind()).as("status %d", status).isEqualTo(FailureKind.REQUEST_REJECTED);
        }
    }

    @Test
    void unauthorizedIsFatalWithAnActionableMessageThatHidesTheEchoedKey() {
        ModelException e = failureOf(json(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + PLANTED_KEY + ". Find your key at ...\"}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(e.getMessage())
                .startsWith("401 Unauthorized from " + server.baseUri("/v1/chat/completions"))
                .contains("check the API key in settings.xml <server> 'reverse-spec' or OPENAI_API_KEY")
                .contains("Incorrect API key provided: ****");
    }

    @Test
    void forbiddenAndUnknownModelAreFatal() {
        assertThat(failureOf(json(403, "{}")).kind()).isEqualTo(FailureKind.FATAL);
        ModelException notFound =
                failureOf(json(404, "{\"error\":{\"message\":\"The model `gpt-test` does not exist\"}}"));
        assertThat(notFound.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(notFound.getMessage()).contains("unknown model 'gpt-test'").contains("reverse-spec.model");
    }

    @Test
    void quotesAtMostTwoHundredCharactersOfAnErrorBody() {
        ModelException e = failureOf(raw(500, "text/html", ("<html>" + "x".repeat(5000)).getBytes()));

        String quoted = e.getMessage().substring(e.getMessage().indexOf("the server said: \"") + 18);
        assertThat(quoted.length()).isLessThanOrEqualTo(200 + "...\"".length());
    }

    @Test
    void nonJsonAnswerIsRetryable() {
        ModelException e = failureOf(raw(200, "text/html", "<html>gateway says hi</html>".getBytes()));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("is not JSON").contains("gateway says hi");
    }

    @Test
    void invalidUtf8IsRetryable() {
        byte[] body = "{\"choices\":[{\"message\":{\"content\":\"caf\u00e9\"}}]}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        ModelException e = failureOf(raw(200, "application/json", body));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void emptyContentIsRetryable() {
        ModelException e = failureOf(json(
                200,
                "{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":0}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("empty content");
        assertThat(e.tokens()).isEqualTo(5);
    }

    @Test
    void cutOffAnswerIsRetryableAndCountsItsTokens() {
        ModelException e = failureOf(json(
                200,
                "{\"choices\":[{\"message\":{\"content\":\"## 1. Int\"},\"finish_reason\":\"length\"}],"
                        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":800}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("finish_reason: length");
        assertThat(e.tokens()).isEqualTo(900);
    }

    @Test
    void refusalIsRejected() {
        ModelException e = failureOf(json(
                200,
                "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"I can't\"},\"finish_reason\":\"stop\"}]}"));

        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
    }

    @Test
    void errorObjectInA200IsRetryable() {
        ModelException e = failureOf(json(200, "{\"error\":{\"message\":\"upstream timed out\",\"code\":502}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("upstream timed out");
    }

    @Test
    void truncatedBodyIsRetryable() {
        ModelException e = failureOf(truncated(ANSWER, 40));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).contains("broke off");
    }

    @Test
    void connectionClosedWithoutAnswerIsRetryable() {
        ModelException e = failureOf(hangUp());

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        client(ClientConfig.of(URI.create("http://127.0.0.1:" + closedPort + "/v1"), "m", Secret.of(PLANTED_KEY)));

        ModelException e = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("cannot connect");
        assertKeyAbsent(e);
    }

    @Test
    void slowServerTimesOut() {
        client(ClientConfig.of(server.baseUri("/v1"), "gpt-test", Secret.of(PLANTED_KEY))
                .withRequestTimeout(Duration.ofSeconds(1)));

        // No wall-clock bound: the message says the request timed out, not that the answer came late.
        ModelException e = failureOf(delayed(4_000, json(200, ANSWER)));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage())
                .contains("nothing received")
                .contains("for 1 s")
                .contains("requestTimeout");
    }

    @Test
    void announcedOversizedAnswerIsRefusedUnread() {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        ModelException e = failureOf(raw(200, "application/json", huge));

        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
        assertThat(e.getMessage()).contains("4194304-byte limit").contains("announced");
    }

    @Test
    void streamedOversizedAnswerIsCutOffAtTheCap() {
        ModelException e = failureOf(server.endless(5L * 1024 * 1024));

        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
        assertThat(e.getMessage()).contains("more than 4194304 bytes received");
    }

    @Test
    void endlessAnswerIsDroppedNotDrained() throws Exception {
        long endless = 512L * 1024 * 1024;

        ModelException e = failureOf(server.endless(endless));

        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
        // The client closed the connection at the cap instead of reading the rest to reuse it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.writeAborted.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.writeAborted).isTrue();
        assertThat(server.bytesWritten.get()).isLessThan(64L * 1024 * 1024);
    }
}
