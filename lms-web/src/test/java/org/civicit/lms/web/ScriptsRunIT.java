package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code scripts/run} as a newcomer uses it: start, wait for the ready line, work, stop
 * with Ctrl-C (SIGTERM), start again on the same data and find the work still there. On
 * the embedded H2 by default; on PostgreSQL through {@code LMS_DB_URL} in that profile.
 */
class ScriptsRunIT {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile("'admin' was created with the password (\\S+)");

    /** One run of the script, its output collected as it comes. */
    private static final class Run implements AutoCloseable {

        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);

        Run(Path dataDir, int port) throws IOException {
            Path project = Path.of(System.getProperty("lms.projectDir")).toRealPath();
            ProcessBuilder builder = new ProcessBuilder(project.resolve("scripts/run").toString())
                    .directory(project.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("LMS_PORT", String.valueOf(port));
            builder.environment().put("LMS_DATA_DIR", dataDir.toString());
            builder.environment().put("LMS_JAVA_OPTS", "-Xmx512m");
            builder.environment().remove("LMS_ADMIN_PASSWORD");
            builder.environment().remove("LMS_DEMO_DATA");
            String dbUrl = System.getProperty("lms.it.scripts.dbUrl", "");
            if (dbUrl.isBlank()) {
                builder.environment().remove("LMS_DB_URL");
            } else {
                builder.environment().put("LMS_DB_URL", dbUrl);
                builder.environment().put("LMS_DB_USER", System.getProperty("lms.it.scripts.dbUser"));
                builder.environment().put("LMS_DB_PASSWORD", System.getProperty("lms.it.scripts.dbPassword"));
            }
            process = builder.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.add(line);
                        if (line.equals("LMS ready at http://localhost:" + port + "/")) {
                            ready.countDown();
                        }
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady() throws InterruptedException {
            assertThat(ready.await(180, TimeUnit.SECONDS))
                    .as("the ready line; output was:%n%s", String.join("\n", output)).isTrue();
        }

        String generatedPassword() {
            return output.stream().map(GENERATED_PASSWORD::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElse(null);
        }

        /** Ctrl-C as a terminal sends it; the script must take Payara Micro down with it. */
        int stop() throws InterruptedException {
            process.destroy();
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            assertThat(ended).as("scripts/run ends on SIGTERM").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void dataSurvivesARestartAndTheGeneratedAdminPasswordIsShownOnce() throws Exception {
        Path dataDir = Files.createDirectories(Path.of(System.getProperty("lms.it.workDir"), "scripts-run-data"));
        int port = freePort();
        URL base = new URL("http://localhost:" + port + "/");
        String password;
        try (Run first = new Run(dataDir, port)) {
            first.awaitReady();
            password = first.generatedPassword();
            assertThat(password).as("a generated admin password is printed at first start").isNotBlank();
            Api admin = Api.as(base, "admin", password);
            assertThat(admin.csv("api/agencies/import", """
                    code,name,level,sector,parent_code
                    RUN-TINH,Ủy ban nhân dân tỉnh,tỉnh,chính quyền,
                    RUN-XA,Ủy ban nhân dân xã Hòa Bình,xã,chính quyền,RUN-TINH
                    """).status()).isEqualTo(200);
            assertThat(first.stop()).isZero();
            List<ProcessHandle> left = first.process.descendants().filter(ProcessHandle::isAlive).toList();
            assertThat(left).as("no Payara Micro left behind").isEmpty();
        }
        try (Run second = new Run(dataDir, port)) {
            second.awaitReady();
            assertThat(second.generatedPassword()).as("the password is shown only once").isNull();
            Api.Reply tree = Api.as(base, "admin", password).get("api/agencies");
            assertThat(tree.status()).isEqualTo(200);
            assertThat(tree.body()).contains("RUN-TINH", "Ủy ban nhân dân xã Hòa Bình");
            assertThat(Api.anonymous(base).get("").body()).contains("Bồi dưỡng");
            second.stop();
        }
    }
}
