package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The application started by {@code scripts/run}, as a newcomer starts it; its output is kept. */
final class LmsProcess implements AutoCloseable {

    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    final int port;
    private final CountDownLatch ready = new CountDownLatch(1);

    /** Starts on a free port with the embedded database in {@code dataDir}, plus the given environment. */
    LmsProcess(Path dataDir, Map<String, String> environment) throws IOException {
        this.port = freePort();
        Path project = Path.of(System.getProperty("lms.projectDir")).toRealPath();
        ProcessBuilder builder = new ProcessBuilder(project.resolve("scripts/run").toString())
                .directory(project.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        List.of("LMS_ADMIN_PASSWORD", "LMS_DEMO_DATA", "LMS_DB_URL", "LMS_DB_USER", "LMS_DB_PASSWORD").forEach(env::remove);
        env.put("LMS_PORT", String.valueOf(port));
        env.put("LMS_DATA_DIR", dataDir.toString());
        env.put("LMS_JAVA_OPTS", "-Xmx512m");
        env.putAll(environment);
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

    URL base() throws IOException {
        return new URL("http://localhost:" + port + "/");
    }

    void awaitReady() throws InterruptedException {
        assertThat(ready.await(180, TimeUnit.SECONDS))
                .as("the ready line; output was:%n%s", String.join("\n", output)).isTrue();
    }

    /** Ctrl-C as a terminal sends it; the script must take Payara Micro down with it. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scripts/run ends on SIGTERM").isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
