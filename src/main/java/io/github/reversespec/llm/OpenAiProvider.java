package io.github.reversespec.llm;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OpenAI, and every server that speaks its {@code /chat/completions} (Ollama, vLLM, LM Studio,
 * llama.cpp, OpenRouter): the provider a custom base URL means unless another claims its host.
 */
final class OpenAiProvider implements ModelProvider {

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public URI defaultBaseUrl() {
        return OpenAiClient.DEFAULT_BASE_URL;
    }

    @Override
    public String defaultModel() {
        return "gpt-4.1-mini";
    }

    @Override
    public List<String> keyVariables() {
        return List.of("OPENAI_API_KEY");
    }

    @Override
    public Pattern keyShape() {
        return Pattern.compile("(?<![\\w-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[\\w-]{20,}+");
    }

    @Override
    public boolean servesHost(String host) {
        return host.endsWith("openai.com");
    }

    @Override
    public boolean servesModel(String model) {
        return model.startsWith("gpt-") || model.matches("o\\d.*");
    }

    @Override
    public HttpModelClient client(ClientConfig config) {
        return new OpenAiClient(config);
    }
}
