/**
 * Measuring retrieval: a question set with the pages that answer each question, and the standard
 * figures (Recall@k, MRR@10, nDCG@10) plus warm query latency, per retriever.
 */
@NullMarked
package dev.kiln.rag.eval;

import org.jspecify.annotations.NullMarked;
