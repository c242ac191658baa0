package dev.kiln.intent.llm;

import dev.kiln.intent.IntentParser;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.intent.UnclearPromptException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A baseline parser that returns one fixed result, or finds every prompt unclear, and counts its calls. */
final class FixedIntentParser implements IntentParser {
    private final @Nullable ParsedIntent result;
    private final AtomicInteger calls = new AtomicInteger();

    private FixedIntentParser(@Nullable ParsedIntent result) {
        this.result = result;
    }

    static FixedIntentParser returning(ParsedIntent result) {
        return new FixedIntentParser(result);
    }

    static FixedIntentParser findingNothing() {
        return new FixedIntentParser(null);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public ParsedIntent parse(String prompt) {
        calls.incrementAndGet();
        if (result == null || prompt.isBlank()) {
            throw new UnclearPromptException("no entities: name the things the service stores");
        }
        return result;
    }
}
