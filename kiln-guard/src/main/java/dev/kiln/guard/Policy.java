package dev.kiln.guard;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decides the {@link Action} for each {@link Finding}: by its type if a rule names the type, else by its
 * category, else a fallback. Immutable; build one with {@link #builder()}.
 */
public final class Policy {
    private final Map<Category, Action> byCategory;
    private final Map<String, Action> byType;
    private final Action otherwise;

    private Policy(Builder builder) {
        this.byCategory = Map.copyOf(builder.byCategory);
        this.byType = Map.copyOf(builder.byType);
        this.otherwise = builder.otherwise;
    }

    /**
     * Kiln's defaults: block injections and output that breaks its schema, redact personal data and secrets.
     *
     * @return the default policy
     */
    public static Policy defaults() {
        return builder()
                .on(Category.INJECTION, Action.BLOCK)
                .on(Category.PII, Action.REDACT)
                .on(Category.SECRET, Action.REDACT)
                .on(Category.SCHEMA, Action.BLOCK)
                .build();
    }

    /**
     * Starts a policy whose fallback is {@link Action#FLAG}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The action for a finding.
     *
     * @param finding the finding
     * @return the action its type, else its category, else the fallback calls for
     */
    public Action actionFor(Finding finding) {
        Action typed = byType.get(finding.type());
        if (typed != null) {
            return typed;
        }
        return byCategory.getOrDefault(finding.category(), otherwise);
    }

    /** Builds a {@link Policy}. */
    public static final class Builder {
        private final Map<Category, Action> byCategory = new EnumMap<>(Category.class);
        private final Map<String, Action> byType = new HashMap<>();
        private Action otherwise = Action.FLAG;

        private Builder() {}

        /**
         * Sets the action for a whole category.
         *
         * @param category the category
         * @param action its action
         * @return this builder
         */
        public Builder on(Category category, Action action) {
            byCategory.put(category, action);
            return this;
        }

        /**
         * Sets the action for one type, overriding its category's.
         *
         * @param type the type, such as {@code IP_ADDRESS}
         * @param action its action
         * @return this builder
         */
        public Builder onType(String type, Action action) {
            byType.put(type.toUpperCase(Locale.ROOT), action);
            return this;
        }

        /**
         * Sets the action for findings that no rule names.
         *
         * @param action the fallback action
         * @return this builder
         */
        public Builder otherwise(Action action) {
            this.otherwise = action;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public Policy build() {
            return new Policy(this);
        }
    }
}
