package com.example.tiny.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Answers 401 (no or bad credentials) and 403 (credentials without the needed scope) as RFC 9457
 * {@code application/problem+json}, like every other error of the API, with the
 * {@code WWW-Authenticate} challenge of RFC 6750. Nothing from the request is echoed back.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String scheme;
    private final String credentials;

    /**
     * @param scheme the challenge scheme, e.g. {@code Bearer}
     * @param credentials what the caller must send, in words, e.g. {@code a valid access token}
     */
    public SecurityProblems(String scheme, String credentials) {
        this.scheme = scheme;
        this.credentials = credentials;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        // No credentials at all is "insufficient"; anything else means credentials were sent and failed.
        boolean invalid = !(exception instanceof InsufficientAuthenticationException);
        String challenge = invalid ? scheme + " error=\"invalid_token\"" : scheme;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, 401, "Unauthorized",
                invalid ? "The credentials are invalid, expired or revoked" : "This endpoint needs " + credentials);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, scheme + " error=\"insufficient_scope\"");
        write(response, 403, "Forbidden", "The credentials do not grant the scope this request needs");
    }

    /** Answers a request the firewall rejected (e.g. an encoded slash or percent in the path) with a 400. */
    public static void rejected(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException exception) throws IOException {
        write(response, 400, "Bad Request", "The request URL is not allowed");
    }

    /** Writes a fixed problem document. */
    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    /** Credentials that were presented but are not valid (e.g. an unknown or revoked API key). */
    public static final class InvalidCredentialsException extends AuthenticationException {
        private static final long serialVersionUID = 1L;

        public InvalidCredentialsException(String message) {
            super(message);
        }
    }
}
