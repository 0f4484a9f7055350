package io.github.reversespec.llm;

import static io.github.reversespec.llm.KeyLeaks.PLANTED_KEY;
import static io.github.reversespec.llm.KeyLeaks.assertKeyAbsent;
import static io.github.reversespec.testing.FakeModelServer.delayed;
import static io.github.reversespec.testing.FakeModelServer.hangUp;
import static io.github.reversespec.testing.FakeModelServer.json;
import static io.github.reversespec.testing.FakeModelServer.raw;
import static io.github.reversespec.testing.FakeModelServer.streamed;
import static io.github.reversespec.testing.FakeModelServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.reversespec.testing.FakeModelServer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryingModelClientTest {

    private static final ModelRequest REQUEST = OpenAiClientTest.REQUEST;

    private FakeModelServer server;
    private OpenAiClient http;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        http = new OpenAiClient(
                ClientConfig.of(server.baseUri("/v1"), "gpt-test", Secret.of(PLANTED_KEY))
                        .withRequestTimeout(Duration.ofSeconds(1)),
                time);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
    }

    private RetryingModelClient retrying(ModelClient client, int maxRetries) {
        return new RetryingModelClient(client, RetryPolicy.defaults(maxRetries), time, new Random(42), time);
    }

    static Stream<Arguments> passingFaults() {
        return Stream.of(
                Arguments.of("503", json(503, "{\"error\":{\"message\":\"unavailable\"}}")),
                Arguments.of("529", json(529, "{\"type\":\"error\",\"error\":{\"message\":\"Overloaded\"}}")),
                Arguments.of("502", json(502, "<html>bad gateway</html>")),
                Arguments.of("truncated body", truncated(OpenAiClientTest.ANSWER, 30)),
                Arguments.of("connection closed", hangUp()),
                Arguments.of("non-JSON body", raw(200, "text/plain", "Service warming up".getBytes())),
                Arguments.of("empty content", json(200, "{\"choices\":[{\"message\":{\"content\":\"\"}}]}")),
                Arguments.of(
                        "finish_reason length",
                        json(
                                200,
                                "{\"choices\":[{\"message\":{\"content\":\"## 1.\"},\"finish_reason\":\"length\"}]}")),
                Arguments.of("timeout", delayed(3_000, json(200, OpenAiClientTest.ANSWER))),
                Arguments.of(
                        "stream dropped mid-way", streamed("## 1. Intent\nhalf").droppedAfter(3)),
                Arguments.of(
                        "stream closed before the model finished",
                        streamed("## 1. Intent\nhalf").withoutEnd().withoutFinish()),
                Arguments.of(
                        "stream fallen silent", streamed("## 1. Intent\nall").silentAfter(2, 5_000)),
                Arguments.of(
                        "stream at finish_reason length",
                        streamed("## 1. Intent\nall").atLength()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passingFaults")
    void retriesAPassingFaultAndSucceeds(String name, FakeModelServer.Reply fault) throws Exception {
        server.then(fault, json(200, OpenAiClientTest.ANSWER));

        ModelResult result = retrying(http, 3).complete(REQUEST);

        assertThat(result.completion().text()).isEqualTo("## 1. Intent\nKeeps orders.");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(server.received()).hasSize(2);
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void waitsAtLeastRetryAfterOnRateLimit() throws Exception {
        server.then(
                json(429, "{\"error\":{\"message\":\"slow down\"}}", "Retry-After", "17"),
                json(200, OpenAiClientTest.ANSWER));

        ModelResult result = retrying(http, 3).complete(REQUEST);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(time.sleeps()).isNotEmpty();
        assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void givesUpAfterMaxRetriesWithBackoffInsideTheJitterCeilings() {
        server.then(json(503, "{}"));
        RetryingModelClient client = retrying(http, 3);

        ModelException e = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(server.received()).hasSize(4);
        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(0)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(time.sleeps().get(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(time.sleeps().get(2)).isLessThanOrEqualTo(Duration.ofSeconds(4));
        assertKeyAbsent(e);
    }

    @Test
    void rejectedRequestIsNotRetried() {
        server.then(json(400, "{\"error\":{\"message\":\"maximum context length exceeded\"}}"));
        RetryingModelClient client = retrying(http, 3);

        ModelException e = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));

        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.received()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(client.stopped()).isEmpty();
        assertKeyAbsent(e);
    }

    @Test
    void unauthorizedStopsEveryLaterCallWithoutARequest() throws Exception {
        server.then(
                json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + PLANTED_KEY + "\"}}"),
                json(200, OpenAiClientTest.ANSWER));
        RetryingModelClient client = retrying(http, 3);

        ModelException first = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<ModelException> fromAnotherThread;
        try {
            fromAnotherThread =
                    other.submit(() -> catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST)));
            ModelException later = fromAnotherThread.get();

            assertThat(first.kind()).isEqualTo(FailureKind.FATAL);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.getMessage()).contains("401").contains("OPENAI_API_KEY");
            assertThat(later.kind()).isEqualTo(FailureKind.FATAL);
            assertThat(later.attempts()).isZero();
            assertThat(later.getMessage()).isEqualTo(first.getMessage());
            assertThat(server.received()).as("one request in all").hasSize(1);
            assertThat(client.stopped()).isPresent();
            assertKeyAbsent(first);
            assertKeyAbsent(later);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void unknownModelStopsAllRequests() {
        server.then(json(404, "{\"error\":{\"message\":\"model 'gpt-test' not found\"}}"));
        RetryingModelClient client = retrying(http, 3);

        ModelException first = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));
        ModelException second = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));

        assertThat(first.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(second.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(server.received()).hasSize(1);
        assertKeyAbsent(second);
    }

    // ---- the policy itself, over a scripted client ----

    /** A client answering from a script of completions and failures, counting calls. */
    private static final class ScriptedClient implements ModelClient {
        private final Deque<Object> script = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        ScriptedClient(Object... outcomes) {
            script.addAll(List.of(outcomes));
        }

        @Override
        public synchronized Completion complete(ModelRequest request) throws ModelException {
            calls.incrementAndGet();
            Object next = script.size() > 1 ? script.poll() : script.peek();
            if (next instanceof ModelException e) {
                throw e;
            }
            return (Completion) next;
        }

        @Override
        public String modelId() {
            return "scripted";
        }
    }

    private static ModelException retryable(Duration retryAfter, long tokens) {
        return new ModelException(FailureKind.RETRYABLE, "passing", 429, retryAfter, tokens, null);
    }

    private static final Completion DONE = new Completion("text", "stop", 100, 50, false);

    @Test
    void sumsTheTokensOfEveryAttempt() throws Exception {
        ScriptedClient scripted = new ScriptedClient(retryable(null, 900), DONE);

        ModelResult result = retrying(scripted, 3).complete(REQUEST);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.totalTokens()).isEqualTo(1050);
    }

    @Test
    void backoffCeilingDoublesUpToTheCap() {
        RetryPolicy policy = RetryPolicy.defaults(20);

        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceiling(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.ceiling(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsWaitsOverTheWholeRange() throws Exception {
        ScriptedClient scripted = new ScriptedClient(retryable(null, 0));
        RetryingModelClient client = new RetryingModelClient(
                scripted,
                new RetryPolicy(30, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(10)),
                time,
                new Random(7),
                time);

        catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));

        List<Duration> late = time.sleeps().subList(5, time.sleeps().size());
        assertThat(late).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(8)));
        assertThat(late.stream().distinct().count()).as("random, not fixed").isGreaterThan(10);
        assertThat(late).anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofSeconds(3)));
        assertThat(scripted.calls).hasValue(31);
    }

    @Test
    void capsAnExcessiveRetryAfter() throws Exception {
        ScriptedClient scripted = new ScriptedClient(retryable(Duration.ofHours(5), 0), DONE);

        retrying(scripted, 3).complete(REQUEST);

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(10));
    }

    @Test
    void retryAfterHoldsBackTheNextCallOfOtherCallers() throws Exception {
        ScriptedClient scripted = new ScriptedClient(retryable(Duration.ofSeconds(30), 0), DONE);
        RetryingModelClient client = retrying(scripted, 0);

        // The first caller gives up at once (no retries), but the server's wait still applies to all.
        ModelException first = catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST));
        ModelResult second = client.complete(REQUEST);

        assertThat(first.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(client.pause().until()).isEqualTo(java.time.Instant.parse("2026-11-25T10:00:30Z"));
    }

    @Test
    void concurrentCallersShareTheFatalStop() throws Exception {
        ModelException fatal = new ModelException(FailureKind.FATAL, "401 Unauthorized", 401, null, 0, null);
        ScriptedClient scripted = new ScriptedClient(fatal);
        RetryingModelClient client = retrying(scripted, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ModelException>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                outcomes.add(
                        pool.submit(() -> catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST))));
            }
            for (Future<ModelException> outcome : outcomes) {
                assertThat(outcome.get().kind()).isEqualTo(FailureKind.FATAL);
            }
            // Callers already past the check when the first 401 landed may each have sent one.
            assertThat(scripted.calls.get()).isBetween(1, 4);
            assertThat(catchThrowableOfType(ModelException.class, () -> client.complete(REQUEST))
                            .attempts())
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the token budget: every attempt reserved before it is sent ----

    /** What {@link #REQUEST} reserves: its prompt estimate plus its 800 max_tokens. */
    private static final long COST = TokenBudget.costOf(REQUEST);

    private RetryingModelClient budgeted(TokenBudget budget) {
        return new RetryingModelClient(
                http,
                RetryPolicy.defaults(3),
                time,
                new Random(42),
                time,
                0,
                AdaptiveConcurrency.Listener.NONE,
                budget);
    }

    private static final String CUT_OFF_WITH_USAGE = "{\"choices\":[{\"message\":{\"content\":\"## 1.\"},"
            + "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":800}}";

    @Test
    void aRetryIsReservedLikeTheFirstAttemptAndNotSentWhenItDoesNotFit() {
        server.then(json(200, CUT_OFF_WITH_USAGE), json(200, OpenAiClientTest.ANSWER));
        TokenBudget budget = TokenBudget.of(COST + 800);

        OverBudgetException e = catchThrowableOfType(
                OverBudgetException.class, () -> budgeted(budget).complete(REQUEST));

        assertThat(server.received()).hasSize(1); // the cut-off answer's 820 tokens leave too little
        assertThat(e.largerThanBudget()).isFalse();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.tokens()).isEqualTo(820);
        assertThat(budget.spent()).isEqualTo(820);
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void anErrorStatusIsChargedNothingAndItsRetryFits() throws Exception {
        server.then(json(500, "{\"error\":{\"message\":\"oops\"}}"), json(200, OpenAiClientTest.ANSWER));
        TokenBudget budget = TokenBudget.of(COST);

        ModelResult result = budgeted(budget).complete(REQUEST);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(budget.spent()).isEqualTo(150); // the usage the answer reported
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void aStreamedRetryIsChargedTheUsageOfItsFinalEvent() throws Exception {
        server.then(streamed("## 1.").droppedAfter(2), streamed("## 1. Intent\nKeeps orders."));
        TokenBudget budget = TokenBudget.of(3 * COST);

        ModelResult result = budgeted(budget).complete(REQUEST);

        assertThat(result.completion().text()).isEqualTo("## 1. Intent\nKeeps orders.");
        assertThat(result.attempts()).isEqualTo(2);
        // The dropped stream came with no usage: its whole reservation; the whole one its usage.
        long usage = FakeModelServer.PROMPT_TOKENS + FakeModelServer.COMPLETION_TOKENS;
        assertThat(result.totalTokens()).isEqualTo(COST + usage);
        assertThat(budget.spent()).isEqualTo(COST + usage);
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void theProgressShowsTheAttemptUnderWayAndOnlyItsText() throws Exception {
        server.then(streamed("## 1. Intent\nthe first, longer attempt").droppedAfter(4), streamed("## 1. Intent\nok"));
        AnswerProgress progress = new AnswerProgress();

        retrying(http, 3).complete(REQUEST, progress);

        assertThat(progress.attempt()).isEqualTo(2);
        assertThat(progress.tokensReceived()).isEqualTo(TokenEstimator.estimate("## 1. Intent\nok"));
    }

    @Test
    void anUnusableAnswerWithoutUsageIsChargedItsWholeReservation() {
        server.then(
                json(200, "{\"choices\":[{\"message\":{\"content\":\"## 1.\"},\"finish_reason\":\"length\"}]}"),
                json(200, OpenAiClientTest.ANSWER));
        TokenBudget budget = TokenBudget.of(2 * COST - 1);

        OverBudgetException e = catchThrowableOfType(
                OverBudgetException.class, () -> budgeted(budget).complete(REQUEST));

        assertThat(server.received()).hasSize(1);
        assertThat(e.tokens()).isEqualTo(COST);
        assertThat(budget.spent()).isEqualTo(COST);
    }

    @Test
    void aRequestLargerThanTheWholeBudgetIsNeverSent() {
        TokenBudget budget = TokenBudget.of(COST - 1);

        OverBudgetException e = catchThrowableOfType(
                OverBudgetException.class, () -> budgeted(budget).complete(REQUEST));

        assertThat(server.received()).isEmpty();
        assertThat(e.largerThanBudget()).isTrue();
        assertThat(e.needed()).isEqualTo(COST);
        assertThat(e.attempts()).isZero();
        assertThat(e.kind()).isEqualTo(FailureKind.REQUEST_REJECTED);
    }
}
