package dev.kiln.codegen.contributor.ratelimit;

import dev.kiln.codegen.model.RateLimitModel;
import dev.kiln.codegen.model.ServiceModel;
import java.util.Optional;

/** The "Rate limits" section of a generated service's README: the limits, their variables, the headers. */
public final class RateLimitDocs {
    private RateLimitDocs() {}

    /**
     * Returns the section.
     *
     * @param model the service
     * @return Markdown ending in a blank line; empty without a rate limiter
     */
    public static String section(ServiceModel model) {
        Optional<RateLimitModel> found = RateLimitModel.of(model.spec());
        if (found.isEmpty()) {
            return "";
        }
        RateLimitModel limits = found.get();
        StringBuilder md = new StringBuilder("## Rate limits\n\n")
                .append("Every request is counted against the first limit that matches it (Bucket4j token buckets;")
                .append(" each bucket refills completely at the end of its window). Responses carry")
                .append(" `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and")
                .append(" `RateLimit-Policy`; past the limit the answer is `429` `application/problem+json`")
                .append(" with `Retry-After`. `/actuator/**` is never limited.\n\n")
                .append(
                        "| limit | requests | methods | paths | counted per | variables |\n|---|---|---|---|---|---|\n");
        for (RateLimitModel.Limit limit : limits.all()) {
            md.append("| `")
                    .append(limit.name())
                    .append("` | ")
                    .append(limit.requests() == 0 ? "none" : limit.requests() + " per " + limit.window())
                    .append(" | ")
                    .append(limit.methods().isEmpty() ? "all" : String.join(", ", limit.methods()))
                    .append(" | ")
                    .append(limit.paths().isEmpty() ? "all others" : "`" + String.join("`, `", limit.paths()) + "`")
                    .append(" | ")
                    .append(limit.key())
                    .append(" | `")
                    .append(limit.env())
                    .append("REQUESTS`, `")
                    .append(limit.env())
                    .append("WINDOW`")
                    .append(limit.name().equals("brute-force") ? "" : ", `" + limit.env() + "BY`")
                    .append(" |\n");
        }
        return md.append("\nCounted per: `ip` is the client address (`X-Forwarded-For` only counts when")
                .append(" `SERVER_FORWARD_HEADERS_STRATEGY` is `native` or `framework`, which Spring Boot turns on")
                .append(" by itself on Kubernetes, for proxies in private address ranges); `user` and `client`")
                .append(" the authenticated principal's name; `api-key` a hash of the `X-API-Key` header. Callers")
                .append(" without that key are counted by address. The `brute-force` limit is checked before")
                .append(" authentication, so failed sign-ins count; the others after it.\n\n")
                .append("| variable | meaning | default |\n|---|---|---|\n")
                .append("| `RATE_LIMIT_ENABLED` | `false` turns every limit off | true |\n")
                .append("| `RATE_LIMIT_STORE` | `memory` (per instance) or `postgres` (shared by every replica,")
                .append(" table `rate_limit_buckets`) | memory (dev), postgres (prod) |\n")
                .append("| `RATE_LIMIT_*_REQUESTS` | requests per window; 0 turns that limit off | as above |\n")
                .append("| `RATE_LIMIT_*_WINDOW` | the window, e.g. `30s`, `1m`, `1h` | as above |\n")
                .append("| `RATE_LIMIT_*_BY` | who is counted: `ip`, `user`, `client` or `api-key` | as above |\n")
                .append("| `RATE_LIMIT_MEMORY_MAX_CALLERS` | callers the memory store tracks | 20000 |\n")
                .append("| `RATE_LIMIT_CLEANUP_INTERVAL` | how often expired PostgreSQL buckets are deleted | 5m |\n\n")
                .toString();
    }
}
