package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Additive increase, multiplicative decrease of the requests in flight. */
class AdaptiveConcurrencyTest {

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final AdaptiveConcurrency limit = new AdaptiveConcurrency(
            (from, to, lifted, cause) -> changes.add(from + "->" + to + (lifted ? " lifted" : "") + " " + cause));

    private List<AdaptiveConcurrency.Permit> take(int n) throws InterruptedException {
        List<AdaptiveConcurrency.Permit> permits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            permits.add(limit.acquire());
        }
        return permits;
    }

    @Test
    void theCeilingHoldsWhateverTheServerSays() throws Exception {
        AdaptiveConcurrency capped = new AdaptiveConcurrency(3, AdaptiveConcurrency.Listener.NONE);
        List<AdaptiveConcurrency.Permit> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(capped.acquire());
        }
        Thread fourth = new Thread(() -> {
            try {
                capped.acquire().answered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fourth.start();
        while (fourth.getState() != Thread.State.WAITING && fourth.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(fourth.isAlive()).as("the fourth request waits").isTrue();
        assertThat(capped.inFlight()).isEqualTo(3);
        held.remove(0).answered();
        fourth.join();
        assertThat(capped.inFlight()).isEqualTo(2);
        held.forEach(AdaptiveConcurrency.Permit::answered);
        assertThat(capped.inFlight()).isZero();
        assertThatThrownBy(() -> new AdaptiveConcurrency(-1, AdaptiveConcurrency.Listener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ceiling");
    }

    @Test
    void noLimitUntilTheServerSaysSo() throws Exception {
        List<AdaptiveConcurrency.Permit> permits = take(16);
        assertThat(limit.inFlight()).isEqualTo(16);
        permits.forEach(AdaptiveConcurrency.Permit::answered);
        assertThat(limit.limit()).isZero();
        assertThat(changes).isEmpty();
    }

    @Test
    void oneBurstOf429sHalvesOnceThenSuccessesGrowItBackAndLiftIt() throws Exception {
        List<AdaptiveConcurrency.Permit> burst = take(8);
        burst.get(0).rateLimited("HTTP 429");
        // The other seven were in flight when the limit was cut: their 429s do not cut it again.
        burst.subList(1, 8).forEach(p -> p.rateLimited("HTTP 429"));
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(changes).containsExactly("8->4 HTTP 429");

        // Four successes at limit 4 allow five; five at 5 allow six; and so on up to the peak.
        int[] expected = {5, 6, 7};
        for (int next : expected) {
            for (int i = 0; i < next - 1; i++) {
                limit.acquire().answered();
            }
            assertThat(limit.limit()).isEqualTo(next);
        }
        for (int i = 0; i < 7; i++) {
            limit.acquire().answered();
        }
        assertThat(limit.limit()).as("back at the peak: no limit").isZero();
        assertThat(changes)
                .containsExactly(
                        "8->4 HTTP 429",
                        "4->5 successful answers",
                        "5->6 successful answers",
                        "6->7 successful answers",
                        "7->8 lifted successful answers");
    }

    /** Cuts the limit with the first of {@code n} permits and settles the others (they do not count). */
    private void cutWith(int n, String cause) throws InterruptedException {
        List<AdaptiveConcurrency.Permit> permits = take(n);
        permits.get(0).rateLimited(cause);
        permits.subList(1, n).forEach(AdaptiveConcurrency.Permit::answered);
    }

    @Test
    void a429AfterTheCutCutsAgainDownToOne() throws Exception {
        cutWith(8, "HTTP 529");
        limit.acquire().rateLimited("HTTP 529");
        limit.acquire().rateLimited("HTTP 529");
        limit.acquire().rateLimited("HTTP 529");
        assertThat(limit.limit()).isEqualTo(1);
        limit.acquire().rateLimited("HTTP 529");
        assertThat(limit.limit()).isEqualTo(1);
        assertThat(changes).containsExactly("8->4 HTTP 529", "4->2 HTTP 529", "2->1 HTTP 529");
    }

    @Test
    void otherFailuresNeitherCutNorGrow() throws Exception {
        cutWith(4, "HTTP 429");
        assertThat(limit.limit()).isEqualTo(2);
        limit.acquire().failed();
        limit.acquire().failed();
        limit.acquire().failed();
        assertThat(limit.limit()).isEqualTo(2);
        limit.acquire().answered();
        assertThat(limit.limit()).as("two answers are needed at a limit of two").isEqualTo(2);
        limit.acquire().answered();
        assertThat(limit.limit()).isEqualTo(3);
        assertThat(changes).containsExactly("4->2 HTTP 429", "2->3 successful answers");
    }

    @Test
    void aPermitIsSettledOnce() throws Exception {
        AdaptiveConcurrency.Permit permit = limit.acquire();
        permit.answered();
        assertThatThrownBy(permit::answered).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitersBeyondTheLimitBlockUntilAPermitIsSettled() throws Exception {
        List<AdaptiveConcurrency.Permit> permits = take(4);
        permits.get(0).rateLimited("HTTP 429"); // limit 2, three still in flight
        CountDownLatch got = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limit.acquire();
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertThat(got.await(200, TimeUnit.MILLISECONDS)).isFalse();
        permits.get(1).answered(); // two in flight: still at the limit
        assertThat(got.await(200, TimeUnit.MILLISECONDS)).isFalse();
        permits.get(2).answered(); // one in flight: the waiter may go
        assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
        waiter.join();
    }

    /**
     * Many threads through the retry layer against a client that answers 429 to a scripted burst:
     * the requests in flight fall to half the peak after the burst and come back to it later.
     */
    @Test
    void scripted429sShrinkTheRequestsInFlightAndTheyGrowBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        List<int[]> seen = new CopyOnWriteArrayList<>(); // {call number, in flight when it started}
        ModelClient server = new ModelClient() {
            @Override
            public Completion complete(ModelRequest request) throws ModelException {
                int n = calls.incrementAndGet();
                seen.add(new int[] {n, inFlight.incrementAndGet()});
                try {
                    Thread.sleep(20);
                    // Pin the interleaving the assertions below describe, however loaded the machine:
                    // call 40 is answered only once calls 41-47 are in flight, and those are answered
                    // only after its 429 has cut the limit, so no permit is handed out before the cut.
                    if (n == 40) {
                        awaitUntil(() -> calls.get() >= 47);
                    } else if (n > 40 && n <= 47) {
                        awaitUntil(() -> !changes.isEmpty());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                if (n >= 40 && n < 44) {
                    throw new ModelException(
                            FailureKind.RETRYABLE, "HTTP 429 rate limited", 429, Duration.ZERO, 0, null);
                }
                return new Completion("## 1. Intent\nOk.", "stop", 10, 5, false);
            }

            @Override
            public String modelId() {
                return "fake";
            }

            @Override
            public void close() {}
        };
        RetryingModelClient client = new RetryingModelClient(
                server,
                RetryPolicy.defaults(3),
                d -> {},
                new Random(1),
                java.time.Clock.systemUTC(),
                (from, to, lifted, cause) -> changes.add(from + "->" + to + (lifted ? " lifted" : "") + " " + cause));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ModelResult>> results = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                results.add(pool.submit(() -> client.complete(OpenAiClientTest.REQUEST)));
            }
            for (Future<ModelResult> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).attempts()).isBetween(1, 2);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(changes).first().asString().endsWith("->4 HTTP 429");
        assertThat(changes).last().asString().endsWith("->8 lifted successful answers");
        // The cut comes with the answer to call 40; calls 41-47 were already in flight. The next four
        // start only as at most four are in flight, and one more is allowed only after four answers.
        assertThat(seen.stream()
                        .filter(s -> s[0] >= 48 && s[0] <= 51)
                        .mapToInt(s -> s[1])
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(4);
        // ...and by the end the full eight are back.
        assertThat(seen.stream()
                        .filter(s -> s[0] > 200)
                        .mapToInt(s -> s[1])
                        .max()
                        .orElseThrow())
                .isEqualTo(8);
        assertThat(calls.get()).isEqualTo(244);
    }

    /** Waits (10 s at most, then lets the assertions fail) until the condition holds. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
