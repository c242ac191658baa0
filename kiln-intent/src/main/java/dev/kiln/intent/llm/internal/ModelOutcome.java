package dev.kiln.intent.llm.internal;

import dev.kiln.spec.ServiceSpec;

/** How a conversation with the model ended: with a valid spec, or without one and a reason why. */
public sealed interface ModelOutcome {
    /**
     * The model produced a spec that passed the spec reader.
     *
     * @param spec the valid spec
     * @param repairs how many repair rounds it took; 0 when the first reply was valid
     */
    record Accepted(ServiceSpec spec, int repairs) implements ModelOutcome {}

    /**
     * The model produced no valid spec: the server failed or every reply was unusable.
     *
     * @param reason why, worded for a warning to the user
     */
    record Failed(String reason) implements ModelOutcome {}
}
