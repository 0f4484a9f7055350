package io.github.reversespec.testing;

import static io.github.reversespec.testing.FakeModelServer.NINE_SECTIONS;
import static io.github.reversespec.testing.FakeModelServer.answer;
import static io.github.reversespec.testing.FakeModelServer.cutOff;
import static io.github.reversespec.testing.FakeModelServer.error;
import static io.github.reversespec.testing.FakeModelServer.estimatedAnswer;
import static io.github.reversespec.testing.FakeModelServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.reversespec.llm.AnthropicClient;
import io.github.reversespec.llm.ClientConfig;
import io.github.reversespec.llm.Completion;
import io.github.reversespec.llm.FailureKind;
import io.github.reversespec.llm.ModelException;
import io.github.reversespec.llm.ModelRequest;
import io.github.reversespec.llm.OpenAiClient;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.llm.TokenEstimator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared fake model endpoint, through the plugin's own clients where they can tell. */
class FakeModelServerTest {

    private static final ModelRequest REQUEST =
            new ModelRequest("You write specs.", "<unit>\npackage: com.acme.orders\nmodule: shop\n</unit>", 800);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private HttpResponse<String> post(FakeModelServer server, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.baseUri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheNineSectionsInOpenAisShapeAndRecordsTheRequest() throws Exception {
        try (FakeModelServer server = new FakeModelServer();
                OpenAiClient client =
                        new OpenAiClient(ClientConfig.of(server.baseUri("/v1"), "gpt-test", Secret.of("sk-test-1")))) {
            Completion completion = client.complete(REQUEST);

            assertThat(completion.text()).isEqualTo(NINE_SECTIONS);
            assertThat(completion.finishReason()).isEqualTo("stop");
            assertThat(completion.promptTokens()).isEqualTo(FakeModelServer.PROMPT_TOKENS);
            assertThat(completion.completionTokens()).isEqualTo(FakeModelServer.COMPLETION_TOKENS);
            assertThat(server.received()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/v1/chat/completions");
                assertThat(r.uri()).isEqualTo("/v1/chat/completions");
                assertThat(r.anthropic()).isFalse();
                assertThat(r.headers().get("Authorization")).containsExactly("Bearer sk-test-1");
                assertThat(r.header("authorization")).isEqualTo("Bearer sk-test-1");
                assertThat(r.body()).contains("\"model\":\"gpt-test\"").contains("com.acme.orders");
            });
            assertThat(server.allBodies()).isEqualTo(server.received().get(0).body());
        }
    }

    @Test
    void answersTheNineSectionsInAnthropicsShape() throws Exception {
        try (FakeModelServer server = new FakeModelServer();
                AnthropicClient client =
                        new AnthropicClient(ClientConfig.of(server.baseUri(""), "claude-test", Secret.of("k-1")))) {
            Completion completion = client.complete(REQUEST);

            assertThat(completion.text()).isEqualTo(NINE_SECTIONS);
            assertThat(completion.promptTokens()).isEqualTo(FakeModelServer.PROMPT_TOKENS);
            assertThat(completion.completionTokens()).isEqualTo(FakeModelServer.COMPLETION_TOKENS);
            FakeModelServer.Received r = server.received().get(0);
            assertThat(r.path()).isEqualTo("/v1/messages");
            assertThat(r.anthropic()).isTrue();
            assertThat(r.headers().get("X-api-key")).containsExactly("k-1");
            assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
        }
    }

    @Test
    void aCutOffAnswerIsSeenAsCutOffByEitherClient() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> cutOff("## 1. Int"));
                OpenAiClient openAi = new OpenAiClient(ClientConfig.of(server.baseUri("/v1"), "m", Secret.none()));
                AnthropicClient anthropic =
                        new AnthropicClient(ClientConfig.of(server.baseUri(""), "m", Secret.none()))) {
            ModelException a = catchThrowableOfType(ModelException.class, () -> openAi.complete(REQUEST));
            ModelException b = catchThrowableOfType(ModelException.class, () -> anthropic.complete(REQUEST));

            assertThat(a.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(a.getMessage()).contains("finish_reason: length");
            assertThat(b.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(b.getMessage()).contains("stop_reason: max_tokens");
        }
    }

    @Test
    void aStreamedAnswerIsReadByEitherClientAndItsUsageCountedOnce() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> FakeModelServer.streamed(NINE_SECTIONS));
                OpenAiClient openAi = new OpenAiClient(ClientConfig.of(server.baseUri("/v1"), "m", Secret.none()));
                AnthropicClient anthropic =
                        new AnthropicClient(ClientConfig.of(server.baseUri(""), "m", Secret.none()))) {
            assertThat(openAi.complete(REQUEST).text()).isEqualTo(NINE_SECTIONS);
            assertThat(anthropic.complete(REQUEST).text()).isEqualTo(NINE_SECTIONS);

            assertThat(server.answered())
                    .allSatisfy(a ->
                            assertThat(a.responseHead()).startsWith(a.request().anthropic() ? "event: " : "data: "));
            // Anthropic reports output_tokens in message_start and again, final, in message_delta.
            assertThat(server.usageTokens())
                    .isEqualTo(2 * (FakeModelServer.PROMPT_TOKENS + FakeModelServer.COMPLETION_TOKENS));
        }
    }

    @Test
    void theScriptAnswersTheNthRequestAndQueuedRepliesComeFirstTheLastRepeating() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> json(200, "{\"n\":" + n + "}"))) {
            assertThat(post(server, "/a", "1").body()).isEqualTo("{\"n\":1}");
            assertThat(post(server, "/a", "2").body()).isEqualTo("{\"n\":2}");

            server.then(error(429, "slow down", "Retry-After", "17"), json(503, "{}"));
            HttpResponse<String> limited = post(server, "/v1/chat/completions", "3");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("17");
            assertThat(limited.body()).isEqualTo("{\"error\":{\"message\":\"slow down\"}}");
            assertThat(post(server, "/a", "4").statusCode()).isEqualTo(503);
            assertThat(post(server, "/a", "5").statusCode()).isEqualTo(503);

            assertThat(server.received().stream().map(FakeModelServer.Received::body))
                    .containsExactly("1", "2", "3", "4", "5");
            assertThat(server.answered().stream().map(FakeModelServer.Answered::status))
                    .containsExactly(200, 200, 429, 503, 503);
        }
    }

    @Test
    void requestsAreServedConcurrentlyAndTheMostInFlightIsCounted() throws Exception {
        // Each reply waits until both requests are in: only concurrent handlers get past the latch.
        CountDownLatch both = new CountDownLatch(2);
        try (FakeModelServer server = new FakeModelServer(n -> {
            both.countDown();
            try {
                assertThat(both.await(30, TimeUnit.SECONDS))
                        .as("both requests in flight")
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer(NINE_SECTIONS);
        })) {
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(
                    HttpRequest.newBuilder(server.baseUri("/v1/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = post(server, "/v1/chat/completions", "{}");

            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(server.stats()).contains("\"maxInFlight\":2,");
        }
    }

    @Test
    void anAnthropicErrorHasAnthropicsShape() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> error(529, "Overloaded"))) {
            HttpResponse<String> r = post(server, "/v1/messages", "{}");

            assertThat(r.statusCode()).isEqualTo(529);
            assertThat(r.body())
                    .isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Overloaded\"}}");
        }
    }

    @Test
    void theRequestLogHasMethodPathHeadersAndBodyOfEachRequestAsItArrives() throws Exception {
        Path log = temp.resolve("requests.log");
        try (FakeModelServer server = new FakeModelServer().logTo(log)) {
            post(server, "/v1/chat/completions", "{\"model\":\"one\"}");
            post(server, "/v1/messages", "{\"model\":\"two\"}");

            String text = Files.readString(log);
            assertThat(text).isEqualTo(server.requestLog());
            assertThat(text.split("\n----\n", -1)).hasSize(3);
            assertThat(text)
                    .startsWith("POST /v1/chat/completions\n")
                    .contains("\nContent-type: application/json\n")
                    .contains("\n{\"model\":\"one\"}\n----\nPOST /v1/messages\n")
                    .endsWith("\n{\"model\":\"two\"}\n----\n");
        }
    }

    @Test
    void statsAndTimelineCountWhatWasAnsweredWithThePluginsEstimatesAndResetForgetsIt() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> estimatedAnswer(NINE_SECTIONS));
                OpenAiClient client = new OpenAiClient(ClientConfig.of(server.baseUri("/v1"), "m", Secret.none()))) {
            Completion completion = client.complete(REQUEST);
            long prompt = TokenEstimator.estimate(REQUEST.system()) + TokenEstimator.estimate(REQUEST.user());
            long answer = TokenEstimator.estimate(NINE_SECTIONS);
            assertThat(completion.promptTokens()).isEqualTo(prompt);
            assertThat(completion.completionTokens()).isEqualTo(answer);

            String stats = http.send(
                            HttpRequest.newBuilder(server.baseUri("/stats")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(stats)
                    .startsWith("{\"requests\":1,\"requestBytes\":"
                            + server.received().get(0).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                            + ",\"promptTokens\":" + prompt + ",\"usageTokens\":" + (prompt + answer)
                            + ",\"maxPromptTokens\":" + prompt + ",\"maxRequestTokens\":" + (prompt + 800)
                            + ",\"maxRequestUnit\":\"shop:com.acme.orders\",\"maxInFlight\":1,")
                    .contains("\"latencyMs\":0,");
            List<String> timeline = http.send(
                            HttpRequest.newBuilder(server.baseUri("/timeline")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .lines()
                    .toList();
            assertThat(timeline).hasSize(2);
            assertThat(timeline.get(0)).isEqualTo("start_ms,end_ms,prompt_tokens,max_tokens,unit");
            assertThat(timeline.get(1)).matches("\\d+,\\d+," + prompt + ",800,shop:com\\.acme\\.orders");

            assertThat(post(server, "/reset", "").statusCode()).isEqualTo(200);
            assertThat(server.received())
                    .as("control requests are not recorded")
                    .isEmpty();
            assertThat(server.answered()).isEmpty();
            assertThat(http.send(
                                    HttpRequest.newBuilder(server.baseUri("/stats"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .startsWith("{\"requests\":0,\"requestBytes\":0,\"promptTokens\":0,\"usageTokens\":0,");
        }
    }
}
