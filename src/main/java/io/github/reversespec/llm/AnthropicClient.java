package io.github.reversespec.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
        post.setHeader(HttpHeaders.ACCEPT, "text/event-stream, application/json");
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
        // Streamed, so a slow model's answer is seen arriving (the timeout is a silence, not a total).
        body.put("stream", true);
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

    @Override
    StreamedAnswer streamedAnswer() {
        return new StreamedMessage();
    }

    /**
     * The Messages stream: {@code message_start} (the input usage), {@code content_block_start} /
     * {@code content_block_delta} / {@code content_block_stop} per block, {@code message_delta} (the
     * stop reason and output usage), {@code message_stop} to end; {@code ping} in between, {@code
     * error} when the server fails mid-way. Only text blocks are the answer.
     */
    private final class StreamedMessage extends StreamedAnswer {

        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, String> blockTypes = new HashMap<>();
        private JsonNode inputTokens;
        private JsonNode outputTokens;
        private boolean finalUsage;
        private String stopReason;
        private boolean stopped;

        @Override
        int take(SseReader.Event event) throws ModelException {
            JsonNode data;
            try {
                data = JSON.readTree(event.data());
            } catch (JsonProcessingException e) {
                data = null;
            }
            if (data == null || !data.isObject()) {
                throw unusableAnswer(
                        FailureKind.RETRYABLE,
                        "streamed an event that is not a JSON object: \"" + excerpt(event.data()) + "\"",
                        reportedTokens());
            }
            String type = data.path("type").isTextual() ? data.path("type").asText() : event.name();
            switch (type) {
                case "message_start" -> {
                    JsonNode usage = data.path("message").path("usage");
                    keepUsage(usage);
                }
                case "content_block_start" ->
                    blockTypes.put(
                            data.path("index").asInt(),
                            data.path("content_block").path("type").asText(""));
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    boolean textBlock = "text"
                            .equals(blockTypes.getOrDefault(data.path("index").asInt(), "text"));
                    if (textBlock
                            && "text_delta".equals(text(delta.get("type")))
                            && delta.path("text").isTextual()) {
                        String piece = delta.path("text").asText();
                        text.append(piece);
                        return piece.length();
                    }
                }
                case "message_delta" -> {
                    String reason = text(data.path("delta").get("stop_reason"));
                    if (reason != null) {
                        stopReason = reason;
                    }
                    if (data.path("usage").isObject()) {
                        keepUsage(data.path("usage"));
                        finalUsage = true;
                    }
                }
                case "message_stop" -> stopped = true;
                case "error" ->
                    throw unusableAnswer(
                            FailureKind.RETRYABLE,
                            "broke off with an error: "
                                    + excerpt(data.path("error").path("message").asText()),
                            reportedTokens());
                default -> {
                    // ping, content_block_stop and event types added later carry no answer text.
                }
            }
            return 0;
        }

        private void keepUsage(JsonNode usage) {
            if (usage.path("input_tokens").canConvertToLong()) {
                inputTokens = usage.get("input_tokens");
            }
            if (usage.path("output_tokens").canConvertToLong()) {
                outputTokens = usage.get("output_tokens");
            }
        }

        @Override
        boolean ended() {
            return stopped;
        }

        @Override
        boolean finished() {
            return stopReason != null;
        }

        @Override
        ObjectNode answer() {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("type", "message");
            answer.putArray("content").addObject().put("type", "text").put("text", text.toString());
            answer.put("stop_reason", stopReason);
            ObjectNode usage = answer.putObject("usage");
            if (inputTokens != null) {
                usage.set("input_tokens", inputTokens);
            }
            if (finalUsage && outputTokens != null) {
                usage.set("output_tokens", outputTokens);
            }
            return answer;
        }

        @Override
        long reportedTokens() {
            if (!finalUsage) {
                return 0;
            }
            return (inputTokens == null ? 0 : inputTokens.asLong())
                    + (outputTokens == null ? 0 : outputTokens.asLong());
        }
    }
}
