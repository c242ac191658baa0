package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.spec.ServiceSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SmokeAuthTests {
    private static ServiceSpec spec(String auth) {
        return TestSpecs.yaml("kiln: 1\nname: shop\npackage: com.example.shop\nentities:\n  - name: Item\n"
                + "    fields:\n      - { name: label, type: string }\n"
                + (auth.isEmpty() ? "" : "features:\n  auth: { type: " + auth + " }\n"));
    }

    @Test
    void servicesWithoutAuthGetNoCredentials(@TempDir Path dir) throws StepFailure {
        assertThat(SmokeAuth.of(spec("")).enabled()).isFalse();
        assertThat(SmokeAuth.of(spec("none")).environment(dir)).isEmpty();
    }

    @Test
    void oauth2RegistersAThrowawayClientWithAllScopes(@TempDir Path dir) throws StepFailure {
        Map<String, String> env = SmokeAuth.of(spec("oauth2")).environment(dir);
        assertThat(env)
                .containsEntry("OAUTH2_CLIENT_ID", "kiln-verify")
                .containsEntry("OAUTH2_CLIENT_SCOPES", SmokeAuth.SCOPES);
        assertThat(env.get("OAUTH2_CLIENT_SECRET")).hasSize(64);
        assertThat(Base64.getDecoder().decode(env.get("AUTH_KEY_ENCRYPTION_KEY")))
                .hasSize(32);
        assertThat(SmokeAuth.of(spec("oauth2")).environment(dir).get("OAUTH2_CLIENT_SECRET"))
                .as("every run gets its own secret")
                .isNotEqualTo(env.get("OAUTH2_CLIENT_SECRET"));
    }

    @Test
    void oauth2GetsATokenWithClientCredentials() throws Exception {
        SmokeAuth auth = SmokeAuth.of(spec("oauth2"));
        Map<String, String> env = auth.environment(Path.of("."));
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, "{\"access_token\":\"tok\",\"token_type\":\"Bearer\"}");
        });
        server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            SmokeClient client = new SmokeClient(
                    http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), new RecordingListener());
            assertThat(auth.credentials(client)).isEqualTo(Map.entry("Authorization", "Bearer tok"));
        } finally {
            server.stop(0);
        }
        String basic = Base64.getEncoder()
                .encodeToString(("kiln-verify:" + env.get("OAUTH2_CLIENT_SECRET")).getBytes(StandardCharsets.UTF_8));
        assertThat(seen).singleElement().asString().startsWith("Basic " + basic + " grant_type=client_credentials");
    }

    @Test
    void jwtSignsTokensTheServiceCanVerifyWithThePublishedKey(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("target"));
        SmokeAuth auth = SmokeAuth.of(spec("jwt"));
        Map<String, String> env = auth.environment(dir);
        Path pem = Path.of(URI.create(env.get("JWT_PUBLIC_KEY_LOCATION")));
        String base64 = Files.readString(pem)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        String[] token = auth.signedToken().split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(token[2]))).isTrue();
        JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(token[1]));
        assertThat(claims.path("iss").asString()).isEqualTo(env.get("JWT_ISSUER_URI"));
        assertThat(claims.path("aud").asString()).isEqualTo(env.get("JWT_AUDIENCE"));
        assertThat(claims.path("scope").asString()).isEqualTo(SmokeAuth.SCOPES);
    }

    @Test
    void apiKeyHandsTheServiceTheKeyItSends(@TempDir Path dir) throws Exception {
        SmokeAuth auth = SmokeAuth.of(spec("apiKey"));
        Map<String, String> env = auth.environment(dir);
        assertThat(env.get("API_KEY_BOOTSTRAP")).startsWith("ak_").hasSizeGreaterThan(32);
        try (HttpClient http = HttpClient.newHttpClient()) {
            SmokeClient unused = new SmokeClient(http, URI.create("http://127.0.0.1:9"), new RecordingListener());
            assertThat(auth.credentials(unused)).isEqualTo(Map.entry("X-API-Key", env.get("API_KEY_BOOTSTRAP")));
        }
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
