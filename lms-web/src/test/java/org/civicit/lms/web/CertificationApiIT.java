package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificates, targets and the certification report over the small province of
 * lms-core's test resources, whose rates on 2026-06-30 are known. The report is read by an
 * HR account attached to the province's root, which sees exactly that province.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificationApiIT {

    private static final String AS_OF = "2026-06-30";
    private static boolean loaded;


    @ArquillianResource
    URL base;

    private Api admin;
    private Api hr;

    private static String fixture(String file) {
        try {
            return Files.readString(Path.of(System.getProperty("lms.it.province"), file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void province() {
        admin = Api.admin(base);
        if (!loaded) {
            for (String[] file : List.of(new String[] {"agencies", "agencies.csv"},
                    new String[] {"officials", "officials.csv"}, new String[] {"certificates", "certificates.csv"},
                    new String[] {"targets", "targets.csv"})) {
                Api.Reply reply = admin.csv("api/" + file[0] + "/import", fixture(file[1]));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            }
            assertThat(admin.post("api/certificates/T-A4/revoke", "application/json",
                    "{\"reason\": \"Cấp nhầm người\"}").status()).isEqualTo(200);
            assertThat(admin.put("api/accounts/hr-root", """
                    {"password": "root-hr-pass", "roles": ["HR"], "agency": "ROOT"}""").status()).isEqualTo(201);
            loaded = true;
        }
        hr = Api.as(base, "hr-root", "root-hr-pass");
    }

    private static List<String> rows(JsonObject report) {
        return report.getJsonArray("rows").stream().map(JsonValue::asJsonObject).map(r -> String.join(",",
                r.getString("group"), String.valueOf(r.getInt("officials")), String.valueOf(r.getInt("certified")),
                r.get("rate_percent").toString(), r.get("target_percent").toString(), r.get("gap_percent").toString(),
                r.getString("name"))).toList();
    }

    @Test
    void byLevelInJsonRowByRow() {
        JsonObject report = hr.get("api/reports/certification?programme=BASIC-IT&by=level&asOf=" + AS_OF).json();
        assertThat(report.getString("asOf")).isEqualTo(AS_OF);
        assertThat(rows(report)).containsExactly(
                "PROVINCE,6,3,50.0,100.0,50.0,Tỉnh",
                "DISTRICT,4,3,75.0,100.0,25.0,Huyện",
                "COMMUNE,7,2,28.6,80.0,51.4,Xã",
                "TOTAL,17,8,47.1,null,null,Tổng cộng");
    }

    @Test
    void byLevelInCsvExactlyAsTheContractWritesIt() {
        String expected = """
                \uFEFFgroup,officials,certified,rate_percent,target_percent,gap_percent,group_name\r
                PROVINCE,6,3,50.0,100.0,50.0,Tỉnh\r
                DISTRICT,4,3,75.0,100.0,25.0,Huyện\r
                COMMUNE,7,2,28.6,80.0,51.4,Xã\r
                TOTAL,17,8,47.1,,,Tổng cộng\r
                """;
        Api.Reply byHeader = hr.with("Accept", "text/csv")
                .get("api/reports/certification?programme=BASIC-IT&by=level&asOf=" + AS_OF);
        assertThat(byHeader.status()).isEqualTo(200);
        assertThat(byHeader.contentType()).startsWith("text/csv");
        assertThat(byHeader.body()).isEqualTo(expected);
        assertThat(Api.as(base, "hr-root", "root-hr-pass")
                .get("api/reports/certification?programme=BASIC-IT&by=level&format=csv&asOf=" + AS_OF).body())
                .isEqualTo(expected);
    }

    @Test
    void bySectorAgencyAndDistrict() {
        assertThat(rows(hr.get("api/reports/certification?programme=BASIC-IT&by=sector&asOf=" + AS_OF).json()))
                .containsExactly("PARTY,5,3,60.0,null,null,Khối Đảng", "STATE,12,5,41.7,null,null,Khối chính quyền",
                        "TOTAL,17,8,47.1,null,null,Tổng cộng");
        assertThat(rows(hr.get("api/reports/certification?programme=BASIC-IT&by=agency&asOf=" + AS_OF).json()))
                .contains("H1,3,2,66.7,100.0,33.3,Ủy ban nhân dân huyện Một", "X2,2,0,0.0,80.0,80.0,Ủy ban nhân dân xã Hai",
                        "TOTAL,17,8,47.1,null,null,Tổng cộng")
                .hasSize(10);
        assertThat(rows(hr.get("api/reports/certification?programme=BASIC-IT&by=district&asOf=" + AS_OF).json()))
                .containsExactly("H1,8,3,37.5,null,null,Ủy ban nhân dân huyện Một", "HU1,3,2,66.7,null,null,Huyện ủy Một",
                        "PROVINCE,6,3,50.0,null,null,Các cơ quan cấp tỉnh", "TOTAL,17,8,47.1,null,null,Tổng cộng");
    }

    @Test
    void everyGroupingSaysTheSameInCsvAsInJson() {
        for (String by : List.of("level", "sector", "agency", "district")) {
            String query = "api/reports/certification?programme=BASIC-IT&by=" + by + "&asOf=" + AS_OF;
            List<String> json = rows(hr.get(query).json()).stream().map(row -> row.replace("null", "")).toList();
            List<String> csv = hr.get(query + "&format=csv").body().lines().skip(1).toList();
            assertThat(csv).as(by).isEqualTo(json);
        }
        Api.Reply xlsx = hr.get("api/reports/certification?programme=BASIC-IT&by=level&format=xlsx");
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.body()).startsWith("PK");
    }

    @Test
    void aDistrictHrSeesOnlyItsDistrict() {
        admin.put("api/accounts/hr-h1", "{\"password\": \"h1-hr-password\", \"roles\": [\"HR\"], \"agency\": \"H1\"}");
        Api district = Api.as(base, "hr-h1", "h1-hr-password");
        assertThat(rows(district.get("api/reports/certification?programme=BASIC-IT&by=level&asOf=" + AS_OF).json()))
                .containsExactly(
                        "PROVINCE,0,0,0.0,100.0,100.0,Tỉnh",
                        "DISTRICT,3,2,66.7,100.0,33.3,Huyện",
                        "COMMUNE,5,1,20.0,80.0,60.0,Xã",
                        "TOTAL,8,3,37.5,null,null,Tổng cộng");
        String export = district.get("api/reports/officials?programme=BASIC-IT&asOf=" + AS_OF).body();
        assertThat(export.lines()).hasSize(9).noneMatch(line -> line.startsWith("A1,"));
        assertThat(district.get("api/certificates?employeeCode=A1").status()).isEqualTo(404);
        assertThat(district.get("api/certificates?employeeCode=B2").array()).hasSize(2);
    }

    @Test
    void theOfficialsExportStreamsEveryActiveOfficial() {
        Api.Reply csv = hr.get("api/reports/officials?programme=BASIC-IT&asOf=" + AS_OF);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(18);
        assertThat(lines.get(0)).isEqualTo("\uFEFFemployee_code,full_name,agency_code,agency_name,level,sector,"
                + "certified,certificate_no,issued_on,expires_on");
        assertThat(lines).contains("B2,Bùi Thị Hà,H1,Ủy ban nhân dân huyện Một,DISTRICT,STATE,true,T-B2-NEW,2026-01-10,",
                "A4,Phạm Thị Dung,PS,Sở Nội vụ,PROVINCE,STATE,false,,,");

        Api.Reply xlsx = hr.get("api/reports/officials?programme=BASIC-IT&format=xlsx&asOf=" + AS_OF);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.body()).startsWith("PK");
    }

    @Test
    void anyoneCanVerifyACertificateByItsNumberAndLearnOnlyWhatItSays() {
        JsonObject valid = Api.anonymous(base).get("api/certificates/verify/T-A1").json();
        assertThat(valid.getBoolean("valid")).isTrue();
        assertThat(valid.getString("holder")).isEqualTo("Nguyễn Văn An");
        assertThat(valid.getString("agency")).isEqualTo("Sở Nội vụ");
        assertThat(valid.getString("programme")).isEqualTo("BASIC-IT");
        assertThat(valid.keySet()).doesNotContain("employeeCode", "email");

        JsonObject revoked = Api.anonymous(base).get("api/certificates/verify/T-A4").json();
        assertThat(revoked.getBoolean("valid")).isFalse();
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(Api.anonymous(base).get("api/certificates/verify/NO-SUCH").status()).isEqualTo(404);
    }

    @Test
    void aCertificatePrintsAsAPdfAndItsQrPageVerifiesIt() {
        Api.Reply pdf = hr.get("api/certificates/T-A1/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(hr.get("api/certificates/T-A4/pdf").status()).as("revoked").isEqualTo(409);
        assertThat(hr.get("api/certificates/NO-SUCH/pdf").status()).isEqualTo(404);

        String page = Api.anonymous(base).get("verify.xhtml?number=T-A1").body();
        assertThat(page).contains("Nguyễn Văn An", "Chứng chỉ hợp lệ", "Sở Nội vụ");
        assertThat(Api.anonymous(base).get("verify.xhtml?number=T-A4").body()).contains("Chứng chỉ đã bị thu hồi");
        assertThat(Api.anonymous(base).get("verify.xhtml?number=NO-SUCH").body())
                .contains("Không có chứng chỉ nào mang số này.");
    }

    @Test
    void progressTowardTheCountTargets() {
        JsonObject cio = hr.get("api/reports/progress?programme=CIO&asOf=" + AS_OF).json();
        assertThat(cio.getString("unit")).isEqualTo("OFFICIALS");
        assertThat(cio.getInt("target")).isEqualTo(100);
        assertThat(cio.getInt("achieved")).isEqualTo(1);
        assertThat(cio.getInt("remaining")).isEqualTo(99);
        assertThat(cio.getJsonNumber("percent").doubleValue()).isEqualTo(1.0);
        JsonObject basic = hr.get("api/reports/progress?programme=BASIC-IT&asOf=" + AS_OF).json();
        assertThat(basic.getInt("achieved")).as("revoked certificates do not count; expired ones do").isEqualTo(10);
    }

    @Test
    void aTraineeSeesItsOwnCertificatesOnly() {
        assertThat(admin.put("api/officials/A1/password", "{\"password\": \"a1-password\"}").status()).isEqualTo(204);
        Api trainee = Api.as(base, "A1", "a1-password");
        assertThat(trainee.get("api/certificates?employeeCode=A1").array()).singleElement()
                .satisfies(c -> assertThat(c.asJsonObject().getString("status")).isEqualTo("VALID"));
        assertThat(trainee.get("api/certificates?employeeCode=A2").status()).isEqualTo(404);
        assertThat(trainee.get("api/certificates/T-A1/pdf").status()).isEqualTo(200);
        assertThat(trainee.get("api/certificates/T-A2/pdf").status()).isEqualTo(404);
        assertThat(trainee.get("api/reports/certification?programme=BASIC-IT&by=level").status()).isEqualTo(403);
    }

    @Test
    void officialsWhoseCertificateExpiresSoonAreListedForRenewal() {
        LocalDate issued = LocalDate.now().minusMonths(36).plusDays(10);
        assertThat(admin.csv("api/certificates/import", "employee_code,programme_code,issued_on,certificate_no\n"
                + "B1,IT-SPECIALIST," + issued + ",T-B1-ITS\n").status()).isEqualTo(200);
        assertThat(hr.get("api/certificates/due-for-renewal?programme=IT-SPECIALIST").array())
                .extracting(v -> v.asJsonObject().getString("number")).containsExactly("T-B1-ITS");
        assertThat(admin.csv("api/certificates/import", "employee_code,programme_code,issued_on,certificate_no\n"
                + "B1,IT-SPECIALIST," + LocalDate.now() + ",T-B1-ITS-2\n").status()).isEqualTo(200);
        assertThat(hr.get("api/certificates/due-for-renewal?programme=IT-SPECIALIST").array())
                .as("a new certificate renews it").isEmpty();
    }

    @Test
    void theTrendGivesTheByLevelReportAtEachYearsEndWithEveryTarget() {
        JsonObject trend = hr.get("api/reports/certification/trend?programme=BASIC-IT&by=level&from=2024-01-01&to="
                + AS_OF).json();
        assertThat(trend.getString("programme")).isEqualTo("BASIC-IT");
        assertThat(trend.getJsonArray("points")).extracting(p -> p.asJsonObject().getString("asOf"))
                .containsExactly("2024-12-31", "2025-12-31", AS_OF);
        JsonObject last = trend.getJsonArray("points").get(2).asJsonObject();
        assertThat(rows(last)).isEqualTo(rows(hr.get("api/reports/certification?programme=BASIC-IT&by=level&asOf="
                + AS_OF).json()));
        assertThat(trend.getJsonArray("targets")).extracting(t -> t.asJsonObject().getString("level") + " "
                + t.asJsonObject().get("target_percent") + " " + t.asJsonObject().getString("due_on"))
                .containsExactly("PROVINCE 100.0 2026-12-31", "DISTRICT 100.0 2026-12-31", "COMMUNE 80.0 2027-12-31");
        assertThat(hr.get("api/reports/certification/trend?programme=BASIC-IT&step=quarter&from=2026-01-01&to=" + AS_OF)
                .json().getJsonArray("points")).hasSize(2);
        assertThat(hr.get("api/reports/certification/trend?programme=BASIC-IT&step=week").status()).isEqualTo(422);
        assertThat(hr.get("api/reports/certification/trend?programme=BASIC-IT&by=agency").status()).isEqualTo(422);
        assertThat(hr.get("api/reports/certification/trend?programme=BASIC-IT&from=2027-01-01&to=2026-01-01")
                .status()).isEqualTo(422);
    }

    @Test
    void aDrillDownSlicesTheReportByLevelAndDistrict() {
        assertThat(rows(hr.get("api/reports/certification?programme=BASIC-IT&by=district&level=commune&asOf=" + AS_OF)
                .json())).containsExactly("H1,5,1,20.0,null,null,Ủy ban nhân dân huyện Một",
                        "HU1,2,1,50.0,null,null,Huyện ủy Một", "TOTAL,7,2,28.6,null,null,Tổng cộng");
        assertThat(rows(hr.get("api/reports/certification?programme=BASIC-IT&by=agency&district=H1&asOf=" + AS_OF)
                .json())).extracting(row -> row.split(",")[0]).containsExactly("H1", "X1", "X2", "TOTAL");
        assertThat(hr.get("api/reports/certification?programme=BASIC-IT&by=level&level=city").status()).isEqualTo(422);
    }

    @Test
    void itStaffWithAnItDegreePerGroup() {
        // A tree of its own, so that the province the other tests count stays as it is.
        assertThat(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                ITR,Sở thử nghiệm,PROVINCE,STATE,
                ITR-X,Xã thử nghiệm,COMMUNE,STATE,ITR
                """).status()).isEqualTo(200);
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position,it_degree
                IT-01,Lê Văn Mạng,ITR,IT_SPECIALIST,UNIVERSITY
                IT-02,Trần Văn Máy,ITR-X,IT_SPECIALIST,VOCATIONAL
                IT-03,Hồ Thị Số,ITR-X,STAFF,POSTGRADUATE
                """).status()).isEqualTo(200);
        assertThat(admin.put("api/accounts/hr-itr", """
                {"password": "itr-hr-pass", "roles": ["HR"], "agency": "ITR"}""").status()).isEqualTo(201);
        Api itr = Api.as(base, "hr-itr", "itr-hr-pass");
        JsonObject report = itr.get("api/reports/it-staff?by=level").json();
        assertThat(report.getJsonArray("rows")).extracting(r -> r.asJsonObject().getString("group") + " "
                + r.asJsonObject().getInt("officials") + " " + r.asJsonObject().getInt("qualified") + " "
                + r.asJsonObject().get("rate_percent")).containsExactly("PROVINCE 1 1 100.0", "COMMUNE 1 0 0.0",
                        "TOTAL 2 1 50.0");
        assertThat(itr.get("api/reports/it-staff?by=sector&format=csv").body().lines().toList()).containsExactly(
                "\uFEFFgroup,officials,qualified,rate_percent,group_name", "PARTY,0,0,0.0,Khối Đảng",
                "STATE,2,1,50.0,Khối chính quyền", "TOTAL,2,1,50.0,Tổng cộng");
        assertThat(itr.get("api/reports/it-staff").status()).isEqualTo(422);
    }

    @Test
    void theOfficialsReportTakesAnAgencyWithItsSubtreeAndWhetherCertified() {
        List<String> lines = hr.get("api/reports/officials?programme=BASIC-IT&agency=H1&certified=false&asOf=" + AS_OF)
                .body().lines().skip(1).map(line -> line.split(",")[0]).toList();
        assertThat(lines).containsExactly("B3", "C2", "C3", "C7", "C8");
        assertThat(hr.get("api/reports/officials?programme=BASIC-IT&agency=H1&certified=true&asOf=" + AS_OF)
                .body().lines().skip(1)).allMatch(line -> line.contains(",true,")).hasSize(3);
        assertThat(hr.get("api/reports/officials?programme=BASIC-IT&agency=NOPE").status()).isEqualTo(422);
        assertThat(hr.get("api/reports/officials?programme=BASIC-IT&certified=maybe").status()).isEqualTo(422);
    }

    @Test
    void badParametersAreClearErrors() {
        assertThat(hr.get("api/reports/certification?programme=BASIC-IT&by=city").status()).isEqualTo(422);
        assertThat(hr.get("api/reports/certification?programme=NOPE&by=level").status()).isEqualTo(422);
        assertThat(hr.get("api/reports/certification?programme=BASIC-IT&by=level&asOf=30-06-2026").status())
                .isEqualTo(422);
        assertThat(hr.get("api/reports/certification?by=level").json().getString("detail")).contains("programme");
        assertThat(hr.get("api/reports/officials?programme=BASIC-IT&format=pdf").status()).isEqualTo(422);
        assertThat(hr.get("api/reports/officials?programme=BASIC-IT&format=json").status()).isEqualTo(422);
        assertThat(admin.post("api/certificates/T-A1/revoke", "application/json", "{}").status()).isEqualTo(422);
        assertThat(hr.post("api/certificates/T-A1/revoke", "application/json", "{\"reason\": \"x\"}").status())
                .isEqualTo(403);
    }
}
