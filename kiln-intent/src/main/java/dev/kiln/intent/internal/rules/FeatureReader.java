package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.FeatureCues;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.RateLimitFeature;
import dev.kiln.spec.SearchFeature;
import dev.kiln.spec.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cross-cutting features from the prompt's text by the lexicon's cues.
 *
 * <p>An explicit mechanism wins over a bare login: "sign-up, login and JWT tokens" is {@code jwt};
 * "users sign up and log in" alone is {@code oauth2}, Kiln's embedded authorization server.
 */
final class FeatureReader {
    private static final Pattern ROLES =
            Pattern.compile("\\broles?\\s*(?:are|:|of|like|such as|include)?\\s*\\(?([a-z_][a-z0-9_ ,/&]*)");
    private static final Pattern ROLE_SEPARATOR = Pattern.compile("\\s*(?:,|/|&|\\band\\b|\\bor\\b)\\s*");
    private static final int MAX_ROLES = 10;

    private final FeatureCues cues;
    private final RateLimitReader rateLimits = new RateLimitReader();

    FeatureReader(FeatureCues cues) {
        this.cues = cues;
    }

    /** Returns the login words of the prompt, if it asks for login without saying how. */
    Optional<Matcher> login(String text) {
        Matcher m = Objects.requireNonNull(cues.auth().get("login"), "the lexicon lacks auth.login cues")
                .matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    void read(String text, EntityTable table, FeatureDraft draft, List<String> warnings) {
        auth(text, draft);
        rateLimit(text, draft, warnings);
        draft.audit = flag(cues.audit(), text, "audit", "audit log of every change", draft);
        draft.softDelete = flag(cues.softDelete(), text, "softDelete", "soft delete", draft);
        draft.cache = flag(cues.cache(), text, "cache", "cache reads by id", draft);
        draft.multiTenant = flag(cues.multiTenant(), text, "multiTenant", "every row belongs to a tenant", draft);
        search(text, table, draft);
    }

    private void auth(String text, FeatureDraft draft) {
        for (Map.Entry<String, Pattern> cue : cues.auth().entrySet()) {
            Matcher m = cue.getValue().matcher(text);
            if (m.find()) {
                boolean bare = cue.getKey().equals("login") || cue.getKey().equals("generic");
                String type = bare ? "oauth2" : cue.getKey();
                boolean implied = bare || impliedByRateLimitKey(text, m);
                setAuth(draft, AuthType.fromId(type), m.group(), implied ? 0.7 : 0.95, text);
                return;
            }
        }
    }

    private static boolean impliedByRateLimitKey(String text, Matcher m) {
        return m.start() >= 4
                && text.substring(Math.max(0, m.start() - 4), m.start()).contains("per");
    }

    void setAuth(FeatureDraft draft, AuthType type, String evidence, double confidence, String text) {
        List<String> roles = roles(text);
        if (roles.isEmpty() && draft.auth != null) {
            roles = draft.auth.roles();
        }
        draft.auth = new AuthFeature(type, roles);
        draft.explain("auth", "auth: " + type.id() + (roles.isEmpty() ? "" : " " + roles), evidence, confidence);
    }

    private static List<String> roles(String text) {
        Matcher m = ROLES.matcher(text);
        List<String> roles = new ArrayList<>();
        if (!m.find()) {
            return roles;
        }
        for (String part : ROLE_SEPARATOR.split(m.group(1).strip())) {
            String role = Names.upperSnake(part.strip().replace(' ', '_'));
            if (role.isEmpty() || part.strip().split("\\s+").length > 2 || roles.size() >= MAX_ROLES) {
                break;
            }
            if (!roles.contains(role) && Character.isLetter(role.charAt(0))) {
                roles.add(role);
            }
        }
        return roles;
    }

    private void rateLimit(String text, FeatureDraft draft, List<String> warnings) {
        Matcher cue = cues.rateLimit().matcher(text);
        if (!cue.find()) {
            return;
        }
        RateLimitReader.Reading reading = rateLimits.read(text, cue.group());
        RateLimitFeature limit = reading.limit();
        if ("user".equals(limit.key()) && draft.auth == null) {
            limit = new RateLimitFeature(limit.requests(), limit.per(), "ip");
            warnings.add(
                    "a rate limit per user needs authentication, which the prompt does not ask for; limited per IP instead");
        }
        if (reading.assumed()) {
            warnings.add("rate limiting has no numbers; assumed " + RateLimitReader.DEFAULT_REQUESTS
                    + " requests per minute");
        }
        draft.rateLimit = limit;
        draft.explain(
                "rateLimit",
                "rateLimit: " + limit.requests() + " per " + limit.effectivePer() + " per " + limit.effectiveKey(),
                reading.evidence(),
                reading.assumed() ? 0.6 : 0.95);
    }

    private static boolean flag(Pattern cue, String text, String feature, String element, FeatureDraft draft) {
        Matcher m = cue.matcher(text);
        if (!m.find()) {
            return false;
        }
        draft.explain(feature, feature + ": " + element, m.group(), 0.9);
        return true;
    }

    private void search(String text, EntityTable table, FeatureDraft draft) {
        for (Map.Entry<String, Pattern> cue : cues.search().entrySet()) {
            Matcher m = cue.getValue().matcher(text);
            if (m.find()) {
                SearchFeature search = SearchReader.read(cue.getKey(), text.substring(m.end()), table);
                draft.search = search;
                draft.explain("search", "search: " + search.type() + " " + search.fields(), m.group(), 0.85);
                return;
            }
        }
    }
}
