package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may make a certificate mean something: only the admin creates and changes a certifying
 * exam, at no less than the programme's minimum; a category's keys are its owners' to read
 * and change, never while their own attempt draws from it; an empty attempt never passes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertifyRulesIT {

    private static final String BANK = """
            $CATEGORY: %1$s-MC

            ::%1$s-1:: Thủ đô của Việt Nam là thành phố nào? {=Hà Nội ~Huế ~Đà Nẵng}

            ::%1$s-2:: Một byte có tám bit. {T}

            ::%1$s-3:: 1 KB bằng bao nhiêu byte? {#1024}
            """;


    @ArquillianResource
    URL base;

    /**
     * A commune with a trainee, the instructor {@code ins-p} who owns the category
     * {@code p-MC}, and another instructor {@code other-p}.
     */
    private Api province(String p) {
        Api admin = Api.admin(base);
        assertThat(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                %1$s-X,Ủy ban nhân dân xã,COMMUNE,STATE,
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                %1$s-T1,Nguyễn Văn Một,%1$s-X,STAFF
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.put("api/officials/" + p + "-T1/password", "{\"password\": \"exam-pass-1\"}").status())
                .isEqualTo(204);
        for (String instructor : List.of("ins-" + p.toLowerCase(), "other-" + p.toLowerCase())) {
            assertThat(admin.put("api/accounts/" + instructor,
                    "{\"password\": \"teach-pass-1\", \"roles\": [\"INSTRUCTOR\"]}").status()).isIn(200, 201);
        }
        Api.Reply imported = owner(p).post("api/question-banks/import", "text/plain", BANK.formatted(p));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        return admin;
    }

    private Api owner(String p) {
        return Api.as(base, "ins-" + p.toLowerCase(), "teach-pass-1");
    }

    private Api other(String p) {
        return Api.as(base, "other-" + p.toLowerCase(), "teach-pass-1");
    }

    private Api trainee(String p) {
        return Api.as(base, p + "-T1", "exam-pass-1");
    }

    private static String assessment(String p, String code, boolean certifies, double passPercent, String extra) {
        return """
                {"code": "%2$s", "title": "Kiểm tra %2$s", "programme": "BASIC-IT", "timeLimitMinutes": 30,
                 "passPercent": %4$s, "maxAttempts": 2, "certifies": %3$s %5$s}
                """.formatted(p, code, certifies, passPercent, extra.isEmpty()
                        ? ", \"sections\": [{\"category\": \"" + p + "-MC\", \"count\": 3}]" : extra);
    }

    private static long firstQuestion(JsonObject attempt) {
        return attempt.getJsonArray("questions").getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** An answer of the right shape, right or wrong. */
    private static String anyAnswer(JsonObject question) {
        return question.containsKey("options") && !question.getJsonArray("options").isEmpty()
                ? "{\"selected\": [" + question.getJsonArray("options").getJsonObject(0).getInt("id") + "]}"
                : "{\"text\": \"1000\"}";
    }

    @Test
    void onlyTheAdminCreatesACertifyingExamAndNeverBelowTheProgrammesMinimum() {
        String p = "CRA";
        Api admin = province(p);
        Api.Reply forged = owner(p).post("api/assessments", "application/json", assessment(p, "CRA-0", true, 0, ""));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.json().getString("detail")).contains("certifies");
        assertThat(owner(p).post("api/assessments", "application/json", assessment(p, "CRA-50", true, 50, ""))
                .status()).as("whatever the mark").isEqualTo(403);
        assertThat(owner(p).get("api/assessments/CRA-0").status()).isEqualTo(404);

        Api.Reply low = admin.post("api/assessments", "application/json", assessment(p, "CRA-0", true, 0, ""));
        assertThat(low.status()).as(low.toString()).isEqualTo(422);
        assertThat(low.json().getString("detail")).contains("0%", "50%", "BASIC-IT");
        Api.Reply lowPart = admin.with("Accept-Language", "en").post("api/assessments", "application/json",
                assessment(p, "CRA-P", true, 60, ", \"sections\": [{\"category\": \"" + p
                        + "-MC\", \"count\": 3, \"passPercent\": 20}]"));
        assertThat(lowPart.status()).as(lowPart.toString()).isEqualTo(422);
        assertThat(lowPart.json().getString("detail")).contains("CRA-MC", "20%", "50%");
        assertThat(admin.post("api/assessments", "application/json", assessment(p, "CRA-OK", true, 50, "")).status())
                .isEqualTo(201);
        assertThat(owner(p).post("api/assessments", "application/json", assessment(p, "CRA-OWN", false, 0, ""))
                .status()).as("an instructor's own exam that does not certify").isEqualTo(201);
    }

    @Test
    void anAttemptWithNoAnswerNeverPasses() {
        String p = "CRE";
        province(p);
        assertThat(owner(p).post("api/assessments", "application/json", assessment(p, "CRE-0", false, 0, "")).status())
                .isEqualTo(201);
        Api trainee = trainee(p);
        JsonObject attempt = trainee.post("api/assessments/CRE-0/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        JsonObject result = trainee.post("api/attempts/" + id + "/submit", "application/json", "").json();
        assertThat(result.getString("status")).isEqualTo("GRADED");
        assertThat(result.getBoolean("passed")).as("no answer, whatever the pass mark").isFalse();

        JsonObject second = trainee.post("api/assessments/CRE-0/attempts", "application/json", "").json();
        long secondId = second.getJsonNumber("id").longValue();
        JsonObject question = second.getJsonArray("questions").getJsonObject(0);
        assertThat(trainee.put("api/attempts/" + secondId + "/answers/" + question.getJsonNumber("id"),
                anyAnswer(question)).status()).isEqualTo(204);
        assertThat(trainee.post("api/attempts/" + secondId + "/submit", "application/json", "").json()
                .getBoolean("passed")).as("an answer, even wrong, meets a mark of 0").isTrue();
        assertThat(trainee.get("api/certificates?employeeCode=CRE-T1").array()).isEmpty();
    }

    @Test
    void anInstructorCannotChangeTheKeyOfAnothersCategoryThatALiveExamUses() {
        String p = "CRK";
        Api admin = province(p);
        assertThat(admin.post("api/assessments", "application/json",
                assessment(p, "CRK-LIVE", true, 50, "")).status()).isEqualTo(201);
        Api other = other(p);
        assertThat(other.post("api/assessments", "application/json", assessment(p, "CRK-OTHER", false, 50, ""))
                .status()).as("others may draw the questions into their own exam").isEqualTo(201);
        JsonObject attempt = trainee(p).post("api/assessments/CRK-LIVE/attempts", "application/json", "").json();
        long question = firstQuestion(attempt);
        String gift = admin.get("api/question-banks/questions/" + question).json().getString("gift");

        Api.Reply changed = other.put("api/question-banks/questions/" + question, "text/plain", gift);
        assertThat(changed.status()).as("grading an exam that draws from it gives no right to the key: " + changed)
                .isEqualTo(403);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(other.post("api/question-banks/import", "text/plain", BANK.formatted(p)).status())
                .as("nor imports into it").isEqualTo(403);
        assertThat(other.post("api/assessments/CRK-LIVE/regrade", "application/json", "").status()).isIn(403, 404);
        assertThat(owner(p).put("api/question-banks/questions/" + question, "text/plain", gift).status())
                .as("its owner neither, while a certifying exam draws from it").isEqualTo(403);
        assertThat(admin.put("api/question-banks/questions/" + question, "text/plain", gift).status()).isEqualTo(200);
    }

    @Test
    void anInstructorChangesItsOwnCategoryAndTheAdminAddsOwners() {
        String p = "CRO";
        Api admin = province(p);
        assertThat(owner(p).post("api/question-banks/import", "text/plain", BANK.formatted(p)).status())
                .isEqualTo(200);
        assertThat(other(p).post("api/question-banks/import", "text/plain", BANK.formatted(p)).status())
                .isEqualTo(403);
        assertThat(other(p).put("api/question-banks/categories/CRO-MC/owners/other-cro", "").status())
                .isEqualTo(403);
        assertThat(admin.put("api/question-banks/categories/CRO-MC/owners/nobody-cro", "").status()).isEqualTo(422);
        assertThat(admin.put("api/question-banks/categories/CRO-NONE/owners/other-cro", "").status()).isEqualTo(404);
        assertThat(admin.put("api/question-banks/categories/CRO-MC/owners/other-cro", "").status()).isEqualTo(204);
        assertThat(other(p).post("api/question-banks/import", "text/plain", BANK.formatted(p)).status())
                .isEqualTo(200);
        assertThat(other(p).get("api/question-banks/export?category=CRO-MC").status()).isEqualTo(200);
    }

    @Test
    void keysAreReadByTheirOwnersOnlyAndNotDuringTheirOwnAttempt() {
        String p = "CRX";
        Api admin = province(p);
        Api other = other(p);
        Api.Reply stolen = other.get("api/question-banks/export?category=CRX-MC");
        assertThat(stolen.status()).as(stolen.toString()).isEqualTo(403);
        assertThat(stolen.body()).doesNotContain("Hà Nội");
        assertThat(other.get("api/question-banks/export").body()).as("the export of all leaves it out")
                .doesNotContain("CRX-MC", "Hà Nội");
        Api.Reply own = owner(p).get("api/question-banks/export?category=CRX-MC");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("=Hà Nội");

        // An official who is both trainee and instructor, with a category of its own.
        assertThat(admin.put("api/accounts/CRX-T1",
                "{\"password\": \"exam-pass-1\", \"roles\": [\"TRAINEE\", \"INSTRUCTOR\"]}").status()).isIn(200, 201);
        Api both = trainee(p);
        assertThat(both.post("api/question-banks/import", "text/plain", BANK.formatted("CRX-SELF")).status())
                .isEqualTo(200);
        assertThat(both.get("api/question-banks/export?category=CRX-SELF-MC").status()).isEqualTo(200);
        assertThat(admin.post("api/assessments", "application/json", assessment("CRX-SELF", "CRX-EXAM", true, 50, ""))
                .status()).isEqualTo(201);
        JsonObject attempt = both.post("api/assessments/CRX-EXAM/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        Api.Reply during = both.get("api/question-banks/export?category=CRX-SELF-MC");
        assertThat(during.status()).as("not while its own attempt drawing from it is open: " + during).isEqualTo(403);
        assertThat(during.body()).doesNotContain("Hà Nội");
        assertThat(both.get("api/question-banks/questions/" + firstQuestion(attempt)).status()).isEqualTo(403);
        assertThat(both.get("api/question-banks/export").body()).doesNotContain("Hà Nội");

        both.post("api/attempts/" + id + "/submit", "application/json", "");
        assertThat(both.get("api/question-banks/export?category=CRX-SELF-MC").status()).as("once handed in")
                .isEqualTo(200);
    }
}
