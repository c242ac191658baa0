/**
 * The persistent store: one Lucene index holding each chunk's BM25 text fields, its HNSW vector and its
 * access list, plus one record per ingested file with its content hash. Commits are Lucene's (atomic,
 * fsynced), so a crash loses at most the work since the last commit.
 */
@NullMarked
package dev.kiln.rag.store;

import org.jspecify.annotations.NullMarked;
