package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ModelProvidersTest {

    @Test
    void idsAreUniqueAndLowerCaseAndTheFallbackIsOpenAiCompatible() {
        assertThat(ModelProviders.all())
                .extracting(ModelProvider::id)
                .doesNotHaveDuplicates()
                .allMatch(id ->
                        id.equals(id.toLowerCase(java.util.Locale.ROOT)) && !id.equals("auto") && !id.equals("none"));
        assertThat(ModelProviders.fallback().id()).isEqualTo("openai");
        assertThat(ModelProviders.byId("AnThRoPiC")).map(ModelProvider::id).contains("anthropic");
        assertThat(ModelProviders.byId("gemini")).isEmpty();
        assertThat(ModelProviders.ids()).isEqualTo("openai, anthropic");
    }

    @Test
    void everyVariableIsListedOnceWithTheGenericOneFirst() {
        assertThat(ModelProviders.keyVariables())
                .containsExactly("REVERSE_SPEC_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY");
    }

    @Test
    void eachProviderClaimsItsOwnHostsModelsAndKeysOnly() {
        ModelProvider openai = ModelProviders.byId("openai").orElseThrow();
        ModelProvider anthropic = ModelProviders.byId("anthropic").orElseThrow();
        assertThat(openai.servesHost("api.openai.com")).isTrue();
        assertThat(openai.servesHost("localhost")).isFalse();
        assertThat(anthropic.servesHost("api.anthropic.com")).isTrue();
        assertThat(openai.servesModel("gpt-4.1-mini")).isTrue();
        assertThat(openai.servesModel("o3-mini")).isTrue();
        assertThat(openai.servesModel("ollama3")).isFalse();
        assertThat(anthropic.servesModel("claude-sonnet-4-5")).isTrue();
        assertThat(openai.keyShape().matcher("sk-proj-abcdefghijklmnopqrstuvwx").find())
                .isTrue();
        assertThat(anthropic
                        .keyShape()
                        .matcher("sk-ant-api03-abcdefghijklmnopqrstuvwx")
                        .find())
                .isTrue();
        assertThat(anthropic
                        .keyShape()
                        .matcher("sk-proj-abcdefghijklmnopqrstuvwx")
                        .find())
                .isFalse();
        assertThat(openai.keyKind()).isEqualTo("openai-api-key");
    }

    @Test
    void theClientSpeaksTheProvidersProtocol() {
        ClientConfig config = ClientConfig.of(URI.create("http://127.0.0.1:9"), "m", Secret.of("k"));
        try (HttpModelClient o = ModelProviders.byId("openai").orElseThrow().client(config);
                HttpModelClient a =
                        ModelProviders.byId("anthropic").orElseThrow().client(config)) {
            assertThat(o).isInstanceOf(OpenAiClient.class);
            assertThat(a).isInstanceOf(AnthropicClient.class);
        }
    }
}
