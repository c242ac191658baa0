package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;

/**
 * How one parse reads and judges nouns: the lexicon, the noun reader and the judge for this prompt.
 *
 * @param lexicon the vocabulary
 * @param nouns reads phrases as nouns
 * @param judge judges whether nouns can be entities, for this prompt
 */
record NounSense(Lexicon lexicon, NounReader nouns, NounJudge judge) {}
