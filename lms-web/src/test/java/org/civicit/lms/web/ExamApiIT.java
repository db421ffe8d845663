package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The exam of CONTRACT §5 end to end, against the built WAR in Payara Micro. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExamApiIT {

    private static final String BANK = """
            // ngân hàng thử cho bài kiểm tra
            $CATEGORY: %1$s-MC

            ::%1$s-1:: Thủ đô của Việt Nam là thành phố nào? {=Hà Nội #Đúng ~Huế ~Đà Nẵng ~Cần Thơ}

            ::%1$s-2:: Chọn các số chẵn (chọn các đáp án đúng) {~%%50%%Hai ~%%50%%Bốn ~%%-100%%Ba}

            ::%1$s-3:: Một byte có tám bit. {T}

            ::%1$s-4:: Viết tắt của bộ xử lý trung tâm? {=CPU =Central Processing Unit}

            ::%1$s-5:: 1 KB bằng bao nhiêu byte? {#1024}

            ::%1$s-6:: Ghép thiết bị với nhóm của nó {
            =Bàn phím -> Thiết bị vào
            =Màn hình -> Thiết bị ra
            =Ổ SSD -> Bộ nhớ ngoài
            }

            $CATEGORY: %1$s-TH
            $POINTS: 10

            ::%1$s-TH-1:: Soạn một công văn mời họp theo Nghị định 30/2020/NĐ-CP. {}
            """;


    @ArquillianResource
    URL base;

    /** A commune with three officials who can log in, two instructors, and a bank of category {@code p}. */
    private Api province(String p) {
        Api admin = Api.admin(base);
        assertThat(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                %1$s-X,Ủy ban nhân dân xã,COMMUNE,STATE,
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                %1$s-T1,Nguyễn Văn Một,%1$s-X,STAFF
                %1$s-T2,Trần Thị Hai,%1$s-X,STAFF
                %1$s-T3,Lê Văn Ba,%1$s-X,LEADER
                """.formatted(p)).status()).isEqualTo(200);
        for (String trainee : List.of("T1", "T2", "T3")) {
            assertThat(admin.put("api/officials/" + p + "-" + trainee + "/password", "{\"password\": \"exam-pass-1\"}")
                    .status()).isEqualTo(204);
        }
        for (String instructor : List.of("ins-" + p.toLowerCase(), "other-" + p.toLowerCase())) {
            assertThat(admin.put("api/accounts/" + instructor,
                    "{\"password\": \"teach-pass-1\", \"roles\": [\"INSTRUCTOR\"]}").status()).isIn(200, 201, 204);
        }
        Api instructor = instructor(p);
        Api.Reply imported = instructor.post("api/question-banks/import", "text/plain", BANK.formatted(p));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getInt("total")).isEqualTo(7);
        assertThat(imported.json().getJsonObject("categories").getInt(p + "-MC")).isEqualTo(6);
        return admin;
    }

    private Api instructor(String p) {
        return Api.as(base, "ins-" + p.toLowerCase(), "teach-pass-1");
    }

    private Api trainee(String p, String who) {
        return Api.as(base, p + "-" + who, "exam-pass-1");
    }

    /** A certifying assessment, which only the admin creates; the instructor of {@code p} grades it. */
    private static String assessment(String p, String code, String extra) {
        return """
                {"code": "%2$s", "title": "Kiểm tra %2$s", "programme": "BASIC-IT", "timeLimitMinutes": 30,
                 "passPercent": 50, "maxAttempts": 1, "certifies": true, "instructors": ["ins-%4$s"] %3$s,
                 "sections": [{"category": "%1$s-MC", "count": 6}, {"category": "%1$s-TH", "count": 1, "passPercent": 50}]}
                """.formatted(p, code, extra, p.toLowerCase());
    }

    /** The right answer to each question of the bank, in the numbers the attempt shows. */
    private static String rightAnswer(JsonObject question) {
        String text = question.getString("text");
        List<JsonObject> options = question.getJsonArray("options").getValuesAs(JsonObject.class);
        if (text.startsWith("Thủ đô")) {
            return "{\"selected\": [" + id(options, "Hà Nội") + "]}";
        }
        if (text.startsWith("Chọn các số chẵn")) {
            return "{\"selected\": [" + id(options, "Hai") + ", " + id(options, "Bốn") + "]}";
        }
        if (text.startsWith("Một byte")) {
            return "{\"selected\": [" + id(options, "Đúng") + "]}";
        }
        if (text.startsWith("Viết tắt")) {
            return "{\"text\": \"cpu\"}";
        }
        if (text.startsWith("1 KB")) {
            return "{\"text\": \"1024\"}";
        }
        if (text.startsWith("Ghép")) {
            List<JsonObject> choices = question.getJsonArray("choices").getValuesAs(JsonObject.class);
            return "{\"pairs\": [" + String.join(",",
                    pair(options, choices, "Bàn phím", "Thiết bị vào"),
                    pair(options, choices, "Màn hình", "Thiết bị ra"),
                    pair(options, choices, "Ổ SSD", "Bộ nhớ ngoài")) + "]}";
        }
        return "{\"text\": \"Kính gửi: các phòng, ban. Ủy ban nhân dân xã trân trọng kính mời ...\"}";
    }

    private static int id(List<JsonObject> items, String text) {
        return items.stream().filter(o -> o.getString("text").equals(text)).findFirst().orElseThrow().getInt("id");
    }

    private static String pair(List<JsonObject> options, List<JsonObject> choices, String left, String right) {
        return "{\"option\": " + id(options, left) + ", \"choice\": " + id(choices, right) + "}";
    }

    private static List<JsonObject> questions(JsonObject attempt) {
        return attempt.getJsonArray("questions").getValuesAs(JsonObject.class);
    }

    private static long questionId(JsonObject attempt, String textStart) {
        return questions(attempt).stream().filter(q -> q.getString("text").startsWith(textStart)).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
    }

    @Test
    void aTraineeTakesTheExamAnInstructorGradesThePracticalPartAndACertificateIsIssued() {
        String p = "EXF";
        Api admin = province(p);
        Api instructor = instructor(p);
        assertThat(Api.admin(base).post("api/assessments", "application/json", assessment(p, "EXF-2026", "")).status())
                .isEqualTo(201);
        Api trainee = trainee(p, "T1");

        Api.Reply started = trainee.post("api/assessments/EXF-2026/attempts", "application/json", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonObject attempt = started.json();
        long id = attempt.getJsonNumber("id").longValue();
        assertThat(questions(attempt)).hasSize(7);
        assertThat(questions(attempt).get(6).getString("type")).as("the practical part comes last").isEqualTo("ESSAY");
        assertThat(started.body()).as("no hint of the right answer")
                .doesNotContain("fraction", "weight", "feedback", "#", "%");
        assertThat(attempt.isNull("result")).isTrue();

        for (JsonObject question : questions(attempt)) {
            Api.Reply saved = trainee.put("api/attempts/" + id + "/answers/" + question.getJsonNumber("id"),
                    rightAnswer(question));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(204);
        }
        long practical = questionId(attempt, "Soạn");
        byte[] document = "Nội dung công văn (bản Word)".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(trainee.putBytes("api/attempts/" + id + "/answers/" + practical + "/file?name=c%C3%B4ng-v%C4%83n.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document).status())
                .isEqualTo(204);
        assertThat(trainee.putBytes("api/attempts/" + id + "/answers/" + questionId(attempt, "Thủ đô") + "/file?name=a.txt",
                "text/plain", document).status()).as("a file only for a practical question").isEqualTo(422);
        assertThat(trainee.putBytes("api/attempts/" + id + "/answers/" + practical + "/file?name=big.pdf",
                "application/pdf", new byte[100_001]).status()).as("over the size limit").isEqualTo(422);
        assertThat(trainee(p, "T2").get("api/attempts/" + id + "/answers/" + practical + "/file").status())
                .as("another trainee's file").isEqualTo(404);
        Api.Reply resumed = trainee.post("api/assessments/EXF-2026/attempts", "application/json", "");
        assertThat(resumed.status()).as("a second start resumes").isEqualTo(200);
        assertThat(resumed.json().getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(resumed.json().getJsonArray("questions")).isEqualTo(attempt.getJsonArray("questions"));
        assertThat(resumed.json().getJsonArray("answers")).hasSize(7);

        JsonObject result = trainee.post("api/attempts/" + id + "/submit", "application/json", "").json();
        assertThat(result.getString("status")).isEqualTo("AWAITING_GRADING");
        assertThat(result.getJsonNumber("maxScore").doubleValue()).isEqualTo(16);
        assertThat(result.isNull("passed")).isTrue();
        assertThat(trainee.post("api/attempts/" + id + "/submit", "application/json", "").json())
                .as("submitting twice gives the same result").isEqualTo(result);
        assertThat(trainee.put("api/attempts/" + id + "/answers/" + questionId(attempt, "Thủ đô"), "{\"selected\": [1]}")
                .status()).as("no answer after the submission").isEqualTo(409);
        assertThat(trainee.post("api/assessments/EXF-2026/attempts", "application/json", "").status())
                .as("no attempts left").isEqualTo(409);

        List<JsonObject> queue = instructor.get("api/grading/queue").array().getValuesAs(JsonObject.class);
        JsonObject pending = queue.stream().filter(q -> q.getJsonNumber("attemptId").longValue() == id)
                .findFirst().orElseThrow();
        assertThat(pending.getString("assessment")).isEqualTo("EXF-2026");
        assertThat(pending.getString("text")).startsWith("Kính gửi");
        assertThat(pending.getJsonNumber("maxPoints").doubleValue()).isEqualTo(10);
        assertThat(pending.getJsonObject("file").getString("name")).isEqualTo("công-văn.docx");
        Api.Reply download = instructor.get(pending.getJsonObject("file").getString("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/vnd.openxmlformats");
        assertThat(download.body()).isEqualTo("Nội dung công văn (bản Word)");
        assertThat(Api.as(base, "other-exf", "teach-pass-1").get("api/grading/queue").array())
                .as("another instructor's queue").isEmpty();
        long essay = pending.getJsonNumber("questionId").longValue();
        assertThat(instructor.put("api/attempts/" + id + "/grades/" + essay, "{\"points\": 11}").status())
                .as("more than the question is worth").isEqualTo(422);

        JsonObject graded = instructor.put("api/attempts/" + id + "/grades/" + essay,
                "{\"points\": 8, \"comment\": \"Đúng thể thức\", \"version\": " + pending.getInt("version") + "}").json();
        assertThat(graded.getString("status")).isEqualTo("GRADED");
        assertThat(graded.getJsonNumber("score").doubleValue()).isEqualTo(14);
        assertThat(graded.getJsonNumber("percent").doubleValue()).isEqualTo(87.5);
        assertThat(graded.getBoolean("passed")).isTrue();
        assertThat(admin.put("api/attempts/" + id + "/grades/" + essay,
                "{\"points\": 2, \"version\": " + pending.getInt("version") + "}").status())
                .as("a grade from a stale read loses").isEqualTo(409);

        JsonObject seen = trainee.get("api/attempts/" + id).json();
        assertThat(seen.getJsonObject("result").getBoolean("passed")).isTrue();
        assertThat(instructor.get("api/assessments/EXF-2026/results").array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(line -> {
                    assertThat(line.getString("employeeCode")).isEqualTo("EXF-T1");
                    assertThat(line.getJsonNumber("percent").doubleValue()).isEqualTo(87.5);
                    assertThat(line.getBoolean("passed")).isTrue();
                });
        assertThat(instructor.get("api/assessments/EXF-2026/results?format=csv").body())
                .startsWith("\uFEFFattempt_id,employee_code,full_name").contains("EXF-T1,Nguyễn Văn Một");
        Api.Reply workbook = instructor.get("api/assessments/EXF-2026/results?format=xlsx");
        assertThat(workbook.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(workbook.body()).startsWith("PK");
        assertThat(instructor.get("api/assessments/EXF-2026/results?format=pdf").status()).isEqualTo(422);
        assertThat(Api.as(base, "other-exf", "teach-pass-1").get("api/assessments/EXF-2026/results").status())
                .as("the gradebook of an assessment one does not grade").isEqualTo(404);
        List<JsonObject> certificates = trainee.get("api/certificates?employeeCode=EXF-T1").array()
                .getValuesAs(JsonObject.class);
        assertThat(certificates).singleElement().satisfies(c -> {
            assertThat(c.getString("programme")).isEqualTo("BASIC-IT");
            assertThat(c.getString("status")).isEqualTo("VALID");
        });
    }

    @Test
    void aTraineeSeesOnlyItsOwnAttemptsAndTheRulesOfAnAnswerHold() {
        String p = "EXI";
        province(p);
        assertThat(Api.admin(base).post("api/assessments", "application/json", assessment(p, "EXI-2026", "")).status())
                .isEqualTo(201);
        JsonObject attempt = trainee(p, "T1").post("api/assessments/EXI-2026/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        Api other = trainee(p, "T2");
        assertThat(other.get("api/attempts/" + id).status()).isEqualTo(404);
        assertThat(other.put("api/attempts/" + id + "/answers/" + questionId(attempt, "Thủ đô"), "{\"selected\": [1]}")
                .status()).isEqualTo(404);
        assertThat(other.post("api/attempts/" + id + "/submit", "application/json", "").status()).isEqualTo(404);
        assertThat(Api.as(base, "other-exi", "teach-pass-1").get("api/attempts/" + id).status())
                .as("an instructor who does not grade it").isEqualTo(404);
        assertThat(instructor(p).get("api/attempts/" + id).status()).isEqualTo(200);

        Api owner = trainee(p, "T1");
        long choice = questionId(attempt, "Thủ đô");
        Api.Reply twoOnSingle = owner.put("api/attempts/" + id + "/answers/" + choice, "{\"selected\": [1, 2]}");
        assertThat(twoOnSingle.status()).isEqualTo(422);
        assertThat(twoOnSingle.contentType()).startsWith("application/problem+json");
        assertThat(owner.put("api/attempts/" + id + "/answers/" + choice, "{\"selected\": [9]}").status()).isEqualTo(422);
        assertThat(owner.put("api/attempts/" + id + "/answers/" + choice, "{\"text\": \"Hà Nội\"}").status()).isEqualTo(422);
        assertThat(owner.put("api/attempts/" + id + "/answers/" + choice, "{\"selected\": ").status()).isEqualTo(400);
        assertThat(owner.put("api/attempts/" + id + "/answers/999999", "{\"selected\": [1]}").status()).isEqualTo(404);
        assertThat(instructor(p).post("api/assessments/EXI-2026/attempts", "application/json", "").status())
                .as("an instructor is not a trainee").isEqualTo(403);

        // A certifying exam draws from the category, so only the admin changes it.
        JsonObject reimported = Api.admin(base).post("api/question-banks/import", "text/plain", BANK.formatted(p)
                .replace("Thủ đô của Việt Nam là thành phố nào?", "Thành phố nào là thủ đô của Việt Nam?")).json();
        assertThat(reimported.getInt("updated")).isEqualTo(1);
        assertThat(reimported.getInt("unchanged")).isEqualTo(6);
        assertThat(owner.get("api/attempts/" + id).json().getJsonArray("questions").getValuesAs(JsonObject.class))
                .as("an attempt keeps the version it showed")
                .anyMatch(q -> q.getString("text").equals("Thủ đô của Việt Nam là thành phố nào?"));
        assertThat(other.post("api/assessments/EXI-2026/attempts", "application/json", "").json()
                .getJsonArray("questions").getValuesAs(JsonObject.class))
                .as("a new attempt draws the new version")
                .anyMatch(q -> q.getString("text").equals("Thành phố nào là thủ đô của Việt Nam?"))
                .noneMatch(q -> q.getString("text").startsWith("Thủ đô"));
        assertThat(instructor(p).get("api/question-banks/export?category=" + p + "-MC").body())
                .contains("Thành phố nào là thủ đô", "$CATEGORY: " + p + "-MC").doesNotContain("Thủ đô của");
    }

    @Test
    void concurrentAnswersToOneAttemptAreAllKept() throws Exception {
        String p = "EXC";
        province(p);
        assertThat(Api.admin(base).post("api/assessments", "application/json", assessment(p, "EXC-2026", "")).status())
                .isEqualTo(201);
        Api trainee = trainee(p, "T1");
        JsonObject attempt = trainee.post("api/assessments/EXC-2026/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(14);
        try {
            List<CompletableFuture<Integer>> saves = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (JsonObject question : questions(attempt)) {
                    saves.add(CompletableFuture.supplyAsync(() -> trainee.put("api/attempts/" + id + "/answers/"
                            + question.getJsonNumber("id"), rightAnswer(question)).status(), pool));
                }
            }
            assertThat(saves.stream().map(CompletableFuture::join)).containsOnly(204);
        } finally {
            pool.shutdownNow();
        }
        assertThat(trainee.post("api/attempts/" + id + "/submit", "application/json", "").json().getString("status"))
                .isEqualTo("AWAITING_GRADING");
        List<JsonObject> answers = instructor(p).get("api/attempts/" + id).json().getJsonArray("answers")
                .getValuesAs(JsonObject.class);
        assertThat(answers).hasSize(7);
        assertThat(answers.stream().filter(a -> !a.isNull("points")).mapToDouble(a -> a.getJsonNumber("points")
                .doubleValue()).sum()).as("every auto-graded answer counted").isEqualTo(6);
    }

    /** The exams a trainee's list shows, by code. */
    private static Map<String, JsonObject> exams(Api trainee) {
        return trainee.get("api/assessments").array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(exam -> exam.getString("code"), exam -> exam));
    }

    @Test
    void aTraineeListsItsExamsWithItsResultsButNotTheExamsOfAClassItIsNotIn() {
        String p = "EXL";
        Api admin = province(p);
        Api instructor = instructor(p);
        assertThat(admin.post("api/offerings", "application/json", """
                {"code": "EXL-LOP", "course": "IU01", "title": "Lớp IU01", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 5}""").status()).isEqualTo(201);
        assertThat(admin.post("api/offerings/EXL-LOP/enrolments", "application/json", "{\"employeeCode\": \"EXL-T2\"}")
                .status()).isEqualTo(201);
        assertThat(Api.admin(base).post("api/assessments", "application/json", assessment(p, "EXL-ALL", "")).status())
                .isEqualTo(201);
        assertThat(Api.admin(base).post("api/assessments", "application/json",
                assessment(p, "EXL-LOP-KT", ", \"offering\": \"EXL-LOP\"")).status()).isEqualTo(201);

        Api trainee = trainee(p, "T1");
        Map<String, JsonObject> listed = exams(trainee);
        assertThat(listed).containsKey("EXL-ALL").as("another class's exam").doesNotContainKey("EXL-LOP-KT");
        assertThat(listed.get("EXL-ALL").getBoolean("takeable")).isTrue();
        assertThat(listed.get("EXL-ALL").getJsonArray("attempts")).isEmpty();
        assertThat(exams(trainee(p, "T2"))).containsKeys("EXL-ALL", "EXL-LOP-KT");
        assertThat(instructor.get("api/assessments").status()).as("a list for trainees").isEqualTo(403);

        JsonObject attempt = trainee.post("api/assessments/EXL-ALL/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        JsonObject open = exams(trainee).get("EXL-ALL");
        assertThat(open.getBoolean("takeable")).as("the open attempt can be resumed").isTrue();
        assertThat(open.getJsonArray("attempts").getJsonObject(0).getString("status")).isEqualTo("OPEN");
        for (JsonObject question : questions(attempt)) {
            trainee.put("api/attempts/" + id + "/answers/" + question.getJsonNumber("id"), rightAnswer(question));
        }
        trainee.post("api/attempts/" + id + "/submit", "application/json", "");
        JsonObject sat = exams(trainee).get("EXL-ALL");
        assertThat(sat.getBoolean("takeable")).as("no attempt left").isFalse();
        JsonObject result = sat.getJsonArray("attempts").getJsonObject(0).getJsonObject("result");
        assertThat(result.getString("status")).isEqualTo("AWAITING_GRADING");
        assertThat(result.isNull("score")).as("no score before the practical part is graded").isTrue();
    }

    @Test
    void afterTheDeadlineNoAnswerIsStoredAndTheServerSubmitsTheAttempt() throws Exception {
        String p = "EXD";
        province(p);
        String closes = OffsetDateTime.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(Api.admin(base).post("api/assessments", "application/json",
                assessment(p, "EXD-2026", ", \"closesAt\": \"" + closes + "\"")).status()).isEqualTo(201);
        Api trainee = trainee(p, "T1");
        JsonObject attempt = trainee.post("api/assessments/EXD-2026/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        assertThat(OffsetDateTime.parse(attempt.getString("deadline"))).isEqualTo(OffsetDateTime.parse(closes));
        JsonObject capital = questions(attempt).stream().filter(q -> q.getString("text").startsWith("Thủ đô"))
                .findFirst().orElseThrow();
        assertThat(trainee.put("api/attempts/" + id + "/answers/" + capital.getJsonNumber("id"), rightAnswer(capital))
                .status()).isEqualTo(204);

        while (OffsetDateTime.now().isBefore(OffsetDateTime.parse(closes).plusSeconds(1))) {
            Thread.sleep(250);
        }
        JsonObject cpu = questions(attempt).stream().filter(q -> q.getString("text").startsWith("Viết tắt"))
                .findFirst().orElseThrow();
        assertThat(trainee.put("api/attempts/" + id + "/answers/" + cpu.getJsonNumber("id"), rightAnswer(cpu)).status())
                .as("past the deadline").isEqualTo(409);

        JsonObject seen = trainee.get("api/attempts/" + id).json();
        for (int wait = 0; wait < 40 && seen.getString("status").equals("OPEN"); wait++) {
            Thread.sleep(250);
            seen = trainee.get("api/attempts/" + id).json();
        }
        assertThat(seen.getString("status")).as("submitted by the server").isEqualTo("GRADED");
        assertThat(seen.getJsonObject("result").getJsonNumber("score").doubleValue())
                .as("the one answer saved in time, and the practical part left empty").isEqualTo(1);
        assertThat(seen.getJsonArray("answers").getValuesAs(JsonObject.class))
                .filteredOn(a -> a.getJsonNumber("questionId").longValue() == cpu.getJsonNumber("id").longValue())
                .singleElement().satisfies(a -> assertThat(a.isNull("text")).isTrue());
    }

    @Test
    void onExamDayTheRoomsCodeAndNetworkHoldExtraTimeIsGivenACutAttemptReopensAndTheReviewShowsTheKey()
            throws Exception {
        String p = "EXE";
        Api admin = province(p);
        String closes = OffsetDateTime.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(admin.post("api/assessments", "application/json", assessment(p, "EXE-2026",
                ", \"closesAt\": \"" + closes + "\", \"accessCode\": \"HOA-SEN-7\", \"review\": \"FULL\"")).status())
                .isEqualTo(201);
        assertThat(admin.post("api/assessments", "application/json", assessment(p, "EXE-ROOM",
                ", \"networks\": [\"203.0.113.0/24\"]")).status()).isEqualTo(201);
        assertThat(admin.post("api/assessments", "application/json", assessment(p, "EXE-BAD",
                ", \"networks\": [\"phòng 3\"]")).json().getString("detail")).contains("phòng 3");
        Api one = trainee(p, "T1");
        Api two = trainee(p, "T2");
        Api instructor = instructor(p);

        // The room: outside its network nobody starts, whatever X-Forwarded-For says from an untrusted client.
        assertThat(one.post("api/assessments/EXE-ROOM/attempts", "application/json", "").status()).isEqualTo(403);
        assertThat(trainee(p, "T1").with("X-Forwarded-For", "203.0.113.9")
                .post("api/assessments/EXE-ROOM/attempts", "application/json", "").status()).isEqualTo(403);

        // The code the invigilator reads out.
        assertThat(one.get("api/assessments/EXE-2026").json().getBoolean("accessCodeRequired")).isTrue();
        assertThat(one.post("api/assessments/EXE-2026/attempts", "application/json", "").status()).isEqualTo(403);
        Api.Reply wrong = one.post("api/assessments/EXE-2026/attempts", "application/json", "{\"accessCode\": \"HOA-SEN\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().getString("detail")).contains("Mã dự thi không đúng");
        JsonObject first = one.post("api/assessments/EXE-2026/attempts", "application/json",
                "{\"accessCode\": \" HOA-SEN-7 \"}").json();
        long firstId = first.getJsonNumber("id").longValue();
        assertThat(OffsetDateTime.parse(first.getString("deadline"))).isEqualTo(OffsetDateTime.parse(closes));
        JsonObject capital = questions(first).stream().filter(q -> q.getString("text").startsWith("Thủ đô"))
                .findFirst().orElseThrow();
        assertThat(one.put("api/attempts/" + firstId + "/answers/" + capital.getJsonNumber("id"), rightAnswer(capital))
                .status()).isEqualTo(204);

        // Extra time and an extra attempt for one official, by the assessment's instructor only, with a reason.
        String accommodation = "api/assessments/EXE-2026/accommodations/" + p + "-T2";
        String fiveMinutes = "{\"extraMinutes\": 5, \"extraAttempts\": 1, \"reason\": \"Khiếm thị, cần đọc to\"}";
        assertThat(Api.as(base, "other-exe", "teach-pass-1").put(accommodation, fiveMinutes).status()).isEqualTo(404);
        assertThat(two.put(accommodation, fiveMinutes).status()).isEqualTo(403);
        assertThat(instructor.put(accommodation, "{\"extraMinutes\": 5}").json().getString("detail"))
                .contains("lý do");
        assertThat(instructor.put(accommodation, "{\"extraMinutes\": -1, \"reason\": \"x\"}").status()).isEqualTo(422);
        assertThat(instructor.put(accommodation, fiveMinutes).status()).isEqualTo(204);
        JsonObject second = two.post("api/assessments/EXE-2026/attempts", "application/json",
                "{\"accessCode\": \"HOA-SEN-7\"}").json();
        assertThat(OffsetDateTime.parse(second.getString("deadline")))
                .isEqualTo(OffsetDateTime.parse(closes).plusMinutes(5));
        assertThat(admin.get("api/audit?action=ACCOMMODATION_SET").json().getJsonArray("items").toString())
                .contains(p + "-T2", "Khiếm thị");

        // The invigilator's view: who started, how far, when last saved.
        List<JsonObject> live = instructor.get("api/assessments/EXE-2026/live").array()
                .getValuesAs(JsonObject.class);
        assertThat(live).extracting(l -> l.getString("employeeCode")).containsExactly(p + "-T1", p + "-T2");
        assertThat(live.get(0).getInt("answered")).isEqualTo(1);
        assertThat(live.get(0).getInt("questions")).isEqualTo(7);
        assertThat(live.get(0).isNull("lastSavedAt")).isFalse();
        assertThat(live.get(1).getInt("answered")).isZero();
        assertThat(Api.as(base, "other-exe", "teach-pass-1").get("api/assessments/EXE-2026/live").status())
                .isEqualTo(404);
        assertThat(one.get("api/assessments/EXE-2026/live").status()).isEqualTo(403);

        // The power fails: the server closes the first attempt at its deadline; the invigilator reopens it.
        while (OffsetDateTime.now().isBefore(OffsetDateTime.parse(closes).plusSeconds(1))) {
            Thread.sleep(250);
        }
        JsonObject closed = one.get("api/attempts/" + firstId).json();
        for (int wait = 0; wait < 40 && closed.getString("status").equals("OPEN"); wait++) {
            Thread.sleep(250);
            closed = one.get("api/attempts/" + firstId).json();
        }
        assertThat(closed.getString("status")).isEqualTo("GRADED");
        assertThat(instructor.post("api/attempts/" + firstId + "/reopen", "application/json",
                "{\"minutes\": 10}").status()).isEqualTo(422);
        JsonObject reopened = instructor.post("api/attempts/" + firstId + "/reopen", "application/json",
                "{\"minutes\": 10, \"reason\": \"Mất điện lúc 9 giờ 15\"}").json();
        assertThat(reopened.getString("status")).isEqualTo("OPEN");
        assertThat(OffsetDateTime.parse(reopened.getString("deadline")))
                .isBetween(OffsetDateTime.now().plusMinutes(9), OffsetDateTime.now().plusMinutes(11));
        assertThat(reopened.getJsonArray("answers")).as("the answer kept stays").hasSize(1);
        JsonObject cpu = questions(first).stream().filter(q -> q.getString("text").startsWith("Viết tắt"))
                .findFirst().orElseThrow();
        assertThat(one.put("api/attempts/" + firstId + "/answers/" + cpu.getJsonNumber("id"), rightAnswer(cpu))
                .status()).isEqualTo(204);
        JsonObject result = one.post("api/attempts/" + firstId + "/submit", "application/json", "").json();
        assertThat(result.getJsonNumber("score").doubleValue()).isEqualTo(2);
        assertThat(instructor.post("api/attempts/" + firstId + "/reopen", "application/json",
                "{\"minutes\": 10, \"reason\": \"lại mất điện\"}").status())
                .as("submitted by the trainee this time").isEqualTo(409);

        // The window has closed: review shows each answer's points, whether it was right and the bank's feedback.
        List<JsonObject> reviewed = one.get("api/attempts/" + firstId).json().getJsonArray("answers")
                .getValuesAs(JsonObject.class);
        JsonObject capitalAnswer = reviewed.stream()
                .filter(a -> a.getJsonNumber("questionId").longValue() == capital.getJsonNumber("id").longValue())
                .findFirst().orElseThrow();
        assertThat(capitalAnswer.getJsonNumber("points").doubleValue()).isEqualTo(1);
        assertThat(capitalAnswer.getBoolean("correct")).isTrue();
        assertThat(capitalAnswer.getString("feedback")).isEqualTo("Đúng");
    }

    @Test
    void twoInstructorsGradingAtOnceNeverOverwriteEachOther() throws Exception {
        String p = "EXG";
        Api admin = province(p);
        assertThat(Api.admin(base).post("api/assessments", "application/json", assessment(p, "EXG-2026", "")).status())
                .isEqualTo(201);
        Api trainee = trainee(p, "T1");
        JsonObject attempt = trainee.post("api/assessments/EXG-2026/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        long essay = questionId(attempt, "Soạn");
        trainee.put("api/attempts/" + id + "/answers/" + essay, "{\"text\": \"Bài làm\"}");
        trainee.post("api/attempts/" + id + "/submit", "application/json", "");

        int version = instructor(p).get("api/grading/queue").array().getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getJsonNumber("attemptId").longValue() == id).findFirst().orElseThrow().getInt("version");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> instructor(p).put("api/attempts/" + id
                    + "/grades/" + essay, "{\"points\": 9, \"version\": " + version + "}").status(), pool);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> admin.put("api/attempts/" + id
                    + "/grades/" + essay, "{\"points\": 3, \"version\": " + version + "}").status(), pool);
            assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.put("api/attempts/" + id + "/grades/" + essay, "{\"points\": 5}").status())
                .as("grading again without the version read").isEqualTo(409);
        JsonObject graded = admin.get("api/attempts/" + id).json().getJsonArray("answers").getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getJsonNumber("questionId").longValue() == essay).findFirst().orElseThrow();
        assertThat(admin.put("api/attempts/" + id + "/grades/" + essay,
                "{\"points\": 5, \"version\": " + graded.getInt("version") + "}").status())
                .as("grading again with the version read from the attempt").isEqualTo(200);
        assertThat(trainee.get("api/attempts/" + id).body()).as("a trainee sees no score per question")
                .doesNotContain("\"points\":5", "\"version\"");
    }

    @Test
    void aCorrectedKeyRegradesEveryAttemptAndTakesBackTheCertificate() {
        String p = "EXR";
        province(p);
        Api instructor = instructor(p);
        Api admin = Api.admin(base);
        assertThat(admin.post("api/assessments", "application/json", """
                {"code": "EXR-2026", "title": "Kiểm tra nhanh", "programme": "BASIC-IT", "timeLimitMinutes": 10,
                 "passPercent": 100, "maxAttempts": 1, "certifies": true, "instructors": ["ins-exr"],
                 "sections": [{"category": "EXR-MC", "count": 6}]}""").status()).isEqualTo(201);
        Api trainee = trainee(p, "T1");
        JsonObject attempt = trainee.post("api/assessments/EXR-2026/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        for (JsonObject question : questions(attempt)) {
            trainee.put("api/attempts/" + id + "/answers/" + question.getJsonNumber("id"), rightAnswer(question));
        }
        assertThat(trainee.post("api/attempts/" + id + "/submit", "application/json", "").json().getBoolean("passed"))
                .isTrue();
        assertThat(trainee.get("api/certificates?employeeCode=EXR-T1").array()).hasSize(1);

        long capital = questionId(attempt, "Thủ đô");
        Api other = Api.as(base, "other-exr", "teach-pass-1");
        assertThat(other.put("api/question-banks/questions/" + capital, "text/plain",
                "::EXR-1:: Thủ đô của Việt Nam là thành phố nào? {~Hà Nội ~Huế ~Đà Nẵng =Cần Thơ}").status())
                .as("an instructor who grades no exam drawing from the category").isEqualTo(403);
        assertThat(other.post("api/question-banks/import", "text/plain", BANK.formatted(p)).status())
                .as("nor imports into it").isEqualTo(403);
        assertThat(instructor.put("api/question-banks/questions/" + capital, "text/plain",
                "::EXR-1:: Thủ đô của Việt Nam là thành phố nào? {~Hà Nội =Huế ~Đà Nẵng ~Cần Thơ}").status())
                .as("the owner neither, once a certifying exam draws from it").isEqualTo(403);
        assertThat(admin.put("api/question-banks/questions/" + capital, "text/plain",
                "::EXR-1:: Thủ đô của Việt Nam là thành phố nào? {~Hà Nội =Huế ~Đà Nẵng ~Cần Thơ}").status())
                .isEqualTo(200);
        assertThat(admin.put("api/question-banks/questions/" + capital, "text/plain",
                "::EXR-1:: Thủ đô là gì? {=Hà Nội ~Huế}").status()).as("a new wording is not a key correction")
                .isEqualTo(422);
        assertThat(instructor.post("api/assessments/EXR-2026/regrade", "application/json", "").status())
                .as("only the admin regrades a certifying exam").isEqualTo(403);
        JsonObject regrade = admin.post("api/assessments/EXR-2026/regrade", "application/json", "").json();
        assertThat(regrade.getInt("attempts")).isEqualTo(1);
        assertThat(regrade.getInt("changed")).isEqualTo(1);
        assertThat(regrade.getInt("certificatesRevoked")).isEqualTo(1);
        JsonObject result = trainee.get("api/attempts/" + id).json().getJsonObject("result");
        assertThat(result.getJsonNumber("score").doubleValue()).isEqualTo(5);
        assertThat(result.getBoolean("passed")).isFalse();
        assertThat(trainee.get("api/certificates?employeeCode=EXR-T1").array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(c -> assertThat(c.getString("status")).isEqualTo("REVOKED"));

        Api.Reply analysis = instructor.get("api/assessments/EXR-2026/item-analysis");
        assertThat(analysis.status()).isEqualTo(200);
        assertThat(analysis.body()).startsWith("\uFEFFquestion_id,category,title,type,revision,answered,"
                + "facility_percent,discrimination_percent");
        assertThat(analysis.body().lines()).hasSize(7).anySatisfy(line -> assertThat(line).contains("EXR-1", ",0.0,"));
        assertThat(instructor.get("api/assessments/EXR-2026/item-analysis?format=xlsx").body()).startsWith("PK");
    }

    @Test
    void aBrokenBankIsRejectedWholeWithEveryLineAndAikenIsAccepted() {
        Api admin = Api.admin(base);
        Api.Reply rejected = admin.post("api/question-banks/import", "text/plain", """
                $CATEGORY: BROKEN

                ::B1:: Câu tốt {=a ~b}

                ::B2:: Khối đáp án chưa đóng {=a ~b

                ::B3:: Trọng số sai {~%50%a ~%20%b}
                """);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getInt("line")).containsExactly(5, 7);
        assertThat(rejected.json().getJsonArray("errors").getJsonObject(1).getString("message")).contains("70");
        assertThat(admin.get("api/question-banks").json().containsKey("BROKEN")).as("nothing written").isFalse();

        Api.Reply aiken = admin.post("api/question-banks/import?format=aiken&category=AIKEN-1", "text/plain", """
                Đơn vị nhỏ nhất của thông tin là gì?
                A. Byte
                B. Bit
                ANSWER: B
                """);
        assertThat(aiken.status()).as(aiken.toString()).isEqualTo(200);
        assertThat(admin.get("api/question-banks/export?category=AIKEN-1").body())
                .contains("$CATEGORY: AIKEN-1", "=Bit");
        assertThat(admin.get("api/question-banks").json().getJsonNumber("IU01").longValue())
                .as("the banks shipped in content/ are loaded at start").isGreaterThanOrEqualTo(30);
        assertThat(admin.post("api/question-banks/import?format=word", "text/plain", "x").status()).isEqualTo(422);
        assertThat(Api.anonymous(base).post("api/question-banks/import", "text/plain", "x {T}").status()).isEqualTo(401);
    }

    /** A Moodle XML bank with a picture comes in, goes out as Moodle XML whole, and as GIFT without the picture, said so. */
    @Test
    void aMoodleXmlBankWithAPictureMovesInAndOut() {
        String p = "EXM";
        province(p);
        Api instructor = instructor(p);
        String png = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="category"><category><text>$course$/top/CAT-XML</text></category></question>
                  <question type="multichoice">
                    <name><text>Nút in</text></name>
                    <questiontext format="html">
                      <text><![CDATA[<p>Nút nào để <b>in</b>?</p><img src="@@PLUGINFILE@@/hinh.png">]]></text>
                      <file name="hinh.png" path="/" encoding="base64">PNG</file>
                    </questiontext>
                    <single>true</single>
                    <answer fraction="100"><text>In</text></answer>
                    <answer fraction="0"><text>Lưu</text></answer>
                  </question>
                  <question type="truefalse">
                    <name><text>Đ-S</text></name>
                    <questiontext format="html"><text>Ctrl+P để in.</text></questiontext>
                    <answer fraction="100"><text>true</text></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                </quiz>
                """.replace("CAT", p).replace(">PNG<", ">" + png + "<");
        Api.Reply imported = instructor.post("api/question-banks/import?format=moodlexml", "application/xml", xml);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getInt("created")).isEqualTo(2);

        Api.Reply moodle = instructor.get("api/question-banks/export?format=moodlexml&category=" + p + "-XML");
        assertThat(moodle.status()).isEqualTo(200);
        assertThat(moodle.contentType()).startsWith("application/xml");
        assertThat(moodle.header("Content-Disposition")).contains(p + "-XML.xml");
        assertThat(moodle.header("X-LMS-Left-Out")).isEqualTo("0");
        assertThat(moodle.body()).contains("@@PLUGINFILE@@/hinh.png", "<file name=\"hinh.png\"", png, "Nút nào để in?");

        Api.Reply gift = instructor.get("api/question-banks/export?category=" + p + "-XML");
        assertThat(gift.header("Content-Disposition")).contains(p + "-XML.gift");
        assertThat(gift.header("X-LMS-Left-Out")).as("GIFT carries no picture").isEqualTo("1");
        assertThat(gift.body()).contains("$CATEGORY: " + p + "-XML", "::Nút in::");

        JsonObject again = instructor.post("api/question-banks/import?format=moodlexml", "text/xml", moodle.body()).json();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(2);

        Api.Reply cloze = instructor.post("api/question-banks/import?format=moodlexml", "application/xml",
                "<quiz>\n<question type=\"multianswer\"><name><text>Điền</text></name></question></quiz>");
        assertThat(cloze.status()).isEqualTo(422);
        assertThat(cloze.json().getJsonArray("errors").getJsonObject(0).getInt("line")).isEqualTo(2);
        assertThat(cloze.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("multianswer", "Điền");
        assertThat(instructor.get("api/question-banks/export?format=aiken").status()).isEqualTo(422);

        Api.Reply qti = instructor.get("api/question-banks/export?format=qti&category=" + p + "-XML");
        assertThat(qti.status()).isEqualTo(200);
        assertThat(qti.contentType()).startsWith("application/zip");
        assertThat(qti.header("Content-Disposition")).contains(p + "-XML.zip");
        byte[] qtiPackage = org.civicit.lms.assessment.gift.QtiPackage.write(
                org.civicit.lms.assessment.gift.GiftParser.parse("$CATEGORY: " + p + "-QTI\n\n::Q1:: Phím in? {=Ctrl+P ~Ctrl+S}"
                        + "\n\n::Q2:: Ghi chú {}")).content();
        Api.Reply fromQti = instructor.postBytes("api/question-banks/import?format=qti&category=" + p + "-QTI",
                "application/zip", qtiPackage);
        assertThat(fromQti.status()).as(fromQti.toString()).isEqualTo(200);
        assertThat(fromQti.json().getJsonObject("categories").getInt(p + "-QTI")).isEqualTo(2);
        assertThat(instructor.postBytes("api/question-banks/import?format=qti", "application/zip",
                new byte[] {1, 2, 3}).status()).as("not a zip").isEqualTo(422);

        // The picture reaches the trainee whose paper shows its question, and no one else.
        assertThat(Api.admin(base).post("api/assessments", "application/json", """
                {"code": "%1$s-PIC", "title": "Hình", "programme": "BASIC-IT", "timeLimitMinutes": 30, "passPercent": 50, "maxAttempts": 1,
                 "instructors": ["ins-%2$s"], "sections": [{"category": "%1$s-XML", "count": 2}]}
                """.formatted(p, p.toLowerCase())).status()).isEqualTo(201);
        JsonObject attempt = trainee(p, "T1").post("api/assessments/" + p + "-PIC/attempts", "application/json", "{}")
                .json();
        JsonObject pictured = questions(attempt).stream().filter(q -> q.containsKey("pictures")).findFirst()
                .orElseThrow();
        JsonObject picture = pictured.getJsonArray("pictures").getJsonObject(0);
        assertThat(picture.getString("name")).isEqualTo("hinh.png");
        String url = "api/attempts/" + attempt.getJsonNumber("id").longValue() + "/pictures/"
                + picture.getString("sha256");
        Api.Reply shown = trainee(p, "T1").get(url);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.contentType()).isEqualTo("image/png");
        assertThat(shown.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(instructor.get(url).status()).as("its grader").isEqualTo(200);
        assertThat(trainee(p, "T2").get(url).status()).as("another trainee").isEqualTo(404);
        assertThat(Api.anonymous(base).get(url).status()).isEqualTo(401);
        assertThat(trainee(p, "T1").get("api/attempts/" + attempt.getJsonNumber("id").longValue() + "/pictures/"
                + "0".repeat(64)).status()).as("a picture of no question of the paper").isEqualTo(404);
    }
}
