package io.github.reversespec.generate;

import io.github.reversespec.llm.ProxyConfig;
import io.github.reversespec.llm.Secret;
import java.time.Duration;
import java.util.Map;

/**
 * What the user configured about the model, gathered by the Maven adapter from parameters,
 * settings.xml and the environment. No secret is logged or printed from here.
 *
 * @param provider {@code auto}, {@code openai}, {@code anthropic} or {@code none}
 * @param baseUrl the endpoint's base URL, or empty for the provider's
 * @param model the model id, or empty for the provider's default
 * @param serverId the settings.xml server id that may hold the key
 * @param serverKey the decrypted password of that server, or {@link Secret#none()}
 * @param environment the process environment (for {@code *_API_KEY})
 * @param offline Maven runs offline ({@code -o}): no request may be made
 * @param requestTimeout the longest silence of one request (answers are streamed)
 * @param requestTotalTimeout the longest one request may take as a whole
 * @param contextTokens upper bound of one request
 * @param tokenBudget total tokens for the run, 0 for no limit
 * @param maxRetries attempts per request after the first
 * @param language the language of the prose
 * @param proxy the active settings.xml proxy, or {@code null}
 */
public record ModelSettings(
        String provider,
        String baseUrl,
        String model,
        String serverId,
        Secret serverKey,
        Map<String, String> environment,
        boolean offline,
        Duration requestTimeout,
        Duration requestTotalTimeout,
        int contextTokens,
        long tokenBudget,
        int maxRetries,
        String language,
        ProxyConfig proxy) {

    public ModelSettings {
        provider = provider == null ? "auto" : provider.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        serverKey = serverKey == null ? Secret.none() : serverKey;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        language = language == null || language.isBlank() ? "English" : language.strip();
    }

    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", serverId="
                + serverId + ", offline=" + offline + "]";
    }
}
