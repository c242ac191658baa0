package com.example.tiny.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One limit with the requests it applies to: a name, HTTP methods (empty for all), path patterns, the
 * number of requests per window and who they are counted for.
 *
 * <p>The bucket refills all its tokens at once at the end of each window (Bucket4j's intervally refill),
 * so "20 per minute" means at most 20 requests in each minute of the bucket's clock, and the
 * {@code RateLimit-Reset} header counts down to the next refill.
 */
public final class RateLimitRule {
    private final String name;
    private final Set<String> methods;
    private final List<PathPattern> paths;
    private final long requests;
    private final Duration window;
    private final RateLimitProperties.Key key;
    private final BucketConfiguration configuration;
    private final String bucketPrefix;

    public RateLimitRule(String name, List<String> methods, List<String> paths, long requests, Duration window,
            RateLimitProperties.Key key) {
        if (requests < 1) {
            throw new IllegalArgumentException("rate limit '" + name + "' needs at least 1 request, got " + requests);
        }
        if (window.isNegative() || window.toMillis() < 1) {
            throw new IllegalArgumentException("rate limit '" + name + "' needs a positive window, got " + window);
        }
        this.name = name;
        this.methods = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.requests = requests;
        this.window = window;
        this.key = key;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillIntervally(requests, window).build())
                .build();
        // The limit is part of the bucket's name: a changed limit starts fresh buckets instead of
        // mixing with state stored under the old one (old rows expire on their own).
        this.bucketPrefix = name + "|" + requests + "/" + window.toMillis() + "ms|";
    }

    /** Whether a request with this method and path (within the application) is subject to this rule. */
    public boolean matches(String method, PathContainer path) {
        if (!methods.isEmpty() && !methods.contains(method)) {
            return false;
        }
        if (paths.isEmpty()) {
            return true;
        }
        for (PathPattern pattern : paths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** The bucket of one caller, e.g. {@code writes|20/60000ms|ip:203.0.113.9}. */
    public String bucketKey(String caller) {
        return bucketPrefix + caller;
    }

    public String name() {
        return name;
    }

    public long requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    public RateLimitProperties.Key key() {
        return key;
    }

    public BucketConfiguration configuration() {
        return configuration;
    }
}
