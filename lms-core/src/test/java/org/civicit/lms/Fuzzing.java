package org.civicit.lms;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every fuzz target of the file readers shares. {@code mvn verify -DskipFuzzing=false} fuzzes
 * each target for {@link #PER_TARGET} (see the {@code fuzz} execution in lms-core's pom); {@code mvn test} runs
 * them on their seed inputs only.
 */
public final class Fuzzing {

    /** Five targets at this length keep the build's fuzzing near two minutes, JVM starts included. */
    public static final String PER_TARGET = "15s";

    /** A file that takes a reader longer than this could hold a request thread hostage. */
    private static final long PER_INPUT_MILLIS = 1000;

    // One thread for every input: a thread started per input would halve the executions a target gets.
    private static ExecutorService reader = newReader();
    // The first read of a JVM loads and instruments the readers' classes, which alone can take a second.
    private static boolean warm;

    private Fuzzing() {
    }

    /**
     * Runs one read, failing when it takes longer than a second; what the read throws is
     * thrown on unchanged, so that the target sees the reader's own exceptions.
     */
    public static synchronized void withinASecond(Runnable read) {
        Future<?> running = reader.submit(read);
        try {
            if (warm) {
                running.get(PER_INPUT_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                running.get();
                warm = true;
            }
        } catch (TimeoutException e) {
            running.cancel(true);
            reader.shutdownNow();
            reader = newReader();
            throw new AssertionError("The read took longer than " + PER_INPUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newReader() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzzed-read");
            thread.setDaemon(true);
            return thread;
        });
    }
}
