package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins take their turn: a few at once, a bounded queue, and "busy" for the rest. */
class PasswordChecksTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void oneRunsOneWaitsAndTheThirdIsToldTheServerIsBusy() throws Exception {
        PasswordChecks checks = new PasswordChecks(1, 1, Duration.ofSeconds(30));
        Future<Boolean> first = threads.submit(() -> checks.run(this::slowCheck));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> second = threads.submit(() -> checks.run(() -> true));
        awaitWaiting(checks);

        assertThatThrownBy(() -> checks.run(() -> true)).isInstanceOf(PasswordChecks.Busy.class);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).as("the one that waited gets its turn").isTrue();
        assertThat(checks.run(() -> true)).as("and then there is room again").isTrue();
    }

    @Test
    void aTurnTooLongInComingIsBusy() throws Exception {
        PasswordChecks checks = new PasswordChecks(1, 8, Duration.ofMillis(200));
        threads.submit(() -> checks.run(this::slowCheck));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThatThrownBy(() -> checks.run(() -> true)).isInstanceOf(PasswordChecks.Busy.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aCheckThatFailsGivesItsTurnBack() {
        PasswordChecks checks = new PasswordChecks(1, 0, Duration.ofMillis(100));
        assertThatThrownBy(() -> checks.run(() -> {
            throw new IllegalStateException("broken hash");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(checks.run(() -> true)).isTrue();
    }

    @Test
    void twoAtOnceRunTogether() throws Exception {
        PasswordChecks checks = new PasswordChecks(2, 0, Duration.ofMillis(100));
        threads.submit(() -> checks.run(this::slowCheck));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(checks.run(() -> true)).as("the second core is free").isTrue();
    }

    private boolean slowCheck() {
        running.countDown();
        try {
            return release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Until the second caller waits for its turn. */
    private static void awaitWaiting(PasswordChecks checks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (checks.waiting() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(checks.waiting()).isEqualTo(1);
    }
}
