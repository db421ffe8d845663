package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Classes and enrolment through the API, against the built WAR in Payara Micro. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrolmentApiIT {


    @ArquillianResource
    URL base;

    /** A district of two communes; every commune has a leader, an IT specialist and staff. */
    private Api district(String p) {
        Api admin = Api.admin(base);
        assertThat(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                %1$s-TINH,Ủy ban nhân dân tỉnh,PROVINCE,STATE,
                %1$s-H,Ủy ban nhân dân huyện,DISTRICT,STATE,%1$s-TINH
                %1$s-X1,Ủy ban nhân dân xã Một,COMMUNE,STATE,%1$s-H
                %1$s-X2,Ủy ban nhân dân xã Hai,COMMUNE,STATE,%1$s-H
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position,active
                %1$s-P1,Nguyễn Văn Tỉnh,%1$s-TINH,LEADER,
                %1$s-H1,Trần Văn Huyện,%1$s-H,LEADER,
                %1$s-A1,Lê Văn An,%1$s-X1,LEADER,
                %1$s-A2,Phạm Thị Bình,%1$s-X1,IT_SPECIALIST,
                %1$s-A3,Hoàng Văn Cường,%1$s-X1,STAFF,
                %1$s-B1,Vũ Thị Dung,%1$s-X2,LEADER,
                %1$s-B2,Đặng Văn Em,%1$s-X2,STAFF,
                %1$s-B3,Bùi Thị Gấm,%1$s-X2,STAFF,false
                """.formatted(p)).status()).isEqualTo(200);
        return admin;
    }

    private static String offering(String code, String course, int capacity) {
        return """
                {"code": "%s", "course": "%s", "title": "Lớp %s", "startsOn": "2027-03-01", "endsOn": "2027-03-05",
                 "capacity": %d, "place": "Trung tâm hội nghị huyện"}""".formatted(code, course, code, capacity);
    }

    private static List<String> list(Api api, String offering) {
        return api.get("api/offerings/" + offering + "/enrolments").array().stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("employeeCode") + ":" + e.getString("status")
                        + (e.containsKey("waitlistPosition") ? ":" + e.getInt("waitlistPosition") : ""))
                .toList();
    }

    @Test
    void hrOpensABasicClassForADistrictAndEnrolsEveryCommuneOfficialInOneCall() {
        Api admin = district("BLK");
        admin.put("api/accounts/hr-blk", "{\"password\": \"blk-hr-pass\", \"roles\": [\"HR\"], \"agency\": \"BLK-H\"}");
        Api hr = Api.as(base, "hr-blk", "blk-hr-pass");
        assertThat(hr.post("api/offerings", "application/json", offering("BLK-IU01", "IU01", 4)).status()).isEqualTo(201);

        JsonObject preview = hr.post("api/offerings/BLK-IU01/enrolments/bulk", "application/json",
                "{\"agency\": \"BLK-H\", \"level\": \"xã\", \"preview\": true}").json();
        assertThat(preview.getInt("enrolled")).isEqualTo(4);
        assertThat(preview.getInt("waitlisted")).isEqualTo(1);
        assertThat(list(hr, "BLK-IU01")).as("a preview writes nothing").isEmpty();

        JsonObject done = hr.post("api/offerings/BLK-IU01/enrolments/bulk", "application/json",
                "{\"agency\": \"BLK-H\", \"level\": \"COMMUNE\"}").json();
        assertThat(done.getInt("enrolled")).isEqualTo(4);
        assertThat(done.getInt("waitlisted")).isEqualTo(1);
        assertThat(list(hr, "BLK-IU01")).containsExactly("BLK-A1:ENROLLED", "BLK-A2:ENROLLED", "BLK-A3:ENROLLED",
                "BLK-B1:ENROLLED", "BLK-B2:WAITLISTED:1");
        JsonObject wholeDistrict = hr.post("api/offerings/BLK-IU01/enrolments/bulk", "application/json",
                "{\"agency\": \"BLK-H\", \"preview\": true}").json();
        assertThat(wholeDistrict.getInt("alreadyEnrolled")).isEqualTo(5);
        assertThat(wholeDistrict.getInt("waitlisted")).as("the district's own leader").isEqualTo(1);

        assertThat(hr.get("api/offerings/BLK-IU01/enrolments/BLK-A2").status()).isEqualTo(405);
        assertThat(hr.delete("api/offerings/BLK-IU01/enrolments/BLK-A2").status()).isEqualTo(204);
        assertThat(list(hr, "BLK-IU01")).as("the first in line moves up").containsExactly(
                "BLK-A1:ENROLLED", "BLK-A3:ENROLLED", "BLK-B1:ENROLLED", "BLK-B2:ENROLLED");
        assertThat(hr.post("api/offerings/BLK-IU01/enrolments", "application/json",
                "{\"employeeCode\": \"BLK-P1\"}").status()).as("outside HR's district").isEqualTo(404);
    }

    @Test
    void aLeaderEntersTheCioProgrammeAndAStaffMemberDoesNot() {
        Api admin = district("CIO");
        assertThat(admin.post("api/offerings", "application/json", offering("CIO-K1", "CIO-01", 30)).status())
                .isEqualTo(201);
        Api.Reply leader = admin.post("api/offerings/CIO-K1/enrolments", "application/json", "{\"employeeCode\": \"CIO-A1\"}");
        assertThat(leader.status()).isEqualTo(201);
        assertThat(leader.json().getString("status")).isEqualTo("ENROLLED");
        Api.Reply again = admin.post("api/offerings/CIO-K1/enrolments", "application/json", "{\"employeeCode\": \"CIO-A1\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("status")).isEqualTo("ENROLLED");

        Api.Reply staff = admin.post("api/offerings/CIO-K1/enrolments", "application/json", "{\"employeeCode\": \"CIO-A3\"}");
        assertThat(staff.status()).isEqualTo(422);
        assertThat(staff.json().getString("detail")).contains("STAFF", "CIO", "LEADER");
        JsonObject bulk = admin.post("api/offerings/CIO-K1/enrolments/bulk", "application/json",
                "{\"agency\": \"CIO-H\", \"preview\": true}").json();
        assertThat(bulk.getJsonArray("ineligible")).extracting(v -> v.asJsonObject().getString("employeeCode"))
                .containsExactly("CIO-A2", "CIO-A3", "CIO-B2");
    }

    private Api trainee(Api admin, String employeeCode) {
        assertThat(admin.put("api/officials/" + employeeCode + "/password", "{\"password\": \"trainee-pass-1\"}")
                .status()).isEqualTo(204);
        return Api.as(base, employeeCode, "trainee-pass-1");
    }

    private static List<Integer> lessonNumbers(Api api, String course) {
        return api.get("api/courses/" + course).json().getJsonArray("lessonList").getValuesAs(JsonObject.class)
                .stream().map(l -> l.getInt("number")).toList();
    }

    @Test
    void aTraineeCompletesEveryBasicCourseAndTheProgrammeCertificateFollows() {
        Api admin = district("LSN");
        Api trainee = trainee(admin, "LSN-A3");
        Api other = trainee(admin, "LSN-A1");
        List<String> courses = List.of("IU01", "IU02", "IU03", "IU04", "IU05", "IU06");
        for (String course : courses) {
            assertThat(admin.post("api/offerings", "application/json", offering("LSN-" + course, course, 5)).status())
                    .isEqualTo(201);
            assertThat(admin.post("api/offerings/LSN-" + course + "/enrolments", "application/json",
                    "{\"employeeCode\": \"LSN-A3\"}").status()).isEqualTo(201);
        }
        JsonObject lesson = trainee.get("api/courses/IU01/lessons/1").json();
        assertThat(lesson.getString("title")).isNotBlank();
        assertThat(lesson.getString("html")).contains("<p>", "<strong>").doesNotContain("## ");
        assertThat(other.put("api/courses/IU01/lessons/1/done", "").status()).as("no seat in a class").isEqualTo(403);
        assertThat(trainee.put("api/courses/IU01/lessons/99/done", "").status()).isEqualTo(404);

        admin.post("api/question-banks/import", "text/plain", "$CATEGORY: LSN-Q\n\n::LSN-1:: ROM mất dữ liệu khi tắt máy. {T}\n");
        assertThat(admin.post("api/assessments", "application/json", """
                {"code": "LSN-IU01", "title": "Kiểm tra IU01", "programme": "BASIC-IT", "course": "IU01",
                 "timeLimitMinutes": 10, "passPercent": 50, "maxAttempts": 1,
                 "sections": [{"category": "LSN-Q", "count": 1}]}""").status()).isEqualTo(201);

        List<Integer> iu01 = lessonNumbers(trainee, "IU01");
        JsonObject progress = null;
        for (int number : iu01) {
            progress = trainee.put("api/courses/IU01/lessons/" + number + "/done", "").json();
        }
        assertThat(progress.getInt("lessonsDone")).isEqualTo(iu01.size());
        assertThat(progress.getBoolean("completed")).as("the assessment is still to pass").isFalse();

        JsonObject attempt = trainee.post("api/assessments/LSN-IU01/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        JsonObject question = attempt.getJsonArray("questions").getJsonObject(0);
        int right = question.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("text").equals("Đúng")).findFirst().orElseThrow().getInt("id");
        trainee.put("api/attempts/" + id + "/answers/" + question.getJsonNumber("id"), "{\"selected\": [" + right + "]}");
        assertThat(trainee.post("api/attempts/" + id + "/submit", "application/json", "").json().getBoolean("passed"))
                .isTrue();
        assertThat(trainee.get("api/courses/IU01/progress").json().getBoolean("completed")).isTrue();
        assertThat(list(admin, "LSN-IU01")).containsExactly("LSN-A3:COMPLETED");
        assertThat(trainee.get("api/certificates?employeeCode=LSN-A3").array()).as("five courses to go").isEmpty();

        for (String course : courses.subList(1, courses.size())) {
            for (int number : lessonNumbers(trainee, course)) {
                assertThat(trainee.put("api/courses/" + course + "/lessons/" + number + "/done", "").status())
                        .isEqualTo(200);
            }
        }
        assertThat(trainee.get("api/certificates?employeeCode=LSN-A3").array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(c -> {
                    assertThat(c.getString("programme")).isEqualTo("BASIC-IT");
                    assertThat(c.getString("status")).isEqualTo("VALID");
                });
        assertThat(trainee.put("api/courses/IU06/lessons/1/done", "").status()).as("marking again is harmless")
                .isEqualTo(200);
        assertThat(trainee.get("api/certificates?employeeCode=LSN-A3").array()).hasSize(1);

        // A second exam of the course, failed, takes nothing away from a completion made before it.
        assertThat(admin.post("api/assessments", "application/json", """
                {"code": "LSN-IU01-B", "title": "Kiểm tra lại IU01", "programme": "BASIC-IT", "course": "IU01",
                 "timeLimitMinutes": 10, "passPercent": 50, "maxAttempts": 1,
                 "sections": [{"category": "LSN-Q", "count": 1}]}""").status()).isEqualTo(201);
        JsonObject second = trainee.post("api/assessments/LSN-IU01-B/attempts", "application/json", "").json();
        JsonObject asked = second.getJsonArray("questions").getJsonObject(0);
        int wrong = asked.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("text").equals("Sai")).findFirst().orElseThrow().getInt("id");
        trainee.put("api/attempts/" + second.getJsonNumber("id") + "/answers/" + asked.getJsonNumber("id"),
                "{\"selected\": [" + wrong + "]}");
        assertThat(trainee.post("api/attempts/" + second.getJsonNumber("id") + "/submit", "application/json", "").json()
                .getBoolean("passed")).isFalse();
        assertThat(trainee.get("api/courses/IU01/progress").json().getBoolean("completed")).isTrue();
        assertThat(list(admin, "LSN-IU01")).containsExactly("LSN-A3:COMPLETED");

        // The key was wrong: the regrade takes back the pass, the course and the certificate.
        assertThat(admin.put("api/question-banks/questions/" + question.getJsonNumber("id"), "text/plain",
                "::LSN-1:: ROM mất dữ liệu khi tắt máy. {F}").status()).isEqualTo(200);
        assertThat(admin.post("api/assessments/LSN-IU01/regrade", "application/json", "").json().getInt("changed"))
                .isEqualTo(1);
        assertThat(trainee.get("api/courses/IU01/progress").json().getBoolean("completed")).isFalse();
        assertThat(list(admin, "LSN-IU01")).as("no attempt left").containsExactly("LSN-A3:FAILED");
        assertThat(list(admin, "LSN-IU02")).containsExactly("LSN-A3:COMPLETED");
        assertThat(trainee.get("api/certificates?employeeCode=LSN-A3").array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(c -> assertThat(c.getString("status")).isEqualTo("REVOKED"));
    }

    @Test
    void aTraineeAsksToJoinAndHrApprovesWithinTheWindowWhileTheClassIsOpen() {
        Api admin = district("REQ");
        admin.put("api/accounts/hr-req", "{\"password\": \"req-hr-pass\", \"roles\": [\"HR\"], \"agency\": \"REQ-H\"}");
        Api hr = Api.as(base, "hr-req", "req-hr-pass");
        Api staff = trainee(admin, "REQ-A3");
        Api leader = trainee(admin, "REQ-A1");
        assertThat(hr.post("api/offerings", "application/json", """
                {"code": "REQ-IU02", "course": "IU02", "title": "Lớp đăng ký", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 1, "enrolFrom": "2020-01-01", "enrolUntil": "2099-12-31",
                 "needsApproval": true}""").status()).isEqualTo(201);
        assertThat(staff.get("api/offerings?course=IU02").array()).extracting(v -> v.asJsonObject().getString("code"))
                .contains("REQ-IU02");

        Api.Reply asked = staff.post("api/offerings/REQ-IU02/requests", "application/json", "");
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.json().getString("status")).isEqualTo("REQUESTED");
        assertThat(staff.post("api/offerings/REQ-IU02/requests", "application/json", "").status())
                .as("asking twice").isEqualTo(200);
        assertThat(leader.post("api/offerings/REQ-IU02/requests", "application/json", "").json().getString("status"))
                .isEqualTo("REQUESTED");
        assertThat(list(hr, "REQ-IU02")).containsExactly("REQ-A3:REQUESTED", "REQ-A1:REQUESTED");

        assertThat(hr.post("api/offerings/REQ-IU02/requests/REQ-A3/approve", "application/json", "").json()
                .getString("status")).isEqualTo("ENROLLED");
        assertThat(hr.post("api/offerings/REQ-IU02/requests/REQ-A1/approve", "application/json", "").json()
                .getString("status")).as("the one seat is taken").isEqualTo("WAITLISTED");
        assertThat(hr.post("api/offerings/REQ-IU02/requests/REQ-A3/reject", "application/json", "").status())
                .as("no request waits any more").isEqualTo(409);
        assertThat(staff.post("api/offerings/REQ-IU02/requests/REQ-A3/approve", "application/json", "").status())
                .as("a trainee cannot approve").isEqualTo(403);

        assertThat(hr.post("api/offerings", "application/json", """
                {"code": "REQ-OLD", "course": "IU03", "title": "Lớp đã hết hạn đăng ký", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 5, "enrolFrom": "2020-01-01", "enrolUntil": "2020-02-01"}""")
                .status()).isEqualTo(201);
        assertThat(staff.post("api/offerings/REQ-OLD/requests", "application/json", "").status()).isEqualTo(409);

        assertThat(hr.post("api/offerings", "application/json", offering("REQ-HR", "IU05", 5)).status()).isEqualTo(201);
        assertThat(staff.post("api/offerings/REQ-HR/requests", "application/json", "").status())
                .as("a class without an enrolment window is enrolled by HR only").isEqualTo(409);

        assertThat(hr.post("api/offerings", "application/json", """
                {"code": "REQ-FREE", "course": "IU04", "title": "Lớp tự đăng ký", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 5, "enrolUntil": "2099-12-31"}""").status()).isEqualTo(201);
        assertThat(staff.post("api/offerings/REQ-FREE/requests", "application/json", "").json().getString("status"))
                .as("no approval asked").isEqualTo("ENROLLED");
        assertThat(hr.delete("api/offerings/REQ-FREE/enrolments/REQ-A3").status()).isEqualTo(204);
        assertThat(staff.post("api/offerings/REQ-FREE/requests", "application/json", "").json().getString("status"))
                .as("taken off, one asks HR to come back").isEqualTo("REQUESTED");
        assertThat(hr.put("api/offerings/REQ-FREE/status", "{\"status\": \"CLOSED\"}").json().getString("status"))
                .isEqualTo("CLOSED");
        assertThat(leader.post("api/offerings/REQ-FREE/requests", "application/json", "").status()).isEqualTo(409);
        assertThat(hr.post("api/offerings/REQ-FREE/enrolments", "application/json", "{\"employeeCode\": \"REQ-A2\"}")
                .status()).as("a closed class takes no one").isEqualTo(409);
        Api.Reply intoClosed = hr.csv("api/enrolments/import", "employee_code,offering_code\nREQ-A2,REQ-FREE\n");
        assertThat(intoClosed.status()).isEqualTo(422);
        assertThat(intoClosed.json().getJsonArray("errors").getJsonObject(0).getInt("line")).isEqualTo(2);
        assertThat(hr.put("api/offerings/REQ-FREE/status", "{\"status\": \"MAYBE\"}").status()).isEqualTo(422);
        assertThat(hr.put("api/offerings/REQ-FREE/status", "{\"status\": \"CANCELLED\"}").status()).isEqualTo(200);
        assertThat(list(hr, "REQ-FREE")).as("cancelling takes everyone off").isEmpty();
        assertThat(hr.put("api/offerings/REQ-FREE/status", "{\"status\": \"OPEN\"}").status())
                .as("a cancelled class stays cancelled").isEqualTo(409);

        assertThat(admin.post("api/offerings", "application/json", offering("REQ-ITS2", "ITS-02", 5)).status())
                .isEqualTo(201);
        Api.Reply early = admin.post("api/offerings/REQ-ITS2/enrolments", "application/json",
                "{\"employeeCode\": \"REQ-A2\"}");
        assertThat(early.status()).as("ITS-02 asks for ITS-01 first").isEqualTo(422);
        assertThat(early.json().getString("detail")).contains("ITS-01");
        assertThat(hr.put("api/offerings/REQ-ITS2/status", "{\"status\": \"CLOSED\"}").status())
                .as("HR closes only the classes it opened").isEqualTo(403);
    }

    @Test
    void officialsAreToldByMailWhenEnrolledWaitlistedMovedUpWhenTheirExamOpensAndWhenTheClassIsCancelled() throws Exception {
        GreenMail smtp = TestSmtp.started();
        try {
            Api admin = Api.admin(base);
            admin.csv("api/agencies/import", "code,name,level,sector\nMAIL-X,Ủy ban nhân dân xã Thư,COMMUNE,STATE\n");
            admin.csv("api/officials/import", """
                    employee_code,full_name,agency_code,position,email
                    MAIL-1,Nguyễn Văn Thư,MAIL-X,STAFF,thu.nguyen@xa.example.vn
                    MAIL-2,Trần Thị Tín,MAIL-X,STAFF,tin.tran@xa.example.vn
                    MAIL-3,Lê Văn Không Thư,MAIL-X,STAFF,
                    """);
            admin.post("api/offerings", "application/json", offering("MAIL-IU01", "IU01", 1));
            admin.post("api/offerings/MAIL-IU01/enrolments", "application/json", "{\"employeeCode\": \"MAIL-1\"}");
            admin.post("api/offerings/MAIL-IU01/enrolments", "application/json", "{\"employeeCode\": \"MAIL-2\"}");
            admin.post("api/offerings/MAIL-IU01/enrolments", "application/json", "{\"employeeCode\": \"MAIL-3\"}");
            assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
            assertThat(admin.delete("api/offerings/MAIL-IU01/enrolments/MAIL-1").status()).isEqualTo(204);
            assertThat(smtp.waitForIncomingEmail(20_000, 3)).isTrue();
            admin.post("api/question-banks/import", "text/plain", "$CATEGORY: MAIL-Q\n\n::MAIL-Q1:: Câu hỏi {T}\n");
            assertThat(admin.post("api/assessments", "application/json", """
                    {"code": "MAIL-EXAM", "title": "Kiểm tra IU01", "programme": "BASIC-IT", "offering": "MAIL-IU01",
                     "timeLimitMinutes": 30, "passPercent": 50, "maxAttempts": 1,
                     "sections": [{"category": "MAIL-Q", "count": 1}]}""").status()).isEqualTo(201);
            assertThat(smtp.waitForIncomingEmail(20_000, 4)).isTrue();
            String opensSoon = java.time.OffsetDateTime.now().plusSeconds(6).toString();
            assertThat(admin.post("api/assessments", "application/json", """
                    {"code": "MAIL-LATER", "title": "Kiểm tra cuối khóa", "programme": "BASIC-IT", "offering": "MAIL-IU01",
                     "timeLimitMinutes": 30, "passPercent": 50, "maxAttempts": 1, "opensAt": "%s",
                     "sections": [{"category": "MAIL-Q", "count": 1}]}""".formatted(opensSoon)).status()).isEqualTo(201);
            assertThat(smtp.getReceivedMessages()).as("not before it opens").hasSize(4);
            assertThat(smtp.waitForIncomingEmail(20_000, 5)).as("told by the exams' clock once it opens").isTrue();
            assertThat(admin.put("api/offerings/MAIL-IU01/status", "{\"status\": \"CANCELLED\"}").status())
                    .isEqualTo(200);
            assertThat(smtp.waitForIncomingEmail(20_000, 6)).isTrue();

            List<String> sent = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                sent.add(message.getAllRecipients()[0] + " " + message.getSubject());
                assertThat(message.getContent().toString()).contains("Kính gửi", "Dear");
            }
            assertThat(sent).as("MAIL-3 has no address").containsExactlyInAnyOrder(
                    "thu.nguyen@xa.example.vn Ghi danh lớp Lớp MAIL-IU01",
                    "tin.tran@xa.example.vn Danh sách chờ lớp Lớp MAIL-IU01",
                    "tin.tran@xa.example.vn Đã có chỗ trong lớp Lớp MAIL-IU01",
                    "tin.tran@xa.example.vn Đã mở bài kiểm tra: Kiểm tra IU01",
                    "tin.tran@xa.example.vn Đã mở bài kiểm tra: Kiểm tra cuối khóa",
                    "tin.tran@xa.example.vn Lớp Lớp MAIL-IU01 đã hủy");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aHundredConcurrentRequestsForThirtySeatsEndWithThirtyEnrolledAndSeventyInLine() throws Exception {
        Api admin = Api.admin(base);
        StringBuilder officials = new StringBuilder("employee_code,full_name,agency_code,position\n");
        admin.csv("api/agencies/import", "code,name,level,sector\nCON-TINH,Tỉnh,PROVINCE,STATE\n");
        for (int i = 0; i < 100; i++) {
            officials.append("CON-%03d,Cán bộ %d,CON-TINH,STAFF\n".formatted(i, i));
        }
        assertThat(admin.csv("api/officials/import", officials.toString()).status()).isEqualTo(200);
        assertThat(admin.post("api/offerings", "application/json", offering("CON-IU02", "IU02", 30)).status())
                .isEqualTo(201);
        admin.get("api/accounts/me");

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
            IntStream.range(0, 100).forEach(i -> replies.add(CompletableFuture.supplyAsync(() -> admin.post(
                    "api/offerings/CON-IU02/enrolments", "application/json",
                    "{\"employeeCode\": \"CON-%03d\"}".formatted(i)), pool)));
            assertThat(replies).allSatisfy(reply -> assertThat(reply.get().status()).isEqualTo(201));
            long enrolledAnswers = replies.stream().filter(r -> r.join().json().getString("status").equals("ENROLLED")).count();
            assertThat(enrolledAnswers).isEqualTo(30);
        } finally {
            pool.shutdown();
        }
        List<String> line = list(admin, "CON-IU02");
        assertThat(line).hasSize(100);
        assertThat(line.subList(0, 30)).allMatch(entry -> entry.endsWith(":ENROLLED"));
        assertThat(line.subList(30, 100)).extracting(entry -> entry.substring(entry.lastIndexOf(':') + 1))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 70).mapToObj(String::valueOf).toList());
    }

    @Test
    void aCsvOfEnrolmentsWithABadLineIsRejectedWhole() {
        Api admin = district("CSV");
        admin.post("api/offerings", "application/json", offering("CSV-IU03", "IU03", 10));
        Api.Reply bad = admin.csv("api/enrolments/import", """
                employee_code,offering_code
                CSV-A1,CSV-IU03
                CSV-ZZ,CSV-IU03
                CSV-A3,NO-CLASS
                CSV-B3,CSV-IU03
                """);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getJsonArray("errors")).extracting(e -> e.asJsonObject().getInt("line"))
                .containsExactly(3, 4, 5);
        assertThat(list(admin, "CSV-IU03")).isEmpty();

        String good = "employee_code,offering_code\nCSV-A1,CSV-IU03\nCSV-A2,CSV-IU03\n";
        assertThat(admin.csv("api/enrolments/import", good).json().getInt("created")).isEqualTo(2);
        assertThat(admin.csv("api/enrolments/import", good).json().getInt("unchanged")).isEqualTo(2);
    }

    @Test
    void theCatalogueComesFromTheContentFiles() {
        Api admin = Api.admin(base);
        List<String> codes = admin.get("api/courses").array().stream()
                .map(v -> v.asJsonObject().getString("code")).toList();
        assertThat(codes).contains("IU01", "IU06", "CIO-01", "CIO-06", "ITS-01", "ITS-04");
        JsonObject iu01 = admin.get("api/courses/IU01").json();
        assertThat(iu01.getString("programme")).isEqualTo("BASIC-IT");
        assertThat(iu01.getString("lessons")).contains("## Bài 1.");
        assertThat(admin.get("api/courses/NOPE").status()).isEqualTo(404);
    }

    @Test
    void badClassesAreClearErrors() {
        Api admin = Api.admin(base);
        assertThat(admin.post("api/offerings", "application/json", offering("BAD-1", "NO-COURSE", 5)).status())
                .isEqualTo(422);
        assertThat(admin.post("api/offerings", "application/json", offering("BAD-2", "IU01", 0)).status())
                .isEqualTo(422);
        assertThat(admin.post("api/offerings", "application/json", offering("BAD-3", "IU01", 5)).status())
                .isEqualTo(201);
        assertThat(admin.post("api/offerings", "application/json", offering("BAD-3", "IU01", 5)).status())
                .isEqualTo(409);
        assertThat(admin.post("api/offerings/NOPE/enrolments", "application/json", "{\"employeeCode\": \"X\"}").status())
                .isEqualTo(404);
    }
}
