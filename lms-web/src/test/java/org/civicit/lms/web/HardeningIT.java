package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker with an ordinary account, or none, tries from outside: bodies too large
 * to hold, headers and cookies a browser relies on, inputs that used to end in a server
 * error, and the small leaks of the login throttle, uploads and bulk enrolment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

    private static final String BANK = """
            $CATEGORY: %1$s-MC

            ::%1$s-1:: Thủ đô của Việt Nam là thành phố nào? {=Hà Nội ~Huế}

            $CATEGORY: %1$s-TH

            ::%1$s-TH-1:: Soạn một công văn mời họp. {}
            """;


    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String adminAuth() {
        return basic("admin", Api.ADMIN_PASSWORD);
    }

    /** A body sent in chunks, without a length: only counting can stop it. */
    private static HttpRequest.BodyPublisher chunked(byte[] chunk, int times) {
        HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofByteArrays(
                java.util.Collections.nCopies(times, chunk));
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                whole.subscribe(subscriber);
            }
        };
    }

    /** A commune with a trainee who can log in, and an assessment whose second question is practical. */
    private JsonObject attempt(String p) {
        Api admin = Api.admin(base);
        assertThat(admin.csv("api/agencies/import", """
                code,name,level,sector,parent_code
                %1$s-X,Ủy ban nhân dân xã,COMMUNE,STATE,
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.csv("api/officials/import", """
                employee_code,full_name,agency_code,position
                %1$s-T1,Phạm Văn Sơn,%1$s-X,STAFF
                """.formatted(p)).status()).isEqualTo(200);
        assertThat(admin.put("api/officials/" + p + "-T1/password", "{\"password\": \"exam-pass-1\"}").status())
                .isEqualTo(204);
        Api.Reply bank = admin.post("api/question-banks/import", "text/plain", BANK.formatted(p));
        assertThat(bank.status()).as(bank.toString()).isEqualTo(200);
        Api.Reply created = admin.post("api/assessments", "application/json", """
                {"code": "%1$s-A", "title": "Kiểm tra", "programme": "BASIC-IT", "timeLimitMinutes": 30,
                 "passPercent": 50, "maxAttempts": 1, "certifies": false,
                 "sections": [{"category": "%1$s-MC", "count": 1}, {"category": "%1$s-TH", "count": 1}]}
                """.formatted(p));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Reply started = trainee(p).post("api/assessments/" + p + "-A/attempts", "application/json", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json();
    }

    private Api trainee(String p) {
        return Api.as(base, p + "-T1", "exam-pass-1");
    }

    private static long question(JsonObject attempt, String type) {
        return attempt.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("type").equals(type)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static void isProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }

    // ---------------------------------------------------------------- 1. limits

    @Test
    void aTwoMegabyteJsonAnswerIsRefusedWith413() {
        JsonObject attempt = attempt("LIM");
        long id = attempt.getJsonNumber("id").longValue();
        String answer = "{\"text\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> refused = send(request("api/attempts/" + id + "/answers/" + question(attempt, "ESSAY"))
                .header("Authorization", basic("LIM-T1", "exam-pass-1"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(answer)));
        isProblem(refused, 413);
        assertThat(refused.body()).contains("1 MB");
    }

    @Test
    void aChunkedBodyIsCountedAndRefusedOnceOverTheLimit() {
        byte[] chunk = ("{\"password\": \"" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> json = send(request("api/accounts/chunky")
                .header("Authorization", adminAuth())
                .header("Content-Type", "application/json")
                .PUT(chunked(chunk, 40)));
        isProblem(json, 413);

        String csv = chunkedOverSocket("api/officials/import", "text/csv",
                "employee_code,full_name,agency_code,position\n".getBytes(StandardCharsets.UTF_8),
                "X,Tên,Y,STAFF\n".repeat(40_000).getBytes(StandardCharsets.UTF_8), 100);
        assertThat(csv).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("50 MB");
    }

    /**
     * Sends a chunked body over a plain socket until the server answers: a server that refuses
     * a body part-way closes the connection, which an HTTP client reports as a failed send.
     */
    private String chunkedOverSocket(String path, String contentType, byte[] first, byte[] chunk, int times) {
        URI uri = URI.create(base + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(120_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + adminAuth() + "\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                writeChunk(out, first);
                for (int i = 0; i < times; i++) {
                    writeChunk(out, chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException refusedPartWay) {
                // The answer is already on its way back.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeChunk(java.io.OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------- 2. headers and sessions

    @Test
    void everyAnswerCarriesThePoliciesAndPersonalDataIsNeverStored() {
        HttpResponse<String> login = send(request("login.xhtml").GET());
        HttpResponse<String> api = send(request("api/accounts/me").header("Authorization", adminAuth()).GET());
        HttpResponse<String> page = send(request("hr/dashboard.xhtml").GET());
        assertThat(page.statusCode()).as("logged in through the session of the API call").isEqualTo(200);
        for (HttpResponse<String> answer : List.of(login, api, page)) {
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(answer.uri().toString()).contains("default-src 'self'").contains("frame-ancestors 'self'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(answer.headers().firstValue("Server")).as("no banner").isEmpty();
            assertThat(answer.headers().firstValue("X-Powered-By")).as("no banner").isEmpty();
        }
        Matcher stylesheet = Pattern.compile("href=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(login.body());
        assertThat(stylesheet.find()).isTrue();
        HttpResponse<String> resource = send(HttpRequest.newBuilder(
                URI.create(base.toString()).resolve(stylesheet.group(1).replace("&amp;", "&"))).GET());
        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(resource.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(resource.headers().allValues("Cache-Control")).as("static resources may be cached")
                .noneMatch(value -> value.contains("no-store"));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureBehindHttps() {
        HttpClient fresh = HttpClient.newHttpClient();
        try {
            HttpResponse<Void> plain = fresh.send(request("login.xhtml").GET().build(), HttpResponse.BodyHandlers.discarding());
            String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").contains("HttpOnly")
                    .doesNotContain("Secure");
            HttpResponse<Void> proxied = fresh.send(request("login.xhtml").header("X-Forwarded-Proto", "https").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow())
                    .containsIgnoringCase("SameSite=Lax").contains("Secure");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void metricsAreNotOpenToTheAnonymous() {
        HttpResponse<String> metrics = send(request("metrics").GET());
        assertThat(metrics.statusCode()).isNotEqualTo(200);
        assertThat(metrics.body()).doesNotContain("# TYPE");
    }

    // ---------------------------------------------------------------- 3. errors that were 500

    @Test
    void anUnreadableAcceptLanguageFallsBackToVietnamese() {
        HttpResponse<String> anonymous = send(request("api/officials").header("Accept-Language", "xx;q=abc").GET());
        isProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("Content-Language")).hasValue("vi");
        HttpResponse<String> admin = send(request("api/officials/NOBODY").header("Authorization", adminAuth())
                .header("Accept-Language", "xx;q=abc").GET());
        isProblem(admin, 404);
        HttpResponse<String> open = send(request("api/certificates/verify/NO-SUCH").header("Accept-Language", "xx;q=abc").GET());
        assertThat(open.statusCode()).isLessThan(500);
        HttpResponse<String> page = send(request("login.xhtml").header("Accept-Language", "xx;q=abc").GET());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void aClassTitleOrPlaceOver255CharactersIsNamedIn422() {
        Api admin = Api.admin(base);
        String offering = """
                {"code": "%s", "course": "IU01", "title": "%s", "startsOn": "2027-03-01", "endsOn": "2027-03-05",
                 "capacity": 20, "place": "%s"}""";
        Api.Reply title = admin.post("api/offerings", "application/json", offering.formatted("LONG-T", "T".repeat(256), "Hội trường"));
        assertThat(title.status()).as(title.toString()).isEqualTo(422);
        assertThat(title.json().getString("detail")).contains("\"title\"");
        Api.Reply place = admin.post("api/offerings", "application/json", offering.formatted("LONG-P", "Lớp", "P".repeat(256)));
        assertThat(place.status()).as(place.toString()).isEqualTo(422);
        assertThat(place.json().getString("detail")).contains("\"place\"");
    }

    @Test
    void aNullRoleIsRefusedWith422() {
        Api.Reply reply = Api.admin(base).put("api/accounts/null-role", "{\"password\": \"some-pass-1\", \"roles\": [null]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theClassPageOfAnUnknownOrMissingClassIsTheSitesNotFoundPage() {
        send(request("api/accounts/me").header("Authorization", adminAuth()).GET());
        for (String path : List.of("hr/class.xhtml?code=NO-SUCH-CLASS", "hr/class.xhtml")) {
            HttpResponse<String> page = send(request(path).GET());
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("id=\"error-title\"").contains("Không có trang này");
        }
    }

    // ---------------------------------------------------------------- 4. smaller

    @Test
    void theThrottleTreatsUnknownAndKnownUsernamesAlike() {
        Api admin = Api.admin(base);
        assertThat(admin.put("api/accounts/thr-known", "{\"password\": \"right-pass-1\", \"roles\": [\"INSTRUCTOR\"]}").status())
                .isIn(200, 201);
        for (String username : List.of("thr-known", "thr-nobody")) {
            Api wrong = Api.as(base, username, "wrong-pass");
            for (int i = 0; i < 10; i++) {
                assertThat(wrong.get("api/accounts/me").status()).as(username + " failure " + i).isEqualTo(401);
            }
        }
        Api.Reply known = Api.as(base, "thr-known", "wrong-pass").get("api/accounts/me");
        Api.Reply unknown = Api.as(base, "thr-nobody", "wrong-pass").get("api/accounts/me");
        assertThat(known.status()).isEqualTo(429);
        assertThat(unknown.status()).as("an unknown username is throttled too").isEqualTo(429);
        assertThat(unknown.json().getString("detail")).isEqualTo(known.json().getString("detail"));
    }

    @Test
    void aThrottledFormLoginShowsTheLoginPageWithAMessage() {
        Api admin = Api.admin(base);
        assertThat(admin.put("api/accounts/thr-form", "{\"password\": \"right-pass-1\", \"roles\": [\"INSTRUCTOR\"]}").status())
                .isIn(200, 201);
        Api wrong = Api.as(base, "thr-form", "wrong-pass");
        for (int i = 0; i < 10; i++) {
            assertThat(wrong.get("api/accounts/me").status()).isEqualTo(401);
        }
        HttpResponse<String> form = send(request("login.xhtml").GET());
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(state.find()).isTrue();
        String body = String.join("&", "login=login", "login%3Ausername=thr-form", "login%3Apassword=right-pass-1",
                "login%3Asubmit=x", "jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8));
        HttpResponse<String> refused = send(request("login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"login:username\"").contains("quá nhiều lần");
    }

    @Test
    void aSecondUploadKeepsTheNewFilesNameAndType() {
        JsonObject attempt = attempt("UPL");
        long id = attempt.getJsonNumber("id").longValue();
        long practical = question(attempt, "ESSAY");
        Api trainee = trainee("UPL");
        String path = "api/attempts/" + id + "/answers/" + practical + "/file";
        assertThat(trainee.putBytes(path + "?name=first.pdf", "application/pdf", "bản một".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(204);
        assertThat(trainee.putBytes(path + "?name=second.txt", "text/plain", "bản hai".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(204);
        HttpResponse<String> file = send(request(path).header("Authorization", basic("UPL-T1", "exam-pass-1")).GET());
        assertThat(file.body()).isEqualTo("bản hai");
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("second.txt");
        JsonObject seen = trainee.get("api/attempts/" + id).json();
        assertThat(seen.toString()).contains("second.txt").doesNotContain("first.pdf");
    }

    @Test
    void aBulkEnrolmentWithoutAnyFilterIsRefused() {
        Api admin = Api.admin(base);
        assertThat(admin.post("api/offerings", "application/json", """
                {"code": "BULK-NONE", "course": "IU01", "title": "Lớp", "startsOn": "2027-03-01", "endsOn": "2027-03-05",
                 "capacity": 20}""").status()).isEqualTo(201);
        for (String body : List.of("{}", "{\"preview\": true}", "{\"includeSubtree\": true}")) {
            Api.Reply reply = admin.post("api/offerings/BULK-NONE/enrolments/bulk", "application/json", body);
            assertThat(reply.status()).as(body + " " + reply).isEqualTo(422);
            assertThat(reply.json().getString("detail")).contains("ít nhất một điều kiện");
        }
        assertThat(admin.get("api/offerings/BULK-NONE/enrolments").array()).isEmpty();
    }
}
