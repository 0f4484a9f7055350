package io.github.reversespec.llm;

import static io.github.reversespec.llm.KeyLeaks.PLANTED_KEY;
import static io.github.reversespec.llm.KeyLeaks.assertKeyAbsent;
import static io.github.reversespec.testing.FakeModelServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {

    static final String ANSWER =
            "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
                    + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"hmm\"},{\"type\":\"text\",\"text\":\"## 1. Intent\\n\"},"
                    + "{\"type\":\"text\",\"text\":\"Keeps orders.\"}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{\"input_tokens\":90,\"output_tokens\":21}}";

    private static final ModelRequest REQUEST = new ModelRequest("You write specs.", "package com.acme;", 1000);

    private final ObjectMapper json = new ObjectMapper();
    private FakeModelServer server;
    private AnthropicClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        client = new AnthropicClient(ClientConfig.of(server.baseUri(""), "claude-test", Secret.of(PLANTED_KEY)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private ModelException failureOf(FakeModelServer.Reply reply) {
        server.then(reply);
        ModelException thrown = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));
        assertThat(thrown).isNotNull();
        assertKeyAbsent(thrown);
        return thrown;
    }

    @Test
    void sendsTheMessagesRequestAndJoinsTheTextBlocks() throws Exception {
        server.then(json(200, ANSWER));

        Completion completion = client.complete(REQUEST);

        assertThat(completion.text()).isEqualTo("## 1. Intent\nKeeps orders.");
        assertThat(completion.finishReason()).isEqualTo("end_turn");
        assertThat(completion.promptTokens()).isEqualTo(90);
        assertThat(completion.completionTokens()).isEqualTo(21);
        assertThat(completion.tokensEstimated()).isFalse();

        FakeModelServer.Received sent = server.received().get(0);
        assertThat(sent.uri()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(PLANTED_KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("Authorization")).isNull();
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1000);
        assertThat(body.path("system").asText()).isEqualTo("You write specs.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("package com.acme;");
    }

    @Test
    void maxTokensStopIsRetryable() {
        ModelException e = failureOf(json(
                200,
                "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"## 1\"}],"
                        + "\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":10,\"output_tokens\":1000}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.getMessage()).contains("stop_reason: max_tokens");
        assertThat(e.tokens()).isEqualTo(1010);
    }

    @Test
    void noTextIsRetryable() {
        ModelException e = failureOf(json(200, "{\"type\":\"message\",\"content\":[],\"stop_reason\":\"end_turn\"}"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
    }

    @Test
    void overloadedIsRetryable() {
        ModelException e = failureOf(
                json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.httpStatus()).hasValue(529);
        assertThat(e.getMessage()).contains("Overloaded");
    }

    @Test
    void badKeyIsFatalAndNamesTheAnthropicVariable() {
        ModelException e = failureOf(json(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                        + PLANTED_KEY + "\"}}"));

        assertThat(e.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY").contains("invalid x-api-key ****");
    }
}
