package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages as a person uses them, in headless Chromium against the built WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {


    @ArquillianResource
    URL base;

    private Browser page;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        page = new Browser(base);
        browser = page.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    /** The row of an exam on the trainee's exams page (other tests' exams open to all may be listed too). */
    /** The usernames ticked among the class form's instructors. */
    private List<String> chosenInstructors() {
        return browser.findElements(By.cssSelector("input[name='class:instructors']:checked")).stream()
                .map(box -> box.getAttribute("value")).toList();
    }

    private WebElement examRow(String code) {
        return browser.findElement(By.xpath("//table[@id='exams']//tr[td[contains(., '(" + code + ")')]]"));
    }

    @Test
    void theHomePageSpeaksVietnameseEvenToAnEnglishBrowserAndSwitchesToEnglish() {
        browser.get(base.toString());
        page.look("home");
        assertThat(browser.findElement(By.id("home-title")).getText())
                .isEqualTo("Bồi dưỡng công nghệ thông tin cho cán bộ, công chức");
        browser.findElement(By.id("language:en")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("home-title"), "IT training for government officials"));
    }

    @Test
    void hrLogsInAndSearchesTheOfficialsOfItsDistrict() {
        Api admin = Api.admin(base);
        assertThat(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                PG-TINH,Ủy ban nhân dân tỉnh,PROVINCE,STATE,
                PG-H1,Ủy ban nhân dân huyện Một,DISTRICT,STATE,PG-TINH
                PG-X1,Ủy ban nhân dân xã Một,COMMUNE,STATE,PG-H1
                """).status()).isEqualTo(200);
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                PG-01,Nguyễn Văn An,PG-TINH,LEADER
                PG-02,Hoàng Thị Lan,PG-H1,STAFF
                PG-03,Hồ Văn Lâm,PG-X1,STAFF
                """).status()).isEqualTo(200);
        assertThat(admin.put("api/accounts/hr-pages",
                "{\"password\": \"pages-hr-pass\", \"roles\": [\"HR\"], \"agency\": \"PG-H1\"}").status()).isEqualTo(201);

        page.openAs("hr/officials.xhtml", "hr-pages", "wrong-password");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "không đúng"));
        page.look("login-refused");
        page.logIn("hr-pages", "pages-hr-pass");

        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search:officials")));
        assertThat(browser.getCurrentUrl()).endsWith("hr/officials.xhtml");
        assertThat(browser.findElement(By.id("search:officials")).getText())
                .contains("Hoàng Thị Lan", "Hồ Văn Lâm")
                .doesNotContain("Nguyễn Văn An");

        browser.findElement(By.id("search:q")).sendKeys("ho van lam");
        browser.findElement(By.id("search:submit")).click();
        page.waitFor(driver -> !page.textOf("search:officials").contains("Hoàng Thị Lan"));
        assertThat(page.textOf("search:officials")).contains("Hồ Văn Lâm", "Xã");
        page.look("hr-officials");

        // He lost his password and has no e-mail address: HR sets a new one, which he logs in with.
        browser.findElement(By.cssSelector("input[id$=':choose-password']")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search:new-password")));
        browser.findElement(By.id("search:new-password")).sendKeys("short");
        browser.findElement(By.id("search:set-password")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search:messages"), "8"));
        page.look("hr-officials-password");
        browser.findElement(By.id("search:new-password")).sendKeys("lam-moi-2027");
        browser.findElement(By.id("search:set-password")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search:messages"), "Hồ Văn Lâm (PG-03)"));
        assertThat(Api.as(base, "PG-03", "lam-moi-2027").get("api/accounts/me").status()).isEqualTo(200);

        browser.findElement(By.id("logout:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
        browser.get(base + "hr/officials.xhtml");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    }

    @Test
    void hrImportsASpreadsheetAndSeesEveryErrorByLineThenTheCounts() throws Exception {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPG3-TINH,Tỉnh,PROVINCE,STATE\n");
        admin.put("api/accounts/hr-import", "{\"password\": \"import-hr-pass\", \"roles\": [\"HR\"], \"agency\": \"PG3-TINH\"}");
        Path bad = Files.writeString(Files.createTempFile("officials-bad", ".csv"), """
                employee_code,full_name,agency_code,position
                PG3-01,Lương Văn Tài,PG3-TINH,CHIEF
                PG3-02,,PG3-TINH,STAFF
                """);
        Path good = Files.writeString(Files.createTempFile("officials-good", ".csv"), """
                employee_code,full_name,agency_code,position
                PG3-01,Lương Văn Tài,PG3-TINH,LEADER
                PG3-02,Kiều Thị Vân,PG3-TINH,STAFF
                """);

        page.openAs("hr/import.xhtml", "hr-import", "import-hr-pass");
        browser.get(base + "hr/import.xhtml");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
        browser.findElement(By.id("upload:file")).sendKeys(bad.toString());
        browser.findElement(By.id("upload:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        assertThat(browser.findElement(By.id("errors")).getText())
                .contains("2 position", "CHIEF", "3 full_name", "không được để trống");
        page.look("hr-import-errors");
        assertThat(Api.admin(base).get("api/officials/PG3-02").status()).as("nothing written").isEqualTo(404);

        browser.findElement(By.id("upload:file")).sendKeys(good.toString());
        browser.findElement(By.id("upload:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("counts")));
        assertThat(browser.findElement(By.id("counts")).getText()).contains("thêm mới 2");
        assertThat(Api.admin(base).get("api/officials/PG3-02").json().getString("fullName")).isEqualTo("Kiều Thị Vân");
    }

    /** A commune official who can log in, enrolled in an IU01 class, and an exam of two questions that completes IU01. */
    private void traineeWithAClassAndAnExam(String p) {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\n" + p + "-X,Xã Thử,COMMUNE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\n" + p + "-1,Phan Văn Học,"
                + p + "-X,STAFF\n");
        assertThat(admin.put("api/officials/" + p + "-1/password", "{\"password\": \"hoc-vien-pass\"}").status())
                .isEqualTo(204);
        assertThat(admin.post("api/offerings", "application/json", """
                {"code": "%1$s-IU01", "course": "IU01", "title": "Lớp IU01 xã Thử", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 10}""".formatted(p)).status()).isEqualTo(201);
        assertThat(admin.post("api/offerings/" + p + "-IU01/enrolments", "application/json",
                "{\"employeeCode\": \"" + p + "-1\"}").status()).isEqualTo(201);
        assertThat(admin.post("api/question-banks/import", "text/plain", """
                $CATEGORY: %1$s-Q

                ::%1$s-1:: Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng}

                ::%1$s-2:: Viết tắt của bộ xử lý trung tâm? {=CPU}
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.post("api/assessments", "application/json", """
                {"code": "%1$s-EXAM", "title": "Kiểm tra thử", "programme": "BASIC-IT", "course": "IU01", "timeLimitMinutes": 20,
                 "passPercent": 50, "maxAttempts": 1, "sections": [{"category": "%1$s-Q", "count": 2}]}
                """.formatted(p)).status()).isEqualTo(201);
    }

    @Test
    void aTraineeTakesAnExamWhoseAnswersSurviveALostConnectionAndAReloadAndSeesTheResult() {
        traineeWithAClassAndAnExam("PX");
        page.openAs("trainee/exams.xhtml", "PX-1", "hoc-vien-pass");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("exams")));
        assertThat(examRow("PX-EXAM").getText()).contains("Kiểm tra thử (PX-EXAM)", "0/1");
        page.look("trainee-exams");
        examRow("PX-EXAM").findElement(By.linkText("Làm bài")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("exam-title"), "Kiểm tra thử"));
        browser.findElement(By.id("exam-start")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exam-questions fieldset")));
        page.look("trainee-exam");

        HasNetworkConditions network = (HasNetworkConditions) browser;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);
        WebElement capital = browser.findElements(By.cssSelector("#exam-questions label")).stream()
                .filter(label -> label.getText().strip().equals("Hà Nội")).findFirst().orElseThrow();
        capital.findElement(By.tagName("input")).click();
        WebElement typed = browser.findElement(By.cssSelector("#exam-questions input.answer-text"));
        typed.sendKeys("cpu");
        page.waitFor(driver -> driver.findElements(By.cssSelector(".save.error")).size() == 2);
        network.deleteNetworkConditions();
        page.waitFor(driver -> driver.findElements(By.cssSelector(".save.saved")).size() == 2);

        browser.navigate().refresh();
        page.waitFor(ExpectedConditions.elementToBeClickable(By.id("exam-start")));
        browser.findElement(By.id("exam-start")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exam-questions input.answer-text")));
        assertThat(browser.findElement(By.cssSelector("#exam-questions input.answer-text")).getAttribute("value"))
                .as("the typed answer came back").isEqualTo("cpu");
        assertThat(browser.findElements(By.cssSelector("#exam-questions input[type=radio]")).stream()
                .filter(WebElement::isSelected)).as("the chosen option came back").hasSize(1);

        browser.findElement(By.id("exam-submit")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("exam-result"), "2/2"));
        assertThat(browser.findElement(By.id("exam-result")).getText()).contains("100%", "Đạt");
        page.look("trainee-exam-result");

        browser.findElement(By.id("nav-exams")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("exams")));
        assertThat(examRow("PX-EXAM").getText()).contains("1/1", "2/2 (100%) — Đạt");
        assertThat(examRow("PX-EXAM").findElements(By.linkText("Làm bài"))).as("no attempt left").isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Anh/chị chưa có chứng chỉ nào.");
    }

    @Test
    void theInvigilatorSeesAComputerGoQuietAndReopensTheAttemptTheServerClosedAtItsDeadline() throws Exception {
        traineeWithAClassAndAnExam("PV");
        OffsetDateTime closes = OffsetDateTime.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        assertThat(Api.admin(base).post("api/assessments", "application/json", """
                {"code": "PV-DAY", "title": "Thi sát hạch", "programme": "BASIC-IT", "timeLimitMinutes": 20,
                 "passPercent": 60, "maxAttempts": 1, "closesAt": "%s", "accessCode": "SEN-9",
                 "sections": [{"category": "PV-Q", "count": 2}]}""".formatted(closes)).status()).isEqualTo(201);

        page.openAs("trainee/exam.xhtml?code=PV-DAY", "PV-1", "hoc-vien-pass");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("exam-access-code")));
        browser.findElement(By.id("exam-access-code")).sendKeys("SEN");
        browser.findElement(By.id("exam-start")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("exam-message"), "Mã dự thi không đúng"));
        page.look("trainee-exam-code");
        browser.findElement(By.id("exam-access-code")).sendKeys("-9");
        browser.findElement(By.id("exam-start")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exam-questions fieldset")));
        browser.findElements(By.cssSelector("#exam-questions label")).stream()
                .filter(label -> label.getText().strip().equals("Hà Nội")).findFirst().orElseThrow()
                .findElement(By.tagName("input")).click();
        page.waitFor(driver -> driver.findElements(By.cssSelector(".save.saved")).size() == 1);

        // The power fails in the hall: the browser is gone; the server closes the attempt at its deadline.
        HasNetworkConditions network = (HasNetworkConditions) browser;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);

        try (Browser invigilator = new Browser(base)) {
            invigilator.openAs("instructor/live.xhtml?code=PV-DAY", "admin", Api.ADMIN_PASSWORD);
            invigilator.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("live-rows"), "1 / 2"));
            assertThat(invigilator.textOf("live-rows")).contains("PV-1", "Phan Văn Học", "Đang làm");
            invigilator.look("instructor-live");
            while (OffsetDateTime.now().isBefore(closes.plusSeconds(1))) {
                Thread.sleep(250);
            }
            // The exam clock closes overdue attempts every 15 seconds; the page reads the list every 5.
            new WebDriverWait(invigilator.driver(), Duration.ofSeconds(45)).ignoring(WebDriverException.class)
                    .until(driver -> invigilator.textOf("live-rows").contains("máy chủ đóng khi hết giờ"));
            invigilator.driver().findElement(By.cssSelector("#live-rows button.choose-reopen")).click();
            invigilator.driver().findElement(By.id("actions:minutes")).clear();
            invigilator.driver().findElement(By.id("actions:minutes")).sendKeys("10");
            invigilator.driver().findElement(By.id("actions:reopen-reason")).sendKeys("Mất điện ở hội trường xã");
            invigilator.driver().findElement(By.id("actions:reopen")).click();
            invigilator.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("actions:messages"),
                    "thêm 10 phút"));
            invigilator.waitFor(driver -> invigilator.textOf("live-rows").contains("Đang làm"));
            invigilator.look("instructor-live-reopened");
        }

        // The power is back: the trainee goes on where it was, with the answer it had given.
        network.deleteNetworkConditions();
        browser.navigate().refresh();
        page.waitFor(ExpectedConditions.elementToBeClickable(By.id("exam-start")));
        browser.findElement(By.id("exam-start")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exam-questions input.answer-text")));
        assertThat(browser.findElements(By.cssSelector("#exam-questions input[type=radio]")).stream()
                .filter(WebElement::isSelected)).as("the answer kept").hasSize(1);
        browser.findElement(By.cssSelector("#exam-questions input.answer-text")).sendKeys("cpu");
        page.waitFor(driver -> driver.findElements(By.cssSelector(".save.saved")).stream()
                .anyMatch(saved -> saved.getText().matches(".*\\d.*")));
        browser.findElement(By.id("exam-submit")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("exam-result"), "2/2"));
    }

    @Test
    void aTraineeReadsALessonAndMarksItDone() {
        traineeWithAClassAndAnExam("PL");
        browser.get(base + "index.xhtml");
        browser.findElement(By.id("nav-login")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        page.logIn("PL-1", "hoc-vien-pass");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("nav-courses")));
        browser.findElement(By.id("nav-courses")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("classes"), "IU01"));
        assertThat(browser.findElement(By.id("classes")).getText()).contains("Lớp IU01 xã Thử", "Đã ghi danh", "0/");
        page.look("trainee-courses");

        browser.findElement(By.linkText("IU01 — Hiểu biết về công nghệ thông tin cơ bản")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("lesson-title")));
        assertThat(browser.findElement(By.id("lesson-title")).getText()).startsWith("1.");
        assertThat(browser.findElement(By.id("lesson")).findElements(By.tagName("strong"))).isNotEmpty();
        page.look("trainee-lesson");
        browser.findElement(By.id("progress:done")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("lesson-title"), "2."));
        assertThat(browser.findElement(By.id("lessons")).getText()).contains("✓");
        assertThat(browser.findElement(By.id("course-exams")).findElement(By.linkText("Kiểm tra thử")).getAttribute("href"))
                .as("the exam that completes the course, still to pass").endsWith("trainee/exam.xhtml?code=PL-EXAM");
        browser.findElement(By.id("nav-courses")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("classes"), "1/"));
    }

    @Test
    void anInstructorImportsAGiftBankSeeingEveryBrokenQuestionByItsLineFirst() throws Exception {
        Api admin = Api.admin(base);
        assertThat(admin.put("api/accounts/gv-banks", "{\"password\": \"giang-vien-pass\", \"roles\": [\"INSTRUCTOR\"]}")
                .status()).isIn(200, 201);
        Path broken = Files.writeString(Files.createTempFile("bank-bad", ".gift"), """
                $CATEGORY: PB-Q

                ::PB-1:: Phím tắt để sao chép? {=Ctrl+C ~Ctrl+V}

                ::PB-2:: Phím tắt để dán? {=Ctrl+V ~Ctrl+X

                ::PB-3:: Khối đáp án đóng mà chưa mở }
                """);
        Path sound = Files.writeString(Files.createTempFile("bank-good", ".gift"), """
                $CATEGORY: PB-Q

                ::PB-1:: Phím tắt để sao chép? {=Ctrl+C ~Ctrl+V}

                ::PB-2:: Phím tắt để dán? {=Ctrl+V ~Ctrl+X}
                """);

        page.openAs("instructor/banks.xhtml", "gv-banks", "giang-vien-pass");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
        browser.findElement(By.id("upload:file")).sendKeys(broken.toString());
        browser.findElement(By.id("upload:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        assertThat(browser.findElements(By.cssSelector("#errors tbody tr")).stream().map(WebElement::getText))
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("5 ").contains("chưa đóng"),
                        line -> assertThat(line).startsWith("7 ").contains("không có dấu {"));
        assertThat(admin.get("api/question-banks").json()).as("nothing written").doesNotContainKey("PB-Q");
        page.look("instructor-banks-errors");

        browser.findElement(By.id("upload:file")).sendKeys(sound.toString());
        browser.findElement(By.id("upload:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("counts")));
        assertThat(page.textOf("counts")).isEqualTo("Đã nhập 2 câu: thêm mới 2, sửa 0, giữ nguyên 0.");
        WebElement category = browser.findElement(By.xpath("//table[@id='categories']//tr[td[. = 'PB-Q']]"));
        assertThat(category.getText()).contains("2");
        page.look("instructor-banks");
        assertThat(category.findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("api/question-banks/export?category=PB-Q");
    }

    @Test
    void anInstructorGradesAPracticalAnswerFromTheQueue() {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPI-X,Xã Chấm,COMMUNE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\nPI-1,Đỗ Văn Nộp,PI-X,STAFF\n");
        admin.put("api/officials/PI-1/password", "{\"password\": \"hoc-vien-pass\"}");
        assertThat(admin.put("api/accounts/gv-pages", "{\"password\": \"giang-vien-pass\", \"roles\": [\"INSTRUCTOR\"]}")
                .status()).isIn(200, 201);
        Api instructor = Api.as(base, "gv-pages", "giang-vien-pass");
        instructor.post("api/question-banks/import", "text/plain",
                "$CATEGORY: PI-TH\n$POINTS: 10\n\n::PI-TH-1:: Soạn một công văn mời họp. {}\n");
        assertThat(instructor.post("api/assessments", "application/json", """
                {"code": "PI-EXAM", "title": "Thực hành", "programme": "BASIC-IT", "timeLimitMinutes": 20,
                 "passPercent": 50, "maxAttempts": 1, "sections": [{"category": "PI-TH", "count": 1}]}""").status())
                .isEqualTo(201);
        Api trainee = Api.as(base, "PI-1", "hoc-vien-pass");
        JsonObject attempt = trainee.post("api/assessments/PI-EXAM/attempts", "application/json", "").json();
        long id = attempt.getJsonNumber("id").longValue();
        long question = attempt.getJsonArray("questions").getJsonObject(0).getJsonNumber("id").longValue();
        trainee.put("api/attempts/" + id + "/answers/" + question, "{\"text\": \"Kính gửi các phòng ban, trân trọng kính mời.\"}");
        trainee.post("api/attempts/" + id + "/submit", "application/json", "");

        page.openAs("instructor/grading.xhtml", "gv-pages", "giang-vien-pass");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "Kính gửi các phòng ban"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains("PI-EXAM", "Soạn một công văn")
                .doesNotContain("Đỗ Văn Nộp");
        page.look("instructor-grading");
        WebElement points = browser.findElement(By.cssSelector("input[id$=':points']"));
        points.sendKeys("8");
        browser.findElement(By.cssSelector("input[id$=':comment']")).sendKeys("Đúng thể thức");
        browser.findElement(By.cssSelector("input[id$=':grade']")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("queue:empty")));
        assertThat(browser.findElement(By.id("queue:messages")).getText()).contains("Đã chấm");
        JsonObject result = trainee.get("api/attempts/" + id).json().getJsonObject("result");
        assertThat(result.getString("status")).isEqualTo("GRADED");
        assertThat(result.getJsonNumber("score").doubleValue()).isEqualTo(8);

        browser.findElement(By.id("nav-assessments")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("list:assessments")));
        page.look("instructor-assessments");
        assertThat(browser.findElements(By.cssSelector("#list\\:assessments tbody tr"))).as("only the exams it grades")
                .singleElement().satisfies(row -> {
                    assertThat(row.getText()).contains("Thực hành (PI-EXAM)", "1 0 1");
                    assertThat(row.findElement(By.partialLinkText("Sổ điểm")).getAttribute("href"))
                            .endsWith("api/assessments/PI-EXAM/results?format=xlsx");
                });
        browser.findElement(By.cssSelector("input[id$=':regrade']")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list:messages"), "Đã chấm lại PI-EXAM"));
        assertThat(page.textOf("list:messages")).contains("1 lượt làm bài, 0 lượt thay đổi điểm");
    }

    @Test
    void hrPreviewsThenEnrolsACommuneAndApprovesARequest() {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                PC-H,Huyện Lớp,DISTRICT,STATE,
                PC-X,Xã Lớp,COMMUNE,STATE,PC-H
                """);
        admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position,active
                PC-1,Ngô Văn Một,PC-X,STAFF,
                PC-2,Ngô Thị Hai,PC-X,LEADER,
                PC-3,Ngô Văn Ba,PC-X,STAFF,false
                PC-4,Ngô Văn Bốn,PC-H,STAFF,
                """);
        admin.put("api/accounts/hr-lop", "{\"password\": \"hr-lop-pass\", \"roles\": [\"HR\"], \"agency\": \"PC-H\"}");
        admin.put("api/accounts/gv-lop", "{\"password\": \"gv-lop-pass\", \"roles\": [\"INSTRUCTOR\"]}");
        admin.put("api/accounts/gv-lopkhac", "{\"password\": \"gv-lop-pass\", \"roles\": [\"INSTRUCTOR\"]}");
        admin.put("api/accounts/gv-xa", "{\"password\": \"gv-lop-pass\", \"roles\": [\"INSTRUCTOR\"]}");

        page.openAs("hr/classes.xhtml", "hr-lop", "hr-lop-pass");
        browser.get(base + "hr/classes.xhtml");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("open")));
        browser.findElement(By.id("open")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class:code")));
        browser.findElement(By.id("class:code")).sendKeys("PC-IU01");
        new Select(browser.findElement(By.id("class:course"))).selectByValue("IU01");
        browser.findElement(By.id("class:title")).sendKeys("Lớp IU01 huyện");
        page.setValue("class:startsOn", "2027-03-05");
        page.setValue("class:endsOn", "2027-03-01");
        browser.findElement(By.id("class:capacity")).sendKeys("2");
        page.setValue("class:enrolUntil", "2099-12-31");
        browser.findElement(By.id("class:needsApproval")).click();
        // The instructors are found by typing, not picked out of every instructor account.
        assertThat(page.textOf("class:none-chosen")).isEqualTo("Chưa chọn giảng viên nào.");
        browser.findElement(By.id("class:add-instructor_input")).sendKeys("GV-LO");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-item-value='gv-lop']")));
        assertThat(browser.findElements(By.cssSelector("li.ui-autocomplete-item")))
                .extracting(item -> item.getAttribute("data-item-value")).as("only the accounts typed, any case")
                .contains("gv-lop", "gv-lopkhac").doesNotContain("gv-xa");
        page.checkAccessible();
        page.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-item-value='gv-lop']")));
        browser.findElement(By.cssSelector("li[data-item-value='gv-lop']")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[normalize-space(.)='gv-lop']")));
        assertThat(chosenInstructors()).as("the one chosen, ticked").containsExactly("gv-lop");
        assertThat(browser.findElement(By.id("class:add-instructor_input")).getAttribute("value"))
                .as("the search emptied for the next").isEmpty();
        page.look("hr-class-form-instructors");
        browser.findElement(By.id("class:save")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("class:messages"), "ngày kết thúc"));
        page.look("hr-class-form-refused");
        assertThat(browser.findElement(By.id("class:title")).getAttribute("value")).as("what was typed stays")
                .isEqualTo("Lớp IU01 huyện");
        page.setValue("class:startsOn", "2027-03-01");
        page.setValue("class:endsOn", "2027-03-05");
        browser.findElement(By.id("class:save")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class-title")));
        assertThat(page.textOf("bulk:messages")).contains("Đã lưu lớp PC-IU01");
        assertThat(Api.admin(base).get("api/offerings/PC-IU01").json().getJsonArray("instructors").getString(0))
                .isEqualTo("gv-lop");

        admin.put("api/officials/PC-4/password", "{\"password\": \"hoc-vien-pass\"}");
        assertThat(Api.as(base, "PC-4", "hoc-vien-pass").post("api/offerings/PC-IU01/requests", "application/json", "")
                .json().getString("status")).isEqualTo("REQUESTED");

        browser.get(base + "hr/classes.xhtml");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("PC-IU01")));
        page.look("hr-classes");
        browser.findElement(By.linkText("PC-IU01")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("bulk:agency")));
        browser.findElement(By.id("bulk:agency")).sendKeys("PC-X");
        browser.findElement(By.id("bulk:preview")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("preview-text")));
        assertThat(browser.findElement(By.id("preview-text")).getText()).startsWith("Sẽ ghi danh 2 người");
        page.look("hr-class-preview");
        assertThat(browser.findElement(By.id("bulk:list")).getText()).as("a preview writes nothing")
                .doesNotContain("Ngô Văn Một");
        browser.findElement(By.id("bulk:enrol")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk:list"), "Ngô Văn Một"));
        assertThat(browser.findElement(By.id("bulk:messages")).getText()).contains("Đã ghi danh 2 người");
        assertThat(browser.findElement(By.id("bulk:list")).getText()).contains("Ngô Thị Hai", "Chờ duyệt")
                .doesNotContain("Ngô Văn Ba");

        // Both seats taken: the capacity cannot fall below them; the approved request waits in line.
        browser.findElement(By.id("edit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class:capacity")));
        assertThat(browser.findElements(By.id("class:code"))).as("a class keeps its code").isEmpty();
        assertThat(chosenInstructors()).as("the class's instructors, ticked to keep").containsExactly("gv-lop");
        browser.findElement(By.id("class:capacity")).clear();
        browser.findElement(By.id("class:capacity")).sendKeys("1");
        browser.findElement(By.id("class:save")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("class:messages"), "đã có chỗ (2)"));
        page.look("hr-class-form-edit");
        browser.findElement(By.id("class:back")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id$=':approve']")));
        browser.findElement(By.cssSelector("input[id$=':approve']")).click();
        page.waitFor(driver -> !page.textOf("bulk:list").contains("Chờ duyệt"));
        assertThat(page.textOf("bulk:list")).contains("Ngô Văn Bốn", "Danh sách chờ");

        // More seats: the first in line takes one at once.
        browser.findElement(By.id("edit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class:capacity")));
        browser.findElement(By.id("class:capacity")).clear();
        browser.findElement(By.id("class:capacity")).sendKeys("30");
        browser.findElement(By.id("class:save")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class-title")));
        assertThat(page.textOf("bulk:list")).contains("Ngô Văn Bốn").doesNotContain("Danh sách chờ");

        browser.findElement(By.xpath("//table[@id='bulk:list']//tr[td[normalize-space(.) = 'PC-1']]"
                + "//input[contains(@id, ':withdraw')]")).click();
        page.waitFor(driver -> !page.textOf("bulk:list").contains("Ngô Văn Một"));
        assertThat(page.textOf("bulk:messages")).contains("Đã rút PC-1 khỏi lớp");
        browser.findElement(By.id("status:close")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("status:current"), "Đã đóng ghi danh"));
        browser.findElement(By.id("status:cancel")).click();
        page.waitFor(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        page.waitFor(ExpectedConditions.textToBe(By.id("status:current"), "Đã hủy"));
        assertThat(page.textOf("bulk:list")).as("everyone taken off").doesNotContain("Ngô");
        assertThat(browser.findElements(By.id("status:reopen"))).as("a cancelled class stays cancelled").isEmpty();
    }

    @Test
    void hrPlansAClassesSessionsFollowsAttendanceInItsScopeAndATraineeSeesItsShare() throws Exception {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                PS-H,Huyện Buổi Học,DISTRICT,STATE,
                PS-X,Xã Buổi Học,COMMUNE,STATE,PS-H
                PS-O,Huyện Khác,DISTRICT,STATE,
                """);
        admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                PS-1,Đỗ Văn Chăm,PS-X,STAFF
                PS-2,Đỗ Thị Vắng,PS-X,STAFF
                PS-3,Đỗ Văn Lỡ,PS-X,STAFF
                PS-9,Đỗ Văn Ngoài,PS-O,STAFF
                """);
        admin.put("api/accounts/hr-buoi", "{\"password\": \"hr-buoi-pass\", \"roles\": [\"HR\"], \"agency\": \"PS-H\"}");
        admin.put("api/officials/PS-2/password", "{\"password\": \"hoc-vien-pass\"}");
        admin.csv("api/venues/import", """
                code,name,kind,seats,address
                PS-HALL,Hội trường huyện Buổi Học,HALL,40,1 Lê Lợi
                PS-ROOM,Phòng máy một chỗ,COMPUTER_ROOM,1,
                PS-P1,Điểm cầu xã Buổi Học,VIDEO_POINT,5,
                """);
        assertThat(admin.post("api/offerings", "application/json", """
                {"code": "PS-OTHER", "course": "IU01", "title": "Lớp đã đặt hội trường", "startsOn": "2027-04-01",
                 "endsOn": "2027-04-01", "capacity": 10}""").status()).isEqualTo(201);
        assertThat(admin.post("api/offerings/PS-OTHER/sessions", "application/json", """
                {"startsAt": "2027-04-01T09:00", "endsAt": "2027-04-01T10:00", "venue": "PS-HALL"}""").status())
                .isEqualTo(201);

        // HR opens the class with its minimum share on the form.
        page.openAs("hr/class-form.xhtml", "hr-buoi", "hr-buoi-pass");
        browser.get(base + "hr/class-form.xhtml");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class:code")));
        browser.findElement(By.id("class:code")).sendKeys("PS-IU01");
        new Select(browser.findElement(By.id("class:course"))).selectByValue("IU01");
        browser.findElement(By.id("class:title")).sendKeys("Lớp IU01 có lịch học");
        page.setValue("class:startsOn", "2027-04-01");
        page.setValue("class:endsOn", "2027-04-30");
        browser.findElement(By.id("class:capacity")).sendKeys("10");
        browser.findElement(By.id("class:minAttendance")).sendKeys("75");
        browser.findElement(By.id("class:save")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class-title")));
        assertThat(page.textOf("min-attendance")).isEqualTo("75%");
        for (String code : new String[] {"PS-1", "PS-2", "PS-3", "PS-9"}) {
            assertThat(admin.post("api/offerings/PS-IU01/enrolments", "application/json",
                    "{\"employeeCode\": \"" + code + "\"}").status()).isEqualTo(201);
        }
        browser.get(base + "hr/class.xhtml?code=PS-IU01");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("session:add")));
        assertThat(page.textOf("timetable")).contains("chưa có buổi học");
        assertThat(browser.findElement(By.id("calendar")).getAttribute("href"))
                .endsWith("/api/offerings/PS-IU01/calendar.ics");

        addSession("2027-04-01", "08:00", "11:00", "PS-HALL");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("session-messages"), "PS-OTHER"));
        assertThat(page.textOf("session-messages")).contains("Hội trường huyện Buổi Học", "Lớp đã đặt hội trường");
        page.look("hr-class-session-clash");
        addSession("2027-04-02", "08:00", "11:00", "PS-ROOM");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("session-messages"), "chỉ có 1 chỗ"));
        addSession("2027-04-02", "08:00", "11:00", "PS-HALL");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("session-messages"),
                "Đã thêm buổi học ngày 02/04/2027"));
        page.setValue("session:date", "2027-04-06");
        page.setValue("session:start", "13:30");
        page.setValue("session:end", "16:30");
        new Select(browser.findElement(By.id("session:venue"))).selectByValue("PS-ROOM");
        browser.findElement(By.cssSelector("input[value='PS-P1']")).click();
        browser.findElement(By.id("session:add")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("session-messages"),
                "Đã thêm buổi học ngày 06/04/2027"));
        assertThat(page.textOf("sessions:list")).contains("02/04/2027", "08:00–11:00", "Hội trường huyện Buổi Học",
                "06/04/2027", "Điểm cầu xã Buổi Học", "Chưa điểm danh");
        page.look("hr-class-sessions");
        browser.findElement(By.xpath("//table[@id='sessions:list']//tr[td[contains(., '06/04/2027')]]"
                + "//input[contains(@id, ':cancel')]")).click();
        page.waitFor(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("session-messages"),
                "Đã hủy buổi học ngày 06/04/2027"));
        assertThat(browser.findElement(By.xpath("//table[@id='sessions:list']//tr[td[contains(., '06/04/2027')]]"))
                .getText()).contains("Đã hủy");

        // Three more sessions, then the instructor's marks: PS-2 can no longer reach 3 of 4, PS-3 is behind.
        Api hr = Api.as(base, "hr-buoi", "hr-buoi-pass");
        java.util.List<Long> ids = new java.util.ArrayList<>();
        ids.add((long) hr.get("api/offerings/PS-IU01/sessions").array().getValuesAs(JsonObject.class).stream()
                .filter(v -> !v.getBoolean("cancelled")).findFirst().orElseThrow().getInt("id"));
        for (String day : new String[] {"03", "04", "05"}) {
            Api.Reply added = hr.post("api/offerings/PS-IU01/sessions", "application/json", """
                    {"startsAt": "2027-04-%1$sT08:00", "endsAt": "2027-04-%1$sT11:00", "venue": "PS-HALL"}"""
                    .formatted(day));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            ids.add((long) added.json().getInt("id"));
        }
        assertThat(admin.put("api/offerings/PS-IU01/sessions/" + ids.get(0) + "/attendance", """
                [{"employeeCode": "PS-1", "status": "PRESENT"}, {"employeeCode": "PS-2", "status": "ABSENT"},
                 {"employeeCode": "PS-3", "status": "ABSENT"}, {"employeeCode": "PS-9", "status": "ABSENT"}]""")
                .status()).isEqualTo(204);
        assertThat(admin.put("api/offerings/PS-IU01/sessions/" + ids.get(1) + "/attendance", """
                [{"employeeCode": "PS-1", "status": "LATE"}, {"employeeCode": "PS-2", "status": "ABSENT"}]""")
                .status()).isEqualTo(204);

        browser.findElement(By.id("nav-attendance-report")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("attendance:classes")));
        String row = browser.findElement(By.xpath("//table[@id='attendance:classes']//tr[td[contains(., 'PS-IU01')]]"))
                .getText();
        assertThat(row).as("2 attended of 5 marks among HR's own trainees").contains("4", "3", "40.0%", "75%");
        assertThat(page.textOf("attendance:below")).contains("Đỗ Thị Vắng", "Không đạt do chuyên cần", "Đỗ Văn Lỡ",
                "Có nguy cơ không đạt").doesNotContain("Đỗ Văn Chăm").as("outside HR's agencies")
                .doesNotContain("Đỗ Văn Ngoài");
        browser.findElement(By.xpath("//table[@id='attendance:classes']//tr[td[contains(., 'PS-IU01')]]"
                + "//input[contains(@id, ':open')]")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("attendance:trainees")));
        assertThat(page.textOf("attendance:trainees")).contains("Đỗ Văn Chăm", "2/4 (50.0%)", "Đạt yêu cầu")
                .doesNotContain("Đỗ Văn Ngoài");
        page.look("hr-attendance");
        browser.findElement(By.id("attendance:agency")).sendKeys("PS-O");
        browser.findElement(By.id("attendance:show")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("attendance:messages"), "PS-O"));

        // The workbook is a plain link: fetched here with the page's own login.
        String link = browser.findElement(By.id("attendance:xlsx")).getAttribute("href");
        java.net.http.HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).header("Cookie",
                        browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                                .collect(java.util.stream.Collectors.joining("; "))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).as("%s %s", link, file.headers().firstValue("Location")).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attendance.xlsx");
        Path xlsx = Files.write(Files.createTempFile("attendance", ".xlsx"), file.body());
        try (java.io.InputStream in = Files.newInputStream(xlsx);
                org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            java.util.Map<String, String> standing = new java.util.HashMap<>();
            for (org.apache.poi.ss.usermodel.Row line : workbook.getSheetAt(0)) {
                if (line.getRowNum() == 0) {
                    assertThat(line.getCell(2).getStringCellValue()).isEqualTo("employee_code");
                } else if (line.getCell(0).getStringCellValue().equals("PS-IU01")) {
                    standing.put(line.getCell(2).getStringCellValue(), line.getCell(5).getNumericCellValue() + " "
                            + line.getCell(9).getStringCellValue());
                }
            }
            assertThat(standing).containsOnlyKeys("PS-1", "PS-2", "PS-3");
            assertThat(standing.get("PS-1")).isEqualTo("2.0 Đạt yêu cầu");
            assertThat(standing.get("PS-2")).isEqualTo("0.0 Không đạt do chuyên cần");
        }

        // The trainee sees its sessions, its marks and why its place failed.
        openInNewBrowser("trainee/course.xhtml?code=IU01", "PS-2", "hoc-vien-pass");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.class-sessions")));
        String sessions = browser.findElement(By.cssSelector("section.class-sessions")).getText();
        assertThat(sessions).contains("Lớp IU01 có lịch học", "Đã tham dự 0/4 buổi (0.0%)", "tối thiểu 75% (3 buổi)",
                "Vắng", "02/04/2027", "Hội trường huyện Buổi Học", "Chưa diễn ra", "Đã hủy",
                "không đạt lớp này do chuyên cần");
        page.look("trainee-course-sessions");

        // HR changes the minimum share on the class form, and it counts at once for every trainee.
        openInNewBrowser("hr/class-form.xhtml?code=PS-IU01", "hr-buoi", "hr-buoi-pass");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class:minAttendance")));
        assertThat(browser.findElement(By.id("class:minAttendance")).getAttribute("value")).isEqualTo("75");
        assertThat(page.textOf("minAttendance-hint")).contains("Thay đổi có hiệu lực ngay với mọi học viên");
        page.look("hr-class-form-edit");
        changeMinAttendance("100");
        assertThat(standings(admin)).as("PS-3 missed a session, so 100% is out of reach")
                .containsEntry("PS-1", "ENROLLED").containsEntry("PS-2", "FAILED").containsEntry("PS-3", "FAILED");
        browser.findElement(By.id("edit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("class:minAttendance")));
        changeMinAttendance("50");
        assertThat(standings(admin)).as("2 of 4 sessions are still within reach of everyone")
                .containsEntry("PS-1", "ENROLLED").containsEntry("PS-2", "ENROLLED").containsEntry("PS-3", "ENROLLED");
        assertThat(admin.get("api/audit?action=CLASS_CHANGED&subject=PS-IU01").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(entry -> entry.getJsonObject("details"))
                .map(change -> change.get("minAttendancePercentBefore") + " → " + change.get("minAttendancePercent")))
                .containsExactlyInAnyOrder("75 → 100", "100 → 50");
    }

    /** A browser of its own, so that nothing of the last login carries over, logged in and on the page. */
    private void openInNewBrowser(String path, String username, String password) {
        page.close();
        page = new Browser(base);
        browser = page.driver();
        page.openAs(path, username, password);
        browser.get(base + path);
    }

    private void changeMinAttendance(String percent) {
        browser.findElement(By.id("class:minAttendance")).clear();
        browser.findElement(By.id("class:minAttendance")).sendKeys(percent);
        browser.findElement(By.id("class:save")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("min-attendance"), percent + "%"));
    }

    /** Each trainee's place in the class PS-IU01, by employee code. */
    private static java.util.Map<String, String> standings(Api admin) {
        return admin.get("api/offerings/PS-IU01/attendance").array().getValuesAs(JsonObject.class).stream()
                .collect(java.util.stream.Collectors.toMap(line -> line.getString("employeeCode"),
                        line -> line.getString("status")));
    }

    private void addSession(String date, String start, String end, String venue) {
        page.setValue("session:date", date);
        page.setValue("session:start", start);
        page.setValue("session:end", end);
        new Select(browser.findElement(By.id("session:venue"))).selectByValue(venue);
        browser.findElement(By.id("session:add")).click();
    }

    @Test
    void aRoleTakenAwayOrAnAccountClosedCountsAtTheNextPage() {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPR-TINH,Tỉnh,PROVINCE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\nPR-01,Tạ Văn Nghỉ,PR-TINH,STAFF\n");
        admin.put("api/officials/PR-01/password", "{\"password\": \"trainee-pass-1\"}");
        admin.put("api/accounts/hr-moved", "{\"password\": \"moved-hr-pass\", \"roles\": [\"HR\"], \"agency\": \"PR-TINH\"}");

        page.openAs("hr/officials.xhtml", "hr-moved", "moved-hr-pass");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search:officials"), "Tạ Văn Nghỉ"));
        assertThat(admin.put("api/accounts/hr-moved", "{\"roles\": [\"INSTRUCTOR\"]}").status()).isEqualTo(200);
        browser.get(base + "hr/officials.xhtml");
        assertThat(browser.findElement(By.id("error-title")).getText())
                .isEqualTo("Tài khoản của bạn không được vào trang này.");

        browser.manage().deleteAllCookies();
        page.openAs("trainee/courses.xhtml", "PR-01", "trainee-pass-1");
        page.waitFor(ExpectedConditions.textToBe(By.id("caller"), "PR-01"));
        admin.csv("api/officials/import",
                "employee_code,full_name,agency_code,position,active\nPR-01,Tạ Văn Nghỉ,PR-TINH,STAFF,false\n");
        browser.get(base + "trainee/courses.xhtml");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        assertThat(browser.findElements(By.id("caller"))).as("the login is over").isEmpty();
    }

    @Test
    void aTraineeIsNotLetIntoHrPages() {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPG2-TINH,Tỉnh,PROVINCE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\nPG2-01,Trịnh Văn Ba,PG2-TINH,STAFF\n");
        assertThat(admin.put("api/officials/PG2-01/password", "{\"password\": \"trainee-pass-1\"}").status()).isEqualTo(204);

        browser.get(base + "login.xhtml");
        page.logIn("PG2-01", "trainee-pass-1");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home-title")));
        assertThat(browser.findElement(By.id("caller")).getText()).isEqualTo("PG2-01");
        assertThat(browser.findElements(By.id("nav-officials"))).isEmpty();
        browser.get(base + "hr/officials.xhtml");
        assertThat(browser.findElement(By.id("error-title")).getText())
                .isEqualTo("Tài khoản của bạn không được vào trang này.");
        page.look("error-forbidden");
    }

    @Test
    void aTraineeChangesItsPasswordOnItsAccountPageAndLogsInWithTheNewOne() {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPA-X,Xã Tài Khoản,COMMUNE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\nPA-1,Mạc Văn Đổi,PA-X,STAFF\n");
        admin.put("api/officials/PA-1/password", "{\"password\": \"given-by-hr-1\"}");

        page.openAs("account.xhtml", "PA-1", "given-by-hr-1");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("password:current")));
        page.look("account");
        browser.findElement(By.id("password:current")).sendKeys("given-by-hr-1");
        browser.findElement(By.id("password:next")).sendKeys("chosen-by-me-1");
        browser.findElement(By.id("password:repeat")).sendKeys("chosen-by-me-1");
        browser.findElement(By.id("password:change")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Đã đổi mật khẩu"));

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language-choice:chosen")))
                .selectByValue("en");
        browser.findElement(By.id("language-choice:save")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("account-title"), "My account"));
        browser.manage().deleteAllCookies();
        page.openAs("account.xhtml", "PA-1", "chosen-by-me-1");
        page.waitFor(ExpectedConditions.textToBe(By.id("account-title"), "My account"));
    }

    @Test
    void aForgottenPasswordLinkArrivesByMailAndWorksExactlyOnce() throws Exception {
        Api admin = Api.admin(base);
        admin.csv("api/agencies/import", "code,name,level,sector\nPF-X,Xã Quên,COMMUNE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position,email\n"
                + "PF-1,Tô Văn Quên,PF-X,STAFF,quen.to@xa.example.vn\n");
        admin.put("api/officials/PF-1/password", "{\"password\": \"forgotten-pass\"}");
        GreenMail smtp = TestSmtp.started();
        try {
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("forgot")).click();
            page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("forgot:username")));
            page.look("forgot");
            browser.findElement(By.id("forgot:username")).sendKeys("PF-1");
            browser.findElement(By.id("forgot:send")).click();
            page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "30 phút"));
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            MimeMessage mail = null;
            for (MimeMessage received : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(received.getAllRecipients()).contains("quen.to@xa.example.vn")) {
                    mail = received;
                }
            }
            assertThat(mail).as("the link went to the address on file").isNotNull();
            String text = (String) mail.getContent();
            Matcher link = Pattern.compile("(http\\S*reset\\.xhtml\\?token=\\S+)").matcher(text);
            assertThat(link.find()).as(text).isTrue();
            String address = link.group(1);

            browser.get(address);
            page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reset:next")));
            page.look("reset");
            browser.findElement(By.id("reset:next")).sendKeys("remembered-now");
            browser.findElement(By.id("reset:repeat")).sendKeys("remembered-now");
            browser.findElement(By.id("reset:save")).click();
            page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("to-login")));
            assertThat(Api.as(base, "PF-1", "remembered-now").get("api/accounts/me").status()).isEqualTo(200);

            browser.get(address);
            page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reset:next")));
            browser.findElement(By.id("reset:next")).sendKeys("another-one-1");
            browser.findElement(By.id("reset:repeat")).sendKeys("another-one-1");
            browser.findElement(By.id("reset:save")).click();
            page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "không còn hiệu lực"));
            assertThat(Api.as(base, "PF-1", "another-one-1").get("api/accounts/me").status()).isEqualTo(401);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theAdminReadsTheAuditLogFilteredByWhoAndWhat() {
        assertThat(Api.as(base, "pg-audit-guess", "wrong-password").get("api/accounts/me").status()).isEqualTo(401);

        page.openAs("admin/audit.xhtml", "admin", Api.ADMIN_PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("audit:entries")));
        assertThat(browser.getCurrentUrl()).endsWith("admin/audit.xhtml");
        assertThat(browser.findElement(By.id("nav-audit")).getText()).isEqualTo("Nhật ký");

        assertThat(page.textOf("audit:entries")).as("the admin's own login and the start-up's, unfiltered")
                .contains("account:admin");
        browser.findElement(By.id("audit:actor")).sendKeys("pg-audit-guess");
        browser.findElement(By.id("audit:submit")).click();
        page.waitFor(driver -> !page.textOf("audit:entries").contains("account:admin"));
        assertThat(page.textOf("audit:entries")).contains("pg-audit-guess", "Đăng nhập không thành công",
                "account:pg-audit-guess", "Tổng số: 1");
        page.look("admin-audit");

        new Select(browser.findElement(By.id("audit:action")))
                .selectByVisibleText("Thu hồi chứng chỉ");
        browser.findElement(By.id("audit:submit")).click();
        page.waitFor(driver -> page.textOf("audit:entries").contains("Không có hoạt động nào phù hợp"));
    }
}
