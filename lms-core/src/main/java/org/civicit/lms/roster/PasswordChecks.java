package org.civicit.lms.roster;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Password checks at once. A check takes a core for a tenth of a second or more, so at most
 * {@code parallel} run together, at most {@code queued} more wait their turn, none longer than
 * {@code longestWait}; the others are told the server is busy ({@link Busy}). When an exam opens
 * and officials log in by the thousand, logins then never take all the cores, request threads
 * and database connections that the answers of those already writing need.
 */
public final class PasswordChecks {

    private final Semaphore running;
    private final int queued;
    private final Duration longestWait;
    private final AtomicInteger waiting = new AtomicInteger();

    public PasswordChecks(int parallel, int queued, Duration longestWait) {
        if (parallel < 1 || queued < 0) {
            throw new IllegalArgumentException("parallel " + parallel + ", queued " + queued);
        }
        // Fair: those who came first check first.
        this.running = new Semaphore(parallel, true);
        this.queued = queued;
        this.longestWait = longestWait;
    }

    /** Runs one check when its turn comes; {@link Busy} when too many wait or the turn is too long coming. */
    public <T> T run(Supplier<T> check) {
        if (waiting.incrementAndGet() > queued + running.availablePermits()) {
            waiting.decrementAndGet();
            throw new Busy();
        }
        try {
            if (!running.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new Busy();
        } finally {
            waiting.decrementAndGet();
        }
        try {
            return check.get();
        } finally {
            running.release();
        }
    }

    /** How many checks wait for their turn now. */
    int waiting() {
        return Math.max(0, waiting.get() - running.availablePermits());
    }

    /** Too many logins at once: the caller is asked to try again in a few seconds. */
    public static final class Busy extends RuntimeException {

        /** How long a caller is asked to wait before trying again. */
        public static final int RETRY_AFTER_SECONDS = 5;

        Busy() {
            super("Too many password checks at once", null, false, false);
        }
    }
}
