package dev.kiln.codegen.verify;

import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code kiln verify} authenticates against a generated service with {@code features.auth}, using only
 * throwaway credentials made for this one run and handed to the service through its environment.
 *
 * <ul>
 *   <li>{@code oauth2}: registers a client through {@code OAUTH2_CLIENT_ID}/{@code OAUTH2_CLIENT_SECRET} (with
 *       a random secret and key-encryption key) and gets an access token with client credentials from
 *       {@code /oauth2/token}.
 *   <li>{@code jwt}: plays the external issuer: makes an RSA key pair, gives the service its public key through
 *       {@code JWT_PUBLIC_KEY_LOCATION} (a PEM file under {@code target/}) with an issuer and audience, and signs a
 *       token itself.
 *   <li>{@code apiKey}: hands the service a random key through {@code API_KEY_BOOTSTRAP} and sends it in
 *       {@code X-API-Key}.
 * </ul>
 *
 * <p>Every credential has all scopes ({@code read write admin metrics}), so the smoke test can also delete.
 */
public final class SmokeAuth {
    /** The scopes every smoke credential gets. */
    static final String SCOPES = "read write admin metrics";

    private static final String ISSUER = "https://kiln-verify.invalid/";
    private static final String AUDIENCE = "kiln-verify";
    private static final String PEM_FILE = "kiln-verify-issuer.pem";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthType type;
    private final String secret = random(32);
    private @Nullable KeyPair issuerKey;

    private SmokeAuth(AuthType type) {
        this.type = type;
    }

    /**
     * Returns the authentication a spec's service needs.
     *
     * @param spec the spec the project was generated from
     * @return none when the spec has no auth feature or {@code type: none}
     */
    public static SmokeAuth of(ServiceSpec spec) {
        AuthFeature auth = spec.features().auth();
        return new SmokeAuth(auth == null ? AuthType.NONE : auth.type());
    }

    /**
     * Returns the authentication of a service without security.
     *
     * @return no credentials at all
     */
    public static SmokeAuth none() {
        return new SmokeAuth(AuthType.NONE);
    }

    /** Whether the service needs credentials. */
    boolean enabled() {
        return type != AuthType.NONE;
    }

    /** The auth type, for messages. */
    String describe() {
        return type.id();
    }

    /**
     * The environment variables the service starts with; writes the issuer's public key for {@code jwt}.
     *
     * @param projectDir the generated project
     * @return names to values
     * @throws StepFailure when the key file cannot be written
     */
    Map<String, String> environment(Path projectDir) throws StepFailure {
        Map<String, String> env = new LinkedHashMap<>();
        switch (type) {
            case OAUTH2 -> {
                env.put("OAUTH2_CLIENT_ID", "kiln-verify");
                env.put("OAUTH2_CLIENT_SECRET", secret);
                env.put("OAUTH2_CLIENT_SCOPES", SCOPES);
                byte[] kek = new byte[32];
                RANDOM.nextBytes(kek);
                env.put("AUTH_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(kek));
            }
            case API_KEY -> {
                env.put("API_KEY_BOOTSTRAP", "ak_" + secret);
                env.put("API_KEY_BOOTSTRAP_SCOPES", SCOPES);
            }
            case JWT -> {
                Path pem = projectDir.resolve("target").resolve(PEM_FILE);
                try {
                    Files.writeString(pem, publicKeyPem());
                } catch (IOException e) {
                    throw new StepFailure("cannot write " + pem + ": " + e.getMessage());
                }
                env.put("JWT_PUBLIC_KEY_LOCATION", pem.toUri().toString());
                env.put("JWT_ISSUER_URI", ISSUER);
                env.put("JWT_AUDIENCE", AUDIENCE);
            }
            case NONE -> {
                // Nothing to set.
            }
        }
        return env;
    }

    /** The type of auth the service has. */
    AuthType type() {
        return type;
    }

    /**
     * The client-credentials token request {@link #credentials} sends for {@code oauth2}, for benchmarks.
     *
     * @param base the service's root URL
     * @return a {@code POST /oauth2/token} with the throwaway client's secret in HTTP Basic
     * @throws IllegalStateException when the service's auth is not {@code oauth2}
     */
    HttpRequest tokenRequest(URI base) {
        if (type != AuthType.OAUTH2) {
            throw new IllegalStateException("only oauth2 services issue tokens, not " + describe());
        }
        String basic = Base64.getEncoder().encodeToString(("kiln-verify:" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + URLEncoder.encode(SCOPES, StandardCharsets.UTF_8)))
                .build();
    }

    /**
     * Obtains the credentials and returns the header that carries them.
     *
     * @param client the smoke client, for the token request of {@code oauth2}
     * @return the header name and value
     * @throws StepFailure when the service refuses to issue a token
     */
    Map.Entry<String, String> credentials(SmokeClient client) throws StepFailure, InterruptedException {
        return switch (type) {
            case OAUTH2 -> {
                String basic =
                        Base64.getEncoder().encodeToString(("kiln-verify:" + secret).getBytes(StandardCharsets.UTF_8));
                SmokeClient.Reply reply = client.call("POST", "/oauth2/token")
                        .anonymous()
                        .header("Authorization", "Basic " + basic)
                        .body(
                                "grant_type=client_credentials&scope="
                                        + URLEncoder.encode(SCOPES, StandardCharsets.UTF_8),
                                "application/x-www-form-urlencoded")
                        .expect(200);
                String token = reply.json().path("access_token").asString("");
                if (token.isEmpty()) {
                    throw reply.failure("no access_token in the token response");
                }
                yield Map.entry("Authorization", "Bearer " + token);
            }
            case API_KEY -> Map.entry("X-API-Key", "ak_" + secret);
            case JWT -> Map.entry("Authorization", "Bearer " + signedToken());
            case NONE -> throw new IllegalStateException("no credentials without auth");
        };
    }

    private KeyPair issuerKey() {
        KeyPair key = issuerKey;
        if (key == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                key = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no RSA", e);
            }
            issuerKey = key;
        }
        return key;
    }

    private String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(issuerKey().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** An RS256 JWT from the throwaway issuer, valid for ten minutes. */
    String signedToken() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", "kiln-verify");
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("scope", SCOPES);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(JsonMapper.shared().writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(issuerKey().getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a JWT with the JDK", e);
        }
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
