package io.github.reversespec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchResult;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RecordingLog;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.batch.UnitStatus;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.testing.FakeModelServer;
import io.github.reversespec.testing.OneProject;
import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-backed batch against an in-process endpoint: what is sent, written and logged. */
class ModelBatchTest {

    private static final String KEY = "sk-test-KEY-THAT-MUST-NEVER-LEAK-0123456789";
    private static final String PLANTED_AWS = "AKIAIOSFODNN7EXAMPLE";
    private static final String PLANTED_PASSWORD = "hunter2-very-secret";

    @TempDir
    Path root;

    private final RecordingLog recording = new RecordingLog();
    private final List<String> logLines = recording.lines;
    private final ProgressLog log = recording;

    @BeforeEach
    void sources() throws IOException {
        write("src/main/java/com/acme/store/Store.java", """
                package com.acme.store;

                /** Stores things. */
                public class Store {
                    private static final String AWS = "%s";
                    private String dbPassword = "%s";

                    public void put(String key) {}
                }
                """.formatted(PLANTED_AWS, PLANTED_PASSWORD));
        write("src/main/java/com/acme/app/App.java", """
                package com.acme.app;

                import com.acme.store.Store;

                /** The app. */
                public class App {
                    private final String url = "jdbc:postgresql://admin:%s@db:5432/x";

                    public Store store() {
                        return new Store();
                    }
                }
                """.formatted(PLANTED_PASSWORD));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BatchResult run(ModelSettings settings) throws Exception {
        BatchRequest request = new BatchRequest(
                OneProject.reactor(root),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.MISSING,
                UnitSelector.all(),
                false,
                1,
                1,
                "reverse-spec-maven-plugin/test");
        try (GenerationStep step = GenerationSteps.create(settings, log)) {
            return new BatchRunner(step, log).run(request);
        }
    }

    static ModelSettings settings(String provider, String baseUrl, int maxRetries) {
        return new ModelSettings(
                provider,
                baseUrl,
                "test-model",
                "reverse-spec",
                Secret.none(),
                Map.of("OPENAI_API_KEY", KEY, "ANTHROPIC_API_KEY", KEY),
                false,
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                8000,
                0,
                maxRetries,
                "English",
                null);
    }

    private String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder(String.join("\n", logLines));
        try (Stream<Path> files = Files.walk(root.resolve("specs"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.append(WrittenFiles.text(p));
            }
        }
        return all.toString();
    }

    @Test
    void openAiCompatibleEndpointWritesLlmSpecsAndNoSecretLeavesTheMachine() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            BatchResult result = run(settings("openai", server.baseUrl("/v1"), 1));

            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.WRITTEN_LLM);
            assertThat(server.received()).hasSize(2).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/v1/chat/completions");
                assertThat(r.headers().get("Authorization")).containsExactly("Bearer " + KEY);
            });
            String sent = server.allBodies();
            assertThat(sent).contains("com.acme.store").contains("\"model\":\"test-model\"");
            assertThat(sent).doesNotContain(PLANTED_AWS).doesNotContain(PLANTED_PASSWORD);
            // The app's request summarises the store (its dependency) but never carries its source
            assertThat(server.received().get(1).body()).doesNotContain("private String dbPassword");
            // ... but its interface the app references: the type, and a count of the members it does not name
            assertThat(server.received().get(1).body())
                    .contains("  public class Store\\n    (1 other public member this unit does not name)");

            String spec = Files.readString(root.resolve("specs/com.acme.app.spec.md"));
            assertThat(spec)
                    .contains("status: llm")
                    .contains("model: test-model")
                    .contains("What happens, step by step.")
                    .contains("public Store store()");
            // two requests, each reporting the fake's usage
            assertThat(result.tokens())
                    .isEqualTo(2 * (FakeModelServer.PROMPT_TOKENS + FakeModelServer.COMPLETION_TOKENS));
            assertThat(everythingWritten()).doesNotContain(KEY);
        }
    }

    @Test
    void anthropicEndpointIsSpokenToo() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            BatchResult result = run(settings("anthropic", server.baseUrl(""), 1));
            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.WRITTEN_LLM);
            assertThat(server.received()).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/v1/messages");
                assertThat(r.headers().get("X-api-key")).containsExactly(KEY);
                assertThat(r.headers().get("Anthropic-version")).containsExactly("2023-06-01");
            });
            assertThat(server.allBodies()).doesNotContain(PLANTED_AWS).doesNotContain(PLANTED_PASSWORD);
            assertThat(everythingWritten()).doesNotContain(KEY);
        }
    }

    @Test
    void unauthorizedStopsAllRequestsAtOnceKeepsCompletedWorkAndTheCheckpoint() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> n == 1
                ? FakeModelServer.answer(FakeModelServer.NINE_SECTIONS)
                : FakeModelServer.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"))) {
            BatchResult result = run(settings("openai", server.baseUrl("/v1"), 3));
            assertThat(server.received()).hasSize(2);
            assertThat(result.count(UnitStatus.WRITTEN_LLM)).isEqualTo(1);
            assertThat(result.count(UnitStatus.PENDING)).isEqualTo(1);
            assertThat(result.stoppedEarly()).isTrue();
            assertThat(result.stopIsFailure()).isTrue();
            assertThat(result.stopReason()).contains("401");
            assertThat(root.resolve("specs/com.acme.store.spec.md")).exists();
            assertThat(root.resolve("specs/.reverse-spec-checkpoint.json"))
                    .content()
                    .contains("written-llm");
            assertThat(everythingWritten()).doesNotContain(KEY);
        }
    }

    @Test
    void failingEndpointDegradesEveryUnitToAstOnlyAndTheRunSucceeds() throws Exception {
        try (FakeModelServer server =
                new FakeModelServer(n -> FakeModelServer.json(400, "{\"error\":{\"message\":\"context too long\"}}"))) {
            BatchResult result = run(settings("openai", server.baseUrl("/v1"), 3));
            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.DEGRADED);
            assertThat(server.received()).hasSize(2);
            assertThat(result.failed()).isEmpty();
            assertThat(Files.readString(root.resolve("specs/com.acme.app.spec.md")))
                    .contains("status: ast-only");
            assertThat(Files.readString(root.resolve("specs/_batch-summary.md")))
                    .contains("400");
        }
    }

    @Test
    void answerWithoutSectionsIsRetriedThenDegraded() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> FakeModelServer.answer("I am just chatting."))) {
            BatchResult result = run(settings("openai", server.baseUrl("/v1"), 1));
            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.DEGRADED);
            assertThat(server.received()).hasSize(4);
        }
    }

    @Test
    void offlineOrNoKeyMeansAstOnlyWithoutAnyRequest() throws Exception {
        ModelSettings offline = new ModelSettings(
                "auto",
                "",
                "",
                "reverse-spec",
                Secret.none(),
                Map.of("OPENAI_API_KEY", KEY),
                true,
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                8000,
                0,
                1,
                "English",
                null);
        assertThat(GenerationSteps.create(offline, log)).isInstanceOf(AstOnlyStep.class);
        ModelSettings nothing = new ModelSettings(
                "auto",
                "",
                "",
                "reverse-spec",
                Secret.none(),
                Map.of(),
                false,
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                8000,
                0,
                1,
                "English",
                null);
        assertThat(GenerationSteps.create(nothing, log)).isInstanceOf(AstOnlyStep.class);
        assertThat(logLines)
                .anyMatch(l -> l.endsWith(
                        "reverse-spec: AST-only (no model configured; see the README's \"Configuring a model\")"));
        // the set-up instructions are for -X, not every run's console
        assertThat(recording.at("INFO")).noneMatch(l -> l.contains("OPENAI_API_KEY"));
        assertThat(recording.at("DEBUG")).anyMatch(l -> l.contains("OPENAI_API_KEY"));
    }

    @Test
    void autoPicksTheProviderWhoseKeyIsConfigured() throws Exception {
        assertThat(GenerationSteps.resolveProvider(new ModelSettings(
                        "auto",
                        "",
                        "",
                        "s",
                        Secret.none(),
                        Map.of("ANTHROPIC_API_KEY", "k"),
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(30),
                        8000,
                        0,
                        0,
                        "",
                        null)))
                .isEqualTo("anthropic");
        assertThat(GenerationSteps.resolveProvider(new ModelSettings(
                        "auto",
                        "",
                        "",
                        "s",
                        Secret.none(),
                        Map.of("OPENAI_API_KEY", "k"),
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(30),
                        8000,
                        0,
                        0,
                        "",
                        null)))
                .isEqualTo("openai");
        assertThat(GenerationSteps.resolveProvider(new ModelSettings(
                        "auto",
                        "http://localhost:11434/v1",
                        "llama3",
                        "s",
                        Secret.none(),
                        Map.of(),
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(30),
                        8000,
                        0,
                        0,
                        "",
                        null)))
                .isEqualTo("openai");
        assertThat(GenerationSteps.resolveProvider(new ModelSettings(
                        "auto",
                        "",
                        "claude-x",
                        "s",
                        Secret.of("k"),
                        Map.of(),
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(30),
                        8000,
                        0,
                        0,
                        "",
                        null)))
                .isEqualTo("anthropic");
        assertThatThrownBy(() -> GenerationSteps.resolveProvider(new ModelSettings(
                        "gemini",
                        "",
                        "",
                        "s",
                        Secret.none(),
                        Map.of(),
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(30),
                        8000,
                        0,
                        0,
                        "",
                        null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("reverse-spec.provider");
    }

    @Test
    void tokenBudgetStopsTheRunCleanlyBeforeARequestThatWouldPassIt() throws Exception {
        // Each answer is billed 2,000 tokens; a request reserves its prompt estimate plus the 2,000
        // max_tokens of an 8,000-token window. A 4,000-token budget holds the first request, and
        // after its 2,000 tokens no longer the second: that one is not sent.
        try (FakeModelServer server =
                new FakeModelServer(n -> FakeModelServer.answer(FakeModelServer.NINE_SECTIONS, 100, 1900))) {
            ModelSettings s = new ModelSettings(
                    "openai",
                    server.baseUrl("/v1"),
                    "m",
                    "reverse-spec",
                    Secret.none(),
                    Map.of(),
                    false,
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(30),
                    8000,
                    4000,
                    1,
                    "English",
                    null);
            BatchResult result = run(s);
            assertThat(server.received()).hasSize(1);
            assertThat(server.usageTokens()).isEqualTo(2000);
            assertThat(result.stoppedEarly()).isTrue();
            assertThat(result.stopIsFailure()).isFalse();
            assertThat(result.stopReason())
                    .contains("reverse-spec.tokenBudget=4000")
                    .contains("is spent")
                    .contains("2000 are left");
            assertThat(result.count(UnitStatus.WRITTEN_LLM)).isEqualTo(1);
            assertThat(result.count(UnitStatus.PENDING)).isEqualTo(1);
        }
    }

    @Test
    void aLongWaitForTheModelIsReportedByAHeartbeat() throws Exception {
        try (FakeModelServer server = new FakeModelServer(n -> {
            try {
                Thread.sleep(1_200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeModelServer.answer(FakeModelServer.NINE_SECTIONS);
        })) {
            runTheStoreWithAHeartbeatEvery300Ms(server);
            assertThat(logLines).anyMatch(l -> l.contains("still waiting for the model on acme:com.acme.store"));
        }
    }

    @Test
    void aStreamedAnswerShowsTheTokensReceivedSoFarInTheHeartbeat() throws Exception {
        // About 1.5 s of steady streaming, a heartbeat every 300 ms: some beat comes mid-answer.
        FakeModelServer.Reply slow = FakeModelServer.streamed(FakeModelServer.NINE_SECTIONS)
                .pieces(40)
                .every(100);
        try (FakeModelServer server = new FakeModelServer(n -> slow)) {
            runTheStoreWithAHeartbeatEvery300Ms(server);
            assertThat(logLines)
                    .anyMatch(
                            l -> l.matches(
                                    ".*still waiting for the model on acme:com.acme.store.*\\(\\d+ s, ~\\d+ tokens received\\)"));
        }
    }

    /** The store's unit alone, against {@code server}, with a heartbeat every 300 ms; it must be written by the model. */
    private void runTheStoreWithAHeartbeatEvery300Ms(FakeModelServer server) throws Exception {
        io.github.reversespec.llm.ClientConfig config = io.github.reversespec.llm.ClientConfig.of(
                java.net.URI.create(server.baseUrl("/v1")), "m", Secret.none());
        ModelGenerationStep step = new ModelGenerationStep(
                new io.github.reversespec.llm.RetryingModelClient(
                        new io.github.reversespec.llm.OpenAiClient(config),
                        io.github.reversespec.llm.RetryPolicy.defaults(0)),
                new io.github.reversespec.context.ContextAssembler(
                        8000, 1000, new io.github.reversespec.context.SecretRedactor()),
                "English",
                1000,
                0,
                log,
                Duration.ofMillis(300));
        BatchRequest request = new BatchRequest(
                OneProject.reactor(root),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.MISSING,
                UnitSelector.of(List.of("com.acme.store"), List.of()),
                false,
                1,
                1,
                "g");
        try (step) {
            BatchResult result = new BatchRunner(step, log).run(request);
            assertThat(result.units())
                    .singleElement()
                    .satisfies(u -> assertThat(u.status()).isEqualTo(UnitStatus.WRITTEN_LLM));
        }
    }

    @Test
    void dryRunEstimatesTheTokensWithoutAnyRequestOrWrite() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            ProjectModel project = new ProjectModel(
                    "g",
                    "acme",
                    "1",
                    "acme",
                    "",
                    root,
                    "",
                    0,
                    List.of(root.resolve("src/main/java")),
                    List.of(),
                    List.of(),
                    List.of());
            BatchRequest dry = new BatchRequest(
                    OneProject.reactor(root),
                    Path.of("specs/.reverse-spec-checkpoint.json"),
                    RefreshMode.MISSING,
                    UnitSelector.all(),
                    true,
                    1,
                    1,
                    "g");
            try (GenerationStep step = GenerationSteps.create(settings("openai", server.baseUrl("/v1"), 1), log)) {
                new BatchRunner(step, log).run(dry);
            }
            assertThat(server.received()).isEmpty();
            assertThat(root.resolve("specs")).doesNotExist();
            assertThat(logLines)
                    .anyMatch(l -> l.contains("acme:com.acme.store")
                            && l.matches(".*write \\(no spec yet\\), ~\\d+ tokens.*"));
            assertThat(logLines).anyMatch(l -> l.contains("2 would be requested from test-model, estimated"));
        }
    }

    @Test
    void scripted429sShrinkTheRequestsInFlightAndTheyGrowBackWhileEveryUnitIsWritten() throws Exception {
        for (int i = 0; i < 100; i++) {
            write(
                    "src/main/java/com/acme/p" + i + "/T" + i + ".java",
                    "package com.acme.p" + i + ";\n\n/** Part " + i + ". */\npublic class T" + i + " {}\n");
        }
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> inFlightAtArrival = Collections.synchronizedList(new ArrayList<>());
        try (FakeModelServer server = new FakeModelServer(n -> {
            inFlightAtArrival.add(inFlight.incrementAndGet());
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return n >= 12 && n < 16
                    ? FakeModelServer.json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "Retry-After", "0")
                    : FakeModelServer.answer(FakeModelServer.NINE_SECTIONS);
        })) {
            ProjectModel project = new ProjectModel(
                    "g",
                    "acme",
                    "1",
                    "acme",
                    "",
                    root,
                    "",
                    0,
                    List.of(root.resolve("src/main/java")),
                    List.of(),
                    List.of(),
                    List.of());
            BatchRequest request = new BatchRequest(
                    OneProject.reactor(root),
                    Path.of("specs/.reverse-spec-checkpoint.json"),
                    RefreshMode.MISSING,
                    UnitSelector.all(),
                    false,
                    8,
                    1,
                    "g");
            BatchResult result;
            try (GenerationStep step = GenerationSteps.create(settings("openai", server.baseUrl("/v1"), 3), log)) {
                result = new BatchRunner(step, log).run(request);
            }

            assertThat(result.units()).hasSize(102).allMatch(u -> u.status() == UnitStatus.WRITTEN_LLM);
            assertThat(server.received()).hasSize(106);
            List<String> limits = logLines.stream()
                    .filter(l -> l.contains("request(s) at once"))
                    .toList();
            assertThat(limits)
                    .first()
                    .asString()
                    .contains("rate limiting (HTTP 429): at most")
                    .contains("request(s) at once now, was");
            assertThat(limits).last().asString().contains("back to").contains("after the rate limit");
            int peakBefore = inFlightAtArrival.subList(0, 12).stream()
                    .max(Integer::compare)
                    .orElseThrow();
            // Growing back to the peak takes 4 + 5 + 6 + 7 answers after the cut: by request 50 it is
            // done, and requests 50 to 89 come before the run's tail, where fewer units are left.
            int peakAfter = inFlightAtArrival.subList(50, 90).stream()
                    .max(Integer::compare)
                    .orElseThrow();
            assertThat(peakBefore).isGreaterThan(2);
            assertThat(peakAfter).as("grown back").isGreaterThan(peakBefore / 2);
        }
    }
}
