package com.example.tiny.security;

import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The JDBC authorization service, plus: when an access token is invalidated (revoked, or its
 * refresh token or code was revoked or replayed), its JWT id goes to {@link RevokedTokens} so the
 * resource server stops accepting it before it expires.
 */
public final class RevocationAwareAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final RevokedTokens revoked;

    public RevocationAwareAuthorizationService(OAuth2AuthorizationService delegate, RevokedTokens revoked) {
        this.delegate = delegate;
        this.revoked = revoked;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access != null && access.isInvalidated() && access.getClaims() != null) {
            Object jti = access.getClaims().get("jti");
            Instant expiresAt = access.getToken().getExpiresAt();
            if (jti != null && expiresAt != null) {
                revoked.revoke(jti.toString(), expiresAt);
            }
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
