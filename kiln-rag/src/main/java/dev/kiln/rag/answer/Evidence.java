package dev.kiln.rag.answer;

/**
 * How strongly the store supports answering a question; the inputs of the abstention decision.
 *
 * @param bestCosine cosine similarity between the question and the closest readable chunk
 * @param termCoverage the IDF-weighted share of the question's words found in the best chunk of the
 *     top hits (1 when every rare word of the question is there; low when the question names things
 *     the documents never mention)
 */
public record Evidence(double bestCosine, double termCoverage) {}
