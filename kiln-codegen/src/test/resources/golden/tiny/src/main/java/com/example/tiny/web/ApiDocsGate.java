package com.example.tiny.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the OpenAPI document and Swagger UI when {@code API_DOCS_ENABLED=false}.
 *
 * <p>A runtime switch rather than {@code springdoc.api-docs.enabled}: with Spring AOT (as run.sh starts
 * the service) conditions on properties are fixed when the jar is built, so that property could no
 * longer turn the documents off in one environment and on in another.
 */
@Component
public class ApiDocsGate extends OncePerRequestFilter {
    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"API documentation is disabled on this server\"}";

    private final boolean enabled;

    public ApiDocsGate(@Value("${kiln.api-docs.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (enabled) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(BODY);
    }
}
