package dev.kiln.intent.llm.internal;

import java.util.regex.Pattern;

/**
 * The words by which a prompt asks for each feature, matched against its lower-case words joined by spaces
 * (so {@code OAuth2} reads "o auth2" and {@code apiKey} reads "api key").
 */
final class FeatureCues {
    static final Pattern AUTH = Pattern.compile("\\b(o ?auth\\w*|auth\\w*|jwt|log ?in|sign ?in|api ?keys?|bearer"
            + "|open ?id|oidc|sso|single sign on|roles?)\\b");
    static final Pattern RATE_LIMIT = Pattern.compile("\\b(rate ?limit\\w*|throttl\\w*|requests? per|quotas?)\\b");
    static final Pattern AUDIT = Pattern.compile("\\b(audit\\w*|change history|history of changes|who changed)\\b");
    static final Pattern SOFT_DELETE =
            Pattern.compile("\\b(soft ?delet\\w*|trash\\w*|recycle bin|undelet\\w*|restor\\w* deleted)\\b");
    static final Pattern CACHE = Pattern.compile("\\b(cach\\w*)\\b");
    static final Pattern MULTI_TENANT = Pattern.compile("\\b(multi ?tenan\\w*|tenan\\w*)\\b");
    static final Pattern SEARCH = Pattern.compile("\\b(search\\w*|full ?text|semantic)\\b");

    private FeatureCues() {}
}
