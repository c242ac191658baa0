package dev.kiln.intent.internal.rules;

import dev.kiln.intent.Explanation;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.Features;
import dev.kiln.spec.RateLimitFeature;
import dev.kiln.spec.SearchFeature;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The features found so far, each with its explanation. */
final class FeatureDraft {
    @Nullable
    AuthFeature auth;

    @Nullable
    RateLimitFeature rateLimit;

    boolean audit;
    boolean softDelete;
    boolean cache;
    boolean multiTenant;

    @Nullable
    SearchFeature search;

    final List<Explanation> explanations = new ArrayList<>();

    void explain(String feature, String element, String evidence, double confidence) {
        explanations.removeIf(e -> e.path().equals("features." + feature));
        explanations.add(new Explanation("features." + feature, element, evidence, confidence));
    }

    Features features() {
        return new Features(auth, rateLimit, audit, softDelete, cache, multiTenant, search);
    }
}
