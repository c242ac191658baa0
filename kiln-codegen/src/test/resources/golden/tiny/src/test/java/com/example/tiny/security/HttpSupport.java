package com.example.tiny.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for security tests against the real server on its random port: no
 * redirects followed, cookies kept (for the login form), nothing added to requests.
 */
public final class HttpSupport {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HttpSupport(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends a request; {@code headers} alternate names and values. */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with optional headers. */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, null, null, headers);
    }

    /** A form POST ({@code application/x-www-form-urlencoded}). */
    public HttpResponse<String> form(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        return send("POST", path, "application/x-www-form-urlencoded", encode(fields), headers);
    }

    /** A resource to read with a token: one that is not the account store, when the service has one. */
    public static ScopePolicy.Resource readable() {
        return ApiScopes.RESOURCES.stream().filter(resource -> !resource.accounts()).findFirst()
                .orElse(ApiScopes.RESOURCES.getFirst());
    }

    /** The global scope that reads a resource: {@code admin} for the account store, else {@code read}. */
    public static String readScope(ScopePolicy.Resource resource) {
        return resource.accounts() ? ScopePolicy.ADMIN : ScopePolicy.READ;
    }

    /** URL-encodes form fields. */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The Basic authorization header value of a client. */
    public static String basic(String id, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
    }
}
