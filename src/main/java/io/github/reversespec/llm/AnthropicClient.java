package io.github.reversespec.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.HttpHeaders;

/** Anthropic's {@code POST /v1/messages}. */
public final class AnthropicClient extends HttpModelClient {

    /** Anthropic's own endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");

    /** The API version this client speaks; Anthropic requires the header on every request. */
    public static final String API_VERSION = "2023-06-01";

    /** A client for {@code config}. */
    public AnthropicClient(ClientConfig config) {
        this(config, Clock.systemUTC());
    }

    /** A client for {@code config} reading HTTP-date {@code Retry-After} values against {@code clock}. */
    public AnthropicClient(ClientConfig config, Clock clock) {
        super(
                config,
                "/v1/messages",
                clock,
                "the API key in settings.xml <server> 'reverse-spec' or ANTHROPIC_API_KEY");
    }

    @Override
    protected void addHeaders(HttpPost post, Secret apiKey) {
        if (apiKey.isPresent()) {
            post.setHeader("x-api-key", apiKey.reveal());
        }
        post.setHeader("anthropic-version", API_VERSION);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
    }

    @Override
    protected ObjectNode requestBody(ModelRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", config().model());
        body.put("max_tokens", request.maxOutputTokens());
        if (!request.system().isBlank()) {
            body.put("system", request.system());
        }
        body.putArray("messages").addObject().put("role", "user").put("content", request.user());
        if (config().temperature() != null) {
            body.put("temperature", config().temperature());
        }
        return body;
    }

    @Override
    protected Completion readCompletion(JsonNode answer, ModelRequest request) throws ModelException {
        JsonNode usage = answer.get("usage");
        long tokens = reportedTokens(usage, "input_tokens", "output_tokens");
        if ("error".equals(text(answer.get("type")))) {
            throw unusableAnswer(
                    FailureKind.RETRYABLE,
                    "is an error: "
                            + excerpt(answer.path("error").path("message").asText()),
                    tokens);
        }
        String stopReason = text(answer.get("stop_reason"));
        if ("max_tokens".equals(stopReason)) {
            throw unusableAnswer(
                    FailureKind.RETRYABLE,
                    "was cut off at the output limit (stop_reason: max_tokens); it is not used as if complete",
                    tokens);
        }
        if ("refusal".equals(stopReason)) {
            throw unusableAnswer(FailureKind.REQUEST_REJECTED, "is a refusal (stop_reason: refusal)", tokens);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : answer.path("content")) {
            // Thinking and tool blocks are not the answer.
            if ("text".equals(text(block.get("type"))) && block.path("text").isTextual()) {
                text.append(block.path("text").asText());
            }
        }
        if (text.toString().isBlank()) {
            throw unusableAnswer(
                    FailureKind.RETRYABLE, "has no text content (stop_reason: " + stopReason + ")", tokens);
        }
        JsonNode input = usage == null ? null : usage.get("input_tokens");
        JsonNode output = usage == null ? null : usage.get("output_tokens");
        return completion(text.toString(), stopReason, input, output, request);
    }
}
