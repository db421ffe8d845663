package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo province as a newcomer meets it: {@code LMS_DEMO_DATA=true scripts/run} prints
 * an account per role, and HR and the admin land on the dashboard, whose figures are the
 * province's own (2011: 96 % of province, 83 % of district and 35 % of commune officials
 * computer-literate), and drill down to the officials still to train.
 */
class DemoProvinceIT {

    private static final Pattern ACCOUNT = Pattern.compile(
            "Demo account: (\\S+) / (\\S+) \\((\\w+)(?:, ([\\w-]+))?\\)");
    private static final Pattern ADMIN = Pattern.compile("'admin' was created with the password (\\S+)");

    private record Account(String username, String password, String role, String agency) {
    }

    private static LmsProcess demo;
    private static URL base;
    private static final List<Account> ACCOUNTS = new ArrayList<>();
    private static String adminPassword;

    private Browser page;
    private WebDriver browser;

    @BeforeAll
    static void startTheDemo() throws Exception {
        Path dataDir = Files.createDirectories(Path.of(System.getProperty("lms.it.workDir"), "demo-data"));
        Map<String, String> environment = new HashMap<>(Map.of("LMS_DEMO_DATA", "true"));
        String url = System.getProperty("lms.it.demo.dbUrl", "");
        if (!url.isBlank()) {
            environment.putAll(Map.of("LMS_DB_URL", url, "LMS_DB_USER", System.getProperty("lms.it.scripts.dbUser"),
                    "LMS_DB_PASSWORD", System.getProperty("lms.it.scripts.dbPassword")));
        }
        demo = new LmsProcess(dataDir, environment);
        demo.awaitReady();
        base = demo.base();
        for (String line : demo.output) {
            Matcher account = ACCOUNT.matcher(line);
            if (account.find()) {
                ACCOUNTS.add(new Account(account.group(1), account.group(2), account.group(3), account.group(4)));
            }
            Matcher admin = ADMIN.matcher(line);
            if (admin.find()) {
                adminPassword = admin.group(1);
            }
        }
    }

    @AfterAll
    static void stopTheDemo() throws Exception {
        if (demo != null) {
            demo.stop();
            demo.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        page = new Browser(base);
        browser = page.driver();
    }

    @AfterEach
    void closeBrowser() {
        page.close();
    }

    private static Account account(String role, String agency) {
        return ACCOUNTS.stream().filter(a -> a.role().equals(role) && (agency == null || agency.equals(a.agency())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + role + " account printed: " + ACCOUNTS));
    }

    private List<String> rateRows() {
        return browser.findElements(By.cssSelector("#rates tbody tr")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theFirstStartPrintsAnAccountForEachRoleThatLogsIn() {
        assertThat(account("HR", "TINH").password()).hasSizeGreaterThanOrEqualTo(12);
        Account district = ACCOUNTS.stream().filter(a -> a.role().equals("HR") && !"TINH".equals(a.agency()))
                .findFirst().orElseThrow();
        assertThat(district.agency()).startsWith("UBND-");
        account("INSTRUCTOR", null);
        assertThat(ACCOUNTS).filteredOn(a -> a.role().equals("TRAINEE")).hasSizeGreaterThanOrEqualTo(2);
        for (Account each : ACCOUNTS) {
            assertThat(Api.as(base, each.username(), each.password()).get("api/accounts/me").status())
                    .as(each.username()).isEqualTo(200);
        }
    }

    @Test
    void theDemoHasVenuesVideoConferencePointsATimetableAndAttendance() {
        Account instructor = account("INSTRUCTOR", null);
        Api api = Api.as(base, instructor.username(), instructor.password());
        assertThat(api.get("api/venues").array().getValuesAs(jakarta.json.JsonObject.class))
                .filteredOn(v -> v.getString("kind").equals("VIDEO_POINT")).hasSize(12);
        String link = api.post("api/calendar/feed", "application/json", "").json().getString("url");
        String feed = Api.anonymous(base).get(link.substring(link.indexOf("api/"))).body();
        assertThat(feed).contains("BEGIN:VCALENDAR", "Điểm cầu Ủy ban nhân dân tỉnh");
        Matcher running = Pattern.compile("\\((ITS-01-[\\w-]+)\\)").matcher(feed.replace("\r\n ", ""));
        assertThat(running.find()).as("the specialist class running this week is in the instructor's feed").isTrue();
        List<jakarta.json.JsonObject> attendance = api.get("api/offerings/" + running.group(1) + "/attendance").array()
                .getValuesAs(jakarta.json.JsonObject.class);
        assertThat(attendance).hasSize(20).allMatch(line -> line.getInt("sessions") == 7)
                .anyMatch(line -> line.getInt("attended") > 0);
    }

    @Test
    void theAdminSeesTheProvincesOwnFiguresOf2011AndTheTrend() {
        page.openAs("hr/dashboard.xhtml?programme=BASIC-IT&by=level&asOf=2011-12-31", "admin", adminPassword);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("rates")));
        assertThat(rateRows()).containsExactly(
                "Tỉnh 796 764 96,0 % 100,0 % 4,0 %",
                "Huyện 731 607 83,0 % 100,0 % 17,0 %",
                "Xã 1.375 481 35,0 % 80,0 % 45,0 %",
                "Tổng cộng 2.902 1.852 63,8 %");
        page.waitFor(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('trend') !== undefined"
                        + " && Chart.getChart('bars').data.datasets[0].data.length === 3"));
        page.look("dashboard-admin-2011");

        browser.findElement(By.id("language:en")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("rates"), "96.0%"));
        assertThat(rateRows().get(2)).isEqualTo("Commune 1,375 481 35.0% 80.0% 45.0%");
        page.look("dashboard-admin-2011-en");
    }

    @Test
    void aDistrictHrLandsOnTheDashboardDrillsDownToWhoIsNotCertifiedAndSendsThemToAClass() throws Exception {
        Account hr = ACCOUNTS.stream().filter(a -> a.role().equals("HR") && !"TINH".equals(a.agency()))
                .findFirst().orElseThrow();
        browser.get(base + "login.xhtml");
        page.logIn(hr.username(), hr.password());
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("rates")));
        assertThat(browser.getCurrentUrl()).contains("hr/dashboard.xhtml");
        page.look("dashboard-district-hr");

        browser.findElement(By.linkText("Xã")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".trail a[aria-current='page']")));
        List<String> districts = rateRows();
        assertThat(districts).as("its own district only").hasSize(2);
        assertThat(districts.get(1)).startsWith("Tổng cộng");
        page.look("dashboard-district-communes");

        browser.findElement(By.cssSelector("#rates tbody tr th a")).click();
        page.waitFor(driver -> page.textOf("rates").contains("Ủy ban nhân dân xã"));
        page.look("dashboard-district-agencies");
        WebElement behind = browser.findElements(By.cssSelector("#rates tbody tr")).stream()
                .filter(row -> row.findElements(By.tagName("a")).size() == 1)
                .filter(row -> !row.findElement(By.cssSelector("td.gap")).getText().equals("0,0 %"))
                .findFirst().orElseThrow(() -> new AssertionError("no commune behind its target: " + rateRows()));
        String agencyName = behind.findElement(By.tagName("a")).getText();
        behind.findElement(By.tagName("a")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("list:not-certified")));
        assertThat(page.textOf("list-title")).contains(agencyName);
        List<String> listed = browser.findElements(By.cssSelector("#list\\:not-certified tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
        assertThat(listed).isNotEmpty().allMatch(code -> code.startsWith("CB"));
        page.look("dashboard-not-certified");
        browser.findElement(By.id("list:not-certified:sort-code")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list:not-certified:sort-code"), "\u25B2"));
        browser.findElement(By.id("list:not-certified:sort-code")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list:not-certified:sort-code"), "\u25BC"));
        assertThat(browser.findElements(By.cssSelector("#list\\:not-certified tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList()).as("by code, the last first")
                .isEqualTo(listed.stream().sorted(Comparator.reverseOrder()).toList());

        browser.findElement(By.id("list:xlsx")).click();
        Path xlsx = awaitDownload(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> codes = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                codes.add(row.getCell(0).getStringCellValue());
            }
            assertThat(codes.get(0)).isEqualTo("employee_code");
            assertThat(codes.subList(1, codes.size())).containsExactlyInAnyOrderElementsOf(listed);
        }

        new Select(browser.findElement(By.id("list:offering"))).selectByIndex(0);
        browser.findElement(By.id("list:enrol")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("chosen-text")));
        assertThat(page.textOf("chosen-text")).startsWith(listed.size() + " cán bộ chưa đạt chuẩn BASIC-IT của "
                + agencyName);
        assertThat(page.textOf("preview-text")).as("previewed first, as always").startsWith("Sẽ ghi danh");
        page.look("hr-class-chosen-from-dashboard");
    }

    private Path awaitDownload(String suffix) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> files = Files.list(page.downloads())) {
                List<Path> done = files.filter(f -> f.toString().endsWith(suffix)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing downloaded in " + page.downloads());
    }
}
