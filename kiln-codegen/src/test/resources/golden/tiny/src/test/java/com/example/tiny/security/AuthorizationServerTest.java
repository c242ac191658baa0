package com.example.tiny.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.tiny.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded authorization server end to end over HTTP: discovery and JWKS, client credentials,
 * registration with email verification, the authorization code flow with PKCE through the login
 * form, refresh token rotation, revocation, introspection, lock-out and the password policy.
 */
class AuthorizationServerTest extends TestData {

    private static final String REDIRECT = "http://127.0.0.1/callback";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    BootstrapClient clients;

    @Autowired
    TestSecurity.RecordingMailer mailer;

    @Autowired
    JdbcTemplate jdbc;

    HttpSupport http;

    @BeforeEach
    void client() {
        http = new HttpSupport(port);
    }

    @Test
    void discoveryAndKeysArePublic() throws Exception {
        JsonNode discovery = body(http.get("/.well-known/openid-configuration"), 200);
        assertThat(discovery.path("token_endpoint").asString()).endsWith("/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).endsWith("/oauth2/jwks");
        assertThat(discovery.path("revocation_endpoint").asString()).endsWith("/oauth2/revoke");
        assertThat(discovery.path("introspection_endpoint").asString()).endsWith("/oauth2/introspect");
        JsonNode keys = body(http.get("/oauth2/jwks"), 200).path("keys");
        assertThat(keys.size()).isGreaterThanOrEqualTo(1);
        assertThat(keys.get(0).has("d")).as("no private key material is published").isFalse();
    }

    @Test
    void clientCredentialsTokenWorksUntilRevoked() throws Exception {
        String id = "cc-" + nextVariant();
        ScopePolicy.Resource readable = HttpSupport.readable();
        String scope = HttpSupport.readScope(readable);
        clients.register(id, "secret-" + id, Set.of(scope), Set.of());
        String basic = HttpSupport.basic(id, "secret-" + id);
        HttpResponse<String> denied = http.form("/oauth2/token", Map.of("grant_type", "client_credentials"),
                "Authorization", HttpSupport.basic(id, "wrong"));
        assertThat(denied.statusCode()).isEqualTo(401);
        JsonNode token = body(http.form("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", scope),
                "Authorization", basic), 200);
        String access = token.path("access_token").asString();
        String resource = "/api/" + readable.path();
        assertThat(http.get(resource, "Authorization", "Bearer " + access).statusCode()).isEqualTo(200);
        if (!readable.accounts()) {
            assertThat(http.send("DELETE", resource + "/1", null, null, "Authorization", "Bearer " + access)
                    .statusCode()).as("the token only reads").isEqualTo(403);
        }
        assertThat(body(http.form("/oauth2/introspect", Map.of("token", access), "Authorization", basic), 200)
                .path("active").asBoolean()).isTrue();
        assertThat(http.form("/oauth2/revoke", Map.of("token", access), "Authorization", basic).statusCode())
                .isEqualTo(200);
        assertThat(body(http.form("/oauth2/introspect", Map.of("token", access), "Authorization", basic), 200)
                .path("active").asBoolean()).isFalse();
        HttpResponse<String> revoked = http.get(resource, "Authorization", "Bearer " + access);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("invalid_token"));
    }

    @Test
    void authorizationCodeWithPkceThenRefreshRotationAndRevocation() throws Exception {
        String email = "user" + nextVariant() + "@example.com";
        registerAndVerify(email);
        String id = "web-" + nextVariant();
        clients.register(id, "secret-" + id, Set.of("read", "write", "admin"), Set.of(REDIRECT));
        String basic = HttpSupport.basic(id, "secret-" + id);

        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?" + HttpSupport.encode(new LinkedHashMap<>(Map.of("response_type",
                "code", "client_id", id, "redirect_uri", REDIRECT, "scope", "openid read admin", "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256")));
        HttpResponse<String> toLogin = http.get(authorize, "Accept", "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");
        HttpResponse<String> loggedIn = login(email, PASSWORD);
        assertThat(location(loggedIn)).contains("/oauth2/authorize");
        HttpResponse<String> toClient = http.get(location(loggedIn), "Accept", "text/html");
        assertThat(location(toClient)).startsWith(REDIRECT).contains("state=s1");
        String code = query(location(toClient), "code");

        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", "wrong-" + verifier));
        assertThat(http.form("/oauth2/token", exchange, "Authorization", basic).statusCode())
                .as("a wrong PKCE verifier is refused").isEqualTo(400);
        // Start again with a fresh code, as a client would after an error.
        HttpResponse<String> again = http.get(authorize, "Accept", "text/html");
        code = query(location(again), "code");
        exchange.put("code", code);
        exchange.put("code_verifier", verifier);
        JsonNode tokens = body(http.form("/oauth2/token", exchange, "Authorization", basic), 200);
        assertThat(tokens.has("id_token")).isTrue();
        String access = tokens.path("access_token").asString();
        String refresh = tokens.path("refresh_token").asString();
        JsonNode claims = body(http.form("/oauth2/introspect", Map.of("token", access), "Authorization", basic), 200);
        assertThat(claims.path("sub").asString()).isEqualTo(email);
        assertThat(claims.path("scope").asString()).as("admin scopes need the admin role").contains("read")
                .doesNotContain("admin");
        // A user without the admin role reads ordinary resources but never the account store.
        ScopePolicy.Resource readable = HttpSupport.readable();
        String resource = "/api/" + readable.path();
        int allowed = readable.accounts() ? 403 : 200;
        assertThat(http.get(resource, "Authorization", "Bearer " + access).statusCode()).isEqualTo(allowed);

        JsonNode refreshed = body(http.form("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token",
                refresh), "Authorization", basic), 200);
        String newRefresh = refreshed.path("refresh_token").asString();
        assertThat(newRefresh).as("refresh tokens rotate").isNotEqualTo(refresh);
        assertThat(http.form("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refresh),
                "Authorization", basic).statusCode()).as("a used refresh token is refused").isEqualTo(400);
        String newAccess = refreshed.path("access_token").asString();
        assertThat(http.get(resource, "Authorization", "Bearer " + newAccess).statusCode()).isEqualTo(allowed);

        assertThat(http.form("/oauth2/revoke", Map.of("token", newRefresh, "token_type_hint", "refresh_token"),
                "Authorization", basic).statusCode()).isEqualTo(200);
        assertThat(http.form("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", newRefresh),
                "Authorization", basic).statusCode()).as("a revoked refresh token is refused").isEqualTo(400);
        assertThat(http.get(resource, "Authorization", "Bearer " + newAccess).statusCode())
                .as("revoking a refresh token revokes its access token").isEqualTo(401);
    }

    @Test
    void unverifiedAccountsCannotLogInAndRegisteringTwiceRevealsNothing() throws Exception {
        String email = "late" + nextVariant() + "@example.com";
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(202);
        assertThat(location(login(email, PASSWORD))).endsWith("/login?error");
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(202);
        assertThat(mailer.lastTo(email)).isEqualTo("already-registered");
        assertThat(http.get("/auth/verify-email?token=forged").statusCode()).isEqualTo(400);
    }

    @Test
    void repeatedFailuresLockTheAccount() throws Exception {
        String email = "locked" + nextVariant() + "@example.com";
        registerAndVerify(email);
        assertThat(location(login(email, PASSWORD))).doesNotContain("error");
        for (int i = 0; i < 5; i++) {
            http = new HttpSupport(port);
            assertThat(location(login(email, "wrong password " + i))).endsWith("/login?error");
        }
        http = new HttpSupport(port);
        assertThat(location(login(email, PASSWORD))).as("locked even with the right password")
                .endsWith("/login?error");
        assertThat(jdbc.queryForObject("select count(*) from auth_account_state s join "
                + ApiScopes.ACCOUNTS.table() + " a on a.id = s.account_id where a." + ApiScopes.ACCOUNTS.username()
                + " = ? and s.locked_until is not null", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void weakPasswordsAndBadAddressesAreRejected() throws Exception {
        HttpResponse<String> weak = register("weak" + nextVariant() + "@example.com", "short");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(weak.body()).contains("password");
        assertThat(register("not-an-address", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(register("same" + nextVariant() + "@example.com", "passwordpassword").statusCode()).isEqualTo(400);
    }

    private void registerAndVerify(String email) throws Exception {
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(202);
        String link = mailer.lastTo(email);
        assertThat(link).contains("/auth/verify-email?token=");
        assertThat(http.get(link).statusCode()).isEqualTo(200);
        assertThat(http.get(link).statusCode()).as("a link works once").isEqualTo(400);
    }

    private HttpResponse<String> register(String email, String password) throws Exception {
        return http.send("POST", "/auth/register", "application/json",
                json.writeValueAsString(Map.of("email", email, "password", password)));
    }

    private HttpResponse<String> login(String email, String password) throws Exception {
        HttpResponse<String> page = http.get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login form has a CSRF token").isTrue();
        HttpResponse<String> response = http.form("/login",
                Map.of("username", email, "password", password, "_csrf", csrf.group(1)));
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    private JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static String random() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
