package io.github.reversespec.generate;

import io.github.reversespec.context.ContextAssembler;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.context.SecretRedactor;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.llm.ClientConfig;
import io.github.reversespec.llm.HttpModelClient;
import io.github.reversespec.llm.ModelProvider;
import io.github.reversespec.llm.ModelProviders;
import io.github.reversespec.llm.RetryPolicy;
import io.github.reversespec.llm.RetryingModelClient;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.llm.TokenBudget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses where prose comes from: the provider the user configured, or none (AST-only) when no
 * model is configured or Maven runs offline. Configuration mistakes are refused here, before any
 * work, with a message that names the setting.
 */
public final class GenerationSteps {

    /** What a run without a model says about it: short, pointing to where the set-up is explained. */
    static final String NO_MODEL_LINE =
            "reverse-spec: AST-only (no model configured; see the README's \"Configuring a model\")";

    static final String HOW_TO_CONFIGURE = "set OPENAI_API_KEY or ANTHROPIC_API_KEY, or the password of a <server> "
            + "in settings.xml (reverse-spec.serverId), or -Dreverse-spec.baseUrl=http://localhost:11434/v1 "
            + "-Dreverse-spec.model=<model> for a local Ollama";

    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private GenerationSteps() {}

    /**
     * Every credential the user configured, used or not (the settings.xml server's password, each
     * key variable, the proxy's password): a run redacts them all from sources, answers, files and
     * logs, also an AST-only run that sends nothing.
     */
    public static KnownSecrets configuredSecrets(ModelSettings s) {
        List<String> values = new ArrayList<>();
        values.add(s.serverKey().reveal());
        ModelProviders.keyVariables().forEach(name -> values.add(s.environment().get(name)));
        if (s.proxy() != null) {
            values.add(s.proxy().password().reveal());
        }
        return KnownSecrets.of(values);
    }

    /** The provider the settings resolve to: a {@link ModelProviders} id, or {@code none}. */
    public static String resolveProvider(ModelSettings s) throws ConfigurationException {
        return provider(s).map(ModelProvider::id).orElse("none");
    }

    /**
     * The provider the settings choose, or empty for none (AST-only). {@code auto}: a custom base
     * URL means the provider that claims its host (else the fallback, OpenAI-compatible); a key of
     * unknown kind (settings.xml, {@code REVERSE_SPEC_API_KEY}) the provider of the model, else the
     * one whose own key is also set, else the fallback; otherwise the first provider whose own key
     * variable is set.
     */
    static Optional<ModelProvider> provider(ModelSettings s) throws ConfigurationException {
        String p = s.provider().toLowerCase(Locale.ROOT);
        if (p.equals("none")) {
            return Optional.empty();
        }
        if (!p.equals("auto") && !p.isEmpty()) {
            return Optional.of(ModelProviders.byId(p)
                    .orElseThrow(() -> new ConfigurationException("reverse-spec.provider must be auto, "
                            + ModelProviders.ids() + " or none; got '" + s.provider() + "'")));
        }
        if (!s.baseUrl().isEmpty()) {
            String host = host(s);
            return Optional.of(ModelProviders.all().stream()
                    .filter(m -> m.servesHost(host))
                    .findFirst()
                    .orElse(ModelProviders.fallback()));
        }
        List<ModelProvider> withOwnKey = ModelProviders.all().stream()
                .filter(m -> m.keyVariables().stream().anyMatch(v -> present(s, v)))
                .toList();
        if (s.serverKey().isPresent() || present(s, ModelProviders.GENERIC_KEY_VARIABLE)) {
            String model = s.model().toLowerCase(Locale.ROOT);
            Optional<ModelProvider> byModel = ModelProviders.all().stream()
                    .filter(m -> m.servesModel(model))
                    .findFirst();
            if (byModel.isPresent()) {
                return byModel;
            }
            return Optional.of(withOwnKey.size() == 1 ? withOwnKey.get(0) : ModelProviders.fallback());
        }
        return withOwnKey.stream().findFirst();
    }

    /**
     * The generation step for the settings.
     *
     * @throws ConfigurationException for a setting that cannot work (unknown provider, bad URL,
     *     a window too small), naming it
     */
    public static GenerationStep create(ModelSettings s, ProgressLog log) throws ConfigurationException {
        return create(s, 0, log);
    }

    /**
     * The generation step for the settings, with at most {@code maxInFlight} model requests at
     * once (the run's {@code concurrency}; 0 for no ceiling): a big unit's parts are sent
     * together, so the units in flight alone do not bound the requests.
     *
     * @throws ConfigurationException for a setting that cannot work (unknown provider, bad URL,
     *     a window too small), naming it
     */
    public static GenerationStep create(ModelSettings s, int maxInFlight, ProgressLog log)
            throws ConfigurationException {
        if (s.contextTokens() < 1000) {
            throw new ConfigurationException(
                    "reverse-spec.contextTokens must be at least 1000; got " + s.contextTokens());
        }
        if (s.maxRetries() < 0) {
            throw new ConfigurationException("reverse-spec.maxRetries must not be negative; got " + s.maxRetries());
        }
        if (s.requestTimeout().isNegative() || s.requestTimeout().isZero()) {
            throw new ConfigurationException("reverse-spec.requestTimeout must be a positive number of seconds");
        }
        if (s.requestTotalTimeout().isNegative() || s.requestTotalTimeout().isZero()) {
            throw new ConfigurationException("reverse-spec.requestTotalTimeout must be a positive number of seconds");
        }
        if (s.tokenBudget() < 0) {
            throw new ConfigurationException("reverse-spec.tokenBudget must not be negative; got " + s.tokenBudget());
        }
        Optional<ModelProvider> chosen = provider(s);
        if (chosen.isEmpty()) {
            if (s.provider().equalsIgnoreCase("none")) {
                log.info("reverse-spec: provider none: writing AST-only specs.");
            } else {
                // One short line every run: it says why the specs are AST-only without repeating the
                // set-up instructions each time; those are in the README and in the debug log.
                log.info(NO_MODEL_LINE);
                log.debug("reverse-spec: to have a model write the prose, " + HOW_TO_CONFIGURE + ".");
            }
            return new AstOnlyStep();
        }
        if (s.offline()) {
            log.info("reverse-spec: Maven is offline (-o): no model request is made, specs are AST-only.");
            return new AstOnlyStep();
        }
        ModelProvider provider = chosen.get();
        Secret key = key(s, provider);
        URI base;
        try {
            base = s.baseUrl().isEmpty()
                    ? provider.defaultBaseUrl()
                    : new URI(s.baseUrl().replaceAll("/+$", ""));
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException(
                    "reverse-spec.baseUrl '" + s.baseUrl() + "' is not a URL: " + e.getReason());
        }
        if (!key.isPresent() && s.baseUrl().isEmpty()) {
            throw new ConfigurationException(
                    "reverse-spec.provider=" + provider.id() + " needs an API key: " + HOW_TO_CONFIGURE + ".");
        }
        if (s.model().isEmpty()
                && !s.baseUrl().isEmpty()
                && ModelProviders.all().stream().noneMatch(m -> m.servesHost(host(s)))) {
            throw new ConfigurationException("reverse-spec.model is required with reverse-spec.baseUrl " + s.baseUrl()
                    + ": give the model id the server serves (e.g. llama3.1 for Ollama).");
        }
        String model = !s.model().isEmpty() ? s.model() : provider.defaultModel();
        ClientConfig config;
        try {
            config = ClientConfig.of(base, model, key)
                    .withRequestTimeout(s.requestTimeout())
                    .withRequestTotalTimeout(s.requestTotalTimeout())
                    .withProxy(s.proxy())
                    .withCredentialHint(credentialHint(s, provider));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("reverse-spec.baseUrl/model: " + e.getMessage());
        }
        HttpModelClient client = provider.client(config);
        RetryingModelClient retrying = new RetryingModelClient(
                client,
                RetryPolicy.defaults(s.maxRetries()),
                maxInFlight,
                (from, to, lifted, cause) -> reportLimit(log, from, to, lifted, cause),
                TokenBudget.of(s.tokenBudget()));
        int reserved = Math.min(4096, s.contextTokens() / 4);
        KnownSecrets secrets = configuredSecrets(s);
        ContextAssembler assembler = new ContextAssembler(s.contextTokens(), reserved, new SecretRedactor(secrets));
        log.info("reverse-spec: prose by " + provider.id() + " model " + model + " at " + base.getScheme() + "://"
                + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "") + " (key "
                + (key.isPresent() ? "from " + keySource(s, provider) : "none") + ").");
        return new ModelGenerationStep(
                retrying, assembler, s.language(), reserved, s.maxRetries(), log, HEARTBEAT, secrets);
    }

    /** Says when a rate limit lowers, raises or lifts the number of requests in flight. */
    static void reportLimit(ProgressLog log, int from, int to, boolean lifted, String cause) {
        if (to < from) {
            log.warn("reverse-spec: the model server is rate limiting (" + cause + "): at most " + to
                    + " request(s) at once now, was " + from + "; more again as answers succeed.");
        } else if (lifted) {
            log.info("reverse-spec: back to " + to + " request(s) at once after the rate limit.");
        } else if (log.isDebugEnabled()) {
            log.debug("reverse-spec: up to " + to + " request(s) at once.");
        }
    }

    private static Secret key(ModelSettings s, ModelProvider provider) {
        if (s.serverKey().isPresent()) {
            return s.serverKey();
        }
        for (String name : envNames(provider)) {
            if (present(s, name)) {
                return Secret.of(s.environment().get(name).strip());
            }
        }
        return Secret.none();
    }

    private static String keySource(ModelSettings s, ModelProvider provider) {
        if (s.serverKey().isPresent()) {
            return "settings.xml server '" + s.serverId() + "'";
        }
        for (String name : envNames(provider)) {
            if (present(s, name)) {
                return name;
            }
        }
        return "none";
    }

    private static String credentialHint(ModelSettings s, ModelProvider provider) {
        return "the password of <server> '" + s.serverId() + "' in settings.xml, or "
                + String.join(" / ", envNames(provider));
    }

    /** The generic variable, then the provider's own. */
    private static List<String> envNames(ModelProvider provider) {
        List<String> names = new ArrayList<>();
        names.add(ModelProviders.GENERIC_KEY_VARIABLE);
        names.addAll(provider.keyVariables());
        return names;
    }

    private static boolean present(ModelSettings s, String name) {
        String v = s.environment().get(name);
        return v != null && !v.isBlank();
    }

    private static String host(ModelSettings s) {
        try {
            String h = URI.create(s.baseUrl()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
