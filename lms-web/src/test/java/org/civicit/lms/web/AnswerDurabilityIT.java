package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * An answer acknowledged is an answer kept: the server is killed (SIGKILL, no shutdown
 * of any kind) right after the last answer is acknowledged, started again on the same
 * embedded database, and every answer is there.
 */
class AnswerDurabilityIT {

    private static final String PASSWORD = "kill-admin-password";
    private static final int QUESTIONS = 40;

    @Test
    void everyAcknowledgedAnswerSurvivesAKilledServer() throws Exception {
        Path data = Files.createDirectories(Path.of(System.getProperty("lms.it.workDir"), "answer-durability"))
                .resolve("data");
        Map<String, String> environment = Map.of("LMS_ADMIN_PASSWORD", PASSWORD);
        long attemptId;
        Map<Long, String> acknowledged = new LinkedHashMap<>();
        try (LmsProcess server = new LmsProcess(data, environment)) {
            server.awaitReady();
            Api admin = Api.as(server.base(), "admin", PASSWORD);
            admin.csv("api/agencies/import", "code,name,level,sector\nKILL-X,Ủy ban nhân dân xã,COMMUNE,STATE\n");
            admin.csv("api/officials/import",
                    "employee_code,full_name,agency_code,position\nKILL-1,Nguyễn Văn Bền,KILL-X,STAFF\n");
            admin.put("api/officials/KILL-1/password", "{\"password\": \"kill-pass-1\"}");
            StringBuilder bank = new StringBuilder("$CATEGORY: KILL\n\n");
            for (int i = 1; i <= QUESTIONS; i++) {
                bank.append("::K").append(i).append(":: Câu hỏi số ").append(i).append(" {=đáp án ").append(i).append("}\n\n");
            }
            assertThat(admin.post("api/question-banks/import", "text/plain", bank.toString()).status()).isEqualTo(200);
            assertThat(admin.post("api/assessments", "application/json", """
                    {"code": "KILL-1", "title": "Bền vững", "programme": "BASIC-IT", "timeLimitMinutes": 60,
                     "passPercent": 50, "maxAttempts": 1, "sections": [{"category": "KILL", "count": %d}]}
                    """.formatted(QUESTIONS)).status()).isEqualTo(201);

            Api trainee = Api.as(server.base(), "KILL-1", "kill-pass-1");
            JsonObject attempt = trainee.post("api/assessments/KILL-1/attempts", "application/json", "").json();
            attemptId = attempt.getJsonNumber("id").longValue();
            for (JsonObject question : attempt.getJsonArray("questions").getValuesAs(JsonObject.class)) {
                long id = question.getJsonNumber("id").longValue();
                String text = "trả lời " + id;
                assertThat(trainee.put("api/attempts/" + attemptId + "/answers/" + id, "{\"text\": \"" + text + "\"}")
                        .status()).isEqualTo(204);
                acknowledged.put(id, text);
            }
            server.process.descendants().forEach(ProcessHandle::destroyForcibly);
            server.process.destroyForcibly();
            assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (LmsProcess again = new LmsProcess(data, environment)) {
            again.awaitReady();
            JsonObject attempt = Api.as(again.base(), "KILL-1", "kill-pass-1").get("api/attempts/" + attemptId).json();
            Map<Long, String> kept = new LinkedHashMap<>();
            for (JsonObject answer : attempt.getJsonArray("answers").getValuesAs(JsonObject.class)) {
                kept.put(answer.getJsonNumber("questionId").longValue(), answer.getString("text"));
            }
            assertThat(kept).isEqualTo(acknowledged);
            assertThat(attempt.getString("status")).isEqualTo("OPEN");
            again.stop();
        }
    }
}
