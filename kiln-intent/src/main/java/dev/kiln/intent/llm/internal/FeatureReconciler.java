package dev.kiln.intent.llm.internal;

import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.Features;
import dev.kiln.spec.SearchFeature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides each feature of the reconciled spec: a feature the baseline found in the prompt stays exactly as the
 * baseline has it, whatever the model said; a feature only the model turned on stays only if the prompt asks for
 * it in words that are not negated.
 */
final class FeatureReconciler {
    private final PromptVocabulary vocabulary;
    private final List<String> warnings;

    FeatureReconciler(PromptVocabulary vocabulary, List<String> warnings) {
        this.vocabulary = vocabulary;
        this.warnings = warnings;
    }

    Features reconcile(Features proposed, Features baseline) {
        return new Features(
                auth(proposed.auth(), baseline.auth()),
                decide("rateLimit", proposed.rateLimit(), baseline.rateLimit(), FeatureCues.RATE_LIMIT),
                flag("audit", proposed.audit(), baseline.audit(), FeatureCues.AUDIT),
                flag("softDelete", proposed.softDelete(), baseline.softDelete(), FeatureCues.SOFT_DELETE),
                flag("cache", proposed.cache(), baseline.cache(), FeatureCues.CACHE),
                flag("multiTenant", proposed.multiTenant(), baseline.multiTenant(), FeatureCues.MULTI_TENANT),
                search(proposed.search(), baseline.search()));
    }

    private @Nullable AuthFeature auth(@Nullable AuthFeature proposed, @Nullable AuthFeature baseline) {
        if (isOn(baseline)) {
            AuthFeature kept = Objects.requireNonNull(baseline);
            if (!isOn(proposed)) {
                warnings.add("features.auth: kept " + kept.type().id() + " authentication, which the prompt asks for;"
                        + " the model's reply turned authentication off");
                return kept;
            }
            AuthFeature model = Objects.requireNonNull(proposed);
            if (model.type() != kept.type()) {
                warnings.add("features.auth: kept " + kept.type().id() + " as the prompt says, not the model's "
                        + model.type().id());
            }
            return new AuthFeature(kept.type(), roles(kept.roles(), model.roles()));
        }
        if (isOn(proposed) && !vocabulary.asks(FeatureCues.AUTH)) {
            warnings.add("features.auth: dropped "
                    + Objects.requireNonNull(proposed).type().id()
                    + " authentication, which the prompt does not ask for");
            return baseline;
        }
        return isOn(proposed) ? proposed : baseline;
    }

    /** The baseline's roles, then the model's roles that the prompt names, such as "editors". */
    private List<String> roles(List<String> baselineRoles, List<String> modelRoles) {
        Set<String> roles = new LinkedHashSet<>(baselineRoles);
        List<String> dropped = new ArrayList<>();
        for (String role : modelRoles) {
            if (roles.contains(role)) {
                continue;
            }
            if (vocabulary.mentions(role.toLowerCase(Locale.ROOT))) {
                roles.add(role);
            } else {
                dropped.add(role);
            }
        }
        if (!dropped.isEmpty()) {
            warnings.add("features.auth.roles: dropped " + dropped + ", which the prompt does not name");
        }
        return List.copyOf(roles);
    }

    private <T> @Nullable T decide(String name, @Nullable T proposed, @Nullable T baseline, Pattern cue) {
        if (baseline != null) {
            if (proposed == null) {
                warnings.add("features." + name + ": kept it, since the prompt asks for it; the model's reply left it"
                        + " out");
            } else if (!baseline.equals(proposed)) {
                warnings.add("features." + name + ": kept the settings the prompt gives, not the model's");
            }
            return baseline;
        }
        if (proposed != null && !vocabulary.asks(cue)) {
            warnings.add("features." + name + ": dropped it; the prompt does not ask for it");
            return null;
        }
        return proposed;
    }

    /** Both found search: the baseline's type, the model's fields, since they name the model's entities. */
    private @Nullable SearchFeature search(@Nullable SearchFeature proposed, @Nullable SearchFeature baseline) {
        if (baseline != null && proposed != null) {
            if (!baseline.type().equals(proposed.type())) {
                warnings.add("features.search: kept " + baseline.type() + " search as the prompt says, not the model's "
                        + proposed.type());
            }
            return new SearchFeature(baseline.type(), proposed.fields());
        }
        return decide("search", proposed, baseline, FeatureCues.SEARCH);
    }

    private boolean flag(String name, boolean proposed, boolean baseline, Pattern cue) {
        return decide(name, proposed ? Boolean.TRUE : null, baseline ? Boolean.TRUE : null, cue) != null;
    }

    private static boolean isOn(@Nullable AuthFeature auth) {
        return auth != null && auth.type() != AuthType.NONE;
    }
}
