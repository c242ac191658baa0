package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;

/**
 * What the readers of one parse share: the lexicon, and how nouns are read and judged.
 *
 * @param lexicon the vocabulary
 * @param nouns reads phrases as nouns
 * @param judge judges whether nouns can be entities, for this prompt
 */
record Reading(Lexicon lexicon, NounReader nouns, NounJudge judge) {}
