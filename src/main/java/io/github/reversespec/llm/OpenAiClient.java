package io.github.reversespec.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * Any OpenAI-compatible {@code POST /chat/completions} endpoint: OpenAI, Ollama, vLLM, LM Studio,
 * llama.cpp, OpenRouter. The body uses only fields of OpenAI's published
 * {@code CreateChatCompletionRequest}, so compatible servers accept it too.
 */
public final class OpenAiClient extends HttpModelClient {

    /** OpenAI's own endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");

    /** Ollama's OpenAI-compatible endpoint on its default port. */
    public static final URI OLLAMA_BASE_URL = URI.create("http://localhost:11434/v1");

    private final boolean completionTokensField;

    /** A client for {@code config}. */
    public OpenAiClient(ClientConfig config) {
        this(config, Clock.systemUTC());
    }

    /** A client for {@code config} reading HTTP-date {@code Retry-After} values against {@code clock}. */
    public OpenAiClient(ClientConfig config, Clock clock) {
        super(
                config,
                "/chat/completions",
                clock,
                "the API key in settings.xml <server> 'reverse-spec' or OPENAI_API_KEY");
        // OpenAI's reasoning models refuse the older max_tokens; compatible servers mostly know only it.
        this.completionTokensField =
                "api.openai.com".equals(config.baseUrl().getHost().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void addHeaders(HttpPost post, Secret apiKey) {
        if (apiKey.isPresent()) {
            post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey.reveal());
        }
        post.setHeader(HttpHeaders.ACCEPT, "text/event-stream, application/json");
    }

    @Override
    protected ObjectNode requestBody(ModelRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", config().model());
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        body.put(completionTokensField ? "max_completion_tokens" : "max_tokens", request.maxOutputTokens());
        if (config().temperature() != null) {
            body.put("temperature", config().temperature());
        }
        // Streamed, so a slow model's answer is seen arriving (the timeout is a silence, not a total);
        // the usage comes in a last chunk only when asked for.
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return body;
    }

    @Override
    protected Completion readCompletion(JsonNode answer, ModelRequest request) throws ModelException {
        JsonNode usage = answer.get("usage");
        long tokens = reportedTokens(usage, "prompt_tokens", "completion_tokens");
        JsonNode choices = answer.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            // Some gateways (OpenRouter) answer 200 with an error object when the upstream failed.
            JsonNode error = answer.get("error");
            String detail = error == null
                    ? ""
                    : ": " + excerpt(error.isObject() ? error.path("message").asText() : error.asText());
            throw unusableAnswer(FailureKind.RETRYABLE, "holds no choices" + detail, tokens);
        }
        JsonNode choice = choices.get(0);
        String finishReason = text(choice.get("finish_reason"));
        JsonNode message = choice.path("message");
        String content = text(message.get("content"));
        if ("length".equals(finishReason)) {
            throw unusableAnswer(
                    FailureKind.RETRYABLE,
                    "was cut off at the output limit (finish_reason: length); it is not used as if complete",
                    tokens);
        }
        if ("content_filter".equals(finishReason)) {
            throw unusableAnswer(FailureKind.REQUEST_REJECTED, "was withheld by the provider's content filter", tokens);
        }
        if (content == null || content.isBlank()) {
            String refusal = text(message.get("refusal"));
            if (refusal != null && !refusal.isBlank()) {
                throw unusableAnswer(
                        FailureKind.REQUEST_REJECTED, "is a refusal: \"" + excerpt(refusal) + "\"", tokens);
            }
            throw unusableAnswer(
                    FailureKind.RETRYABLE, "has empty content (finish_reason: " + finishReason + ")", tokens);
        }
        JsonNode prompt = usage == null ? null : usage.get("prompt_tokens");
        JsonNode completion = usage == null ? null : usage.get("completion_tokens");
        return completion(content, finishReason, prompt, completion, request);
    }

    @Override
    StreamedAnswer streamedAnswer() {
        return new StreamedChat();
    }

    /**
     * {@code chat.completion.chunk} events: {@code choices[0].delta} carries pieces of {@code
     * content} (or {@code refusal}), the last choice chunk its {@code finish_reason}, a chunk with no
     * choices the {@code usage}, and {@code [DONE]} ends the stream.
     */
    private final class StreamedChat extends StreamedAnswer {

        private final StringBuilder content = new StringBuilder();
        private final StringBuilder refusal = new StringBuilder();
        private boolean choice;
        private String finishReason;
        private JsonNode usage;
        private boolean done;

        @Override
        int take(SseReader.Event event) throws ModelException {
            if (event.data().strip().equals("[DONE]")) {
                done = true;
                return 0;
            }
            JsonNode chunk;
            try {
                chunk = JSON.readTree(event.data());
            } catch (JsonProcessingException e) {
                chunk = null;
            }
            if (chunk == null || !chunk.isObject()) {
                throw unusableAnswer(
                        FailureKind.RETRYABLE,
                        "streamed an event that is not a JSON object: \"" + excerpt(event.data()) + "\"",
                        reportedTokens());
            }
            JsonNode error = chunk.get("error");
            if (error != null && !error.isNull()) {
                throw unusableAnswer(
                        FailureKind.RETRYABLE,
                        "broke off with an error: "
                                + excerpt(
                                        error.isObject() ? error.path("message").asText() : error.asText()),
                        reportedTokens());
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.get("usage");
            }
            int added = 0;
            for (JsonNode c : chunk.path("choices")) {
                if (c.path("index").asInt(0) != 0) {
                    continue;
                }
                choice = true;
                String piece = text(c.path("delta").get("content"));
                if (piece != null) {
                    content.append(piece);
                    added += piece.length();
                }
                String refused = text(c.path("delta").get("refusal"));
                if (refused != null) {
                    refusal.append(refused);
                }
                String reason = text(c.get("finish_reason"));
                if (reason != null) {
                    finishReason = reason;
                }
            }
            return added;
        }

        @Override
        boolean ended() {
            return done;
        }

        @Override
        boolean finished() {
            return finishReason != null;
        }

        @Override
        ObjectNode answer() {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode choices = answer.putArray("choices");
            if (choice) {
                ObjectNode c = choices.addObject();
                c.put("index", 0);
                ObjectNode message = c.putObject("message");
                message.put("role", "assistant");
                message.put("content", content.toString());
                if (!refusal.isEmpty()) {
                    message.put("refusal", refusal.toString());
                }
                c.put("finish_reason", finishReason);
            }
            if (usage != null) {
                answer.set("usage", usage);
            }
            return answer;
        }

        @Override
        long reportedTokens() {
            return HttpModelClient.reportedTokens(usage, "prompt_tokens", "completion_tokens");
        }
    }
}
