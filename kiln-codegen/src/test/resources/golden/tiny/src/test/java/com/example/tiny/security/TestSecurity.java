package com.example.tiny.security;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * How the generated tests authenticate (oauth2): throwaway secrets for the test run, access tokens
 * signed by the service's own signing keys, and a mailer that records instead of logging.
 *
 * <p>A plain {@code @Configuration} in the test sources, so every test context picks it up; every
 * MockMvc request carries a token with all scopes unless it sets its own Authorization header.
 */
@Configuration(proxyBeanMethods = false)
public class TestSecurity {

    /** The throwaway key-encryption key of this test run. */
    public static final String KEY_ENCRYPTION_KEY = random(32);
    /** The client that {@code OAUTH2_CLIENT_ID} registers in tests. */
    public static final String CLIENT_ID = "test-client";
    /** Its throwaway secret. */
    public static final String CLIENT_SECRET = random(24);

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final JwtEncoder encoder;

    public TestSecurity(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    /** Sets the secrets a test context needs; called from {@code TestData}. */
    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("kiln.security.key-encryption-key", () -> KEY_ENCRYPTION_KEY);
        registry.add("kiln.security.client.id", () -> CLIENT_ID);
        registry.add("kiln.security.client.secret", () -> CLIENT_SECRET);
        registry.add("kiln.security.client.scopes", () -> "read write admin metrics");
    }

    /** The header that carries credentials. */
    public String header() {
        return HttpHeaders.AUTHORIZATION;
    }

    /** The header value for credentials with exactly these scopes. */
    public String credentials(String... scopes) {
        return "Bearer " + tokens.computeIfAbsent(String.join(" ", scopes), this::mint);
    }

    /** Credentials that look right but are not valid. */
    public String invalidCredentials() {
        return "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl";
    }

    private String mint(String scopes) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("test").issuedAt(now)
                .expiresAt(now.plus(1, ChronoUnit.HOURS)).id(random(12))
                .claim("scope", scopes.isEmpty() ? List.of() : List.of(scopes.split(" "))).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    @Bean
    MockMvcBuilderCustomizer authenticatedMockMvc() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, credentials("read", "write", "admin", "metrics"));
            }
            return request;
        }));
    }

    @Bean
    @Primary
    RecordingMailer recordingMailer() {
        return new RecordingMailer();
    }

    /** Keeps the emails the service sends so tests can follow links. */
    public static final class RecordingMailer implements AccountMailer {
        private final List<String[]> sent = new CopyOnWriteArrayList<>();

        @Override
        public void sendVerification(String email, URI link) {
            sent.add(new String[] {email, link.toString()});
        }

        @Override
        public void sendAlreadyRegistered(String email) {
            sent.add(new String[] {email, "already-registered"});
        }

        /** The last message to an address: a verification link or {@code already-registered}. */
        public String lastTo(String email) {
            String last = null;
            for (String[] message : sent) {
                if (message[0].equals(email)) {
                    last = message[1];
                }
            }
            return last;
        }
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
