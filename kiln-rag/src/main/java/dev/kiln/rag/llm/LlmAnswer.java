package dev.kiln.rag.llm;

import dev.kiln.rag.answer.Answer;
import dev.kiln.rag.answer.Citation;
import dev.kiln.rag.answer.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * An answer from {@link LlmAnswerer}: the model's checked sentences, the extractive answer it fell back to, or an
 * abstention.
 *
 * @param text the answer; in {@link Mode#LLM} mode each sentence ends with markers such as {@code [2]} naming
 *     {@link Numbered#n()} of its citations; {@link Answer#ABSTENTION} when abstaining
 * @param abstained true when the documents do not support an answer
 * @param mode who wrote the answer
 * @param citations the cited chunks, each with the sentence of the chunk that best supports the answer
 * @param dropped the model's sentences that were removed, with the reason
 * @param note why the model's answer was not used, or an empty string
 * @param evidence the figures the abstention decision was taken on
 */
public record LlmAnswer(
        String text,
        boolean abstained,
        Mode mode,
        List<Numbered> citations,
        List<Dropped> dropped,
        String note,
        Evidence evidence) {
    /** Copies the lists. */
    public LlmAnswer {
        citations = List.copyOf(citations);
        dropped = List.copyOf(dropped);
    }

    /** Who wrote an answer. */
    public enum Mode {
        /** The model, every kept sentence checked against the chunks it cites. */
        LLM,
        /** Kiln, by quoting sentences (the model was not asked, or its answer was not supported enough). */
        EXTRACTIVE;

        /**
         * Returns the name used in JSON.
         *
         * @return {@code llm} or {@code extractive}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A citation and the number the answer's markers use for it.
     *
     * @param n the marker number
     * @param citation the source, section, anchor and supporting text
     */
    public record Numbered(int n, Citation citation) {}

    /**
     * A sentence of the model's answer that was removed.
     *
     * @param sentence the sentence as the model wrote it
     * @param reason why it was removed
     */
    public record Dropped(String sentence, String reason) {}

    /**
     * Wraps an extractive answer (or abstention), numbering its citations in order.
     *
     * @param answer the extractive answer
     * @param dropped the model's sentences that were removed before falling back, if any
     * @param note why the model's answer was not used, or an empty string
     * @return the answer in this form
     */
    static LlmAnswer extractive(Answer answer, List<Dropped> dropped, String note) {
        List<Numbered> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < answer.citations().size(); i++) {
            numbered.add(new Numbered(i + 1, answer.citations().get(i)));
        }
        return new LlmAnswer(
                answer.text(), answer.abstained(), Mode.EXTRACTIVE, numbered, dropped, note, answer.evidence());
    }
}
