package dev.kiln.guard;

import java.util.List;

/**
 * Finds one kind of problem in a text and says where it is.
 *
 * <p>A guardrail only reports; what happens to a finding (allow, flag, redact, block) is decided by the
 * {@link Policy} of the {@link GuardPipeline} that runs it. Implementations are thread-safe, never throw on
 * any input (random bytes, megabyte strings, unpaired surrogates) and take time linear in the input.
 */
public interface Guardrail {
    /**
     * A short stable name for reports, such as {@code pii} or {@code injection}.
     *
     * @return the name
     */
    String name();

    /**
     * Inspects a text.
     *
     * @param text the text to inspect
     * @return the findings, ordered by start offset; empty when nothing was found
     */
    List<Finding> inspect(String text);
}
