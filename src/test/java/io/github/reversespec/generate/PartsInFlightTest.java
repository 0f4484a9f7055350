package io.github.reversespec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchResult;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RecordingLog;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.testing.FakeModelServer;
import io.github.reversespec.testing.OneProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package too big for one request is sent as parts and a merge; the parts do not depend on each
 * other, so they are in flight together (issue 14), within the run's concurrency.
 */
class PartsInFlightTest {

    private static final String KEY = "sk-test-parts-0123456789abcdef";

    @TempDir
    Path root;

    private final ProgressLog log = new RecordingLog();

    @Test
    void thePartsOfOneUnitAreInFlightTogether() throws Exception {
        bigPackage();
        // The first three requests (parts) wait until three have arrived: sent one after another,
        // the first would wait alone and the fake would never see three at once.
        CountDownLatch together = new CountDownLatch(3);
        AtomicInteger arrivals = new AtomicInteger();
        try (FakeModelServer server = new FakeModelServer(n -> {
            if (arrivals.incrementAndGet() <= 3) {
                together.countDown();
                awaitQuietly(together);
            }
            return FakeModelServer.answer(FakeModelServer.NINE_SECTIONS);
        })) {
            BatchResult result = run(server, 8);

            assertThat(result.failed()).isEmpty();
            int parts = parts(server);
            assertThat(parts).as("the unit was split").isGreaterThanOrEqualTo(3);
            assertThat(server.received()).hasSize(parts + 1); // the parts, then the merge
            assertThat(server.maxInFlight()).as("parts in flight at once").isBetween(3, 8);
            // The merge comes last, once every part has answered.
            assertThat(server.received().get(parts).body()).contains("<part-notes>");
        }
    }

    @Test
    void neverMoreRequestsInFlightThanTheRunsConcurrency() throws Exception {
        bigPackage();
        CountDownLatch two = new CountDownLatch(2);
        try (FakeModelServer server = new FakeModelServer(n -> {
            two.countDown();
            awaitQuietly(two);
            return FakeModelServer.answer(FakeModelServer.NINE_SECTIONS);
        })) {
            BatchResult result = run(server, 2);

            assertThat(result.failed()).isEmpty();
            assertThat(parts(server)).isGreaterThan(2);
            assertThat(server.maxInFlight()).isEqualTo(2);
        }
    }

    /** How many part requests the unit was sent (every request but the merge). */
    private static int parts(FakeModelServer server) {
        return server.received().size() - 1;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            // Only a bound so that a regression fails instead of hanging; the assertion is on the count.
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BatchResult run(FakeModelServer server, int concurrency) throws Exception {
        BatchRequest request = new BatchRequest(
                OneProject.reactor(root),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.MISSING,
                UnitSelector.all(),
                false,
                concurrency,
                1,
                "reverse-spec-maven-plugin/test");
        ModelSettings settings = new ModelSettings(
                "openai",
                server.baseUrl("/v1"),
                "test-model",
                "reverse-spec",
                Secret.none(),
                Map.of("OPENAI_API_KEY", KEY),
                false,
                Duration.ofSeconds(60),
                Duration.ofMinutes(30),
                3000,
                0,
                0,
                "English",
                null);
        try (GenerationStep step = GenerationSteps.create(settings, concurrency, log)) {
            return new BatchRunner(step, log).run(request);
        }
    }

    /** One package of eight files, each far too big to share a 3,000-token request with another. */
    private void bigPackage() throws IOException {
        for (int i = 0; i < 8; i++) {
            int f = i;
            String methods = IntStream.range(0, 60)
                    .mapToObj(m -> "    /** Computes step " + m + " of the pipeline. */\n    public int step" + m
                            + "(int value) {\n        return value * " + m + " + " + f + ";\n    }\n")
                    .collect(Collectors.joining("\n"));
            Path file = root.resolve("src/main/java/com/acme/big/Big" + f + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    "package com.acme.big;\n\n/** Big part " + f + ". */\npublic class Big" + f + " {\n" + methods
                            + "}\n");
        }
    }
}
