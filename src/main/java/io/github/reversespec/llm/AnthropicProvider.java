package io.github.reversespec.llm;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Anthropic's Messages API ({@code /v1/messages}). */
final class AnthropicProvider implements ModelProvider {

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public URI defaultBaseUrl() {
        return AnthropicClient.DEFAULT_BASE_URL;
    }

    @Override
    public String defaultModel() {
        return "claude-sonnet-4-5";
    }

    @Override
    public List<String> keyVariables() {
        return List.of("ANTHROPIC_API_KEY");
    }

    @Override
    public Pattern keyShape() {
        return Pattern.compile("(?<![\\w-])sk-ant-[\\w-]{20,}+");
    }

    @Override
    public boolean servesHost(String host) {
        return host.contains("anthropic");
    }

    @Override
    public boolean servesModel(String model) {
        return model.startsWith("claude");
    }

    @Override
    public HttpModelClient client(ClientConfig config) {
        return new AnthropicClient(config);
    }
}
