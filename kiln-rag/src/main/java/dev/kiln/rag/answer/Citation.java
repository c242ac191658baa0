package dev.kiln.rag.answer;

/**
 * Where a sentence of an answer comes from.
 *
 * @param source the file's path as given to ingest
 * @param section the section path
 * @param anchor the section's fragment, or empty
 * @param text the quoted text
 */
public record Citation(String source, String section, String anchor, String text) {}
