import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Exam day for a whole province on one machine: EXAMINEES trainees in one exam, each saving
 * an answer every 30 to 90 s. It starts with LOGINS of them logging in within LOGIN_SECONDS
 * (their first request, which also starts the attempt, pays the password hash) while the
 * others, seated beforehand, already save; then every examinee saves for STEADY_SECONDS.
 *
 * Prints, per phase: login p50/p95 and the password hash's share of them and of the server's
 * CPU; saves per second, p50/p95/p99/max latency and errors; the server's CPU time per save;
 * the load generator's own share of the machine's CPU and how busy the machine was.
 *
 * The examinees seated beforehand are given a password hash of 1,000 rounds, so that seating
 * them does not take a quarter of an hour of hashing; the LOGINS log in with the real hash.
 *
 * Usage: java -cp postgresql.jar ExamStorm.java BASE_URL JDBC_URL EXAMINEES LOGINS LOGIN_SECONDS STEADY_SECONDS
 * (trainees BENCH-00001..., password bench-trainee-pass, assessment BENCH-EXAM)
 * Environment: LMS_BENCH_PIDS=PID,... the server's processes.
 */
public class ExamStorm {

    private static final String PASSWORD = "bench-trainee-pass";
    private static final Pattern QUESTION_ID = Pattern.compile("\\{\"id\":(\\d+),\"type\"");
    private static final Pattern ATTEMPT_ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    /** One examinee: its cookies (the session), its attempt and the questions it was given. */
    static final class Examinee {
        final String username;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        volatile long attempt;
        volatile List<Long> questions = List.of();

        Examinee(String username) {
            this.username = username;
        }

        String cookieHeader() {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                    .append(value));
            return header.toString();
        }

        void keepCookies(HttpResponse<?> reply) {
            for (String set : reply.headers().allValues("set-cookie")) {
                Matcher cookie = COOKIE.matcher(set);
                if (cookie.find()) {
                    cookies.put(cookie.group(1).strip(), cookie.group(2));
                }
            }
        }
    }

    /** What one phase measured. */
    static final class Figures {
        final ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();

        void error(String kind) {
            errors.incrementAndGet();
            kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private final URI base;
    private final HttpClient http;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private volatile Figures current;
    private final AtomicInteger busyRetries = new AtomicInteger();
    private volatile boolean saving = true;

    ExamStorm(URI base) {
        this.base = base;
        // One client for all: a client per examinee would hold a selector thread each. HTTP/1.1,
        // as browsers speak it without TLS.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            // The clients' threads would keep the JVM alive after a failure.
            System.exit(0);
        }
    }

    static void run(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String jdbc = args[1];
        int examinees = Integer.parseInt(args[2]);
        int logins = Integer.parseInt(args[3]);
        int loginSeconds = Integer.parseInt(args[4]);
        int steadySeconds = Integer.parseInt(args[5]);
        List<Long> pids = new ArrayList<>();
        for (String pid : System.getenv().getOrDefault("LMS_BENCH_PIDS", "").split(",")) {
            if (!pid.isBlank()) {
                pids.add(Long.parseLong(pid.strip()));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();

        String realHash = cheapenSeatedHashes(jdbc, logins);
        double hashMillis = hashMillis(realHash);
        System.out.printf("Exam storm: %,d examinees saving an answer every 30-90 s; %,d of them log in within %d s;"
                + " %d cores%n", examinees, logins, loginSeconds, cores);
        System.out.printf("  the password hash alone (%s), on an idle core: %.0f ms%n",
                realHash.substring(0, realHash.indexOf(':', realHash.indexOf(':') + 1)), hashMillis);

        ExamStorm storm = new ExamStorm(base);
        List<Examinee> seated = new ArrayList<>();
        for (int i = logins + 1; i <= examinees; i++) {
            seated.add(new Examinee(String.format("BENCH-%05d", i)));
        }
        long seatStart = System.nanoTime();
        int failedSeats = storm.seat(seated);
        System.out.printf("  %,d examinees seated beforehand in %.0f s (%d failed)%n", seated.size() - failedSeats,
                (System.nanoTime() - seatStart) / 1e9, failedSeats);

        // Phase 1: the others already save while LOGINS arrive, evenly spread.
        Figures loginPhase = new Figures();
        storm.current = loginPhase;
        for (Examinee examinee : seated) {
            if (examinee.attempt != 0) {
                storm.scheduleSave(examinee, ThreadLocalRandom.current().nextLong(0, 60_000));
            }
        }
        ConcurrentLinkedQueue<Long> loginTimes = new ConcurrentLinkedQueue<>();
        AtomicInteger failedLogins = new AtomicInteger();
        CountDownLatch loggedIn = new CountDownLatch(logins);
        Sample before = Sample.take(pids);
        long phaseStart = System.nanoTime();
        for (int i = 1; i <= logins; i++) {
            Examinee examinee = new Examinee(String.format("BENCH-%05d", i));
            long at = (long) ((i - 1) * (loginSeconds * 1000.0 / logins));
            storm.clock.schedule(() -> {
                long t0 = System.nanoTime();
                storm.start(examinee).whenComplete((ok, failure) -> {
                    if (failure == null) {
                        loginTimes.add(System.nanoTime() - t0);
                        storm.scheduleSave(examinee, ThreadLocalRandom.current().nextLong(30_000, 90_000));
                    } else {
                        failedLogins.incrementAndGet();
                        loginPhase.error("login: " + kind(failure.getMessage()));
                    }
                    loggedIn.countDown();
                });
            }, at, TimeUnit.MILLISECONDS);
        }
        loggedIn.await();
        double loginWindow = (System.nanoTime() - phaseStart) / 1e9;
        Sample afterLogins = Sample.take(pids);
        List<Long> sortedLogins = sorted(loginTimes);
        System.out.printf("%n1. %,d log in and start within %d s (the last done after %.0f s), %,d already saving%n",
                logins, loginSeconds, loginWindow, seated.size() - failedSeats);
        if (!sortedLogins.isEmpty()) {
            double p95 = percentile(sortedLogins, 95);
            System.out.printf("   logins: p50 %.0f ms, p95 %.0f ms, max %.0f ms, failed %d, told to try again %d times;"
                            + " the hash is %.0f ms of that p95 (%.0f %%) on an idle core%n", percentile(sortedLogins, 50),
                    p95, percentile(sortedLogins, 100), failedLogins.get(), storm.busyRetries.get(), hashMillis,
                    100 * hashMillis / p95);
            double serverCpu = afterLogins.serverSeconds - before.serverSeconds;
            System.out.printf("   the server's CPU: %.0f s in %.0f s, of which the %,d hashes take about %.0f s (%.0f %%)%n",
                    serverCpu, loginWindow, sortedLogins.size(), sortedLogins.size() * hashMillis / 1000,
                    serverCpu == 0 ? 0 : 100 * sortedLogins.size() * hashMillis / 1000 / serverCpu);
        }
        storm.report("   saves meanwhile", loginPhase, before, afterLogins, cores, false);

        // Phase 2: every examinee saves.
        Figures steady = new Figures();
        storm.current = steady;
        Sample steadyStart = Sample.take(pids);
        Thread.sleep(steadySeconds * 1000L);
        Sample steadyEnd = Sample.take(pids);
        storm.current = new Figures();
        System.out.printf("%n2. %,d examinees saving for %d s%n", examinees - failedSeats - failedLogins.get(),
                steadySeconds);
        storm.report("   saves", steady, steadyStart, steadyEnd, cores, true);
        storm.saving = false;
    }

    /** Starts the attempts of these examinees, 32 at a time; returns how many failed. */
    int seat(List<Examinee> examinees) throws InterruptedException {
        Semaphore inFlight = new Semaphore(32);
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(examinees.size());
        for (Examinee examinee : examinees) {
            inFlight.acquire();
            start(examinee).whenComplete((ok, failure) -> {
                if (failure != null) {
                    failed.incrementAndGet();
                    System.err.println(examinee.username + ": " + failure.getMessage());
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        return failed.get();
    }

    /** The first request of an examinee: HTTP Basic, which logs in and keeps the login in the session. */
    CompletableFuture<Void> start(Examinee examinee) {
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((examinee.username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/assessments/BENCH-EXAM/attempts"))
                .header("Authorization", authorization).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(reply -> {
            if (reply.statusCode() != 503) {
                return CompletableFuture.completedFuture(reply);
            }
            // Too many logins at once: try again when the server says, as the login page asks a person to.
            busyRetries.incrementAndGet();
            long wait = reply.headers().firstValueAsLong("Retry-After").orElse(5);
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                    .thenCompose(ignored -> start(examinee).thenApply(done -> reply));
        }).thenAccept(reply -> {
            if (reply.statusCode() == 503) {
                return;
            }
            if (reply.statusCode() != 201 && reply.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + reply.statusCode() + " " + reply.body());
            }
            examinee.keepCookies(reply);
            String body = reply.body().replace(" ", "");
            Matcher attempt = ATTEMPT_ID.matcher(body);
            if (!attempt.find()) {
                throw new IllegalStateException("no attempt in " + body);
            }
            List<Long> questions = new ArrayList<>();
            Matcher question = QUESTION_ID.matcher(body);
            while (question.find()) {
                questions.add(Long.parseLong(question.group(1)));
            }
            examinee.questions = questions;
            examinee.attempt = Long.parseLong(attempt.group(1));
        });
    }

    /** One save after this delay, by the session alone (no password), then the next 30-90 s later. */
    void scheduleSave(Examinee examinee, long delayMillis) {
        if (!saving) {
            return;
        }
        clock.schedule(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long question = examinee.questions.get(random.nextInt(examinee.questions.size()));
            HttpRequest save = HttpRequest.newBuilder(
                            base.resolve("api/attempts/" + examinee.attempt + "/answers/" + question))
                    .header("Cookie", examinee.cookieHeader())
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + random.nextInt(1000) + "\"}"))
                    .build();
            Figures figures = current;
            long t0 = System.nanoTime();
            http.sendAsync(save, HttpResponse.BodyHandlers.ofString()).whenComplete((reply, failure) -> {
                long took = System.nanoTime() - t0;
                if (failure != null) {
                    figures.error(failure.getClass().getSimpleName());
                } else if (reply.statusCode() == 204) {
                    examinee.keepCookies(reply);
                    figures.saves.add(took);
                } else {
                    figures.error(kind("HTTP " + reply.statusCode() + " " + reply.body()));
                }
                scheduleSave(examinee, ThreadLocalRandom.current().nextLong(30_000, 90_000));
            });
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Saves per second and their latency; the server's CPU per save only where saves are all it did. */
    void report(String what, Figures figures, Sample from, Sample to, int cores, boolean onlySaves) {
        double window = (to.nanos - from.nanos) / 1e9;
        List<Long> saves = sorted(figures.saves);
        if (saves.isEmpty()) {
            System.out.printf("%s: none succeeded (%d errors) %s%n", what, figures.errors.get(), figures.kinds);
            return;
        }
        System.out.printf("%s: %.0f /s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms, errors %d%s%n", what,
                saves.size() / window, percentile(saves, 50), percentile(saves, 95), percentile(saves, 99),
                percentile(saves, 100), figures.errors.get(), figures.kinds.isEmpty() ? "" : " " + figures.kinds);
        double server = to.serverSeconds - from.serverSeconds;
        System.out.printf("   %s; load generator %.0f %% of the machine's CPU; machine busy %.0f %%%n",
                onlySaves ? String.format("server CPU per save %.2f ms", server * 1000 / saves.size())
                        : String.format("server CPU %.0f s (logins included)", server),
                100 * (to.ownSeconds - from.ownSeconds) / window / cores,
                100.0 * (to.machineBusy - from.machineBusy) / Math.max(1, to.machineTotal - from.machineTotal));
    }

    /** CPU counters at one moment: the server's processes, this process, and the whole machine. */
    record Sample(long nanos, double serverSeconds, double ownSeconds, long machineBusy, long machineTotal) {

        static Sample take(List<Long> pids) throws Exception {
            double server = 0;
            for (long pid : pids) {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                server += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            }
            double own = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new Sample(System.nanoTime(), server, own, total - idle, total);
        }
    }

    /**
     * Gives the examinees seated beforehand (all but the first LOGINS) a hash of the same
     * password in the same form with 1,000 rounds; returns the real hash, which the LOGINS keep.
     */
    static String cheapenSeatedHashes(String jdbc, int logins) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            String real;
            try (ResultSet row = db.createStatement()
                    .executeQuery("SELECT password_hash FROM account WHERE username = 'BENCH-00001'")) {
                row.next();
                real = row.getString(1);
            }
            String[] parts = real.split(":");
            byte[] salt = new byte[Base64.getDecoder().decode(parts[2]).length];
            new SecureRandom().nextBytes(salt);
            int keyBits = Base64.getDecoder().decode(parts[3]).length * 8;
            byte[] key = SecretKeyFactory.getInstance(parts[0])
                    .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 1000, keyBits)).getEncoded();
            String cheap = parts[0] + ":1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(key);
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE account SET password_hash = ? WHERE username LIKE 'BENCH-%' AND username > ?")) {
                update.setString(1, cheap);
                update.setString(2, String.format("BENCH-%05d", logins));
                update.executeUpdate();
            }
            return real;
        }
    }

    /** The median time of checking the real hash, on this machine while it is otherwise idle. */
    static double hashMillis(String real) throws Exception {
        String[] parts = real.split(":");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        int keyBits = Base64.getDecoder().decode(parts[3]).length * 8;
        SecretKeyFactory factory = SecretKeyFactory.getInstance(parts[0]);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            factory.generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, Integer.parseInt(parts[1]), keyBits))
                    .getEncoded();
            times.add(System.nanoTime() - t0);
        }
        // The first runs include the JIT's work.
        return percentile(sorted(times.subList(4, times.size())), 50);
    }

    /** An error told by its status and problem type, without what differs each time (its id). */
    static String kind(String message) {
        Matcher type = Pattern.compile("\"type\":\"([^\"]*)\"").matcher(String.valueOf(message));
        String status = String.valueOf(message).replaceAll("^(.*?HTTP \\d+).*$", "$1");
        return type.find() ? status + " " + type.group(1) : status;
    }

    static List<Long> sorted(java.util.Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    static double percentile(List<Long> sorted, int percent) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
