package com.example.tiny.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import com.example.tiny.TestData;
import com.example.tiny.TinyApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Signing keys live in the database: a token issued before a restart (a second application on the
 * same database) is still accepted after it, and a rotated key leaves earlier tokens valid.
 */
class KeyPersistenceTest extends TestData {

    @LocalServerPort
    int port;

    @Autowired
    BootstrapClient clients;

    @Autowired
    TestSecurity security;

    @Test
    void tokensSurviveARestart() throws Exception {
        HttpSupport http = new HttpSupport(port);
        String id = "restart-" + nextVariant();
        ScopePolicy.Resource readable = HttpSupport.readable();
        String scope = HttpSupport.readScope(readable);
        clients.register(id, "secret-" + id, Set.of(scope), Set.of());
        String access = json.readTree(http.form("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", scope),
                "Authorization", HttpSupport.basic(id, "secret-" + id)).body()).path("access_token").asString();
        String resource = "/api/" + readable.path();
        assertThat(http.get(resource, "Authorization", "Bearer " + access).statusCode()).isEqualTo(200);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TinyApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--kiln.security.key-encryption-key=" + TestSecurity.KEY_ENCRYPTION_KEY,
                        "--kiln.security.client.id=" + TestSecurity.CLIENT_ID,
                        "--kiln.security.client.secret=" + TestSecurity.CLIENT_SECRET)) {
            int otherPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            HttpResponse<String> response = new HttpSupport(otherPort).get(resource, "Authorization",
                    "Bearer " + access);
            assertThat(response.statusCode()).as("a token from before the restart").isEqualTo(200);
        }
    }

    @Test
    void rotationKeepsEarlierTokensValid() throws Exception {
        HttpSupport http = new HttpSupport(port);
        ScopePolicy.Resource readable = HttpSupport.readable();
        String scope = HttpSupport.readScope(readable);
        String before = security.credentials(scope, "x-before-" + nextVariant());
        JsonNode rotated = json.readTree(http.send("POST", "/auth/keys/rotate", null, null, "Authorization",
                security.credentials("admin")).body());
        String newKid = rotated.path("signingKey").asString();
        assertThat(rotated.path("keys").size()).isGreaterThanOrEqualTo(2);
        String after = security.credentials(scope, "x-after-" + nextVariant());
        String resource = "/api/" + readable.path();
        assertThat(http.get(resource, "Authorization", before).statusCode()).isEqualTo(200);
        assertThat(http.get(resource, "Authorization", after).statusCode()).isEqualTo(200);
        String header = new String(java.util.Base64.getUrlDecoder().decode(after.substring(7).split("\\.")[0]));
        assertThat(header).contains(newKid);
        JsonNode jwks = json.readTree(http.get("/oauth2/jwks").body());
        assertThat(jwks.path("keys").toString()).contains(newKid);
    }
}
