package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.json.JsonValue;

import com.icegreen.greenmail.util.GreenMail;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Venues, sessions and attendance through the API (CONTRACT section 9), and what attendance does to completion. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimetableApiIT {

    private static final String PASSWORD = "timetable-pass-1";


    @ArquillianResource
    URL base;

    /** A district with IT specialists and staff, its HR and an instructor; every account logs in with one password. */
    private Api district(String p) {
        Api admin = Api.admin(base);
        expect(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                %1$s-TINH,Ủy ban nhân dân tỉnh,PROVINCE,STATE,
                %1$s-H,Ủy ban nhân dân huyện,DISTRICT,STATE,%1$s-TINH
                """.formatted(p)), 200);
        expect(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                %1$s-S1,Phạm Thị Bình,%1$s-H,IT_SPECIALIST
                %1$s-S2,Nguyễn Văn Cường,%1$s-H,IT_SPECIALIST
                %1$s-S3,Lê Thị Dung,%1$s-H,STAFF
                %1$s-S4,Hoàng Văn Em,%1$s-H,STAFF
                %1$s-S5,Đỗ Văn Giang,%1$s-H,LEADER
                """.formatted(p)), 200);
        for (String code : List.of("S1", "S2", "S3", "S4", "S5")) {
            expect(admin.put("api/officials/" + p + "-" + code + "/password", "{\"password\": \"" + PASSWORD + "\"}"),
                    204);
        }
        String lower = p.toLowerCase();
        expect(admin.put("api/accounts/" + lower + "-hr", "{\"password\": \"" + PASSWORD
                + "\", \"roles\": [\"HR\"], \"agency\": \"" + p + "-H\"}"), 201);
        expect(admin.put("api/accounts/" + lower + "-other-hr", "{\"password\": \"" + PASSWORD
                + "\", \"roles\": [\"HR\"], \"agency\": \"" + p + "-H\"}"), 201);
        expect(admin.put("api/accounts/" + lower + "-gv", "{\"password\": \"" + PASSWORD
                + "\", \"roles\": [\"INSTRUCTOR\"]}"), 201);
        return admin;
    }

    private Api as(String username) {
        return Api.as(base, username, PASSWORD);
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    private static String offering(String code, String course, String instructor, String extra) {
        return """
                {"code": "%s", "course": "%s", "title": "Lớp %s", "startsOn": "2027-04-01", "endsOn": "2027-04-30",
                 "capacity": 10, "place": "Trung tâm hội nghị", "instructors": ["%s"]%s}"""
                .formatted(code, course, code, instructor, extra);
    }

    private static String session(String day, String from, String to, String venue, String... points) {
        String joined = points.length == 0 ? "" : ", \"videoPoints\": [" + String.join(", ",
                List.of(points).stream().map(p -> "\"" + p + "\"").toList()) + "]";
        return """
                {"startsAt": "2027-04-%sT%s", "endsAt": "2027-04-%sT%s", "venue": "%s"%s}"""
                .formatted(day, from, day, to, venue, joined);
    }

    private static String marks(String... pairs) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append("{\"employeeCode\": \"").append(pairs[i])
                    .append("\", \"status\": \"").append(pairs[i + 1]).append("\"}");
        }
        return json.append(']').toString();
    }

    private static Map<String, JsonObject> attendance(Api api, String offering) {
        return api.get("api/offerings/" + offering + "/attendance").array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(l -> l.getString("employeeCode"), l -> l));
    }

    private static String status(Api api, String offering, String employeeCode) {
        return api.get("api/offerings/" + offering + "/enrolments").array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("employeeCode").equals(employeeCode)).findFirst().orElseThrow()
                .getString("status");
    }

    @Test
    void theAdminKeepsVenuesByHandAndBySpreadsheet() {
        Api admin = district("TTV");
        expect(admin.post("api/venues", "application/json", """
                {"code": "TTV-HT", "name": "Hội trường UBND tỉnh", "kind": "HALL", "seats": 120,
                 "address": "Số 1 đường Trần Hưng Đạo"}"""), 201);
        expect(admin.post("api/venues", "application/json", """
                {"code": "TTV-HT", "name": "Hội trường khác", "kind": "HALL", "seats": 10}"""), 409);
        Api.Reply kind = expect(admin.post("api/venues", "application/json", """
                {"code": "TTV-X", "name": "Nhà bếp", "kind": "KITCHEN", "seats": 10}"""), 422);
        assertThat(kind.json().getString("detail")).contains("VIDEO_POINT");
        expect(admin.post("api/venues", "application/json", """
                {"code": "TTV-Y", "name": "Phòng không ghế", "kind": "HALL", "seats": 0}"""), 422);
        expect(as("ttv-hr").post("api/venues", "application/json", """
                {"code": "TTV-Z", "name": "Phòng HR", "kind": "HALL", "seats": 5}"""), 403);

        Api.Reply bad = expect(admin.csv("api/venues/import", """
                code,name,kind,seats,address
                TTV-DC1,Điểm cầu xã Một,VIDEO_POINT,20,
                TTV-DC2,Điểm cầu xã Hai,điểm cầu,20,
                TTV-PM,Phòng máy,COMPUTER_ROOM,-3,
                """), 422);
        assertThat(bad.json().getJsonArray("errors")).extracting(e -> e.asJsonObject().getInt("line"))
                .containsExactly(3, 4);
        assertThat(codes(admin)).as("nothing half-written").doesNotContain("TTV-DC1");

        String good = """
                code,name,kind,seats,address
                TTV-DC1,Điểm cầu xã Một,VIDEO_POINT,20,
                TTV-DC2,Điểm cầu xã Hai,video_point,25,"Thôn 3, xã Hai"
                TTV-HT,Hội trường UBND tỉnh,HALL,120,Số 1 đường Trần Hưng Đạo
                """;
        JsonObject first = expect(admin.csv("api/venues/import", good), 200).json();
        assertThat(List.of(first.getInt("created"), first.getInt("updated"), first.getInt("unchanged")))
                .containsExactly(2, 0, 1);
        JsonObject again = expect(admin.csv("api/venues/import", good.replace(",25,", ",30,")), 200).json();
        assertThat(List.of(again.getInt("created"), again.getInt("updated"), again.getInt("unchanged")))
                .containsExactly(0, 1, 2);

        JsonObject point = as("ttv-gv").get("api/venues").array().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("code").equals("TTV-DC2")).findFirst().orElseThrow();
        assertThat(point.getString("kind")).isEqualTo("VIDEO_POINT");
        assertThat(point.getInt("seats")).isEqualTo(30);
        assertThat(point.getString("address")).isEqualTo("Thôn 3, xã Hai");
        assertThat(codes(as("ttv-hr"))).contains("TTV-HT", "TTV-DC1");
        expect(as("TTV-S1").get("api/venues"), 403);
    }

    private static List<String> codes(Api api) {
        return api.get("api/venues").array().stream().map(v -> v.asJsonObject().getString("code")).toList();
    }

    @Test
    void aVenueHoldsOneSessionAtATimeAndSeatsEveryoneWithASeat() {
        Api admin = district("TTS");
        expect(admin.csv("api/venues/import", """
                code,name,kind,seats
                TTS-HT,Hội trường huyện,HALL,40
                TTS-NHO,Phòng họp nhỏ,HALL,2
                TTS-DC1,Điểm cầu xã Một,VIDEO_POINT,1
                TTS-DC2,Điểm cầu xã Hai,VIDEO_POINT,1
                """), 200);
        Api hr = as("tts-hr");
        Api instructor = as("tts-gv");
        expect(hr.post("api/offerings", "application/json", offering("TTS-A", "IU01", "tts-gv", "")), 201);
        expect(hr.post("api/offerings", "application/json", offering("TTS-B", "IU02", "tts-gv", "")), 201);
        for (String trainee : List.of("TTS-S1", "TTS-S3", "TTS-S4")) {
            expect(hr.post("api/offerings/TTS-A/enrolments", "application/json",
                    "{\"employeeCode\": \"" + trainee + "\"}"), 201);
        }

        JsonObject created = expect(hr.post("api/offerings/TTS-A/sessions", "application/json",
                session("05", "08:00", "11:00", "TTS-HT")), 201).json();
        assertThat(created.getString("venue")).isEqualTo("TTS-HT");
        assertThat(created.getString("startsAt")).startsWith("2027-04-05T08:00");
        expect(instructor.post("api/offerings/TTS-A/sessions", "application/json",
                session("06", "08:00", "11:00", "TTS-HT")), 201);
        expect(as("tts-other-hr").post("api/offerings/TTS-A/sessions", "application/json",
                session("07", "08:00", "11:00", "TTS-HT")), 403);
        expect(as("tts-other-hr").get("api/offerings/TTS-A/sessions"), 403);
        expect(as("TTS-S1").get("api/offerings/TTS-A/sessions"), 403);

        Api.Reply taken = expect(admin.post("api/offerings/TTS-B/sessions", "application/json",
                session("05", "10:30", "12:00", "TTS-HT")), 409);
        assertThat(taken.json().getString("detail")).contains("TTS-A", "Hội trường huyện");
        expect(admin.post("api/offerings/TTS-B/sessions", "application/json",
                session("05", "11:00", "12:00", "TTS-HT")), 201);

        Api.Reply small = expect(hr.post("api/offerings/TTS-A/sessions", "application/json",
                session("08", "08:00", "11:00", "TTS-NHO")), 422);
        assertThat(small.json().getString("detail")).contains("3", "2", "Phòng họp nhỏ");
        expect(hr.post("api/offerings/TTS-A/sessions", "application/json",
                session("08", "08:00", "11:00", "TTS-NHO", "TTS-HT")), 422);
        expect(hr.post("api/offerings/TTS-A/sessions", "application/json",
                session("08", "08:00", "11:00", "TTS-NHO", "TTS-DC1")), 201);
        Api.Reply pointTaken = expect(admin.post("api/offerings/TTS-B/sessions", "application/json",
                session("08", "10:00", "12:00", "TTS-DC2", "TTS-DC1")), 409);
        assertThat(pointTaken.json().getString("detail")).contains("TTS-A", "Điểm cầu xã Một");

        Api.Reply tooFew = expect(admin.csv("api/venues/import", """
                code,name,kind,seats
                TTS-NHO,Phòng họp nhỏ,HALL,2
                TTS-HT,Hội trường huyện,HALL,2
                TTS-DC2,Điểm cầu xã Hai,VIDEO_POINT,1
                """), 422);
        List<JsonObject> shortfalls = tooFew.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(shortfalls).as("the hall's two sessions of TTS-A, each for 3")
                .extracting(e -> e.getInt("line")).containsExactly(3, 3);
        assertThat(shortfalls.get(0).getString("message")).contains("TTS-A", "05/04/2027 08:00", "3");
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nTTS-DC1,Điểm cầu xã Một,VIDEO_POINT,0\n"), 422);
        Api.Reply pointShort = expect(admin.csv("api/venues/import", """
                code,name,kind,seats
                TTS-NHO,Phòng họp nhỏ,HALL,1
                TTS-DC1,Điểm cầu xã Một,VIDEO_POINT,1
                """), 422);
        assertThat(pointShort.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .as("the hall and the point it joins are counted together").singleElement()
                .satisfies(e -> assertThat(e.getString("message")).contains("TTS-A", "08/04/2027"));
        assertThat(instructor.get("api/venues").array().getValuesAs(JsonObject.class)).filteredOn(
                v -> v.getString("code").equals("TTS-HT")).singleElement()
                .satisfies(v -> assertThat(v.getInt("seats")).as("nothing half-written").isEqualTo(40));
        expect(hr.post("api/offerings/TTS-A/sessions", "application/json",
                session("09", "11:00", "08:00", "TTS-HT")), 422);
        expect(hr.post("api/offerings/TTS-A/sessions", "application/json",
                session("09", "08:00", "11:00", "TTS-NOWHERE")), 422);
        expect(hr.post("api/offerings/NO-CLASS/sessions", "application/json",
                session("09", "08:00", "11:00", "TTS-HT")), 404);

        List<JsonObject> sessions = instructor.get("api/offerings/TTS-A/sessions").array()
                .getValuesAs(JsonObject.class);
        assertThat(sessions).extracting(s -> s.getString("startsAt").substring(0, 10))
                .containsExactly("2027-04-05", "2027-04-06", "2027-04-08");
        assertThat(sessions.get(2).getJsonArray("videoPoints")).extracting(v -> ((jakarta.json.JsonString) v)
                .getString()).containsExactly("TTS-DC1");

        long first = sessions.get(0).getJsonNumber("id").longValue();
        expect(instructor.put("api/offerings/TTS-A/sessions/" + first + "/attendance",
                marks("TTS-S1", "PRESENT", "TTS-S3", "LATE", "TTS-S4", "ABSENT")), 204);
        JsonObject counted = instructor.get("api/offerings/TTS-A/sessions").array().getJsonObject(0);
        assertThat(List.of(counted.getInt("marked"), counted.getInt("attended"))).containsExactly(3, 2);
        Api.Reply noSeat = expect(instructor.put("api/offerings/TTS-A/sessions/" + first + "/attendance",
                marks("TTS-S2", "PRESENT")), 422);
        assertThat(noSeat.json().getString("detail")).contains("TTS-S2");
        expect(instructor.put("api/offerings/TTS-A/sessions/" + first + "/attendance",
                marks("TTS-S1", "SLEEPING")), 422);
        expect(hr.put("api/offerings/TTS-A/sessions/" + first + "/attendance", marks("TTS-S1", "PRESENT")), 403);
        expect(instructor.put("api/offerings/TTS-B/sessions/" + first + "/attendance",
                marks("TTS-S1", "PRESENT")), 404);

        Map<String, JsonObject> lines = attendance(hr, "TTS-A");
        assertThat(lines.get("TTS-S3").getInt("attended")).isEqualTo(1);
        assertThat(lines.get("TTS-S3").getInt("sessions")).isEqualTo(3);
        assertThat(lines.get("TTS-S3").getJsonNumber("percent").doubleValue()).isEqualTo(33.3);
        assertThat(lines.get("TTS-S4").getInt("attended")).isZero();
        assertThat(lines.get("TTS-S4").getString("fullName")).isEqualTo("Hoàng Văn Em");
        Api.Reply csv = expect(hr.get("api/offerings/TTS-A/attendance?format=csv"), 200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFemployee_code,full_name,attended,sessions,percent")
                .contains("TTS-S3,Lê Thị Dung,1,3,33.3");
        assertThat(expect(hr.with("Accept", "text/csv").get("api/offerings/TTS-A/attendance"), 200).body())
                .contains("TTS-S1,Phạm Thị Bình,1,3,33.3");
    }

    private static List<Integer> lessonNumbers(Api api, String course) {
        return api.get("api/courses/" + course).json().getJsonArray("lessonList").getValuesAs(JsonObject.class)
                .stream().map(l -> l.getInt("number")).toList();
    }

    private static void studyEveryLesson(Api trainee, String course) {
        for (int number : lessonNumbers(trainee, course)) {
            expect(trainee.put("api/courses/" + course + "/lessons/" + number + "/done", ""), 200);
        }
    }

    @Test
    void aCourseCountsOnlyWithFourSessionsOfFiveAndThePlaceFailsOnceFourAreOutOfReach() throws Exception {
        GreenMail smtp = TestSmtp.started();
        try {
            attendanceDecidesTheCourse(smtp);
        } finally {
            smtp.stop();
        }
    }

    private void attendanceDecidesTheCourse(GreenMail smtp) throws Exception {
        Api admin = district("TTC");
        expect(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position,email
                TTC-S1,Phạm Thị Bình,TTC-H,IT_SPECIALIST,binh.pham@ttc.example.vn
                TTC-S2,Nguyễn Văn Cường,TTC-H,IT_SPECIALIST,cuong.nguyen@ttc.example.vn
                """), 200);
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nTTC-HT,Hội trường TTC,HALL,30\n"), 200);
        Api hr = as("ttc-hr");
        Api instructor = as("ttc-gv");
        Api trainee = as("TTC-S1");
        for (String course : List.of("ITS-01", "ITS-02", "ITS-03")) {
            expect(hr.post("api/offerings", "application/json", offering("TTC-" + course, course, "ttc-gv", "")), 201);
            expect(hr.post("api/offerings/TTC-" + course + "/enrolments", "application/json",
                    "{\"employeeCode\": \"TTC-S1\"}"), 201);
            studyEveryLesson(trainee, course);
            assertThat(trainee.get("api/courses/" + course + "/progress").json().getBoolean("completed"))
                    .as("a class without sessions asks no attendance").isTrue();
        }
        JsonObject opened = expect(hr.post("api/offerings", "application/json",
                offering("TTC-ITS-04", "ITS-04", "ttc-gv", "")), 201).json();
        assertThat(opened.getInt("minAttendancePercent")).as("the default of specialist classes").isEqualTo(80);
        expect(hr.post("api/offerings", "application/json",
                offering("TTC-BAD", "IU01", "ttc-gv", ", \"minAttendancePercent\": 120")), 422);
        for (String code : List.of("TTC-S1", "TTC-S2")) {
            expect(hr.post("api/offerings/TTC-ITS-04/enrolments", "application/json",
                    "{\"employeeCode\": \"" + code + "\"}"), 201);
        }
        List<Long> sessions = List.of("12", "13", "14", "15", "16").stream()
                .map(day -> expect(instructor.post("api/offerings/TTC-ITS-04/sessions", "application/json",
                        session(day, "13:30", "16:30", "TTC-HT")), 201).json().getJsonNumber("id").longValue())
                .toList();

        expect(admin.post("api/question-banks/import", "text/plain",
                "$CATEGORY: TTC-Q\n\n::TTC-1:: DNS phân giải tên miền thành địa chỉ IP. {T}\n"), 200);
        expect(admin.post("api/assessments", "application/json", """
                {"code": "TTC-ITS-04", "title": "Kiểm tra ITS-04", "programme": "IT-SPECIALIST", "course": "ITS-04",
                 "offering": "TTC-ITS-04", "timeLimitMinutes": 10, "passPercent": 50, "maxAttempts": 1,
                 "sections": [{"category": "TTC-Q", "count": 1}]}"""), 201);
        studyEveryLesson(trainee, "ITS-04");
        JsonObject attempt = expect(trainee.post("api/assessments/TTC-ITS-04/attempts", "application/json", ""), 201)
                .json();
        JsonObject question = attempt.getJsonArray("questions").getJsonObject(0);
        int right = question.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("text").equals("Đúng")).findFirst().orElseThrow().getInt("id");
        expect(trainee.put("api/attempts/" + attempt.getJsonNumber("id") + "/answers/" + question.getJsonNumber("id"),
                "{\"selected\": [" + right + "]}"), 204);
        assertThat(trainee.post("api/attempts/" + attempt.getJsonNumber("id") + "/submit", "application/json", "")
                .json().getBoolean("passed")).isTrue();
        assertThat(trainee.get("api/courses/ITS-04/progress").json().getBoolean("completed"))
                .as("every lesson and exam done, no session attended yet").isFalse();

        String[] s1 = {"PRESENT", "PRESENT", "LATE", "ABSENT", "ABSENT"};
        String[] s2 = {"ABSENT", "PRESENT", "ABSENT", "PRESENT", "PRESENT"};
        for (int i = 0; i < 4; i++) {
            expect(instructor.put("api/offerings/TTC-ITS-04/sessions/" + sessions.get(i) + "/attendance",
                    marks("TTC-S1", s1[i], "TTC-S2", s2[i])), 204);
            if (i == 1) {
                assertThat(status(hr, "TTC-ITS-04", "TTC-S2")).as("one absence: four of five still possible")
                        .isEqualTo("ENROLLED");
            }
        }
        Map<String, JsonObject> lines = attendance(hr, "TTC-ITS-04");
        assertThat(lines.get("TTC-S2").getString("status")).as("two absences of five").isEqualTo("FAILED");
        assertThat(lines.get("TTC-S2").getString("failedReason")).isEqualTo("ATTENDANCE");
        assertThat(lines.get("TTC-S1").getString("status")).isEqualTo("ENROLLED");
        assertThat(lines.get("TTC-S1").getInt("attended")).isEqualTo(3);

        expect(instructor.put("api/offerings/TTC-ITS-04/sessions/" + sessions.get(4) + "/attendance",
                marks("TTC-S1", s1[4])), 204);
        assertThat(status(hr, "TTC-ITS-04", "TTC-S1")).as("three of five: every exam passed, still not complete")
                .isEqualTo("FAILED");
        assertThat(trainee.get("api/courses/ITS-04/progress").json().getBoolean("completed")).isFalse();
        assertThat(trainee.get("api/certificates?employeeCode=TTC-S1").array()).isEmpty();

        // The fifth mark was a slip: the trainee came. Four of five: the course and the programme are complete.
        expect(instructor.put("api/offerings/TTC-ITS-04/sessions/" + sessions.get(4) + "/attendance",
                marks("TTC-S1", "PRESENT")), 204);
        assertThat(trainee.get("api/courses/ITS-04/progress").json().getBoolean("completed")).isTrue();
        assertThat(status(hr, "TTC-ITS-04", "TTC-S1")).isEqualTo("COMPLETED");
        assertThat(trainee.get("api/certificates?employeeCode=TTC-S1").array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(c -> {
                    assertThat(c.getString("programme")).isEqualTo("IT-SPECIALIST");
                    assertThat(c.getString("status")).isEqualTo("VALID");
                });

        // A mark corrected brings a place failed on attendance back, once four of five are in reach again.
        expect(instructor.put("api/offerings/TTC-ITS-04/sessions/" + sessions.get(0) + "/attendance",
                marks("TTC-S2", "LATE")), 204);
        assertThat(status(hr, "TTC-ITS-04", "TTC-S2")).isEqualTo("ENROLLED");
        assertThat(isNull(attendance(hr, "TTC-ITS-04").get("TTC-S2"), "failedReason")).isTrue();

        // Each is told once of the failure (not again at each later mark) and once of its taking back.
        Map<String, List<MimeMessage>> received = awaitNotices(smtp, "@ttc.example.vn", ATTENDANCE_NOTICES, 4);
        assertThat(received).containsOnlyKeys("binh.pham@ttc.example.vn", "cuong.nguyen@ttc.example.vn");
        for (List<MimeMessage> mails : received.values()) {
            assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                    "Không đạt tỷ lệ dự học lớp Lớp TTC-ITS-04", "Lại đạt được tỷ lệ dự học lớp Lớp TTC-ITS-04");
        }
        assertThat((String) received.get("cuong.nguyen@ttc.example.vn").get(0).getContent())
                .contains("Kính gửi Nguyễn Văn Cường", "(mã TTC-ITS-04)", "không còn đủ", "are no longer enough");
    }

    @Test
    void calendarsCarryTheTimetableAndItsCancellationsBehindARenewableSecretLink() throws Exception {
        Api admin = district("TTK");
        expect(admin.csv("api/venues/import", "code,name,kind,seats,address\nTTK-HT,Hội trường TTK,HALL,30,"
                + "\"Số 5, phố Hòa Bình\"\n"), 200);
        Api hr = as("ttk-hr");
        Api instructor = as("ttk-gv");
        Api trainee = as("TTK-S3");
        expect(hr.post("api/offerings", "application/json", offering("TTK-A", "IU03", "ttk-gv", "")), 201);
        expect(hr.post("api/offerings/TTK-A/enrolments", "application/json", "{\"employeeCode\": \"TTK-S3\"}"), 201);
        long first = expect(hr.post("api/offerings/TTK-A/sessions", "application/json",
                session("20", "08:00", "11:00", "TTK-HT")), 201).json().getJsonNumber("id").longValue();
        long second = expect(hr.post("api/offerings/TTK-A/sessions", "application/json",
                session("21", "13:30", "16:30", "TTK-HT")), 201).json().getJsonNumber("id").longValue();

        Api.Reply ics = expect(trainee.get("api/offerings/TTK-A/calendar.ics"), 200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        List<VEvent> events = events(ics.body());
        assertThat(events).extracting(e -> value(e, Property.UID)).containsExactly(
                "session-" + first + "@timetable.civicit-lms", "session-" + second + "@timetable.civicit-lms");
        assertThat(value(events.get(0), Property.DTSTART)).as("08:00 in Vietnam, in UTC").isEqualTo("20270420T010000Z");
        assertThat(value(events.get(0), Property.LOCATION)).isEqualTo("Hội trường TTK, Số 5, phố Hòa Bình");
        assertThat(value(events.get(0), Property.SUMMARY)).isEqualTo("Lớp TTK-A (TTK-A)");
        expect(as("ttk-other-hr").get("api/offerings/TTK-A/calendar.ics"), 403);
        expect(as("TTK-S4").get("api/offerings/TTK-A/calendar.ics"), 403);
        expect(instructor.get("api/offerings/TTK-A/calendar.ics"), 200);

        String link = expect(trainee.post("api/calendar/feed", "application/json", ""), 201).json().getString("url");
        assertThat(link).contains("/api/calendar/feed/").endsWith(".ics");
        String path = link.substring(link.indexOf("api/calendar/feed/"));
        Api calendarProgram = Api.anonymous(base);
        List<VEvent> feed = events(expect(calendarProgram.get(path), 200).body());
        assertThat(feed).extracting(e -> value(e, Property.STATUS)).containsExactly("CONFIRMED", "CONFIRMED");
        String teaching = expect(instructor.post("api/calendar/feed", "application/json", ""), 201).json()
                .getString("url");
        assertThat(events(expect(calendarProgram.get(teaching.substring(teaching.indexOf("api/"))), 200).body()))
                .as("the instructor's feed has the classes it teaches").hasSize(2);

        expect(instructor.put("api/offerings/TTK-A/sessions/" + first + "/attendance", marks("TTK-S3", "PRESENT")), 204);
        expect(hr.delete("api/offerings/TTK-A/sessions/" + first), 409);
        expect(as("ttk-other-hr").delete("api/offerings/TTK-A/sessions/" + second), 403);
        expect(hr.delete("api/offerings/TTK-A/sessions/" + second), 204);
        expect(hr.delete("api/offerings/TTK-A/sessions/" + second), 204);
        expect(instructor.put("api/offerings/TTK-A/sessions/" + second + "/attendance", marks("TTK-S3", "PRESENT")),
                409);
        assertThat(hr.get("api/offerings/TTK-A/sessions").array().getValuesAs(JsonObject.class))
                .extracting(s -> s.getBoolean("cancelled")).containsExactly(false, true);
        assertThat(attendance(hr, "TTK-A").get("TTK-S3").getInt("sessions")).as("a cancelled session does not count")
                .isEqualTo(1);
        feed = events(expect(calendarProgram.get(path), 200).body());
        assertThat(feed).extracting(e -> value(e, Property.STATUS)).containsExactly("CONFIRMED", "CANCELLED");
        assertThat(value(feed.get(1), Property.SEQUENCE)).isEqualTo("1");

        String renewed = expect(trainee.post("api/calendar/feed", "application/json", ""), 201).json().getString("url");
        assertThat(renewed).isNotEqualTo(link);
        expect(calendarProgram.get(path), 404);
        String renewedPath = renewed.substring(renewed.indexOf("api/calendar/feed/"));
        expect(calendarProgram.get(renewedPath), 200);

        expect(hr.put("api/offerings/TTK-A/status", "{\"status\": \"CANCELLED\"}"), 200);
        assertThat(events(expect(calendarProgram.get(renewedPath), 200).body()))
                .as("a cancelled class reaches the feed").extracting(e -> value(e, Property.STATUS))
                .containsExactly("CANCELLED", "CANCELLED");
        expect(calendarProgram.get("api/calendar/feed/not-a-secret.ics"), 404);
        expect(calendarProgram.post("api/calendar/feed", "application/json", ""), 401);
    }

    @Test
    void remindersTheDayBeforeAndHrsWeeklySummaryGoOutOnceHoweverOftenTheClockRuns() throws Exception {
        GreenMail smtp = TestSmtp.started();
        try {
            waitPastMidnightInVietnam();
            LocalDate today = LocalDate.now(VIETNAM);
            String tomorrow = today.plusDays(1).toString();
            String lastWeek = today.minusDays(7).toString();
            Api admin = Api.admin(base);
            expect(admin.csv("api/agencies/import", """
                    code,name,level,sector,parent_code
                    TTN-TINH,Ủy ban nhân dân tỉnh Nhắc,PROVINCE,STATE,
                    TTN-H,Ủy ban nhân dân huyện Nhắc,DISTRICT,STATE,TTN-TINH
                    TTN-X,Ủy ban nhân dân xã Nhắc,COMMUNE,STATE,TTN-H
                    TTN-H2,Ủy ban nhân dân huyện Bên,DISTRICT,STATE,TTN-TINH
                    """), 200);
            expect(admin.csv("api/officials/import", """
                    employee_code,full_name,agency_code,position,email
                    TTN-A,Trần Văn Vắng,TTN-X,STAFF,vang.tran@nhac.example.vn
                    TTN-B,Lê Thị Đến,TTN-H,STAFF,den.le@nhac.example.vn
                    TTN-C,Ngô Văn Chờ,TTN-H,STAFF,cho.ngo@nhac.example.vn
                    TTN-D,Đỗ Thị Hủy,TTN-H,STAFF,huy.do@nhac.example.vn
                    TTN-E,Vũ Văn Không Thư,TTN-H,STAFF,
                    TTN-HR,Phan Thị Nhân Sự,TTN-H,STAFF,nhansu.phan@nhac.example.vn
                    TTN-HRT,Mai Văn Tỉnh,TTN-TINH,STAFF,tinh.mai@nhac.example.vn
                    TTN-HR2,Hà Thị Bên,TTN-H2,STAFF,ben.ha@nhac.example.vn
                    """), 200);
            expect(admin.csv("api/venues/import", "code,name,kind,seats,address\n"
                    + "TTN-HT,Hội trường Nhắc,HALL,30,\"Số 9, đường Lê Lợi\"\n"
                    + "TTN-DC,Điểm cầu xã Nhắc,VIDEO_POINT,10,\n"), 200);
            String window = ", \"startsOn\": \"%s\", \"endsOn\": \"%s\"".formatted(today.minusDays(10), today.plusDays(60));
            expect(admin.post("api/offerings", "application/json", """
                    {"code": "TTN-A", "course": "IU01", "title": "Tin học cơ bản khóa Nhắc", "capacity": 3, "place": "Hội trường Nhắc",
                     "minAttendancePercent": 80%s}""".formatted(window)), 201);
            expect(admin.post("api/offerings", "application/json", """
                    {"code": "TTN-B", "course": "IU02", "title": "Lớp có buổi hủy", "capacity": 5, "place": "Hội trường Nhắc"%s}"""
                    .formatted(window)), 201);
            for (String trainee : List.of("TTN-A", "TTN-B", "TTN-E", "TTN-C")) {
                expect(admin.post("api/offerings/TTN-A/enrolments", "application/json",
                        "{\"employeeCode\": \"" + trainee + "\"}"), 201);
            }
            assertThat(status(admin, "TTN-A", "TTN-C")).isEqualTo("WAITLISTED");

            long past = sessionOn(admin, "TTN-A", lastWeek, "09:00", "11:00", "");
            sessionOn(admin, "TTN-A", tomorrow, "08:00", "11:30", ", \"videoPoints\": [\"TTN-DC\"]");
            for (int week = 1; week <= 3; week++) {
                sessionOn(admin, "TTN-A", today.plusWeeks(week).plusDays(1).toString(), "14:00", "16:00", "");
            }
            expect(admin.put("api/offerings/TTN-A/sessions/" + past + "/attendance",
                    marks("TTN-A", "ABSENT", "TTN-B", "PRESENT", "TTN-E", "PRESENT")), 204);
            long called = sessionOn(admin, "TTN-B", tomorrow, "13:00", "15:00", "");
            expect(admin.delete("api/offerings/TTN-B/sessions/" + called), 204);
            // Seated only once the session is called off: the clock may run between the two steps above.
            expect(admin.post("api/offerings/TTN-B/enrolments", "application/json", "{\"employeeCode\": \"TTN-D\"}"), 201);
            // The HR accounts come last, so that the week's summary is made from every mark above.
            for (String hr : List.of("TTN-HR:TTN-H", "TTN-HRT:TTN-TINH", "TTN-HR2:TTN-H2")) {
                String[] parts = hr.split(":");
                expect(admin.put("api/accounts/" + parts[0], "{\"password\": \"" + PASSWORD
                        + "\", \"roles\": [\"HR\"], \"agency\": \"" + parts[1] + "\"}"), 201);
            }

            Map<String, List<MimeMessage>> received = awaitNotices(smtp, "@nhac.example.vn", REMINDERS, 4);
            // Every further run of the clock (each a node of a cluster, as far as the claims go) sends nothing.
            Thread.sleep(7_000);
            received = awaitNotices(smtp, "@nhac.example.vn", REMINDERS, 4);
            assertThat(received).as("one reminder per trainee with a seat, one summary per HR with something to read")
                    .containsOnlyKeys("vang.tran@nhac.example.vn", "den.le@nhac.example.vn",
                            "nhansu.phan@nhac.example.vn", "tinh.mai@nhac.example.vn");
            assertThat(received.values()).allSatisfy(mails -> assertThat(mails).hasSize(1));

            MimeMessage reminder = received.get("den.le@nhac.example.vn").get(0);
            String day = today.plusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(reminder.getSubject()).contains("Tin học cơ bản khóa Nhắc", day);
            assertThat((String) reminder.getContent()).contains("Kính gửi Lê Thị Đến", "TTN-A", day, "08:00", "11:30",
                    "Hội trường Nhắc", "Số 9, đường Lê Lợi", "Điểm cầu xã Nhắc");
            String summary = (String) received.get("nhansu.phan@nhac.example.vn").get(0).getContent();
            assertThat(summary).contains("Kính gửi Phan Thị Nhân Sự", "Tin học cơ bản khóa Nhắc",
                    "Vắng: Trần Văn Vắng (TTN-A)", "Có nguy cơ không đạt tỷ lệ dự học: Trần Văn Vắng (TTN-A), đã dự 0/5 buổi, cần 4")
                    .doesNotContain("Lê Thị Đến", "Lớp có buổi hủy");
            assertThat((String) received.get("tinh.mai@nhac.example.vn").get(0).getContent())
                    .as("the province's HR sees its whole subtree").contains("Vắng: Trần Văn Vắng (TTN-A)");
        } finally {
            smtp.stop();
        }
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** "Tomorrow" must not change while the test runs: near midnight in the province, it waits for the new day. */
    private static void waitPastMidnightInVietnam() throws InterruptedException {
        LocalDateTime now = LocalDateTime.now(VIETNAM);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 58))) {
            Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atTime(0, 0, 5)).toMillis());
        }
    }

    private long sessionOn(Api api, String offering, String day, String from, String to, String extra) {
        return expect(api.post("api/offerings/" + offering + "/sessions", "application/json", """
                {"startsAt": "%sT%s", "endsAt": "%sT%s", "venue": "TTN-HT"%s}""".formatted(day, from, day, to, extra)),
                201).json().getJsonNumber("id").longValue();
    }

    /** The subjects of the reminders and weekly summaries. */
    private static final List<String> REMINDERS = List.of("Nhắc lịch học", "Điểm danh tuần");
    /** The subjects of a failure for attendance and of its taking back. */
    private static final List<String> ATTENDANCE_NOTICES = List.of("Không đạt tỷ lệ dự học", "Lại đạt được tỷ lệ dự học");

    /**
     * The notices whose subject starts with one of {@code subjects} received for addresses ending so,
     * by address, once at least {@code count} have come (other notices, such as "enrolled", are left out).
     */
    private static Map<String, List<MimeMessage>> awaitNotices(GreenMail smtp, String domain, List<String> subjects,
            int count) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            Map<String, List<MimeMessage>> byAddress = new TreeMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String to = message.getAllRecipients()[0].toString();
                String subject = message.getSubject();
                if (to.endsWith(domain) && subjects.stream().anyMatch(subject::startsWith)) {
                    byAddress.computeIfAbsent(to, a -> new ArrayList<>()).add(message);
                }
            }
            if (byAddress.values().stream().mapToInt(List::size).sum() >= count || System.currentTimeMillis() > until) {
                return byAddress;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aSessionsRegisterComesFromASpreadsheetWholeOrNotAtAll() {
        Api admin = district("TTI");
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nTTI-HT,Hội trường TTI,HALL,30\n"), 200);
        Api hr = as("tti-hr");
        Api instructor = as("tti-gv");
        expect(hr.post("api/offerings", "application/json", offering("TTI-A", "IU01", "tti-gv", "")), 201);
        for (String trainee : List.of("TTI-S1", "TTI-S3", "TTI-S4")) {
            expect(hr.post("api/offerings/TTI-A/enrolments", "application/json",
                    "{\"employeeCode\": \"" + trainee + "\"}"), 201);
        }
        long id = expect(hr.post("api/offerings/TTI-A/sessions", "application/json",
                session("12", "08:00", "11:00", "TTI-HT")), 201).json().getJsonNumber("id").longValue();
        String register = "api/offerings/TTI-A/sessions/" + id + "/attendance";

        JsonObject applied = expect(instructor.put(register, "text/csv", """
                \uFEFFemployee_code,status
                TTI-S1,Có mặt
                TTI-S3,late
                TTI-S4,Vắng
                """), 200).json();
        assertThat(List.of(applied.getInt("created"), applied.getInt("updated"), applied.getInt("unchanged")))
                .containsExactly(3, 0, 0);
        assertThat(marksOf(instructor, register)).containsExactly(
                Map.entry("TTI-S1", "PRESENT"), Map.entry("TTI-S3", "LATE"), Map.entry("TTI-S4", "ABSENT"));

        Api.Reply bad = expect(instructor.put(register, "text/csv", """
                employee_code,status
                TTI-S1,SLEEPING
                TTI-S2,PRESENT
                TTI-S4,Có phép
                """), 422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getInt("line") + " " + e.getString("column"))
                .containsExactly("2 status", "3 employee_code");
        assertThat(bad.body()).contains("SLEEPING", "TTI-S2");
        assertThat(marksOf(instructor, register)).as("nothing written, not even the good line")
                .contains(Map.entry("TTI-S4", "ABSENT"));

        JsonObject again = expect(instructor.put(register, "text/csv",
                "employee_code,full_name,status\nTTI-S1,Phạm Thị Bình,PRESENT\nTTI-S4,Hoàng Văn Em,Có phép\n"), 200)
                .json();
        assertThat(List.of(again.getInt("created"), again.getInt("updated"), again.getInt("unchanged")))
                .containsExactly(0, 1, 1);
        Api.Reply csv = expect(hr.get(register + "?format=csv"), 200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFemployee_code,full_name,status")
                .contains("TTI-S3,Lê Thị Dung,LATE", "TTI-S4,Hoàng Văn Em,EXCUSED");
        expect(hr.put(register, "text/csv", "employee_code,status\nTTI-S1,ABSENT\n"), 403);
        expect(as("TTI-S1").get(register), 403);
        expect(as("tti-other-hr").get(register), 403);
        assertThat(attendance(hr, "TTI-A").get("TTI-S4").getInt("attended")).isZero();
    }

    private static List<Map.Entry<String, String>> marksOf(Api api, String register) {
        return api.get(register).array().getValuesAs(JsonObject.class).stream()
                .map(m -> Map.entry(m.getString("employeeCode"), isNull(m, "status") ? "-" : m.getString("status")))
                .toList();
    }

    @Test
    void theFeedCarriesTheWindowsOfTheExamsOfOnesClassesAndOfThoseOneTeaches() throws Exception {
        Api admin = district("TTE");
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nTTE-HT,Hội trường TTE,HALL,30\n"), 200);
        Api hr = as("tte-hr");
        Api instructor = as("tte-gv");
        // A course no other test completes: an exam set on a course is every official's to pass.
        expect(hr.post("api/offerings", "application/json", offering("TTE-A", "CIO-01", "tte-gv", "")), 201);
        expect(hr.post("api/offerings", "application/json", offering("TTE-B", "IU04", "tte-gv", "")), 201);
        expect(hr.post("api/offerings/TTE-A/enrolments", "application/json", "{\"employeeCode\": \"TTE-S5\"}"), 201);
        expect(hr.post("api/offerings/TTE-A/sessions", "application/json", session("20", "08:00", "11:00", "TTE-HT")),
                201);
        expect(admin.post("api/question-banks/import", "text/plain", "$CATEGORY: TTE-Q\n\n::TTE-Q1:: Câu hỏi {T}\n"),
                200);
        String exam = """
                {"code": "%s", "title": "%s", "programme": "CIO", %s, "timeLimitMinutes": 45,
                 "passPercent": 50, "maxAttempts": 1, %s "sections": [{"category": "TTE-Q", "count": 1}]}""";
        String window = "\"opensAt\": \"2027-05-10T08:00:00+07:00\", \"closesAt\": \"2027-05-10T17:00:00+07:00\",";
        expect(admin.post("api/assessments", "application/json",
                exam.formatted("TTE-CLASS", "Kiểm tra lớp", "\"offering\": \"TTE-A\"", window)), 201);
        expect(instructor.post("api/assessments", "application/json",
                exam.formatted("TTE-COURSE", "Kiểm tra học phần", "\"course\": \"CIO-01\"", window.replace("05-10", "05-12"))),
                201);
        expect(admin.post("api/assessments", "application/json",
                exam.formatted("TTE-NOWINDOW", "Kiểm tra không hẹn giờ", "\"offering\": \"TTE-A\"", "")), 201);
        expect(admin.post("api/assessments", "application/json",
                exam.formatted("TTE-OTHER", "Kiểm tra lớp khác", "\"offering\": \"TTE-B\"", window)), 201);

        Api calendarProgram = Api.anonymous(base);
        String trainee = feedPath(as("TTE-S5"));
        List<VEvent> events = events(expect(calendarProgram.get(trainee), 200).body());
        assertThat(events).extracting(e -> value(e, Property.SUMMARY)).containsExactly("Lớp TTE-A (TTE-A)",
                "Kiểm tra / Exam: Kiểm tra lớp (TTE-CLASS)", "Kiểm tra / Exam: Kiểm tra học phần (TTE-COURSE)");
        VEvent classExam = events.get(1);
        assertThat(value(classExam, Property.UID)).matches("exam-\\d+@timetable\\.civicit-lms");
        assertThat(value(classExam, Property.DTSTART)).isEqualTo("20270510T010000Z");
        assertThat(value(classExam, Property.DTEND)).isEqualTo("20270510T100000Z");
        assertThat(value(classExam, Property.STATUS)).isEqualTo("CONFIRMED");
        int sequence = Integer.parseInt(value(classExam, Property.SEQUENCE));

        List<VEvent> teaching = events(expect(calendarProgram.get(feedPath(instructor)), 200).body());
        assertThat(teaching).extracting(e -> value(e, Property.SUMMARY)).contains(
                "Kiểm tra / Exam: Kiểm tra lớp (TTE-CLASS)", "Kiểm tra / Exam: Kiểm tra học phần (TTE-COURSE)",
                "Kiểm tra / Exam: Kiểm tra lớp khác (TTE-OTHER)").noneMatch(s -> s.contains("TTE-NOWINDOW"));

        expect(hr.put("api/offerings/TTE-A/status", "{\"status\": \"CANCELLED\"}"), 200);
        VEvent cancelled = events(expect(calendarProgram.get(trainee), 200).body()).stream()
                .filter(e -> value(e, Property.UID).equals(value(classExam, Property.UID))).findFirst().orElseThrow();
        assertThat(value(cancelled, Property.STATUS)).as("the change reaches the feed, under the same UID")
                .isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(value(cancelled, Property.SEQUENCE))).isGreaterThan(sequence);
    }

    private String feedPath(Api api) {
        String link = expect(api.post("api/calendar/feed", "application/json", ""), 201).json().getString("url");
        return link.substring(link.indexOf("api/calendar/feed/"));
    }

    /**
     * The times of a session running now in the province, as the API takes them: from ten minutes
     * ago to two hours on, within the day; in the last minutes of a day, the first hours of the
     * next, whose check-in opens half an hour before.
     */
    static String[] runningNow() {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay();
        if (!now.plusMinutes(10).isBefore(midnight)) {
            return new String[] {midnight.toString(), midnight.plusHours(2).toString()};
        }
        LocalDateTime start = now.minusMinutes(10).isBefore(now.toLocalDate().atStartOfDay())
                ? now.toLocalDate().atStartOfDay() : now.minusMinutes(10);
        LocalDateTime end = now.plusHours(2).isBefore(midnight) ? now.plusHours(2) : midnight.minusMinutes(1);
        return new String[] {start.toString(), end.toString()};
    }

    /** Waits until a check-in code is no longer taken, as the API said it would be. */
    static void waitUntilExpired(String expiresAt) throws InterruptedException {
        long wait = Duration.between(Instant.now(), Instant.parse(expiresAt)).toMillis() + 300;
        assertThat(wait).as("a code lives two windows of 10 s in the tests").isLessThan(21_000);
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Test
    void traineesWithASeatCheckThemselvesInWithAFreshCodeWhileTheSessionRuns() throws Exception {
        Api admin = district("TTQ");
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nTTQ-HT,Hội trường TTQ,HALL,30\n"), 200);
        Api hr = as("ttq-hr");
        Api instructor = as("ttq-gv");
        expect(hr.post("api/offerings", "application/json", offering("TTQ-A", "IU01", "ttq-gv", "")), 201);
        for (String trainee : List.of("TTQ-S1", "TTQ-S3", "TTQ-S4")) {
            expect(hr.post("api/offerings/TTQ-A/enrolments", "application/json",
                    "{\"employeeCode\": \"" + trainee + "\"}"), 201);
        }
        String[] times = runningNow();
        long running = expect(instructor.post("api/offerings/TTQ-A/sessions", "application/json", """
                {"startsAt": "%s", "endsAt": "%s", "venue": "TTQ-HT"}""".formatted(times[0], times[1])), 201)
                .json().getJsonNumber("id").longValue();
        long later = expect(instructor.post("api/offerings/TTQ-A/sessions", "application/json",
                session("20", "08:00", "11:00", "TTQ-HT")), 201).json().getJsonNumber("id").longValue();
        String codePath = "api/offerings/TTQ-A/sessions/" + running + "/check-in-code";
        String checkInPath = "api/offerings/TTQ-A/sessions/" + running + "/check-in";

        JsonObject first = expect(instructor.get(codePath), 200).json();
        String code = first.getString("code");
        assertThat(first.getString("url")).contains("/trainee/checkin.xhtml?session=" + running + "&code=" + code);
        Api.Reply qr = expect(instructor.get(codePath + "?format=svg"), 200);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg").contains("<path");
        expect(instructor.get(codePath + "?format=pdf"), 422);
        expect(admin.get(codePath), 200);
        expect(hr.get(codePath), 403);
        expect(as("TTQ-S1").get(codePath), 403);
        Api.Reply notYet = expect(instructor.get("api/offerings/TTQ-A/sessions/" + later + "/check-in-code"), 409);
        assertThat(notYet.json().getString("detail")).contains("20/04/2027 08:00", "30 phút");

        expect(as("TTQ-S1").post(checkInPath, "application/json", "{\"code\": \"" + code + "\"}"), 204);
        expect(as("TTQ-S1").post(checkInPath, "application/json", "{\"code\": \"" + code + "\"}"), 204);
        JsonObject counted = instructor.get("api/offerings/TTQ-A/sessions").array().getValuesAs(JsonObject.class)
                .stream().filter(s -> s.getJsonNumber("id").longValue() == running).findFirst().orElseThrow();
        assertThat(List.of(counted.getInt("marked"), counted.getInt("attended"))).as("one present, once")
                .containsExactly(1, 1);
        assertThat(attendance(hr, "TTQ-A").get("TTQ-S1").getInt("attended")).isEqualTo(1);

        Api.Reply noSeat = expect(as("TTQ-S2").post(checkInPath, "application/json",
                "{\"code\": \"" + code + "\"}"), 403);
        assertThat(noSeat.contentType()).startsWith("application/problem+json");
        assertThat(noSeat.json().getString("detail")).contains("không có chỗ", "TTQ-A");
        String tampered = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
        Api.Reply wrong = expect(as("TTQ-S3").post(checkInPath, "application/json",
                "{\"code\": \"" + tampered + "\"}"), 422);
        assertThat(wrong.json().getString("detail")).contains("không đúng");
        expect(as("TTQ-S3").post(checkInPath, "application/json", "{}"), 422);
        Api.Reply notRunning = expect(as("TTQ-S3").post("api/offerings/TTQ-A/sessions/" + later + "/check-in",
                "application/json", "{\"code\": \"" + code + "\"}"), 409);
        assertThat(notRunning.json().getString("detail")).contains("không diễn ra lúc này");
        expect(as("TTQ-S3").post("api/offerings/TTQ-NONE/sessions/" + running + "/check-in", "application/json",
                "{\"code\": \"" + code + "\"}"), 404);
        expect(instructor.post(checkInPath, "application/json", "{\"code\": \"" + code + "\"}"), 403);

        expect(instructor.put("api/offerings/TTQ-A/sessions/" + running + "/attendance", marks("TTQ-S4", "ABSENT")),
                204);
        Api.Reply absent = expect(as("TTQ-S4").post(checkInPath, "application/json",
                "{\"code\": \"" + code + "\"}"), 409);
        assertThat(absent.json().getString("detail")).as("a scan never overrides the instructor").contains("vắng mặt");

        waitUntilExpired(first.getString("expiresAt"));
        Api.Reply expired = expect(as("TTQ-S3").post(checkInPath, "application/json",
                "{\"code\": \"" + code + "\"}"), 422);
        assertThat(expired.json().getString("detail"))
                .isEqualTo("Mã điểm danh đã hết hạn, hãy quét mã mới trên màn hình.");
        String fresh = expect(instructor.get(codePath), 200).json().getString("code");
        assertThat(fresh).isNotEqualTo(code);
        expect(as("TTQ-S3").post(checkInPath, "application/json", "{\"code\": \"" + fresh + "\"}"), 204);
        assertThat(attendance(hr, "TTQ-A").get("TTQ-S3").getInt("attended")).isEqualTo(1);
        assertThat(attendance(hr, "TTQ-A").get("TTQ-S4").getInt("attended")).isZero();
    }

    /** The events of an iCalendar text, read as a calendar program would, by ical4j. */
    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents(Component.VEVENT);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    static boolean isNull(JsonObject object, String key) {
        return !object.containsKey(key) || object.get(key).getValueType() == JsonValue.ValueType.NULL;
    }
}
