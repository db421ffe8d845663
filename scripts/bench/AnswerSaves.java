import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trainees taking an exam at once: each starts its attempt, then saves an answer every
 * 2 to 4 seconds for the measured period. Prints saves per second and the latency of a
 * save, then the same figures for a plain single-row INSERT (one commit each) from as
 * many connections as the server's pool, measured in the same run.
 *
 * Usage: java -cp postgresql.jar AnswerSaves.java BASE_URL FIRST TRAINEES SECONDS JDBC_URL
 * (trainees BENCH-FIRST ..., password bench-trainee-pass, assessment BENCH-EXAM)
 *
 * Environment: LMS_BENCH_PAUSE_MS=MIN-MAX, each trainee's pause between two saves (2000-4000);
 * LMS_BENCH_PIDS=PID,PID... the server's processes, whose CPU time during the saves is
 * divided by the saves (the figure that carries over to a bigger machine), beside the load
 * generator's own CPU share; LMS_BENCH_FLOOR=false leaves out the plain INSERT.
 */
public class AnswerSaves {

    private static final Pattern QUESTION_ID = Pattern.compile("\\{\"id\":(\\d+),\"type\"");
    private static final Pattern ATTEMPT_ID = Pattern.compile("^\\{\"id\":(\\d+)");

    record Trainee(HttpClient http, String authorization, long attempt, List<Long> questions) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int first = Integer.parseInt(args[1]);
        int trainees = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String jdbcUrl = args[4];

        List<Trainee> started = Collections.synchronizedList(new ArrayList<>());
        long loginStart = System.nanoTime();
        ExecutorService logins = Executors.newFixedThreadPool(16);
        AtomicInteger failedStarts = new AtomicInteger();
        for (int i = first; i < first + trainees; i++) {
            String user = String.format("BENCH-%05d", i);
            logins.submit(() -> {
                try {
                    started.add(start(base, user));
                } catch (Exception e) {
                    failedStarts.incrementAndGet();
                }
            });
        }
        logins.shutdown();
        logins.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        System.out.printf("%d trainees logged in and started their attempt in %.1f s (%d failed)%n",
                started.size(), (System.nanoTime() - loginStart) / 1e9, failedStarts.get());

        String[] pause = System.getenv().getOrDefault("LMS_BENCH_PAUSE_MS", "2000-4000").split("-");
        long pauseMin = Long.parseLong(pause[0]);
        long pauseMax = Math.max(pauseMin + 1, Long.parseLong(pause[1]));
        List<Long> pids = new ArrayList<>();
        for (String pid : System.getenv().getOrDefault("LMS_BENCH_PIDS", "").split(",")) {
            if (!pid.isBlank()) {
                pids.add(Long.parseLong(pid.strip()));
            }
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        java.util.Map<String, AtomicInteger> kinds = new java.util.concurrent.ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(started.size(), 2000));
        CountDownLatch done = new CountDownLatch(started.size());
        for (Trainee trainee : started) {
            clients.submit(() -> {
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Thread.sleep(random.nextLong(0, 3000));
                    while (System.nanoTime() < end) {
                        long question = trainee.questions().get(random.nextInt(trainee.questions().size()));
                        HttpRequest save = HttpRequest.newBuilder(
                                        base.resolve("api/attempts/" + trainee.attempt() + "/answers/" + question))
                                .header("Authorization", trainee.authorization())
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + random.nextInt(1000) + "\"}"))
                                .build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> reply;
                        try {
                            reply = trainee.http().send(save, HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            // A connection the balancer closed while idle (30 s, as while the others log
                            // in): the exam page sends an unacknowledged answer again, and so does this.
                            resent.incrementAndGet();
                            reply = trainee.http().send(save, HttpResponse.BodyHandlers.ofString());
                        }
                        long took = System.nanoTime() - t0;
                        if (reply.statusCode() == 204) {
                            latencies.add(took);
                        } else {
                            errors.incrementAndGet();
                            kinds.computeIfAbsent("HTTP " + reply.statusCode() + " " + reply.body(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                        Thread.sleep(random.nextLong(pauseMin, pauseMax));
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    kinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        // Invigilators reading the live view as the page does, beside the saves: it must not slow them.
        int pollers = Integer.parseInt(System.getenv().getOrDefault("LMS_BENCH_LIVE_POLLERS", "0"));
        ConcurrentLinkedQueue<Long> liveLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger liveErrors = new AtomicInteger();
        ExecutorService invigilators = Executors.newFixedThreadPool(Math.max(1, pollers));
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + System.getenv()
                .getOrDefault("LMS_BENCH_ADMIN_PASSWORD", "bench-admin-password")).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < pollers; i++) {
            invigilators.submit(() -> {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                while (System.nanoTime() < end) {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                                        base.resolve("api/assessments/BENCH-EXAM/live"))
                                .header("Authorization", admin).timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (reply.statusCode() == 200) {
                            liveLatencies.add(System.nanoTime() - t0);
                        } else {
                            liveErrors.incrementAndGet();
                        }
                        Thread.sleep(5000);
                    } catch (Exception e) {
                        liveErrors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        invigilators.shutdown();
        long serverCpuBefore = cpuTicks(pids);
        long ownCpuBefore = ownCpuNanos();
        long windowStart = System.nanoTime();
        done.await();
        clients.shutdown();
        double window = (System.nanoTime() - windowStart) / 1e9;
        long serverCpu = cpuTicks(pids) - serverCpuBefore;
        double ownShare = (ownCpuNanos() - ownCpuBefore) / 1e9 / window / Runtime.getRuntime().availableProcessors();
        report(String.format("answer saves, %d trainees, one every %d-%d ms", started.size(), pauseMin, pauseMax),
                latencies, seconds, errors.get());
        if (!kinds.isEmpty()) {
            System.out.println("  errors by kind: " + kinds);
        }
        if (resent.get() > 0) {
            System.out.println("  sent again after the connection dropped (then acknowledged or counted above): "
                    + resent.get());
        }
        invigilators.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        if (pollers > 0) {
            report(String.format("  the live view beside them, %d invigilators every 5 s", pollers), liveLatencies,
                    seconds, liveErrors.get());
        }
        if (!pids.isEmpty() && !latencies.isEmpty()) {
            System.out.printf("  server CPU per save %.2f ms (%d processes, %.1f s of CPU over %.1f s);"
                    + " load generator %.0f%% of the machine's CPU%n", serverCpu * 10.0 / latencies.size(), pids.size(),
                    serverCpu / 100.0, window, ownShare * 100);
        }
        if ("false".equals(System.getenv("LMS_BENCH_FLOOR"))) {
            return;
        }

        ConcurrentLinkedQueue<Long> inserts = new ConcurrentLinkedQueue<>();
        try (Connection setup = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, attempt_id BIGINT,"
                    + " question_id BIGINT, answer_text VARCHAR(200), answered_at TIMESTAMPTZ)");
        }
        int connections = 16;
        long insertSeconds = 10;
        long insertEnd = System.nanoTime() + insertSeconds * 1_000_000_000L;
        ExecutorService writers = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            writers.submit(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_insert"
                             + " (attempt_id, question_id, answer_text, answered_at) VALUES (?, ?, ?, now())")) {
                    while (System.nanoTime() < insertEnd) {
                        insert.setLong(1, 1);
                        insert.setLong(2, 2);
                        insert.setString(3, "x");
                        long t0 = System.nanoTime();
                        insert.executeUpdate();
                        inserts.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        writers.shutdown();
        writers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        report("plain single-row INSERT, " + connections + " connections flat out (the floor)", inserts,
                insertSeconds, 0);
    }

    private static Trainee start(URI base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(30)).build();
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":bench-trainee-pass").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve("api/assessments/BENCH-EXAM/attempts"))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201 && reply.statusCode() != 200) {
            throw new IllegalStateException(user + ": " + reply.statusCode() + " " + reply.body());
        }
        String body = reply.body().replace(" ", "");
        Matcher attempt = ATTEMPT_ID.matcher(body);
        if (!attempt.find()) {
            throw new IllegalStateException("No attempt id in " + body);
        }
        List<Long> questions = new ArrayList<>();
        Matcher question = QUESTION_ID.matcher(body);
        while (question.find()) {
            questions.add(Long.parseLong(question.group(1)));
        }
        return new Trainee(http, authorization, Long.parseLong(attempt.group(1)), questions);
    }

    private static void report(String what, ConcurrentLinkedQueue<Long> nanos, long seconds, int errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%-62s no successful request (%d errors)%n", what, errors);
            return;
        }
        System.out.printf("%-62s %8.0f /s   p50 %7.1f ms   p99 %7.1f ms   errors %d%n", what,
                sorted.size() / (double) seconds, percentile(sorted, 50), percentile(sorted, 99), errors);
    }

    /** User and system time of these processes so far, in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(List<Long> pids) throws IOException {
        long ticks = 0;
        for (long pid : pids) {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
