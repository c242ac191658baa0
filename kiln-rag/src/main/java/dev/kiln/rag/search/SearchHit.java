package dev.kiln.rag.search;

/**
 * A retrieved chunk, the best one of its page.
 *
 * @param source the file's path as given to ingest
 * @param title the document title
 * @param section the section path, headings joined by {@code " > "}
 * @param anchor the section's fragment, or empty
 * @param text the chunk's text
 * @param score the retriever's score: BM25, cosine similarity, or the fused score; higher is better,
 *     comparable only within one mode
 */
public record SearchHit(String source, String title, String section, String anchor, String text, double score) {}
