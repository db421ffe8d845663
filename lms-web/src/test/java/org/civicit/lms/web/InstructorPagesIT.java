package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The instructor's pages in headless Chromium: an assessment built, previewed and taken, a
 * bank question read with its key, and a new version of a course file with who read which.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InstructorPagesIT {

    private static final String INSTRUCTOR = "ip-gv";
    private static final String PASSWORD = "giang-vien-pass";
    private static final String TRAINEE = "IP-1";
    private static final String TRAINEE_PASSWORD = "hoc-vien-pass";


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

    /** An instructor teaching an ITS-03 class of one IT specialist who can log in; the instructor's own bank. */
    private void anInstructorWithAClass() {
        Api admin = Api.admin(base);
        assertThat(admin.put("api/accounts/" + INSTRUCTOR,
                "{\"password\": \"" + PASSWORD + "\", \"roles\": [\"INSTRUCTOR\"]}").status()).isIn(200, 201);
        admin.csv("api/agencies/import", "code,name,level,sector\nIP-X,Xã Học Thử,COMMUNE,STATE\n");
        admin.csv("api/officials/import", "employee_code,full_name,agency_code,position\n" + TRAINEE
                + ",Trịnh Văn Khoa,IP-X,IT_SPECIALIST\n");
        assertThat(admin.put("api/officials/" + TRAINEE + "/password", "{\"password\": \"" + TRAINEE_PASSWORD + "\"}")
                .status()).isEqualTo(204);
        assertThat(admin.post("api/offerings", "application/json", """
                {"code": "IP-ITS03", "course": "ITS-03", "title": "Lớp ITS-03 thử", "startsOn": "2027-03-01",
                 "endsOn": "2027-03-05", "capacity": 10, "instructors": ["%s"]}""".formatted(INSTRUCTOR)).status())
                .isIn(201, 409);
        assertThat(admin.post("api/offerings/IP-ITS03/enrolments", "application/json",
                "{\"employeeCode\": \"" + TRAINEE + "\"}").status()).isIn(200, 201);
        assertThat(Api.as(base, INSTRUCTOR, PASSWORD).post("api/question-banks/import", "text/plain", """
                $CATEGORY: IP-Q

                ::IP-1:: Thủ đô của Việt Nam? {=Hà Nội#Đúng, Hà Nội là thủ đô. ~Huế#Huế là cố đô.}

                ::IP-2:: Viết tắt của bộ xử lý trung tâm? {=CPU}
                """).status()).isEqualTo(200);
    }

    @Test
    void anInstructorBuildsAnAssessmentPreviewsItAndReadsAKeyThenATraineeTakesIt() {
        anInstructorWithAClass();
        page.openAs("instructor/assessments.xhtml", INSTRUCTOR, PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("new")));
        page.look("instructor-assessments-none");
        assertThat(browser.findElements(By.id("nav-course-files"))).as("the menu leads to course files").hasSize(1);
        browser.findElement(By.id("new")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("form:code")));
        assertThat(browser.findElements(By.id("form:certifies"))).as("an instructor may not certify").isEmpty();
        page.look("instructor-assessment-new");

        browser.findElement(By.id("form:code")).sendKeys("IP-EXAM");
        browser.findElement(By.id("form:title")).sendKeys("Kiểm tra lớp ITS-03");
        new Select(browser.findElement(By.id("form:course"))).selectByValue("ITS-03");
        new Select(browser.findElement(By.id("form:offering"))).selectByValue("IP-ITS03");
        WebElement category = browser.findElement(By.id("form:parts:0:category"));
        assertThat(new Select(category).getOptions()).anySatisfy(option ->
                assertThat(option.getText()).isEqualTo("IP-Q (2 câu)"));
        new Select(category).selectByValue("IP-Q");
        browser.findElement(By.id("form:parts:0:count")).sendKeys("3");
        browser.findElement(By.id("form:save")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "IP-Q"));
        assertThat(page.textOf("form:messages")).contains("ít hơn");
        assertThat(Api.admin(base).get("api/assessments/IP-EXAM/results").status()).as("nothing written").isEqualTo(404);
        page.look("instructor-assessment-refused");

        browser.findElement(By.id("form:parts:0:count")).clear();
        browser.findElement(By.id("form:parts:0:count")).sendKeys("2");
        browser.findElement(By.id("form:parts:0:partPass")).sendKeys("50");
        browser.findElement(By.id("form:accessCode")).sendKeys("PHONG-2");
        browser.findElement(By.id("form:networks")).sendKeys("0.0.0.0/0\n::/0");
        new Select(browser.findElement(By.id("form:review"))).selectByValue("SCORES");
        browser.findElement(By.id("form:save")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "Đã tạo"));
        assertThat(browser.getCurrentUrl()).endsWith("instructor/assessment.xhtml?code=IP-EXAM");
        assertThat(browser.findElement(By.id("form:code")).getAttribute("disabled")).isNotNull();

        browser.findElement(By.id("form:preview")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("paper")));
        assertThat(page.textOf("paper")).contains("Thủ đô của Việt Nam?", "Hà Nội", "Huế",
                "Viết tắt của bộ xử lý trung tâm?").doesNotContain("Đúng, Hà Nội");
        page.look("instructor-assessment-preview");
        assertThat(Api.as(base, TRAINEE, TRAINEE_PASSWORD).get("api/assessments").array().toString())
                .as("the preview started no attempt").contains("\"IP-EXAM\"").doesNotContain("\"id\":");

        browser.findElement(By.id("nav-banks")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("categories")));
        browser.findElement(By.xpath("//table[@id='categories']//tr[td[. = 'IP-Q']]"))
                .findElement(By.linkText("Câu hỏi và đáp án")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("questions")));
        page.look("instructor-questions");
        browser.findElement(By.linkText("IP-1")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("key")));
        assertThat(page.textOf("stem")).isEqualTo("Thủ đô của Việt Nam?");
        assertThat(page.textOf("options")).contains("✓ Hà Nội", "100%", "Đúng, Hà Nội là thủ đô.", "✗ Huế",
                "Huế là cố đô.");
        page.look("instructor-question-key");
        browser.get(base + "instructor/questions.xhtml?category=IU01");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(page.textOf("messages")).as("another's category keeps its keys").contains("IU01");
        assertThat(browser.findElements(By.id("key"))).isEmpty();

        browser.findElement(By.id("logout:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
        page.openAs("trainee/exams.xhtml", TRAINEE, TRAINEE_PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("exams")));
        WebElement row = browser.findElement(By.xpath("//table[@id='exams']//tr[td[contains(., '(IP-EXAM)')]]"));
        row.findElement(By.linkText("Làm bài")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("exam-title"), "Kiểm tra lớp ITS-03"));
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("exam-access-code")));
        browser.findElement(By.id("exam-access-code")).sendKeys("PHONG-2");
        browser.findElement(By.id("exam-start")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exam-questions fieldset")));
        browser.findElements(By.cssSelector("#exam-questions label")).stream()
                .filter(label -> label.getText().strip().equals("Hà Nội")).findFirst().orElseThrow()
                .findElement(By.tagName("input")).click();
        browser.findElement(By.cssSelector("#exam-questions input.answer-text")).sendKeys("CPU");
        page.waitFor(driver -> driver.findElements(By.cssSelector(".save.saved")).size() == 2);
        browser.findElement(By.id("exam-submit")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("exam-result"), "2/2"));
        assertThat(page.textOf("exam-result")).contains("Đạt");
        page.look("instructor-built-exam-taken");

        browser.findElement(By.id("logout:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
        page.openAs("instructor/assessment.xhtml?code=IP-EXAM", INSTRUCTOR, PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("form:locked")));
        assertThat(page.textOf("form:locked")).contains("1 lượt");
        assertThat(browser.findElements(By.id("form:save"))).as("no change once taken").isEmpty();
        page.look("instructor-assessment-locked");

        browser.findElement(By.id("logout:submit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
        page.openAs("instructor/assessment.xhtml", "admin", Api.ADMIN_PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("form:certifies")));
        page.look("admin-assessment-new");
    }

    @Test
    void anInstructorUploadsANewVersionOfACourseFileAndSeesWhichVersionATraineeRead() throws Exception {
        anInstructorWithAClass();
        Api trainee = Api.as(base, TRAINEE, TRAINEE_PASSWORD);
        assertThat(trainee.put("api/courses/ITS-03/lessons/1/done", "application/json", "").status()).isEqualTo(200);
        String shipped = Files.readString(Path.of("../content/catalog/ITS-03.md"));
        Path changed = Files.writeString(Files.createTempFile("ITS-03", ".md"),
                shipped + "\n\nĐã bổ sung " + System.nanoTime() + ".\n");
        Path other = Files.writeString(Files.createTempFile("IU01", ".md"),
                Files.readString(Path.of("../content/catalog/IU01.md")));

        page.openAs("instructor/course-files.xhtml", INSTRUCTOR, PASSWORD);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("current")));
        assertThat(page.textOf("course-title")).startsWith("ITS-03");
        int before = Integer.parseInt(page.textOf("current").replaceAll("\\D", ""));
        assertThat(page.textOf("readers")).contains("Trịnh Văn Khoa (IP-1)", "IP-ITS03", "phiên bản " + before + ": 1");
        page.look("instructor-course-files");

        browser.findElement(By.id("upload:file")).sendKeys(other.toString());
        browser.findElement(By.id("upload:submit")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "IU01"));
        assertThat(page.textOf("messages")).contains("không phải khóa học \"ITS-03\"");
        assertThat(page.textOf("current")).endsWith(String.valueOf(before));
        page.look("instructor-course-files-refused");

        browser.findElement(By.id("upload:file")).sendKeys(changed.toString());
        browser.findElement(By.id("upload:submit")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "đã tải lên phiên bản"));
        assertThat(page.textOf("current")).endsWith(String.valueOf(before + 1));
        assertThat(page.textOf("versions")).contains(INSTRUCTOR);
        assertThat(Api.admin(base).get("api/audit?action=COURSE_VERSION_UPLOADED&subject=course:ITS-03").body())
                .as("the upload is in the audit log").contains(INSTRUCTOR, "\"revision\":" + (before + 1));

        assertThat(trainee.put("api/courses/ITS-03/lessons/2/done", "application/json", "").status()).isEqualTo(200);
        browser.navigate().refresh();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("readers")));
        assertThat(page.textOf("readers")).contains("phiên bản " + before + ": 1", "phiên bản " + (before + 1) + ": 1");
        page.look("instructor-course-files-versions");
        browser.findElement(By.id("language:en")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Course files"));
        assertThat(page.textOf("readers")).contains("version " + (before + 1) + ": 1");
        page.look("instructor-course-files-en");

        browser.get(base + "instructor/course-files.xhtml?course=IU01");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(page.textOf("messages")).as("a course it does not teach").contains("IU01");
        assertThat(browser.findElements(By.id("upload:file"))).isEmpty();
    }
}
