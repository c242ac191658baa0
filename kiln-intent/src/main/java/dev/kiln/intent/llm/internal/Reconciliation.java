package dev.kiln.intent.llm.internal;

import dev.kiln.spec.ServiceSpec;
import java.util.List;

/**
 * The model's spec after {@link SpecReconciler} removed what the prompt did not ask for.
 *
 * @param spec the reconciled spec; not yet validated again
 * @param warnings one line per dropped, kept or changed element, saying why
 */
public record Reconciliation(ServiceSpec spec, List<String> warnings) {
    /** Copies the warnings. */
    public Reconciliation {
        warnings = List.copyOf(warnings);
    }
}
