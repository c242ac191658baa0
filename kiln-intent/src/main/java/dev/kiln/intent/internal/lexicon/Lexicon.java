package dev.kiln.intent.internal.lexicon;

import dev.kiln.spec.naming.Names;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The backend vocabulary of the rule-based parser, read from {@code lexicon.yaml} on the class path.
 *
 * <p>Concepts live in the data file, not in code: adding a domain noun, a relation verb or a field rule
 * is an edit to the YAML. Use {@link #standard()} for the shipped lexicon.
 */
public final class Lexicon {
    private static final String RESOURCE = "/dev/kiln/intent/lexicon/lexicon.yaml";

    /** The shipped lexicon, read on first use. */
    private static final class Holder {
        static final Lexicon STANDARD = read();
    }

    private final LexiconData data;
    private final Set<String> entities;
    private final Set<String> shared;
    private final Set<String> audience;
    private final Set<String> partitives;
    private final Set<String> nonEntities;
    private final Set<String> serviceNouns;
    private final VerbLexicon verbs;
    private final FieldLexicon fields;
    private final FeatureCues features;
    private final List<Pattern> injection;

    private Lexicon(LexiconData data) {
        this.data = data;
        this.entities = Set.copyOf(data.entities());
        this.shared = Set.copyOf(data.sharedEntities());
        this.audience = Set.copyOf(data.audience());
        this.partitives = Set.copyOf(data.partitives());
        this.nonEntities = Set.copyOf(data.nonEntities());
        this.serviceNouns = Set.copyOf(data.serviceNouns());
        Map<VerbKind, List<String>> byKind = new EnumMap<>(VerbKind.class);
        data.relationVerbs().forEach((key, list) -> byKind.put(VerbKind.fromKey(key), list));
        byKind.put(VerbKind.FIELDS, data.fieldVerbs());
        this.verbs = new VerbLexicon(
                byKind, data.joinNouns(), data.nominalVerbs(), data.grammar().auxiliaries());
        this.fields = FieldLexicon.of(data.fields());
        this.features = FeatureCues.of(data.features());
        this.injection = data.injection().stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
                .toList();
    }

    /**
     * Returns the shipped lexicon.
     *
     * @return the lexicon, read once
     */
    public static Lexicon standard() {
        return Holder.STANDARD;
    }

    private static Lexicon read() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lexicon " + RESOURCE + " is missing from the class path");
            }
            return new Lexicon(mapper.readValue(in, LexiconData.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lexicon " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the concept word for a noun phrase: its synonym target, or itself.
     *
     * @param phrase lower-case singular words, for example {@code todo}
     * @return for example {@code task}
     */
    public String canonical(String phrase) {
        return data.synonyms().getOrDefault(phrase, phrase);
    }

    /**
     * Returns whether a noun phrase commonly names a stored thing.
     *
     * @param phrase lower-case singular words
     * @return true for words such as {@code order item}
     */
    public boolean isEntityWord(String phrase) {
        return entities.contains(canonical(phrase));
    }

    /**
     * Returns whether rows of many other entities share this one ("tags").
     *
     * @param phrase lower-case singular words
     * @return true for shared entities
     */
    public boolean isShared(String phrase) {
        return shared.contains(canonical(phrase));
    }

    /**
     * Returns whether a noun names people who browse but are not stored ("readers").
     *
     * @param word a lower-case singular word
     * @return true for audience words
     */
    public boolean isAudience(String word) {
        return audience.contains(word);
    }

    /**
     * Returns whether a noun stands for a share of the noun after it ("a place on a class").
     *
     * @param word a lower-case singular word
     * @return true for partitive words
     */
    public boolean isPartitive(String word) {
        return partitives.contains(word);
    }

    /**
     * Returns whether a noun phrase can never be an entity ("service", "minute", "api key").
     *
     * @param phrase lower-case singular words
     * @return true for non-entities
     */
    public boolean isNonEntity(String phrase) {
        return nonEntities.contains(phrase);
    }

    /**
     * Returns whether a word heads the phrase that names the service ("tracker", "api").
     *
     * @param word a lower-case word
     * @return true for service nouns
     */
    public boolean isServiceNoun(String word) {
        return serviceNouns.contains(word);
    }

    /**
     * Returns the heads of phrases that name the service.
     *
     * @return the words
     */
    public Set<String> serviceNouns() {
        return serviceNouns;
    }

    /**
     * Returns the words dropped from a service name.
     *
     * @return the words
     */
    public Set<String> nameStopWords() {
        return Set.copyOf(data.nameStopWords());
    }

    /**
     * Returns the closed-class words.
     *
     * @return the grammar lists
     */
    public Grammar grammar() {
        return data.grammar();
    }

    /**
     * Returns the verb phrases.
     *
     * @return the verb lexicon
     */
    public VerbLexicon verbs() {
        return verbs;
    }

    /**
     * Returns the field-type rules.
     *
     * @return the field lexicon
     */
    public FieldLexicon fields() {
        return fields;
    }

    /**
     * Returns the feature cues.
     *
     * @return the cues
     */
    public FeatureCues features() {
        return features;
    }

    /**
     * Returns the service presets, in file order.
     *
     * @return the presets
     */
    public List<Preset> presets() {
        return data.presets();
    }

    /**
     * Returns the fields an entity gets when the prompt names none.
     *
     * @param key the entity's concept key, for example {@code stock}
     * @return its defaults, or the general defaults when the lexicon has none for it
     */
    public List<Preset.PresetField> entityDefaults(String key) {
        List<Preset.PresetField> specific = data.entityDefaults().get(key);
        return specific != null ? specific : data.entityDefaults().getOrDefault("default", List.of());
    }

    /**
     * Returns whether the lexicon has defaults for this entity in particular.
     *
     * @param key the entity's concept key
     * @return true if it does
     */
    public boolean hasOwnDefaults(String key) {
        return data.entityDefaults().containsKey(key);
    }

    /**
     * Returns the patterns of instructions that try to weaken security.
     *
     * @return the patterns, case-insensitive
     */
    public List<Pattern> injection() {
        return injection;
    }

    /**
     * Returns the words the typo corrector may correct towards: entity, field and verb words.
     *
     * @return single lower-case words
     */
    public Set<String> vocabulary() {
        Set<String> words = new TreeSet<>();
        addWords(words, data.entities());
        addWords(words, data.nonEntities());
        addWords(words, data.serviceNouns());
        addWords(words, data.fieldVerbs());
        data.relationVerbs().values().forEach(list -> addWords(words, list));
        addWords(words, List.copyOf(data.fields().byName().keySet()));
        addWords(words, List.copyOf(data.fields().byLastWord().keySet()));
        addWords(words, data.fields().booleanWords());
        addWords(words, data.fields().enumHeads());
        addWords(words, data.grammar().allWords());
        addWords(words, List.of("create", "description", "address", "receive", "category", "service", "password"));
        addWords(words, NUMBERS);
        return words;
    }

    /** Number words, known so that "three" is never read as a typo of "there". */
    private static final List<String> NUMBERS = List.of(
            "three",
            "seven",
            "eight",
            "eleven",
            "twelve",
            "fifteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "million",
            "dozen");

    private static void addWords(Set<String> words, List<String> phrases) {
        phrases.forEach(p -> words.addAll(Names.words(p)));
    }
}
