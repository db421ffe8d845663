package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A node dies mid-exam and nobody notices: {@code scripts/cluster 2} on a fresh PostgreSQL
 * database, a trainee logged in once through the balancer, half the answers saved on the
 * node that serves it, that node killed (SIGKILL), the other half saved through the
 * balancer with the same session cookie and no credentials, the trainee's pages still open,
 * and every acknowledged answer is there at the end. Run by the failover profile; every process started is stopped by its
 * id, whatever happens.
 */
class FailoverIT {

    private static final String PASSWORD = "failover-admin-password";
    private static final int QUESTIONS = 20;
    private static final Duration READY_WITHIN = Duration.ofMinutes(7);

    @Test
    void aKilledNodeLosesNoAnswerAndNoLogin() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("lms.it.workDir"), "failover"));
        Path data = work.resolve("data");
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LMS_DB_URL", System.getProperty("lms.it.failover.dbUrl"));
        environment.put("LMS_DB_USER", System.getProperty("lms.it.scripts.dbUser"));
        environment.put("LMS_DB_PASSWORD", System.getProperty("lms.it.scripts.dbPassword"));
        environment.put("LMS_ADMIN_PASSWORD", PASSWORD);
        environment.put("LMS_DATA_DIR", data.toString());
        environment.put("LMS_PORT", String.valueOf(port));
        environment.put("LMS_NODE_PORT", String.valueOf(freePort()));
        environment.put("LMS_GRID_PORT", String.valueOf(freePort()));
        environment.put("LMS_JAVA_OPTS", "-Xmx512m");
        environment.put("LMS_START_TIMEOUT", String.valueOf(READY_WITHIN.toSeconds()));
        assertThat(environment.get("LMS_DB_URL")).as("the failover profile's database").startsWith("jdbc:postgresql:");
        // A fresh database every run.
        ResetTestDatabase.main(new String[] {environment.get("LMS_DB_USER"), environment.get("LMS_DB_PASSWORD"),
                environment.get("LMS_DB_URL")});

        try (Cluster cluster = new Cluster(Path.of(System.getProperty("lms.projectDir")), environment, work.resolve("cluster.log"), data)) {
            cluster.awaitReady();
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            Client admin = new Client(base, "admin", PASSWORD);
            assertThat(admin.send("POST", "api/agencies/import", "text/csv",
                    "code,name,level,sector\nFO-X,Ủy ban nhân dân xã,COMMUNE,STATE\n").status()).isEqualTo(200);
            assertThat(admin.send("POST", "api/officials/import", "text/csv",
                    "employee_code,full_name,agency_code,position\nFO-1,Trần Thị Dự Phòng,FO-X,STAFF\n").status()).isEqualTo(200);
            assertThat(admin.send("PUT", "api/officials/FO-1/password", "application/json",
                    "{\"password\": \"fo-pass-1\"}").status()).isEqualTo(204);
            StringBuilder bank = new StringBuilder("$CATEGORY: FAILOVER\n\n");
            for (int i = 1; i <= QUESTIONS; i++) {
                bank.append("::F").append(i).append(":: Câu hỏi số ").append(i).append(" {=đáp án ").append(i).append("}\n\n");
            }
            assertThat(admin.send("POST", "api/question-banks/import", "text/plain", bank.toString()).status()).isEqualTo(200);
            assertThat(admin.send("POST", "api/assessments", "application/json", """
                    {"code": "FO-1", "title": "Dự phòng", "programme": "BASIC-IT", "timeLimitMinutes": 60,
                     "passPercent": 50, "maxAttempts": 1, "sections": [{"category": "FAILOVER", "count": %d}]}
                    """.formatted(QUESTIONS)).status()).isEqualTo(201);

            // The one login: the attempt starts with the password; everything after rides on the cookie.
            Client login = new Client(base, "FO-1", "fo-pass-1");
            Reply started = login.send("POST", "api/assessments/FO-1/attempts", "application/json", "");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            JsonObject attempt = started.json();
            long attemptId = attempt.getJsonNumber("id").longValue();
            List<Long> questions = attempt.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                    .map(q -> q.getJsonNumber("id").longValue()).toList();
            Client trainee = login.withoutCredentials();

            Map<Long, String> acknowledged = new LinkedHashMap<>();
            String node = null;
            for (Long question : questions.subList(0, QUESTIONS / 2)) {
                Reply saved = trainee.save(attemptId, question, "trước " + question);
                assertThat(saved.status()).as(saved.body()).isEqualTo(204);
                acknowledged.put(question, "trước " + question);
                assertThat(saved.node()).as("the node that serves the trainee").isNotNull();
                if (node == null) {
                    node = saved.node();
                }
                assertThat(saved.node()).as("a session stays on its node").isEqualTo(node);
            }
            assertThat(started.node()).isEqualTo(node);

            cluster.kill(Integer.parseInt(node));

            List<Integer> refused = new ArrayList<>();
            for (Long question : questions.subList(QUESTIONS / 2, QUESTIONS)) {
                String text = "sau " + question;
                Reply saved = trainee.save(attemptId, question, text);
                // A save that got no acknowledgement is sent again, as the exam page does.
                for (int retry = 0; saved.status() != 204 && retry < 5; retry++) {
                    refused.add(saved.status());
                    Thread.sleep(1000);
                    saved = trainee.save(attemptId, question, text);
                }
                assertThat(saved.status()).as(saved.body()).isEqualTo(204);
                assertThat(saved.node()).as("served by a living node").isNotNull().isNotEqualTo(node);
                acknowledged.put(question, text);
            }
            assertThat(refused).as("no save was refused for want of a login").doesNotContain(401, 403);
            System.out.printf("Failover: node %s killed after %d acknowledged answers; %d more acknowledged by the"
                    + " other node with the same session; unacknowledged tries on the way: %s%n",
                    node, QUESTIONS / 2, QUESTIONS - QUESTIONS / 2, refused);

            // The pages too: the login arrives on the other node with its groups (the trainee's area).
            Reply page = trainee.send("GET", "trainee/exams.xhtml", null, null);
            assertThat(page.status()).as("the trainee's exams page after the failover").isEqualTo(200);
            assertThat(page.node()).isNotEqualTo(node);

            Reply kept = trainee.send("GET", "api/attempts/" + attemptId, null, null);
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
            Map<Long, String> answers = new LinkedHashMap<>();
            for (JsonObject answer : kept.json().getJsonArray("answers").getValuesAs(JsonObject.class)) {
                answers.put(answer.getJsonNumber("questionId").longValue(), answer.getString("text"));
            }
            assertThat(answers).isEqualTo(acknowledged);
            assertThat(kept.json().getString("status")).isEqualTo("OPEN");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** scripts/cluster as an operator runs it; closing it stops the script and then every process by its id. */
    private static final class Cluster implements AutoCloseable {

        private final Process script;
        private final Path runDir;
        private final CountDownLatch ready = new CountDownLatch(1);

        Cluster(Path project, Map<String, String> environment, Path log, Path data) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(project.resolve("scripts/cluster").toString(), "2")
                    .directory(project.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            runDir = data.resolve("cluster");
            script = builder.start();
            Thread reader = new Thread(() -> copy(log), "scripts/cluster output");
            reader.setDaemon(true);
            reader.start();
        }

        private void copy(Path log) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println(line);
                    if (line.startsWith("LMS cluster ready at ") && line.endsWith("(2 nodes)")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // The script ended.
            }
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (!ready.await(1, TimeUnit.SECONDS)) {
                assertThat(script.isAlive()).as("scripts/cluster is running (see target/it-work-*/failover/cluster.log)").isTrue();
                assertThat(System.nanoTime()).as("the cluster is ready in time").isLessThan(deadline);
            }
        }

        /** SIGKILL: no shutdown of any kind. */
        void kill(int node) throws Exception {
            ProcessHandle process = ProcessHandle.of(pid("node-" + node)).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        }

        private long pid(String name) throws IOException {
            return Long.parseLong(Files.readString(runDir.resolve(name + ".pid")).strip());
        }

        @Override
        public void close() throws Exception {
            // The pids first: the script removes its files as it stops.
            List<ProcessHandle> started = new ArrayList<>();
            for (String name : List.of("node-1", "node-2", "haproxy")) {
                try {
                    ProcessHandle.of(pid(name)).ifPresent(started::add);
                } catch (IOException | NumberFormatException missing) {
                    // Never started, or already stopped.
                }
            }
            script.destroy();
            if (!script.waitFor(60, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
            for (ProcessHandle process : started) {
                process.destroyForcibly();
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** An HTTP client of one user, keeping its cookies (the session's and the balancer's). */
    private record Client(URI base, String authorization, HttpClient http) {

        Client(URI base, String username, String password) {
            this(base, "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)),
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build());
        }

        Client withoutCredentials() {
            return new Client(base, null, http);
        }

        Reply save(long attempt, long question, String text) {
            return send("PUT", "api/attempts/" + attempt + "/answers/" + question, "application/json",
                    Json.createObjectBuilder().add("text", text).build().toString());
        }

        Reply send(String method, String path, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response.headers().firstValue("X-LMS-Node").orElse(null), response.body());
            } catch (IOException e) {
                // A connection cut by the killed node: no acknowledgement.
                return new Reply(-1, null, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Reply(int status, String node, String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }
}
