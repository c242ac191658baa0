/**
 * Answers with citations: {@link dev.kiln.rag.answer.ExtractiveAnswerer} picks the sentences of the best
 * readable chunks that answer a question, cites where they come from, and abstains when the evidence is
 * weak, judged on the underlying dense similarity and the share of the question's rare words the best
 * chunks contain (rank-fusion scores cannot tell a good best hit from a bad one).
 */
@NullMarked
package dev.kiln.rag.answer;

import org.jspecify.annotations.NullMarked;
