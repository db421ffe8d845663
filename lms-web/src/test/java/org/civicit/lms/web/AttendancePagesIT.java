package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.json.JsonObject;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Attendance as it happens in the room, in headless Chromium: the instructor's tick list on a
 * phone, the QR code it shows, and a trainee checking in with it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttendancePagesIT {

    private static final String INSTRUCTOR = "ap-gv";
    private static final String PASSWORD = "diem-danh-pass";


    @ArquillianResource
    URL base;

    private Browser page;
    private WebDriver browser;
    private Browser traineePage;

    @BeforeEach
    void openBrowser() {
        page = new Browser(base);
        browser = page.driver();
    }

    @AfterEach
    void closeBrowsers() {
        if (page != null) {
            page.close();
        }
        if (traineePage != null) {
            traineePage.close();
        }
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    /** A class of three officials taught by the instructor, with a session running now; AP-1 logs in. */
    private long aClassInSession() {
        Api admin = Api.admin(base);
        expect(admin.put("api/accounts/" + INSTRUCTOR,
                "{\"password\": \"" + PASSWORD + "\", \"roles\": [\"INSTRUCTOR\"]}"), 201);
        expect(admin.csv("api/agencies/import", "code,name,level,sector\nAP-X,Xã Điểm Danh,COMMUNE,STATE\n"), 200);
        expect(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                AP-1,Nguyễn Thị Hoa,AP-X,STAFF
                AP-2,Trần Văn Bình,AP-X,STAFF
                AP-3,Lê Thị Cúc,AP-X,STAFF
                """), 200);
        expect(admin.put("api/officials/AP-1/password", "{\"password\": \"" + PASSWORD + "\"}"), 204);
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nAP-HALL,Phòng máy xã Điểm Danh,COMPUTER_ROOM,20\n"),
                200);
        expect(admin.post("api/offerings", "application/json", """
                {"code": "AP-IU01", "course": "IU01", "title": "Tin học cơ bản xã Điểm Danh", "startsOn": "2026-01-01",
                 "endsOn": "2099-12-31", "capacity": 10, "instructors": ["%s"]}""".formatted(INSTRUCTOR)), 201);
        for (String trainee : List.of("AP-1", "AP-2", "AP-3")) {
            expect(admin.post("api/offerings/AP-IU01/enrolments", "application/json",
                    "{\"employeeCode\": \"" + trainee + "\"}"), 201);
        }
        String[] times = TimetableApiIT.runningNow();
        return expect(admin.post("api/offerings/AP-IU01/sessions", "application/json", """
                {"startsAt": "%s", "endsAt": "%s", "venue": "AP-HALL"}""".formatted(times[0], times[1])), 201)
                .json().getJsonNumber("id").longValue();
    }

    private WebElement mark(String employeeCode, String label) {
        return browser.findElement(By.xpath("//fieldset[legend[contains(., '" + employeeCode + "')]]//input[@value='"
                + label + "']"));
    }

    private void waitForCount(String which, int count) {
        page.waitFor(ExpectedConditions.textToBe(By.id("count-" + which), String.valueOf(count)));
    }

    private void onPhone() {
        browser.manage().window().setSize(Browser.PHONE);
    }

    /** The text of the QR code as a phone's camera would read it from the screen. */
    private String scan(WebElement image) throws Exception {
        // A shot of an element is cut to the window: bring all of it in first.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", image);
        byte[] png = image.getScreenshotAs(OutputType.BYTES);
        Path folder = Path.of(System.getProperty("lms.it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve("instructor-attendance-qr-as-scanned.png"), png);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(shot.getWidth(), shot.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @Test
    void anInstructorMarksAClassOnAPhoneAndATraineeChecksInWithTheQrCode() throws Exception {
        long session = aClassInSession();
        Api instructor = Api.as(base, INSTRUCTOR, PASSWORD);
        String codePath = "api/offerings/AP-IU01/sessions/" + session + "/check-in-code";
        traineePage = new Browser(base);

        onPhone();
        page.openAs("instructor/attendance.xhtml", INSTRUCTOR, PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("marks:rest")));
        assertThat(browser.findElements(By.id("nav-attendance"))).as("the menu leads here").hasSize(1);
        assertThat(page.textOf("count-unmarked")).isEqualTo("3");
        assertThat(page.textOf("marks")).contains("Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Cúc");
        page.look("instructor-attendance");

        onPhone();
        browser.findElement(By.id("checkin-toggle")).click();
        WebElement qr = browser.findElement(By.id("checkin-qr"));
        page.waitFor(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String scanned = scan(qr);
        assertThat(scanned).startsWith(base + "trainee/checkin.xhtml?session=" + session + "&code=");
        page.look("instructor-attendance-qr");

        JsonObject current = expect(instructor.get(codePath), 200).json();
        traineePage.driver().get(current.getString("url"));
        traineePage.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        traineePage.logIn("AP-1", PASSWORD);
        traineePage.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("checked-in")));
        assertThat(traineePage.textOf("checked-in")).isEqualTo("Đã điểm danh: Có mặt");
        assertThat(traineePage.textOf("checked-in-who")).isEqualTo("Nguyễn Thị Hoa (AP-1)");
        assertThat(traineePage.textOf("checked-in-where")).contains("Tin học cơ bản xã Điểm Danh (AP-IU01)",
                "Phòng máy xã Điểm Danh");
        traineePage.look("trainee-checkin");
        JsonObject counted = instructor.get("api/offerings/AP-IU01/sessions").array().getJsonObject(0);
        assertThat(List.of(counted.getInt("marked"), counted.getInt("attended"))).as("marked present by the scan")
                .containsExactly(1, 1);

        // No reload: the list catches up by itself while the QR code is shown.
        waitForCount("present", 1);
        assertThat(page.textOf("count-unmarked")).isEqualTo("2");
        onPhone();
        page.look("instructor-attendance-checked-in");
        assertThat(mark("AP-1", "Có mặt").getAttribute("aria-pressed")).isEqualTo("true");
        browser.findElement(By.id("marks:rest")).click();
        waitForCount("present", 3);
        assertThat(page.textOf("count-unmarked")).isEqualTo("0");
        assertThat(browser.findElement(By.id("marks:rest")).isEnabled()).isFalse();
        mark("AP-2", "Đi muộn").click();
        waitForCount("late", 1);
        assertThat(page.textOf("marks:saved")).contains("Trần Văn Bình", "Đi muộn");
        mark("AP-3", "Vắng").click();
        waitForCount("absent", 1);
        assertThat(page.textOf("count-present")).isEqualTo("1");

        browser.navigate().refresh();
        waitForCount("late", 1);
        assertThat(List.of(page.textOf("count-present"), page.textOf("count-absent"), page.textOf("count-unmarked")))
                .as("kept after a reload").containsExactly("1", "1", "0");
        assertThat(mark("AP-2", "Đi muộn").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(mark("AP-2", "Có mặt").getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(mark("AP-3", "Vắng").getAttribute("aria-pressed")).isEqualTo("true");
        page.look("instructor-attendance-marked");
        browser.findElement(By.id("open")).click();
        page.waitFor(ExpectedConditions.urlContains("class=AP-IU01&session=" + session));
        waitForCount("absent", 1);

        TimetableApiIT.waitUntilExpired(current.getString("expiresAt"));
        traineePage.driver().get(current.getString("url"));
        traineePage.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertThat(traineePage.textOf("refused")).isEqualTo("Mã điểm danh đã hết hạn, hãy quét mã mới trên màn hình.");
        traineePage.look("trainee-checkin-expired");
    }

    @Test
    void anInstructorPlansTheTimetableOfAClassItTeachesOnItsOwnPage() {
        Api admin = Api.admin(base);
        expect(admin.put("api/accounts/at-gv", "{\"password\": \"" + PASSWORD + "\", \"roles\": [\"INSTRUCTOR\"]}"), 201);
        expect(admin.put("api/accounts/at-other", "{\"password\": \"" + PASSWORD + "\", \"roles\": [\"INSTRUCTOR\"]}"),
                201);
        expect(admin.csv("api/venues/import", "code,name,kind,seats\nAT-HALL,Hội trường xã Lịch Học,HALL,30\n"), 200);
        expect(admin.post("api/offerings", "application/json", """
                {"code": "AT-IU02", "course": "IU02", "title": "Soạn thảo văn bản xã Lịch Học", "startsOn": "2026-01-01",
                 "endsOn": "2099-12-31", "capacity": 10, "instructors": ["at-gv"]}"""), 201);

        page.openAs("instructor/attendance.xhtml?class=AT-IU02", "at-gv", PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("no-sessions")));
        assertThat(page.textOf("no-sessions")).contains("Hãy xếp lịch học");
        browser.findElement(By.id("to-timetable")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("session:add")));
        assertThat(page.textOf("class-title")).isEqualTo("AT-IU02 — Soạn thảo văn bản xã Lịch Học");
        assertThat(page.textOf("timetable")).contains("chưa có buổi học");

        page.setValue("session:date", "2027-05-10");
        page.setValue("session:start", "08:00");
        page.setValue("session:end", "11:00");
        new Select(browser.findElement(By.id("session:venue"))).selectByValue("AT-HALL");
        browser.findElement(By.id("session:add")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("session-messages"),
                "Đã thêm buổi học ngày 10/05/2027"));
        assertThat(page.textOf("sessions:list")).contains("10/05/2027", "08:00–11:00", "Hội trường xã Lịch Học");
        page.look("instructor-timetable");

        assertThat(expect(Api.as(base, "at-gv", PASSWORD).get("api/offerings/AT-IU02/sessions"), 200).array())
                .hasSize(1);
        browser.findElement(By.id("to-attendance")).click();
        page.waitFor(ExpectedConditions.urlContains("instructor/attendance.xhtml?class=AT-IU02"));

        Browser other = new Browser(base);
        try {
            other.openAs("instructor/timetable.xhtml?code=AT-IU02", "at-other", PASSWORD);
            other.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
            assertThat(other.textOf("error-title")).as("a class another teaches is no page at all")
                    .isEqualTo("Không có trang này.");
            assertThat(other.driver().findElements(By.id("session:add"))).isEmpty();
            other.driver().get(base + "instructor/timetable.xhtml?code=NO-CLASS");
            other.waitFor(ExpectedConditions.textToBe(By.id("error-title"), "Không có trang này."));
        } finally {
            other.close();
        }
    }
}
