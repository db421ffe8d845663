package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log end to end: what people do shows up in {@code /api/audit} with who, when, where and what. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {


    @ArquillianResource
    URL base;

    /** The entries of one action whose subject contains {@code subject}, newest first. */
    private List<JsonObject> entries(String action, String subject) {
        Api.Reply reply = Api.admin(base).get("api/audit?action=" + action + "&subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&size=200");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** The one entry of an action on a subject, by whom, written moments ago. */
    private JsonObject entry(String action, String subject, String actor) {
        List<JsonObject> found = entries(action, subject);
        assertThat(found).as("%s of %s", action, subject).hasSize(1);
        JsonObject entry = found.get(0);
        assertThat(entry.getString("actor")).as("who").isEqualTo(actor);
        assertThat(entry.getString("action")).isEqualTo(action);
        assertThat(Duration.between(OffsetDateTime.parse(entry.getString("at")), OffsetDateTime.now()).abs())
                .as("when").isLessThan(Duration.ofMinutes(5));
        return entry;
    }

    @Test
    void whatPeopleDoIsRecordedWithWhoWhenWhereAndWhat() {
        Api admin = Api.admin(base);

        Api.Reply refused = Api.as(base, "au-nobody", "not-the-password").get("api/accounts/me");
        assertThat(refused.status()).isEqualTo(401);
        JsonObject failed = entry("LOGIN_FAILED", "account:au-nobody", "au-nobody");
        assertThat(failed.getString("address")).as("from where").isNotBlank();

        Api.Reply agencies = Api.admin(base).with("Content-Disposition", "attachment; filename=\"xa-thu.csv\"")
                .csv("api/agencies/import", "code,name,level,sector\nAU-X,Ủy ban nhân dân xã Thử,COMMUNE,STATE\n");
        assertThat(agencies.status()).as(agencies.toString()).isEqualTo(200);
        JsonObject imported = entry("AGENCIES_IMPORTED", "xa-thu.csv", "admin");
        assertThat(imported.getJsonObject("details").getInt("created")).isEqualTo(1);
        assertThat(imported.getJsonObject("details").getInt("unchanged")).isZero();
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                AU-T1,Đỗ Văn Thử,AU-X,STAFF
                """).status()).isEqualTo(200);

        assertThat(admin.put("api/accounts/au-ins", "{\"password\": \"teach-pass-1\", \"roles\": [\"INSTRUCTOR\"]}")
                .status()).isEqualTo(201);
        JsonObject account = entry("ACCOUNT_CREATED", "account:au-ins", "admin");
        assertThat(account.getJsonObject("details").getString("roles")).contains("INSTRUCTOR");
        assertThat(admin.put("api/officials/AU-T1/password", "{\"password\": \"exam-pass-1\"}").status()).isEqualTo(204);
        entry("PASSWORD_SET", "account:AU-T1", "admin");

        assertThat(admin.post("api/offerings", "application/json", """
                {"code": "AU-IU01", "course": "IU01", "title": "Lớp nhật ký", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 10, "place": "Hội trường xã"}""").status()).isEqualTo(201);
        assertThat(admin.post("api/offerings/AU-IU01/enrolments", "application/json", "{\"employeeCode\": \"AU-T1\"}")
                .status()).isEqualTo(201);
        assertThat(entry("ENROLLED", "offering:AU-IU01/official:AU-T1", "admin").getJsonObject("details")
                .getString("status")).isEqualTo("ENROLLED");

        assertThat(admin.csv("api/certificates/import",
                "employee_code,programme_code,issued_on,certificate_no\nAU-T1,BASIC-IT,2024-05-01,AU-C1\n").status())
                .isEqualTo(200);
        assertThat(admin.post("api/certificates/AU-C1/revoke", "application/json", "{\"reason\": \"Cấp nhầm người\"}")
                .status()).isEqualTo(200);
        JsonObject revoked = entry("CERTIFICATE_REVOKED", "certificate:AU-C1", "admin");
        assertThat(revoked.getJsonObject("details").getString("reason")).isEqualTo("Cấp nhầm người");

        Api instructor = Api.as(base, "au-ins", "teach-pass-1");
        assertThat(instructor.post("api/question-banks/import", "text/plain", """
                $CATEGORY: AU-TH
                $POINTS: 10

                ::AU-TH-1:: Soạn một công văn mời họp. {}
                """).status()).isEqualTo(200);
        assertThat(entries("QUESTIONS_IMPORTED", "").stream().filter(e -> e.getString("actor").equals("au-ins")))
                .as("the instructor's import, among those of other tests on the same database").hasSize(1);
        assertThat(instructor.post("api/assessments", "application/json", """
                {"code": "AU-2026", "title": "Bài thực hành", "programme": "BASIC-IT", "timeLimitMinutes": 30,
                 "passPercent": 50, "maxAttempts": 1, "certifies": false,
                 "sections": [{"category": "AU-TH", "count": 1}]}""").status()).isEqualTo(201);
        Api trainee = Api.as(base, "AU-T1", "exam-pass-1");
        JsonObject attempt = trainee.post("api/assessments/AU-2026/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        long essay = attempt.getJsonArray("questions").getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(trainee.put("api/attempts/" + id + "/answers/" + essay, "{\"text\": \"Kính gửi ...\"}").status())
                .isEqualTo(204);
        trainee.post("api/attempts/" + id + "/submit", "application/json", "");
        assertThat(instructor.put("api/attempts/" + id + "/grades/" + essay, "{\"points\": 7}").status()).isEqualTo(200);
        JsonObject graded = entry("GRADED", "attempt:" + id + "/question:" + essay, "au-ins");
        assertThat(graded.getJsonObject("details").getJsonNumber("newPoints").doubleValue()).isEqualTo(7);
        assertThat(graded.getJsonObject("details").isNull("oldPoints")).isTrue();
        entry("LOGIN", "account:AU-T1", "AU-T1");

        Api.Reply csv = admin.get("api/audit?format=csv&subject=certificate:AU-C1");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2)
                .first().asString().endsWith("occurred_at,actor,address,action,subject,details");
        assertThat(csv.body()).contains("CERTIFICATE_REVOKED", "certificate:AU-C1");

        assertThat(admin.get("api/audit?actor=au-ins&size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(e -> e.getString("actor")).containsOnly("au-ins");
        assertThat(instructor.get("api/audit").status()).as("an instructor").isEqualTo(403);
        assertThat(trainee.get("api/audit?format=csv").status()).as("a trainee").isEqualTo(403);
        assertThat(instructor.get("admin/audit.xhtml").status()).as("the page, to an instructor").isEqualTo(403);
        assertThat(Api.anonymous(base).get("api/audit").status()).isEqualTo(401);
    }

    @Test
    void badFiltersAreToldInWords() {
        Api admin = Api.admin(base);
        assertThat(admin.get("api/audit?from=2026-02-01&to=2026-01-01").status()).isEqualTo(422);
        assertThat(admin.get("api/audit?from=yesterday").status()).isEqualTo(422);
        assertThat(admin.get("api/audit?action=DELETE_EVERYTHING").status()).isEqualTo(422);
        assertThat(admin.get("api/audit?size=100000").status()).isEqualTo(422);
        Api.Reply format = admin.with("Accept-Language", "en").get("api/audit?format=pdf");
        assertThat(format.status()).isEqualTo(422);
        assertThat(format.json().getString("detail")).contains("csv");
    }
}
