package io.github.reversespec.llm;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of model endpoint the plugin can talk to, with everything that differs between kinds:
 * how users name it, where it lives by default, where its key comes from, what its keys look like
 * (so that one found in the sources is redacted) and the client that speaks its protocol. Adding a
 * provider is one implementation of this interface plus its line in {@link ModelProviders}.
 */
public interface ModelProvider {

    /** The value of {@code reverse-spec.provider} that chooses it, lower case. */
    String id();

    /** Its own endpoint, used when {@code reverse-spec.baseUrl} is not set. */
    URI defaultBaseUrl();

    /** The model asked for when {@code reverse-spec.model} is not set. */
    String defaultModel();

    /**
     * Environment variables that hold its key, in the order they are read; {@code
     * REVERSE_SPEC_API_KEY} (any provider's) is read before them.
     */
    List<String> keyVariables();

    /** The shape of its API keys, found anywhere in text bound for a model; see {@link #keyKind()}. */
    Pattern keyShape();

    /** The kind a redacted key is marked with: {@code [REDACTED:<kind>]}. */
    default String keyKind() {
        return id() + "-api-key";
    }

    /** Whether a custom base URL on {@code host} (lower case) is one of its endpoints. */
    boolean servesHost(String host);

    /** Whether a model id (lower case) is one of its models, to choose it for a key of unknown kind. */
    boolean servesModel(String model);

    /** The client for a configured endpoint. */
    HttpModelClient client(ClientConfig config);
}
