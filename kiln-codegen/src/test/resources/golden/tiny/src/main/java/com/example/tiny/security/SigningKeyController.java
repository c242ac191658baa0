package com.example.tiny.security;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing key management for holders of the {@code admin} scope: {@code GET /auth/keys} lists the
 * published key ids (newest, the one that signs, first); {@code POST /auth/keys/rotate} makes a new
 * signing key at once, e.g. after a suspected leak. Old keys stay published for a day, so tokens
 * they signed keep working until they expire.
 */
@RestController
@RequestMapping(path = "/auth/keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class SigningKeyController {

    private final SigningKeys keys;

    public SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    public Map<String, Object> list() {
        return Map.of("keys", keys.current().stream().map(JWK::getKeyID).toList());
    }

    @PostMapping("/rotate")
    public Map<String, Object> rotate() {
        String kid = keys.rotate();
        List<String> published = keys.current().stream().map(JWK::getKeyID).toList();
        return Map.of("signingKey", kid, "keys", published);
    }
}
