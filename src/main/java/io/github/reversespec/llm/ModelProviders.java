package io.github.reversespec.llm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The providers the plugin knows, in the order {@code provider=auto} tries them. The first is the
 * fallback: a custom base URL that no provider claims is taken to speak its protocol (OpenAI's
 * {@code /chat/completions} is what local and hosted servers alike offer).
 */
public final class ModelProviders {

    /** The variable that holds a key of any provider; read before the provider's own. */
    public static final String GENERIC_KEY_VARIABLE = "REVERSE_SPEC_API_KEY";

    private static final List<ModelProvider> ALL = List.of(new OpenAiProvider(), new AnthropicProvider());

    private ModelProviders() {}

    /** Every provider, the fallback first. */
    public static List<ModelProvider> all() {
        return ALL;
    }

    /** The provider a custom base URL falls back to. */
    public static ModelProvider fallback() {
        return ALL.get(0);
    }

    /** The provider with this id (case-insensitive), if any. */
    public static Optional<ModelProvider> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.id().equals(wanted)).findFirst();
    }

    /** The ids, for messages: {@code openai, anthropic}. */
    public static String ids() {
        return ALL.stream().map(ModelProvider::id).collect(Collectors.joining(", "));
    }

    /** Every variable a key may come from, the generic one first. */
    public static List<String> keyVariables() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(GENERIC_KEY_VARIABLE),
                        ALL.stream().flatMap(p -> p.keyVariables().stream()))
                .distinct()
                .toList();
    }
}
