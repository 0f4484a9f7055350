package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The run's token ledger: reservations before sending, settlements after, never past the limit. */
class TokenBudgetTest {

    @Test
    void aRequestLargerThanTheWholeBudgetIsRefusedAtOnce() {
        TokenBudget budget = TokenBudget.of(1000);
        assertThatThrownBy(() -> budget.reserve(1001))
                .isInstanceOfSatisfying(TokenBudget.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(TokenBudget.Refusal.LARGER_THAN_BUDGET);
                    assertThat(r.needed()).isEqualTo(1001);
                })
                .hasMessageContaining("1001")
                .hasMessageContaining("reverse-spec.tokenBudget=1000");
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void settlingChargesWhatWasUsedAndReleasesTheRest() throws Exception {
        TokenBudget budget = TokenBudget.of(1000);
        TokenBudget.Reservation r = budget.reserve(800);
        assertThat(budget.reserved()).isEqualTo(800);
        r.settle(300);
        assertThat(budget.reserved()).isZero();
        assertThat(budget.spent()).isEqualTo(300);
        // The 500 released are there for the next request.
        budget.reserve(700).settle(700);
        assertThat(budget.spent()).isEqualTo(1000);
        assertThatThrownBy(() -> r.settle(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatNoSettlementCanMakeRoomForIsRefused() throws Exception {
        TokenBudget budget = TokenBudget.of(1000);
        budget.reserve(600).settle(600);
        assertThatThrownBy(() -> budget.reserve(500))
                .isInstanceOfSatisfying(
                        TokenBudget.Refused.class, r -> assertThat(r.reason()).isEqualTo(TokenBudget.Refusal.SPENT))
                .hasMessageContaining("is spent")
                .hasMessageContaining("400 are left");
        budget.reserve(400).settle(400);
    }

    @Test
    void aReservationWaitsForTheRequestsInFlightToReleaseRoom() throws Exception {
        TokenBudget budget = TokenBudget.of(1000);
        TokenBudget.Reservation inFlight = budget.reserve(900);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TokenBudget.Reservation> waiting = pool.submit(() -> budget.reserve(500));
            Thread.sleep(100);
            assertThat(waiting).isNotDone();
            inFlight.settle(200); // its answer used little: 700 left
            assertThat(waiting.get(10, TimeUnit.SECONDS).tokens()).isEqualTo(500);
            assertThat(budget.spent() + budget.reserved()).isEqualTo(700);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaitingReservationIsRefusedWhenTheSettlementLeavesTooLittle() throws Exception {
        TokenBudget budget = TokenBudget.of(1000);
        TokenBudget.Reservation inFlight = budget.reserve(900);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TokenBudget.Reservation> waiting = pool.submit(() -> budget.reserve(500));
            Thread.sleep(100);
            inFlight.settle(800);
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TokenBudget.Refused.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noLimitNeverRefusesButStillCounts() throws Exception {
        TokenBudget budget = TokenBudget.unlimited();
        budget.reserve(Long.MAX_VALUE / 4).settle(12);
        assertThat(budget.limited()).isFalse();
        assertThat(budget.spent()).isEqualTo(12);
        assertThat(TokenBudget.of(0).limited()).isFalse();
    }

    @Test
    void theCostOfARequestIsItsPromptEstimatePlusItsMaxTokens() {
        ModelRequest request = new ModelRequest("abc", "abcdef", 500);
        assertThat(TokenBudget.costOf(request))
                .isEqualTo(TokenEstimator.estimateRequest("abc", "abcdef") + 500)
                .isEqualTo(1 + 2 + TokenEstimator.REQUEST_FRAMING + 500);
    }

    @Test
    void manyThreadsNeverPassTheLimit() throws Exception {
        long limit = 50_000;
        TokenBudget budget = TokenBudget.of(limit);
        AtomicLong worst = new AtomicLong();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                sent.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    int requests = 0;
                    while (true) {
                        long want = 100 + random.nextInt(3000);
                        TokenBudget.Reservation r;
                        try {
                            r = budget.reserve(want);
                        } catch (TokenBudget.Refused refused) {
                            return requests;
                        }
                        requests++;
                        worst.accumulateAndGet(budget.spent() + budget.reserved(), Math::max);
                        Thread.yield();
                        r.settle(random.nextInt((int) want + 1)); // an answer never passes its max_tokens
                    }
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isGreaterThan(threads);
            assertThat(worst.get()).isLessThanOrEqualTo(limit);
            assertThat(budget.spent()).isLessThanOrEqualTo(limit);
            assertThat(budget.reserved()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
