package dev.kiln.intent.internal.lexicon;

import java.util.List;
import java.util.Map;

/**
 * The lexicon file as written, before its lists are indexed and its patterns compiled.
 *
 * @param entities nouns that commonly name stored things
 * @param synonyms other words for a concept, mapped to the word that names the entity
 * @param sharedEntities entities many rows share, so "has many" means many-to-many
 * @param audience people who browse but are not stored
 * @param partitives nouns that stand for a share of the noun after them: "places on classes"
 * @param nonEntities nouns that never become entities
 * @param serviceNouns heads of the phrase that names the service
 * @param nameStopWords words dropped from the service name
 * @param fieldVerbs verbs that introduce fields
 * @param grammar closed-class words
 * @param relationVerbs verb phrases by {@link VerbKind} id
 * @param joinNouns for a verb, the nouns of records that join its subject and object
 * @param nominalVerbs verbs whose action is itself a record, mapped to its noun
 * @param fields field-type rules
 * @param features feature cues
 * @param entityDefaults fields for entities the prompt names without any, by concept key
 * @param presets well-known service shapes
 * @param injection patterns of instructions that weaken security
 */
record LexiconData(
        List<String> entities,
        Map<String, String> synonyms,
        List<String> sharedEntities,
        List<String> audience,
        List<String> partitives,
        List<String> nonEntities,
        List<String> serviceNouns,
        List<String> nameStopWords,
        List<String> fieldVerbs,
        Grammar grammar,
        Map<String, List<String>> relationVerbs,
        Map<String, List<String>> joinNouns,
        Map<String, String> nominalVerbs,
        FieldData fields,
        FeatureData features,
        Map<String, List<Preset.PresetField>> entityDefaults,
        List<Preset> presets,
        List<String> injection) {

    /**
     * The field section as written.
     *
     * @param byName types by the whole field name
     * @param byLastWord types by the last word of the name
     * @param booleanWords words that make a yes/no field
     * @param booleanPrefixes prefixes that make a yes/no field
     * @param units units after "in", mapped to a type
     * @param leadingWords words dropped from the front of a field phrase
     * @param optionalWords words that make a field optional
     * @param requiredWords words that make a field required
     * @param uniqueWords words that make a field unique
     * @param enumHeads names that can hold a fixed list of values
     */
    record FieldData(
            Map<String, FieldTypeRule> byName,
            Map<String, FieldTypeRule> byLastWord,
            List<String> booleanWords,
            List<String> booleanPrefixes,
            Map<String, String> units,
            List<String> leadingWords,
            List<String> optionalWords,
            List<String> requiredWords,
            List<String> uniqueWords,
            List<String> enumHeads) {}

    /**
     * The feature section as written: regular expressions per feature.
     *
     * @param auth patterns per auth type, plus {@code login}
     * @param rateLimit rate limiting
     * @param audit audit log
     * @param softDelete soft delete
     * @param cache caching
     * @param multiTenant multi-tenancy
     * @param search patterns per search type
     */
    record FeatureData(
            Map<String, List<String>> auth,
            List<String> rateLimit,
            List<String> audit,
            List<String> softDelete,
            List<String> cache,
            List<String> multiTenant,
            Map<String, List<String>> search) {}
}
