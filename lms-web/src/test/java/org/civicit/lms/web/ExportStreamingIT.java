package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The officials report streams: 200,000 officials come out of a server whose heap could
 * not hold them as objects, and the CSV parses back to the officials that went in. A
 * download the client gives up on halfway leaves nothing behind on the server. Runs on the
 * embedded database, or on PostgreSQL (where the CSV comes from COPY) with its profile.
 */
class ExportStreamingIT {

    private static final int OFFICIALS = 200_000;
    private static final int IMPORT_PART = 50_000;
    private static final String HEAP = "-Xmx192m";
    private static final String PASSWORD = "export-admin-password";
    /** PostgreSQL with the postgresql profile; empty for the embedded database. */
    private static final String DATABASE = System.getProperty("lms.it.export.dbUrl", "");

    @Test
    void twoHundredThousandOfficialsStreamOutOfASmallHeap() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("lms.it.workDir"), "export-streaming"));
        Path province = generate(work.resolve("province"));
        Map<String, String[]> active = activeOfficials(province.resolve("officials.csv"));

        Map<String, String> environment = new HashMap<>(Map.of("LMS_JAVA_OPTS", HEAP, "LMS_ADMIN_PASSWORD", PASSWORD));
        if (!DATABASE.isEmpty()) {
            environment.putAll(Map.of("LMS_DB_URL", DATABASE, "LMS_DB_USER", System.getProperty("lms.it.scripts.dbUser"),
                    "LMS_DB_PASSWORD", System.getProperty("lms.it.scripts.dbPassword")));
        }
        try (LmsProcess server = new LmsProcess(work.resolve("data"), environment)) {
            server.awaitReady();
            Api admin = Api.as(server.base(), "admin", PASSWORD);
            assertThat(admin.csv("api/agencies/import", Files.readString(province.resolve("agencies.csv"))).status())
                    .isEqualTo(200);
            // In parts, so that the import too fits the small heap.
            List<String> lines = Files.readAllLines(province.resolve("officials.csv"));
            int created = 0;
            for (int from = 1; from < lines.size(); from += IMPORT_PART) {
                List<String> part = lines.subList(from, Math.min(lines.size(), from + IMPORT_PART));
                Api.Reply imported = admin.csv("api/officials/import", lines.get(0) + "\n" + String.join("\n", part));
                assertThat(imported.status()).as("%s%n%s", imported, tail(server)).isEqualTo(200);
                created += imported.json().getInt("created");
            }
            assertThat(created).isEqualTo(OFFICIALS);

            int rows = 0;
            try (Reader body = new InputStreamReader(download(server, "api/reports/officials?programme=BASIC-IT"),
                    StandardCharsets.UTF_8);
                 CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(body)) {
                for (CSVRecord record : csv) {
                    String[] expected = active.get(record.get(0));
                    assertThat(expected).as("exported %s", record.get(0)).isNotNull();
                    assertThat(record.get("full_name")).isEqualTo(expected[0]);
                    assertThat(record.get("agency_code")).isEqualTo(expected[1]);
                    assertThat(record.get("certified")).isEqualTo("false");
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(active.size());

            try (InputStream halfway = download(server, "api/reports/officials?programme=BASIC-IT")) {
                assertThat(halfway.readNBytes(1 << 20)).hasSize(1 << 20);
            }
            if (!DATABASE.isEmpty()) {
                awaitNoCopyRunning();
            }
            assertThat(admin.get("api/reports/officials?programme=BASIC-IT&agency=" + lastAgency(province)).status())
                    .as("exports go on after one was given up").isEqualTo(200);
            assertThat(server.output).as(tail(server)).noneMatch(line -> line.contains("OutOfMemoryError"));
            server.stop();
        }
    }

    /** A COPY whose client went away must end, not hold its connection for ever. */
    private static void awaitNoCopyRunning() throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE, System.getProperty("lms.it.scripts.dbUser"),
                System.getProperty("lms.it.scripts.dbPassword"));
             PreparedStatement running = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY (%'")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long copies;
            do {
                Thread.sleep(200);
                try (ResultSet rs = running.executeQuery()) {
                    rs.next();
                    copies = rs.getLong(1);
                }
            } while (copies > 0 && System.nanoTime() < deadline);
            assertThat(copies).as("COPY still running after its client went away").isZero();
        }
    }

    /** The last agency of the generated province: a commune, with few officials. */
    private static String lastAgency(Path province) throws Exception {
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(province.resolve("agencies.csv")))) {
            List<CSVRecord> agencies = csv.getRecords();
            return agencies.get(agencies.size() - 1).get("code");
        }
    }

    private static String tail(LmsProcess server) {
        List<String> output = List.copyOf(server.output);
        return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    private static Path generate(Path out) throws Exception {
        Path project = Path.of(System.getProperty("lms.projectDir")).toRealPath();
        Process generator = new ProcessBuilder("java", "-Dfile.encoding=UTF-8",
                project.resolve("scripts/SampleProvince.java").toString(),
                "--officials", String.valueOf(OFFICIALS), "--out", out.toString())
                .redirectErrorStream(true).start();
        generator.getInputStream().transferTo(System.out);
        assertThat(generator.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(generator.exitValue()).isZero();
        return out;
    }

    /** employee_code to {full_name, agency_code} of the officials the file marks active. */
    private static Map<String, String[]> activeOfficials(Path file) throws Exception {
        Map<String, String[]> active = new HashMap<>();
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            for (CSVRecord record : csv) {
                if (!"false".equals(record.get("active"))) {
                    active.put(record.get("employee_code"), new String[] {record.get("full_name"), record.get("agency_code")});
                }
            }
        }
        return active;
    }

    /** The body as it arrives, byte-order mark skipped. */
    private static InputStream download(LmsProcess server, String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.base() + path)).header("Authorization", "Basic " + auth).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        InputStream body = response.body();
        assertThat(new String(body.readNBytes(3), StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        return body;
    }
}
