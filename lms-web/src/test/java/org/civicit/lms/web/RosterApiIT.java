package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The roster API, its roles and its errors, black-box against the built WAR in a real
 * Payara Micro. Each test writes under codes of its own, so the tests may run in any order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterApiIT {


    @ArquillianResource
    URL base;

    /** A province with one district of two communes, codes prefixed so tests do not meet. */
    private void province(Api admin, String p) {
        Api.Reply reply = admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                %1$s-TINH,Ủy ban nhân dân tỉnh %1$s,tỉnh,chính quyền,
                %1$s-SO,Sở Nội vụ,PROVINCE,STATE,%1$s-TINH
                %1$s-H1,Ủy ban nhân dân huyện Một,HUYEN,CHINH_QUYEN,%1$s-TINH
                %1$s-X1,Ủy ban nhân dân xã Một,xã,STATE,%1$s-H1
                %1$s-X2,Ủy ban nhân dân xã Hai,COMMUNE,STATE,%1$s-H1
                """.formatted(p));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        reply = admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position,email,it_degree,active
                %1$s-01,Nguyễn Văn An,%1$s-SO,LEADER,an@example.gov.vn,UNIVERSITY,true
                %1$s-02,Trần Thị Bích,%1$s-H1,IT_SPECIALIST,,COLLEGE,
                %1$s-03,Lê Văn Cường,%1$s-X1,STAFF,,,
                %1$s-04,Phạm Thị Dung,%1$s-X2,staff,,,FALSE
                %1$s-05,Đặng Văn Đức,%1$s-X2,LEADER,,,
                """.formatted(p));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static JsonObject result(int created, int updated, int unchanged) {
        return Json.createObjectBuilder().add("created", created).add("updated", updated)
                .add("unchanged", unchanged).build();
    }

    private static JsonObject find(List<JsonValue> nodes, String code) {
        for (JsonValue value : nodes) {
            JsonObject node = value.asJsonObject();
            if (node.getString("code").equals(code)) {
                return node;
            }
            JsonObject below = find(node.getJsonArray("children"), code);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    @Test
    void importingAgenciesTwiceCreatesThenChangesNothing() {
        Api admin = Api.admin(base);
        String file = "\uFEFFparent_code,sector,level,name,code\n,đảng,tỉnh,Tỉnh ủy,IMP-TU\nIMP-TU,DANG,TINH,Ban Tổ chức,IMP-BTC\n";
        assertThat(admin.csv("api/agencies/import", file).json())
                .isEqualTo(result(2, 0, 0));
        assertThat(admin.csv("api/agencies/import", file).json()).isEqualTo(result(0, 0, 2));
        String renamed = file.replace("Ban Tổ chức", "Ban Tổ chức Tỉnh ủy");
        assertThat(admin.csv("api/agencies/import", renamed).json()).isEqualTo(result(0, 1, 1));

        JsonObject party = find(admin.get("api/agencies").array(), "IMP-TU");
        assertThat(party.getString("level")).isEqualTo("PROVINCE");
        assertThat(party.getString("sector")).isEqualTo("PARTY");
        assertThat(party.getJsonArray("children")).singleElement()
                .satisfies(child -> assertThat(child.asJsonObject().getString("name")).isEqualTo("Ban Tổ chức Tỉnh ủy"));
    }

    @Test
    void aFileWithErrorsListsThemAllAndWritesNothing() {
        Api admin = Api.admin(base);
        Api.Reply reply = admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                BAD-1,Đúng,PROVINCE,STATE,
                BAD-2,,PROVINCE,STATE,
                BAD-3,Sai cấp,CITY,STATE,
                BAD-4,Cha sau,COMMUNE,STATE,BAD-5
                BAD-5,Cha,DISTRICT,STATE,BAD-1
                BAD-1,Trùng,PROVINCE,STATE,
                """);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(422);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).contains("4");
        assertThat(problem.getJsonArray("errors")).extracting(
                        e -> e.asJsonObject().getInt("line") + ":" + e.asJsonObject().getString("column"))
                .containsExactly("3:name", "4:level", "5:parent_code", "7:code");
        assertThat(problem.getJsonArray("errors").getJsonObject(1).getString("message")).contains("CITY", "PROVINCE");
        assertThat(find(admin.get("api/agencies").array(), "BAD-1")).isNull();
    }

    @Test
    void officialsAreSearchedByLevelAgencyPositionAndNameWithoutDiacritics() {
        Api admin = Api.admin(base);
        province(admin, "SRCH");
        JsonObject all = admin.get("api/officials?agency=SRCH-TINH").json();
        assertThat(all.getInt("total")).as("inactive officials are left out by default").isEqualTo(4);
        assertThat(admin.get("api/officials?agency=SRCH-TINH&active=all").json().getInt("total")).isEqualTo(5);
        assertThat(admin.get("api/officials?agency=SRCH-TINH&level=xa").json().getInt("total")).isEqualTo(2);
        assertThat(admin.get("api/officials?agency=SRCH-H1&includeSubtree=false").json().getInt("total")).isEqualTo(1);
        assertThat(admin.get("api/officials?agency=SRCH-TINH&position=leader").json().getInt("total")).isEqualTo(2);

        JsonObject found = admin.get("api/officials?agency=SRCH-TINH&q=dang%20van%20duc").json();
        assertThat(found.getInt("total")).isEqualTo(1);
        JsonObject duc = found.getJsonArray("items").getJsonObject(0);
        assertThat(duc.getString("fullName")).isEqualTo("Đặng Văn Đức");
        assertThat(duc.getString("agencyCode")).isEqualTo("SRCH-X2");
        assertThat(duc.getString("level")).isEqualTo("COMMUNE");

        JsonObject page = admin.get("api/officials?agency=SRCH-TINH&size=3&page=2").json();
        assertThat(page.getInt("total")).isEqualTo(4);
        assertThat(page.getJsonArray("items")).extracting(v -> v.asJsonObject().getString("employeeCode"))
                .containsExactly("SRCH-05");

        assertThat(admin.get("api/officials/SRCH-01").json().getString("email")).isEqualTo("an@example.gov.vn");
        assertThat(admin.get("api/officials/NOBODY").status()).isEqualTo(404);
        assertThat(admin.get("api/officials?level=city").status()).isEqualTo(422);
        assertThat(admin.get("api/officials?page=0").status()).isEqualTo(422);
    }

    @Test
    void hrSeesAndActsOnlyWithinItsSubtree() {
        Api admin = Api.admin(base);
        province(admin, "HRS");
        assertThat(admin.put("api/accounts/hr-hrs", """
                {"password": "district-hr-1", "roles": ["HR"], "agency": "HRS-H1"}""").status()).isEqualTo(201);
        Api hr = Api.as(base, "hr-hrs", "district-hr-1");

        assertThat(hr.get("api/officials?active=all").json().getJsonArray("items"))
                .extracting(v -> v.asJsonObject().getString("employeeCode"))
                .containsExactly("HRS-02", "HRS-03", "HRS-04", "HRS-05");
        assertThat(hr.get("api/agencies").array()).singleElement()
                .satisfies(root -> assertThat(root.asJsonObject().getString("code")).isEqualTo("HRS-H1"));
        assertThat(hr.get("api/officials/HRS-03").status()).isEqualTo(200);
        assertThat(hr.get("api/officials/HRS-01").status()).as("out of scope is not found").isEqualTo(404);
        assertThat(hr.put("api/officials/HRS-01/password", "{\"password\": \"trainee-pass-1\"}").status()).isEqualTo(404);
        assertThat(hr.put("api/officials/HRS-03/password", "{\"password\": \"trainee-pass-1\"}").status()).isEqualTo(204);
        assertThat(hr.csv("api/agencies/import", "code,name,level,sector\nHRS-NEW,Mới,COMMUNE,STATE\n").status())
                .isEqualTo(403);

        Api.Reply outside = hr.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                HRS-01,Nguyễn Văn An,HRS-X1,LEADER
                HRS-06,Vũ Thị Giang,HRS-SO,STAFF
                """);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().getJsonArray("errors")).extracting(
                        e -> e.asJsonObject().getInt("line") + ":" + e.asJsonObject().getString("column"))
                .containsExactlyInAnyOrder("2:employee_code", "3:agency_code");
        assertThat(hr.csv("api/officials/import", "employee_code,full_name,agency_code,position\nHRS-06,Vũ Thị Giang,HRS-X1,STAFF\n")
                .json().getInt("created")).isEqualTo(1);
    }

    @Test
    void hrCannotTakeOverAStaffAccount() {
        Api admin = Api.admin(base);
        province(admin, "TKO");
        assertThat(admin.put("api/accounts/hr-tko", """
                {"password": "tko-hr-pass-1", "roles": ["HR"], "agency": "TKO-H1"}""").status()).isEqualTo(201);
        Api hr = Api.as(base, "hr-tko", "tko-hr-pass-1");

        Api.Reply impostor = hr.csv("api/officials/import",
                "employee_code,full_name,agency_code,position\nadmin,Kẻ Gian,TKO-X1,STAFF\n");
        assertThat(impostor.status()).isEqualTo(422);
        assertThat(hr.put("api/officials/admin/password", "{\"password\": \"taken-over-1\"}").status()).isEqualTo(404);

        // An official of the district who is also HR: the district's HR may not reset that account.
        assertThat(admin.put("api/accounts/TKO-02", """
                {"password": "tko-02-pass-1", "roles": ["HR"], "agency": "TKO-H1"}""").status()).isEqualTo(201);
        assertThat(hr.put("api/officials/TKO-02/password", "{\"password\": \"taken-over-1\"}").status()).isEqualTo(403);
        assertThat(Api.as(base, "TKO-02", "tko-02-pass-1").get("api/accounts/me").status()).isEqualTo(200);
        assertThat(admin.put("api/officials/TKO-02/password", "{\"password\": \"reset-by-admin\"}").status())
                .isEqualTo(204);
    }

    @Test
    void aRoleTakenAwayCountsFromTheNextRequestOfTheSameSession() {
        Api admin = Api.admin(base);
        province(admin, "ROLE");
        admin.put("api/accounts/hr-role", "{\"password\": \"role-hr-pass\", \"roles\": [\"HR\"], \"agency\": \"ROLE-TINH\"}");
        Api hr = Api.as(base, "hr-role", "role-hr-pass");
        assertThat(hr.get("api/officials").status()).isEqualTo(200);
        assertThat(admin.put("api/accounts/hr-role", "{\"roles\": [\"INSTRUCTOR\"]}").status()).isEqualTo(200);
        assertThat(hr.get("api/officials").status()).isEqualTo(403);
    }

    @Test
    void officialsLogInAsTraineesWithThePasswordHrSet() {
        Api admin = Api.admin(base);
        province(admin, "PWD");
        assertThat(admin.put("api/officials/PWD-03/password", "{\"password\": \"short\"}").status()).isEqualTo(422);
        assertThat(Api.as(base, "PWD-03", "whatever-1").get("api/accounts/me").status()).isEqualTo(401);
        assertThat(admin.put("api/officials/PWD-03/password", "{\"password\": \"trainee-pass-1\"}").status()).isEqualTo(204);

        Api trainee = Api.as(base, "PWD-03", "trainee-pass-1");
        JsonObject me = trainee.get("api/accounts/me").json();
        assertThat(me.getString("fullName")).isEqualTo("Lê Văn Cường");
        assertThat(me.getJsonArray("roles")).extracting(v -> ((jakarta.json.JsonString) v).getString())
                .containsExactly("TRAINEE");
        assertThat(trainee.get("api/officials/PWD-03").status()).as("a trainee sees its own record").isEqualTo(200);
        assertThat(trainee.get("api/officials/PWD-05").status()).isEqualTo(404);
        assertThat(trainee.get("api/officials").status()).isEqualTo(403);
        assertThat(trainee.csv("api/officials/import", "employee_code,full_name,agency_code,position\n").status())
                .isEqualTo(403);

        // An official who left the service can no longer log in.
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position,active\nPWD-03,Lê Văn Cường,PWD-X1,STAFF,false\n");
        assertThat(Api.as(base, "PWD-03", "trainee-pass-1").get("api/accounts/me").status()).isEqualTo(401);
    }

    @Test
    void anApiClientKeepingItsCookieStaysLoggedInWithoutResendingItsPassword() {
        Api admin = Api.admin(base);
        assertThat(admin.get("api/accounts/me").status()).isEqualTo(200);
        // The same cookie jar without any credentials: the session carries the login.
        assertThat(admin.sameSessionWithoutCredentials().get("api/accounts/me").status()).isEqualTo(200);
        assertThat(Api.anonymous(base).get("api/accounts/me").status()).isEqualTo(401);
    }

    @Test
    void anonymousAndWrongCredentialsGetAProblemWithTheBasicChallenge() {
        Api.Reply anonymous = Api.anonymous(base).get("api/officials");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.challenge()).startsWith("Basic");
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Api.Reply wrong = Api.as(base, "admin", "wrong-password").get("api/officials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().getString("detail")).contains("mật khẩu");
    }

    @Test
    void tenWrongPasswordsStopThatAddressTryingThatAccountForAWhile() {
        Api admin = Api.admin(base);
        assertThat(admin.put("api/accounts/lock-me", "{\"password\": \"right-pass-1\", \"roles\": [\"INSTRUCTOR\"]}")
                .status()).isIn(200, 201);
        for (int i = 0; i < 10; i++) {
            assertThat(Api.as(base, "lock-me", "wrong-pass-" + i).get("api/accounts/me").status()).isEqualTo(401);
        }
        Api.Reply locked = Api.as(base, "lock-me", "right-pass-1").get("api/accounts/me");
        assertThat(locked.status()).as("even the right password, for now").isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().getString("detail")).contains("15 phút");
        assertThat(admin.get("api/accounts/me").status()).as("other accounts log in as before").isEqualTo(200);
    }

    @Test
    void errorsAreProblemsInTheCallersLanguage() {
        Api admin = Api.admin(base);
        Api.Reply unknown = admin.get("api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().getString("type")).isEqualTo("urn:lms:problem:unknown-path");

        Api.Reply malformed = admin.put("api/officials/X/password", "{\"password\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("type")).isEqualTo("urn:lms:problem:malformed-json");

        Api.Reply wrongType = admin.post("api/agencies/import", "application/json", "{}");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().getString("detail")).contains("text/csv");

        assertThat(admin.get("api/agencies/import").status()).isEqualTo(405);

        Api.Reply english = Api.admin(base).with("Accept-Language", "en-GB,en;q=0.8")
                .csv("api/agencies/import", "code,name\n");
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("The required column \"level\" is missing.");
        Api.Reply vietnamese = admin.csv("api/agencies/import", "code,name\n");
        assertThat(vietnamese.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("Thiếu cột bắt buộc \"level\".");

        Api.Reply wrongAccount = admin.put("api/accounts/x", "{\"roles\": [\"KING\"], \"password\": \"long-enough\"}");
        assertThat(wrongAccount.status()).isEqualTo(422);
        assertThat(wrongAccount.json().getString("detail")).contains("KING");
    }

    @Test
    void anotherSiteCannotMakeALoggedInBrowserChangeData() {
        Api.Reply forged = Api.admin(base).with("Origin", "http://evil.example")
                .csv("api/agencies/import", "code,name,level,sector\nEVIL,Evil,PROVINCE,STATE\n");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(find(Api.admin(base).get("api/agencies").array(), "EVIL")).isNull();
    }

    @Test
    void healthAndOpenApiAnswer() throws Exception {
        Api anonymous = Api.anonymous(new URL(base, "/"));
        assertThat(anonymous.get("health/ready").status()).isEqualTo(200);
        Api.Reply openapi = anonymous.get("openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/officials/import", "/api/agencies");
    }

    @Test
    void anyoneLoggedInChangesItsOwnPasswordWithTheCurrentOne() {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPW-X,Xã Mật Khẩu,COMMUNE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\nPW-1,Lý Văn Khóa,PW-X,STAFF\n");
        assertThat(admin.put("api/officials/PW-1/password", "{\"password\": \"given-by-hr-1\"}").status()).isEqualTo(204);
        Api trainee = Api.as(base, "PW-1", "given-by-hr-1");
        assertThat(trainee.put("api/accounts/me/password", "{\"current\": \"not-it-at-all\", \"new\": \"mine-own-pass\"}")
                .status()).isEqualTo(403);
        assertThat(trainee.put("api/accounts/me/password", "{\"current\": \"given-by-hr-1\", \"new\": \"short\"}")
                .status()).isEqualTo(422);
        assertThat(trainee.put("api/accounts/me/password", "{\"current\": \"given-by-hr-1\", \"new\": \"mine-own-pass\"}")
                .status()).isEqualTo(204);
        assertThat(Api.as(base, "PW-1", "given-by-hr-1").get("api/accounts/me").status()).isEqualTo(401);
        assertThat(Api.as(base, "PW-1", "mine-own-pass").get("api/accounts/me").status()).isEqualTo(200);
        assertThat(Api.anonymous(base).put("api/accounts/me/password", "{}").status()).isEqualTo(401);
    }

    @Test
    void aResetIsAskedWithoutLoginAndTheAnswerSaysNothingOfWhetherTheAccountExists() {
        Api anonymous = Api.anonymous(base);
        Api.Reply known = anonymous.post("api/password-resets", "application/json", "{\"username\": \"admin\"}");
        Api.Reply unknown = anonymous.post("api/password-resets", "application/json", "{\"username\": \"no-such-one\"}");
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(anonymous.post("api/password-resets", "application/json", "{}").status()).isEqualTo(202);
    }
}
