package dev.kiln.guard.langchain4j;

import dev.kiln.guard.Action;
import dev.kiln.guard.Decision;
import dev.kiln.guard.GuardResult;
import java.util.stream.Collectors;

/** Says why a pipeline blocked a text, naming finding types only, never the values found. */
final class Verdicts {
    private Verdicts() {}

    static String reason(GuardResult result) {
        String types = result.decisions().stream()
                .filter(d -> d.action() == Action.BLOCK)
                .map(d -> d.finding().type())
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        return "blocked by Kiln guard: " + (types.isEmpty() ? "policy" : types);
    }

    static boolean rewritten(GuardResult result) {
        return result.decisions().stream().map(Decision::action).anyMatch(a -> a == Action.REDACT);
    }
}
