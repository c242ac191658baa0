package dev.kiln.intent;

import dev.kiln.spec.ServiceSpec;
import java.util.List;

/**
 * The result of parsing a prompt.
 *
 * @param spec the spec, valid by {@link dev.kiln.spec.io.SpecReader}'s rules
 * @param explanations for each entity, field, relation and feature: the words it came from
 * @param warnings things the parser ignored on purpose, such as instructions to add a backdoor
 */
public record ParsedIntent(ServiceSpec spec, List<Explanation> explanations, List<String> warnings) {
    /** Copies the lists. */
    public ParsedIntent {
        explanations = List.copyOf(explanations);
        warnings = List.copyOf(warnings);
    }
}
