package io.github.reversespec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchResult;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RecordingLog;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.batch.UnitStatus;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.testing.FakeModelServer;
import io.github.reversespec.testing.OneProject;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured API key lands nowhere: not in a request body, a spec, the index, the summary, the
 * checkpoint or a log line, whether the sources hold it or the model echoes it (PRODUCT.md).
 */
class ConfiguredKeyTest {

    /** Shaped like an OpenAI key, as the example. */
    private static final String SHAPED_KEY = "sk-test-Qm7v2RkX9pL4wZ8nT1bY6cJ3";

    /** A key no shape rule knows: only knowing the configured value redacts it. */
    private static final String PLAIN_KEY = "local.k3y-Zq9xw-88120577";

    @TempDir
    Path root;

    private final RecordingLog recording = new RecordingLog();

    @BeforeEach
    void sources() throws IOException {
        write("src/main/java/com/acme/vault/Vault.java", """
                package com.acme.vault;

                /** Opens the vault; the default key is %1$s, for local use. */
                public final class Vault {
                    // TODO: stop shipping %2$s as a fallback
                    static final String DEFAULT_KEY = "%1$s";
                    static final String OTHER = "%2$s";

                    /** Uses {@code %2$s} when nothing else is set. */
                    @Deprecated(since = "%1$s")
                    public String key() {
                        return DEFAULT_KEY + OTHER;
                    }
                }
                """.formatted(SHAPED_KEY, PLAIN_KEY));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BatchResult run(ModelSettings settings, ProgressLog log) throws Exception {
        KnownSecrets secrets = GenerationSteps.configuredSecrets(settings);
        BatchRequest request = new BatchRequest(
                OneProject.reactor(root),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.ALL,
                UnitSelector.all(),
                false,
                1,
                1,
                "reverse-spec-maven-plugin/test",
                false,
                secrets);
        ProgressLog redacting = ProgressLog.redacting(log, secrets::redact);
        try (GenerationStep step = GenerationSteps.create(settings, redacting)) {
            return new BatchRunner(step, redacting).run(request);
        }
    }

    private static ModelSettings settings(String baseUrl, boolean offline) {
        // One key from settings.xml, the other from the environment: both count as configured.
        return new ModelSettings(
                "openai",
                baseUrl,
                "test-model",
                "reverse-spec",
                Secret.of(SHAPED_KEY),
                Map.of("REVERSE_SPEC_API_KEY", PLAIN_KEY),
                offline,
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                8000,
                0,
                0,
                "English",
                null);
    }

    /** Every file under specs/ (the checkpoint included while it exists) and every log line. */
    private String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder(String.join("\n", recording.lines));
        try (Stream<Path> files = Files.walk(root.resolve("specs"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.append('\n').append(WrittenFiles.text(p));
            }
        }
        return all.toString();
    }

    private static void assertNoKey(String text) {
        for (String key : List.of(SHAPED_KEY, PLAIN_KEY)) {
            assertThat(text)
                    .doesNotContain(key)
                    .doesNotContain(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void anAstOnlyRunCopiesNoKeyFromTheSourcesIntoTheSpecs() throws Exception {
        BatchResult result = run(settings("", true), recording);

        assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.WRITTEN_AST);
        String spec = Files.readString(root.resolve("specs/com.acme.vault.spec.md"));
        assertThat(spec).contains("[REDACTED:api-key]");
        assertNoKey(everythingWritten());
    }

    @Test
    void noKeyIsSentInABodyAndAnEchoedKeyIsNotWritten() throws Exception {
        String echo = "It uses " + SHAPED_KEY + " and " + PLAIN_KEY + ", base64 "
                + Base64.getEncoder().encodeToString(("user:" + PLAIN_KEY).getBytes(StandardCharsets.UTF_8)) + " and "
                + Base64.getEncoder().encodeToString(SHAPED_KEY.getBytes(StandardCharsets.UTF_8)) + ".";
        String answer = FakeModelServer.NINE_SECTIONS.replace("What happens, step by step.", echo);
        try (FakeModelServer server = new FakeModelServer(n -> FakeModelServer.answer(answer))) {
            BatchResult result = run(settings(server.baseUrl("/v1"), false), recording);

            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.WRITTEN_LLM);
            assertThat(server.received()).isNotEmpty().allSatisfy(r -> assertNoKey(r.body()));
            assertThat(server.allBodies()).contains("[REDACTED:api-key]");
            String spec = Files.readString(root.resolve("specs/com.acme.vault.spec.md"));
            assertThat(spec).contains("It uses [REDACTED:api-key] and [REDACTED:api-key], base64 [REDACTED:api-key]");
            assertNoKey(everythingWritten());
        }
    }

    @Test
    void aServerThatEchoesTheKeyInAnErrorLeavesItInNoLogOrSummary() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> FakeModelServer.json(
                500, "{\"error\":{\"message\":\"bad key " + PLAIN_KEY + " / " + SHAPED_KEY + "\"}}"))) {
            BatchResult result = run(settings(server.baseUrl("/v1"), false), recording);

            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.DEGRADED);
            assertNoKey(everythingWritten());
        }
    }
}
