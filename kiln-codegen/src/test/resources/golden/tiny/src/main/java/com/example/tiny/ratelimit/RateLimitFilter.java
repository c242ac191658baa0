package com.example.tiny.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the first matching {@link RateLimitRule} to each request: takes a token from the caller's
 * bucket, adds the IETF draft RateLimit header fields to the response, and answers 429
 * {@code application/problem+json} with {@code Retry-After} when the bucket is empty.
 *
 * <p>Headers, on every response a rule applies to: {@code RateLimit-Limit} (requests per window),
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} (seconds until the bucket refills) and
 * {@code RateLimit-Policy} ({@code 20;w=60}). Requests under {@code /actuator} are never limited, so
 * probes and scrapes always get through. If the bucket store fails (the database is down), the request
 * goes through and a warning is logged at most once a minute: the limiter must not take the service
 * down with it.
 */
public final class RateLimitFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String EXEMPT = "/actuator";
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final PathContainer.Options AS_IS = PathContainer.Options.create('/', false);

    /** Set on a request once a rule has counted it, so that no later filter counts it again. */
    static final String COUNTED = RateLimitFilter.class.getName() + ".counted";

    private final String name;
    private final List<RateLimitRule> rules;
    private final BucketStore store;
    private final MeterRegistry meters;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * @param name the filter's name, unique among the rate-limit filters
     * @param rules the rules, tried in order; the first that matches decides
     * @param store where the buckets live
     * @param meters receives {@code kiln.rate_limit.rejected} counts per rule
     */
    public RateLimitFilter(String name, List<RateLimitRule> rules, BucketStore store, MeterRegistry meters) {
        this.name = name;
        this.rules = List.copyOf(rules);
        this.store = store;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return rules.isEmpty() || request.getAttribute(COUNTED) != null;
    }

    /** Per instance, so that the two rate-limit filters do not take each other for themselves. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + "." + name + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathWithinApplication(request);
        RateLimitRule rule = path.equals(EXEMPT) || path.startsWith(EXEMPT + "/") ? null : match(request, path);
        if (rule == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(COUNTED, rule.name());
        ConsumptionProbe probe;
        try {
            probe = store.tryConsume(rule.bucketKey(ClientKeys.caller(rule.key(), request)), rule.configuration());
        }
        catch (RuntimeException ex) {
            warn(rule, ex);
            chain.doFilter(request, response);
            return;
        }
        long resetSeconds = seconds(probe.getNanosToWaitForReset());
        response.setHeader("RateLimit-Limit", Long.toString(rule.requests()));
        response.setHeader("RateLimit-Remaining", Long.toString(Math.max(0, probe.getRemainingTokens())));
        response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
        response.setHeader("RateLimit-Policy", rule.requests() + ";w=" + Math.max(1, rule.window().toSeconds()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        reject(rule, probe, response);
    }

    private RateLimitRule match(HttpServletRequest request, String path) {
        // The path is already decoded (or, outside a servlet container, taken as sent): decoding it again
        // would misread a literal '%' and fail on "%zz".
        PathContainer container = PathContainer.parsePath(path, AS_IS);
        for (RateLimitRule rule : rules) {
            if (rule.matches(request.getMethod(), container)) {
                return rule;
            }
        }
        return null;
    }

    private void reject(RateLimitRule rule, ConsumptionProbe probe, HttpServletResponse response) throws IOException {
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        meters.counter("kiln.rate_limit.rejected", "limit", rule.name()).increment();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Rate limit '" + rule.name() + "' of " + rule.requests() + " requests per "
                + window(rule) + " exceeded; retry after " + retryAfter + " s.\"}");
    }

    private void warn(RateLimitRule rule, RuntimeException ex) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("rate limit '{}' not checked, letting requests through: the bucket store failed: {}",
                    rule.name(), ex.toString());
        }
    }

    /**
     * The decoded, normalised path within the application: what Tomcat maps to the servlet (so
     * {@code /api/../login} is {@code /login} and {@code /login;x=1} is {@code /login}), or, where no
     * servlet path is set (MockMvc), the request URI after the context path, as sent.
     */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (!path.isEmpty()) {
            return path;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static String window(RateLimitRule rule) {
        long seconds = rule.window().toSeconds();
        if (seconds > 0 && seconds % 86400 == 0) {
            return seconds == 86400 ? "day" : seconds / 86400 + " days";
        }
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds == 3600 ? "hour" : seconds / 3600 + " hours";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds == 60 ? "minute" : seconds / 60 + " minutes";
        }
        if (seconds == 1 && rule.window().toMillis() == 1000) {
            return "second";
        }
        return rule.window().toMillis() % 1000 == 0 ? seconds + " seconds" : rule.window().toMillis() + " ms";
    }
}
