package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;

/**
 * The stateless rules one parse applies after reading statements; shared by all parses.
 *
 * @param lexicon the vocabulary
 * @param nouns reads phrases as nouns
 * @param fieldPhrases takes field phrases apart
 * @param typing types fields
 * @param presets the service shapes
 * @param features reads features
 * @param naming names the service
 */
record RuleSet(
        Lexicon lexicon,
        NounReader nouns,
        FieldPhraseReader fieldPhrases,
        FieldTyping typing,
        PresetShapes presets,
        FeatureReader features,
        ServiceNaming naming) {

    static RuleSet of(Lexicon lexicon) {
        return new RuleSet(
                lexicon,
                new NounReader(lexicon),
                new FieldPhraseReader(lexicon.fields(), lexicon.grammar()),
                new FieldTyping(lexicon.fields()),
                new PresetShapes(lexicon),
                new FeatureReader(lexicon.features()),
                new ServiceNaming(lexicon));
    }
}
