package io.github.reversespec.llm;

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
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
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
        body.put("stream", false);
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
}
