package org.civicit.lms.web;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/**
 * An HTTP client of the API as one user: HTTP Basic on every request, and the session
 * cookie kept, as a well-behaved script would.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = System.getProperty("lms.it.adminPassword", "it-admin-password");

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(URI base, String authorization) {
        this(base, authorization, HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build());
    }

    private Api(URI base, String authorization, HttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** A client with this one's cookies but no credentials of its own. */
    public Api sameSessionWithoutCredentials() {
        return new Api(base, null, http);
    }

    public static Api anonymous(URL base) {
        return new Api(URI.create(base.toString()), null);
    }

    public static Api as(URL base, String username, String password) {
        String pair = username + ":" + password;
        return new Api(URI.create(base.toString()),
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    public static Api admin(URL base) {
        return as(base, "admin", ADMIN_PASSWORD);
    }

    /** Sends this header on every later request. */
    public Api with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Reply postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, String json) {
        return put(path, "application/json", json);
    }

    public Reply put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Reply putBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply csv(String path, String csv) {
        return post(path, "text/csv", csv);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back. */
    public record Reply(int status, String contentType, String challenge, String body,
                        java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
