package dev.kiln.guard;

import java.util.List;

/**
 * The outcome of running a {@link GuardPipeline} on one text.
 *
 * @param direction whether the text was input or output
 * @param verdict the most severe action of all decisions, {@link Action#ALLOW} when there are none
 * @param decisions every finding that the policy did not simply allow, with its action, by start offset
 * @param text the text as it was inspected
 * @param redacted the text with every {@link Action#REDACT} or {@link Action#BLOCK} span replaced
 */
public record GuardResult(Direction direction, Action verdict, List<Decision> decisions, String text, String redacted) {
    /** Copies the decisions. */
    public GuardResult {
        decisions = List.copyOf(decisions);
    }

    /**
     * Whether the text must not be passed on.
     *
     * @return true if the verdict is {@link Action#BLOCK}
     */
    public boolean blocked() {
        return verdict == Action.BLOCK;
    }

    /**
     * The findings of one category.
     *
     * @param category the category
     * @return its findings, by start offset
     */
    public List<Finding> findings(Category category) {
        return decisions.stream()
                .map(Decision::finding)
                .filter(f -> f.category() == category)
                .toList();
    }

    /**
     * The text to pass on when the verdict is not {@link Action#BLOCK}: the redacted text.
     *
     * @return the text with redactions applied
     */
    public String safeText() {
        return redacted;
    }
}
