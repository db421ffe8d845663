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

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Classes and enrolment through the API, against the built WAR in Payara Micro. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrolmentApiIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return BuiltWar.archive();
    }

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
