package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every resource method of the API against every kind of caller, as written down in
 * {@code access-matrix.csv}: who gets in, who is told "forbidden", and for whom an item out
 * of scope does not exist. The rows come from the code: a new resource method without a row
 * fails, as does a row whose method is gone. Each row sends the request of
 * {@code access-samples.json} over a small province of two districts set up here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

    private static final String PASSWORD = "matrix-pass-1";

    private static final String BANK = """
            $CATEGORY: AM-MC

            ::AM-MC-1:: Thủ đô của Việt Nam là thành phố nào? {=Hà Nội ~Huế ~Đà Nẵng}

            $CATEGORY: AM-TH
            $POINTS: 10

            ::AM-TH-1:: Soạn một công văn mời họp. {}
            """;


    @ArquillianResource
    URL base;

    @Test
    void everyResourceMethodHasARowAndEveryRowIsAResourceMethod() {
        Set<String> methods = ResourceMethods.all();
        Matrix matrix = Matrix.read();
        assertThat(methods).as("the scan finds the API").contains("GET /api/accounts/me",
                "GET /api/certificates/verify/{number}");
        assertThat(difference(methods, matrix.rows().keySet()))
                .as("resource methods without a row in access-matrix.csv").isEmpty();
        assertThat(difference(matrix.rows().keySet(), methods))
                .as("rows of access-matrix.csv that name no resource method").isEmpty();
        assertThat(difference(matrix.rows().keySet(), samples().keySet()))
                .as("rows without a request in access-samples.json").isEmpty();
        assertThat(difference(samples().keySet(), matrix.rows().keySet()))
                .as("requests in access-samples.json without a row").isEmpty();
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() {
        Matrix matrix = Matrix.read();
        Map<String, Api> callers = callers();
        assertThat(callers.keySet()).as("the columns of access-matrix.csv").containsExactlyElementsOf(matrix.callers());
        Map<String, String> ids = province(callers);
        Map<String, JsonObject> samples = samples();

        List<String> wrong = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        StringBuilder observed = new StringBuilder("endpoint," + String.join(",", matrix.callers()));
        matrix.rows().forEach((endpoint, cells) -> {
            JsonObject sample = samples.get(endpoint);
            observed.append('\n').append(endpoint);
            for (int i = 0; i < cells.size(); i++) {
                String caller = matrix.callers().get(i);
                Cell cell = cells.get(i);
                Api.Reply reply = send(callers.get(caller), endpoint.substring(0, endpoint.indexOf(' ')), sample, ids);
                observed.append(',').append(reply.status());
                String line = endpoint + " as " + caller + ": expected " + cell.text() + ", got " + reply.status()
                        + " " + abbreviate(reply.body());
                if (cell.openFinding()) {
                    (cell.accepts(reply.status()) ? fixed : open).add(line);
                } else if (!cell.accepts(reply.status())) {
                    wrong.add(line);
                }
            }
        });
        System.out.println("What each caller got, in the shape of access-matrix.csv:\n" + observed);
        open.forEach(finding -> System.out.println("Open finding of the access matrix: " + finding));
        assertThat(wrong).as("cells that answer otherwise than access-matrix.csv says").isEmpty();
        assertThat(fixed).as("cells marked ! (open findings) that now answer as the contract demands:"
                + " take the mark off in access-matrix.csv").isEmpty();
    }

    /** One logged-in session per kind of caller, in the order of the matrix's columns. */
    private Map<String, Api> callers() {
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("anonymous", Api.anonymous(base));
        callers.put("trainee", Api.as(base, "AM-T1", PASSWORD));
        callers.put("other_trainee", Api.as(base, "AM-T2", PASSWORD));
        callers.put("grader", Api.as(base, "am-grader", PASSWORD));
        callers.put("other_instructor", Api.as(base, "am-other-ins", PASSWORD));
        callers.put("hr", Api.as(base, "am-hr-a", PASSWORD));
        callers.put("other_hr", Api.as(base, "am-hr-b", PASSWORD));
        callers.put("admin", Api.admin(base));
        return callers;
    }

    /**
     * A province with districts AM-A and AM-B; in AM-A three officials, two of whom log in; a
     * class of AM-A's HR taught by the grader, with AM-T1 and AM-T3 in it; the class's
     * certifying assessment, drawing from the grader's bank, with one attempt of AM-T1's submitted
     * (its essay awaiting grading) and one open with a file handed in; AM-T1's certificates; a hall,
     * and one session of the class in it, AM-T1 marked present (so that it cannot be called off).
     *
     * @return the ids the samples name as {@code ${...}}
     */
    private static Map<String, String> province(Map<String, Api> callers) {
        Api admin = callers.get("admin");
        expect(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                AM-P,Tỉnh Ma Trận,PROVINCE,STATE,
                AM-A,Huyện A,DISTRICT,STATE,AM-P
                AM-B,Huyện B,DISTRICT,STATE,AM-P
                """), 200);
        expect(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                AM-T1,Nguyễn Văn Một,AM-A,STAFF
                AM-T2,Trần Thị Hai,AM-A,STAFF
                AM-T3,Lê Văn Ba,AM-A,STAFF
                """), 200);
        for (String trainee : List.of("AM-T1", "AM-T2")) {
            expect(admin.put("api/officials/" + trainee + "/password", "{\"password\": \"" + PASSWORD + "\"}"), 204);
        }
        for (String[] account : List.of(new String[] {"am-grader", "INSTRUCTOR", ""},
                new String[] {"am-other-ins", "INSTRUCTOR", ""}, new String[] {"am-hr-a", "HR", "AM-A"},
                new String[] {"am-hr-b", "HR", "AM-B"})) {
            expect(admin.put("api/accounts/" + account[0], "{\"password\": \"" + PASSWORD + "\", \"roles\": [\""
                    + account[1] + "\"], \"agency\": \"" + account[2] + "\"}"), 201);
        }
        expect(callers.get("grader").post("api/question-banks/import", "text/plain", BANK), 200);
        Api hr = callers.get("hr");
        expect(hr.post("api/offerings", "application/json", """
                {"code": "AM-CLASS", "course": "IU01", "title": "Tin học cơ bản (ma trận quyền)",
                 "startsOn": "2026-01-05", "endsOn": "2099-12-31", "capacity": 10, "place": "Hội trường",
                 "instructors": ["am-grader"]}"""), 201);
        for (String trainee : List.of("AM-T1", "AM-T3")) {
            expect(hr.post("api/offerings/AM-CLASS/enrolments", "application/json",
                    "{\"employeeCode\": \"" + trainee + "\"}"), 201);
        }
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nAM-HALL,Hội trường ma trận,HALL,30\n"), 200);
        String session = expect(hr.post("api/offerings/AM-CLASS/sessions", "application/json", """
                {"startsAt": "2026-01-06T08:00", "endsAt": "2026-01-06T11:00", "venue": "AM-HALL"}"""), 201).json()
                .getJsonNumber("id").toString();
        expect(callers.get("grader").put("api/offerings/AM-CLASS/sessions/" + session + "/attendance",
                "[{\"employeeCode\": \"AM-T1\", \"status\": \"PRESENT\"}]"), 204);
        expect(admin.post("api/assessments", "application/json", """
                {"code": "AM-EXAM", "title": "Kiểm tra (ma trận quyền)", "programme": "BASIC-IT",
                 "offering": "AM-CLASS", "timeLimitMinutes": 600, "passPercent": 50, "maxAttempts": 2,
                 "certifies": true, "sections": [{"category": "AM-MC", "count": 1}, {"category": "AM-TH", "count": 1}]}
                """), 201);

        Api trainee = callers.get("trainee");
        JsonObject first = expect(trainee.post("api/assessments/AM-EXAM/attempts", "application/json", ""), 201).json();
        String essay = first.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("type").equals("ESSAY")).findFirst().orElseThrow()
                .getJsonNumber("id").toString();
        String submitted = first.getJsonNumber("id").toString();
        expect(trainee.put("api/attempts/" + submitted + "/answers/" + essay, "{\"text\": \"Kính gửi các phòng, ban.\"}"),
                204);
        expect(trainee.post("api/attempts/" + submitted + "/submit", "application/json", ""), 200);
        String open = expect(trainee.post("api/assessments/AM-EXAM/attempts", "application/json", ""), 201).json()
                .getJsonNumber("id").toString();
        expect(trainee.put("api/attempts/" + open + "/answers/" + essay + "/file?name=bai-lam.txt", "text/plain",
                "Bài làm thực hành"), 204);

        expect(admin.csv("api/certificates/import", """
                employee_code,programme_code,issued_on,certificate_no
                AM-T1,BASIC-IT,2025-01-10,AM-C1
                AM-T1,BASIC-IT,2024-03-01,AM-C-REV
                """), 200);
        return Map.of("attempt.submitted", submitted, "attempt.open", open, "question.essay", essay,
                "session", session);
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    private static Api.Reply send(Api caller, String method, JsonObject sample, Map<String, String> ids) {
        String path = sample.getString("path");
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("${" + id.getKey() + "}", id.getValue());
        }
        assertThat(path).as("every ${...} of the sample is known").doesNotContain("${");
        String type = sample.containsKey("json") ? "application/json" : sample.getString("type", "application/json");
        String body = sample.containsKey("json") ? sample.get("json").toString() : sample.getString("text", "");
        return switch (method) {
            case "GET" -> caller.get(path);
            case "DELETE" -> caller.delete(path);
            case "POST" -> caller.post(path, type, body);
            case "PUT" -> caller.put(path, type, body);
            default -> throw new IllegalArgumentException("No sample request for " + method);
        };
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    private static Map<String, JsonObject> samples() {
        try (JsonReader reader = Json.createReader(resource("access-samples.json"))) {
            Map<String, JsonObject> samples = new LinkedHashMap<>();
            reader.readObject().getJsonObject("requests")
                    .forEach((endpoint, sample) -> samples.put(endpoint, sample.asJsonObject()));
            return samples;
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AccessMatrixIT.class.getResourceAsStream("/" + name);
        assertThat(in).as(name + " on the test class path").isNotNull();
        return in;
    }

    /**
     * What a caller may get: one status, {@code 2xx}, {@code ok} (authorised: 2xx, or 409 or
     * 422 for a body refused after the access check), or several joined by {@code |}; a
     * trailing {@code !} marks an open finding, which the application does not answer yet.
     */
    record Cell(String text, List<String> accepted, boolean openFinding) {

        static Cell parse(String text) {
            String cell = text.strip();
            boolean open = cell.endsWith("!");
            String statuses = open ? cell.substring(0, cell.length() - 1).strip() : cell;
            List<String> accepted = Arrays.stream(statuses.split("\\|")).map(String::strip).toList();
            for (String status : accepted) {
                if (!status.matches("ok|2xx|[1-5]\\d\\d")) {
                    throw new IllegalArgumentException("Not a cell of the access matrix: " + text);
                }
            }
            return new Cell(cell, accepted, open);
        }

        boolean accepts(int status) {
            return accepted.stream().anyMatch(a -> switch (a) {
                case "2xx" -> status / 100 == 2;
                case "ok" -> status / 100 == 2 || status == 409 || status == 422;
                default -> Integer.parseInt(a) == status;
            });
        }
    }

    /** {@code access-matrix.csv}: the callers of its header, and its rows by endpoint; {@code #} starts a comment. */
    record Matrix(List<String> callers, Map<String, List<Cell>> rows) {

        static Matrix read() {
            List<String> lines;
            try (InputStream in = resource("access-matrix.csv")) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> header = List.of(lines.get(0).split(","));
            assertThat(header.get(0)).isEqualTo("endpoint");
            Map<String, List<Cell>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                assertThat(cells).as(line).hasSize(header.size());
                assertThat(rows.put(cells[0].strip(), Arrays.stream(cells).skip(1).map(Cell::parse).toList()))
                        .as("one row per endpoint: " + cells[0]).isNull();
            }
            return new Matrix(header.subList(1, header.size()), rows);
        }
    }
}
