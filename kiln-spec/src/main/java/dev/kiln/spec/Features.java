package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The cross-cutting features of a service. A feature that is off is null or false.
 *
 * @param auth authentication, or null for none
 * @param rateLimit request limits, or null for none
 * @param audit whether changes are recorded in an audit log
 * @param softDelete whether deletes only mark rows as deleted
 * @param cache whether reads by id are cached
 * @param multiTenant whether every row belongs to a tenant
 * @param search free-text search, or null for none
 */
@JsonPropertyOrder({"auth", "rateLimit", "audit", "softDelete", "cache", "multiTenant", "search"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Features(
        @Nullable AuthFeature auth,
        @Nullable RateLimitFeature rateLimit,
        boolean audit,
        boolean softDelete,
        boolean cache,
        boolean multiTenant,
        @Nullable SearchFeature search) {

    /** No features at all. */
    public static final Features NONE = new Features(null, null, false, false, false, false, null);
}
