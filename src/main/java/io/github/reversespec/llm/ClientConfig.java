package io.github.reversespec.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one model endpoint. Build with {@link #of} and adjust with the {@code with...}
 * methods; the defaults suit a remote provider.
 *
 * @param baseUrl the provider's base URL, without the operation path ({@code https://api.openai.com/v1},
 *     {@code http://localhost:11434/v1}, {@code https://api.anthropic.com})
 * @param model the model id to request
 * @param apiKey the key, {@link Secret#none()} for servers that need none
 * @param requestTimeout the longest a request may go without receiving anything: connecting, waiting
 *     for the answer to start, and between two pieces of a streamed answer
 * @param requestTotalTimeout the longest a request may take as a whole, however steadily its answer
 *     streams in
 * @param maxResponseBytes answers longer than this are refused while they stream in
 * @param proxy the proxy for this client, or {@code null} to connect directly
 * @param temperature sampling temperature, or {@code null} to leave the server's default (some
 *     models reject any value but their own)
 * @param credentialHint where the user sets the key, for 401/403 messages, or {@code null} for the
 *     provider's usual places
 */
public record ClientConfig(
        URI baseUrl,
        String model,
        Secret apiKey,
        Duration requestTimeout,
        Duration requestTotalTimeout,
        long maxResponseBytes,
        ProxyConfig proxy,
        Double temperature,
        String credentialHint) {

    /** Default for {@link #requestTimeout}, as the plugin's {@code requestTimeout} parameter. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(300);

    /**
     * Default for {@link #requestTotalTimeout}, as the plugin's {@code requestTotalTimeout}
     * parameter: generous, since a local model on a laptop CPU may stream a long answer for many
     * minutes; it only stops a server that never ends.
     */
    public static final Duration DEFAULT_REQUEST_TOTAL_TIMEOUT = Duration.ofMinutes(30);

    /**
     * Connections a client keeps to its endpoint, so also the most requests it can have in flight:
     * the plugin's {@code concurrency} is bounded by it, so that no request queues for a
     * connection unseen.
     */
    public static final int MAX_CONNECTIONS = 64;

    /** Default for {@link #maxResponseBytes}: far beyond any spec, far below any heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "the base URL must be an http or https URL with a host: " + Endpoints.withoutUserInfo(baseUrl));
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("no model id given");
        }
        apiKey = apiKey == null ? Secret.none() : apiKey;
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        Objects.requireNonNull(requestTotalTimeout, "requestTotalTimeout");
        if (requestTotalTimeout.isNegative() || requestTotalTimeout.isZero()) {
            throw new IllegalArgumentException("requestTotalTimeout must be positive, was " + requestTotalTimeout);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
        }
        credentialHint = credentialHint == null || credentialHint.isBlank() ? null : credentialHint;
    }

    /** A configuration with the default timeout and size cap, no proxy and the server's temperature. */
    public static ClientConfig of(URI baseUrl, String model, Secret apiKey) {
        return new ClientConfig(
                baseUrl,
                model,
                apiKey,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_REQUEST_TOTAL_TIMEOUT,
                DEFAULT_MAX_RESPONSE_BYTES,
                null,
                null,
                null);
    }

    /** This configuration with another request (silence) timeout. */
    public ClientConfig withRequestTimeout(Duration timeout) {
        return new ClientConfig(
                baseUrl,
                model,
                apiKey,
                timeout,
                requestTotalTimeout,
                maxResponseBytes,
                proxy,
                temperature,
                credentialHint);
    }

    /** This configuration with another total timeout per request. */
    public ClientConfig withRequestTotalTimeout(Duration timeout) {
        return new ClientConfig(
                baseUrl, model, apiKey, requestTimeout, timeout, maxResponseBytes, proxy, temperature, credentialHint);
    }

    /** This configuration with another answer size cap. */
    public ClientConfig withMaxResponseBytes(long bytes) {
        return new ClientConfig(
                baseUrl, model, apiKey, requestTimeout, requestTotalTimeout, bytes, proxy, temperature, credentialHint);
    }

    /** This configuration through {@code proxyConfig} ({@code null}: directly). */
    public ClientConfig withProxy(ProxyConfig proxyConfig) {
        return new ClientConfig(
                baseUrl,
                model,
                apiKey,
                requestTimeout,
                requestTotalTimeout,
                maxResponseBytes,
                proxyConfig,
                temperature,
                credentialHint);
    }

    /** This configuration with a sampling temperature ({@code null}: the server's default). */
    public ClientConfig withTemperature(Double value) {
        return new ClientConfig(
                baseUrl,
                model,
                apiKey,
                requestTimeout,
                requestTotalTimeout,
                maxResponseBytes,
                proxy,
                value,
                credentialHint);
    }

    /** This configuration naming {@code hint} as the place to fix the key (e.g. the server id and variable). */
    public ClientConfig withCredentialHint(String hint) {
        return new ClientConfig(
                baseUrl,
                model,
                apiKey,
                requestTimeout,
                requestTotalTimeout,
                maxResponseBytes,
                proxy,
                temperature,
                hint);
    }

    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + Endpoints.withoutUserInfo(baseUrl) + ", model=" + model + ", apiKey="
                + apiKey + ", requestTimeout=" + requestTimeout + ", requestTotalTimeout="
                + requestTotalTimeout + ", maxResponseBytes=" + maxResponseBytes
                + ", proxy=" + proxy + ", temperature=" + temperature + "]";
    }
}
