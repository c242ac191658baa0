package dev.kiln.intent.llm.internal;

import dev.kiln.llm.ModelFailures;
import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.validation.SpecProblem;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the model for a spec and, while its reply is unusable or invalid, sends the located problems back and
 * asks again, up to a fixed number of repairs.
 *
 * <p>A failing server ends the conversation at once: repeating a request that timed out or got an HTTP 500
 * would only make the user wait longer for the same fallback.
 */
public final class SpecRepairLoop {
    /** The label of a reply in spec problems. */
    static final String REPLY_LABEL = "model reply";

    /** The longest earlier reply replayed to the model in a repair round, in characters. */
    private static final int MAX_REPLAYED_CHARS = 20_000;

    private final JsonModeChat chat;
    private final SpecPrompts prompts;
    private final SpecReader reader;
    private final JsonReplyExtractor extractor = new JsonReplyExtractor();
    private final int maxRepairs;

    /**
     * Creates the loop.
     *
     * @param chat the model
     * @param prompts the messages to send
     * @param reader the validator every reply must pass
     * @param maxRepairs how many repair rounds to allow after the first request
     */
    public SpecRepairLoop(JsonModeChat chat, SpecPrompts prompts, SpecReader reader, int maxRepairs) {
        this.chat = chat;
        this.prompts = prompts;
        this.reader = reader;
        this.maxRepairs = maxRepairs;
    }

    /**
     * Runs the conversation for one description.
     *
     * @param description the user's prompt
     * @return the valid spec, or why there is none
     */
    public ModelOutcome run(String description) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompts.system()));
        messages.add(UserMessage.from(prompts.request(description)));
        String lastProblem = "";
        for (int round = 0; round <= maxRepairs; round++) {
            String reply;
            try {
                reply = chat.ask(messages);
            } catch (RuntimeException e) {
                return new ModelOutcome.Failed(ModelFailures.describe(e, "model server"));
            }
            Check check = check(reply);
            if (check.spec() != null) {
                return new ModelOutcome.Accepted(check.spec(), round);
            }
            lastProblem = check.summary();
            messages.add(AiMessage.from(replayable(reply)));
            messages.add(UserMessage.from(check.followUp()));
        }
        return new ModelOutcome.Failed("the model's reply was still unusable after " + maxRepairs + " repair"
                + (maxRepairs == 1 ? "" : "s") + " (" + lastProblem + ")");
    }

    /** The verdict on one reply: a spec, or the follow-up message and a one-line summary of what was wrong. */
    private record Check(@org.jspecify.annotations.Nullable ServiceSpec spec, String followUp, String summary) {}

    private Check check(String reply) {
        Extraction extraction = extractor.extract(reply);
        if (extraction instanceof Extraction.Missing missing) {
            return new Check(null, prompts.repair(missing.reason()), missing.reason());
        }
        String json = ((Extraction.Found) extraction).json();
        try {
            return new Check(reader.read(json, REPLY_LABEL, true), "", "");
        } catch (InvalidSpecException e) {
            List<SpecProblem> problems = e.problems();
            String summary = SpecPrompts.describe(problems.get(0))
                    + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more" : "");
            return new Check(null, prompts.repair(problems), summary);
        }
    }

    private static String replayable(String reply) {
        if (reply.isEmpty()) {
            return "(empty reply)";
        }
        return reply.length() <= MAX_REPLAYED_CHARS ? reply : reply.substring(0, MAX_REPLAYED_CHARS) + " [cut]";
    }
}
