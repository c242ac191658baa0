package dev.kiln.intent.internal.lexicon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiled patterns that reveal the cross-cutting features a prompt asks for.
 *
 * @param auth patterns per auth type id, plus {@code login} for a login without a mechanism
 * @param rateLimit rate limiting
 * @param audit audit log
 * @param softDelete soft delete
 * @param cache caching
 * @param multiTenant multi-tenancy
 * @param search patterns per search type, semantic first
 */
public record FeatureCues(
        Map<String, Pattern> auth,
        Pattern rateLimit,
        Pattern audit,
        Pattern softDelete,
        Pattern cache,
        Pattern multiTenant,
        Map<String, Pattern> search) {

    /** Copies the maps, keeping their order. */
    public FeatureCues {
        auth = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(auth));
        search = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(search));
    }

    /**
     * Finds the first match of a pattern.
     *
     * @param pattern the pattern
     * @param text lower-case text
     * @return the matched words, or empty
     */
    public static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    static FeatureCues of(LexiconData.FeatureData data) {
        Map<String, Pattern> auth = new LinkedHashMap<>();
        data.auth().forEach((type, list) -> auth.put(type, any(list)));
        Map<String, Pattern> search = new LinkedHashMap<>();
        data.search().forEach((type, list) -> search.put(type, any(list)));
        return new FeatureCues(
                auth,
                any(data.rateLimit()),
                any(data.audit()),
                any(data.softDelete()),
                any(data.cache()),
                any(data.multiTenant()),
                search);
    }

    static Pattern any(List<String> patterns) {
        return Pattern.compile(
                String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()), Pattern.CASE_INSENSITIVE);
    }
}
