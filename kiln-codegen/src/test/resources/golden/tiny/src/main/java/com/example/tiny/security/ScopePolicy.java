package com.example.tiny.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which scopes a request under {@code /api} needs: the one place the scheme is written down.
 *
 * <ul>
 * <li>{@code GET} and {@code HEAD} need the {@code read} level, {@code POST}, {@code PUT} and
 * {@code PATCH} the {@code write} level, {@code DELETE} the {@code admin} level.</li>
 * <li>A level is granted by the global scope ({@code read}) or by the resource's own scope
 * ({@code posts:read}). A sub-resource such as {@code /api/authors/1/posts} needs the level on
 * both resources (authors and the posts it lists).</li>
 * <li>The account store (the entity that holds users and password hashes) needs the
 * {@code admin} level for every operation.</li>
 * <li>Anything else under {@code /api} is denied, so a new endpoint is never open by accident.</li>
 * </ul>
 */
public final class ScopePolicy implements AuthorizationManager<RequestAuthorizationContext> {

    /** Global scope for reading. */
    public static final String READ = "read";
    /** Global scope for creating and changing. */
    public static final String WRITE = "write";
    /** Global scope for deleting and for the account store. */
    public static final String ADMIN = "admin";
    /** Scope for {@code /actuator/prometheus}. */
    public static final String METRICS = "metrics";

    private static final String AUTHORITY_PREFIX = "SCOPE_";

    private final Map<String, Resource> resources = new LinkedHashMap<>();

    public ScopePolicy(List<Resource> resources) {
        resources.forEach(resource -> this.resources.put(resource.path(), resource));
    }

    /**
     * A resource under {@code /api}.
     *
     * @param path the path segment, e.g. {@code authors}
     * @param accounts whether it is the account store, which needs {@code admin} for everything
     * @param subResources the segments after {@code /{id}/} and the resources they list, e.g.
     *        {@code profile -> profiles} for {@code /api/authors/{id}/profile}
     */
    public record Resource(String path, boolean accounts, Map<String, String> subResources) {

        public Resource(String path, boolean accounts) {
            this(path, accounts, Map.of());
        }
    }

    /** Every scope a client or user can be granted, global ones first. */
    public Set<String> allScopes() {
        Set<String> scopes = new LinkedHashSet<>(List.of(READ, WRITE, ADMIN, METRICS));
        for (String path : resources.keySet()) {
            scopes.add(path + ":" + READ);
            scopes.add(path + ":" + WRITE);
            scopes.add(path + ":" + ADMIN);
        }
        return scopes;
    }

    /** Whether a scope is on the admin level, which only users with the admin role are granted. */
    public static boolean isAdminLevel(String scope) {
        return scope.equals(ADMIN) || scope.endsWith(":" + ADMIN) || scope.equals(METRICS);
    }

    /**
     * The scope sets that allow a request: holding every scope of any one set is enough.
     *
     * @param method the HTTP method
     * @param path the path below the context, e.g. {@code /api/posts/1}
     * @return the alternatives, empty when nothing allows the request
     */
    public List<Set<String>> alternatives(String method, String path) {
        String[] segments = path.split("/", -1);
        // "", "api", resource [, id [, sub-resource]]
        if (segments.length < 3 || segments.length > 5 || !segments[0].isEmpty() || !"api".equals(segments[1])) {
            return List.of();
        }
        List<Resource> named = new ArrayList<>();
        Resource resource = resources.get(segments[2]);
        if (resource == null) {
            return List.of();
        }
        named.add(resource);
        if (segments.length == 5) {
            Resource listed = resources.get(resource.subResources().getOrDefault(segments[4], ""));
            if (listed == null) {
                return List.of();
            }
            named.add(listed);
        }
        String level = level(method);
        if (level == null) {
            return List.of();
        }
        Set<String> global = new LinkedHashSet<>();
        Set<String> specific = new LinkedHashSet<>();
        for (Resource each : named) {
            String needed = each.accounts() ? ADMIN : level;
            global.add(needed);
            specific.add(each.path() + ":" + needed);
        }
        return List.of(global, specific);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        Set<String> held = new LinkedHashSet<>();
        for (GrantedAuthority authority : caller.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(AUTHORITY_PREFIX)) {
                held.add(name.substring(AUTHORITY_PREFIX.length()));
            }
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean allowed = alternatives(request.getMethod(), path).stream().anyMatch(held::containsAll);
        return new AuthorizationDecision(allowed);
    }

    private static String level(String method) {
        return switch (method) {
            case "GET", "HEAD" -> READ;
            case "POST", "PUT", "PATCH" -> WRITE;
            case "DELETE" -> ADMIN;
            default -> null;
        };
    }
}
