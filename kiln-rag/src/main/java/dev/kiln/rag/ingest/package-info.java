/**
 * Ingest: walks files and directories, skips what has not changed since the last ingest (by content
 * hash), parses, chunks and embeds the rest, removes what was deleted, and reports every file it could
 * not read without stopping.
 */
@NullMarked
package dev.kiln.rag.ingest;

import org.jspecify.annotations.NullMarked;
