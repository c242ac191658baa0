package dev.kiln.intent.internal.rules;

import dev.kiln.intent.ParsedIntent;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.lexicon.Preset;
import dev.kiln.intent.internal.nlp.AnalyzedSentence;
import dev.kiln.intent.internal.nlp.EnglishAnalyzer;
import dev.kiln.intent.internal.nlp.Token;
import dev.kiln.intent.internal.nlp.TypoCorrector;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The rule-based parse, step by step: screen the prompt, analyse it with OpenNLP, read statements,
 * decide the entities, collect fields, apply service presets, read relations and features, and
 * assemble a valid spec.
 *
 * <p>Thread-safe: every parse builds its own working state.
 */
public final class RulePipeline {
    private static final int MAX_TOKENS = 150;
    private static final int ACTOR_WINDOW = 6;

    private final Lexicon lexicon;
    private final EnglishAnalyzer analyzer;
    private final PromptScreen screen;
    private final ClauseSplitter splitter;
    private final StatementReader statements;
    private final NounReader nouns;
    private final FieldPhraseReader fieldPhrases;
    private final FieldTyping typing;
    private final PresetShapes presets;
    private final FeatureReader features;
    private final ServiceNaming naming;
    private final SpecAssembler assembler = new SpecAssembler();
    private final FeatureMask mask;

    /**
     * Creates the pipeline over a lexicon.
     *
     * @param lexicon the vocabulary
     */
    public RulePipeline(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.analyzer = new EnglishAnalyzer(new TypoCorrector(lexicon.vocabulary()));
        this.screen = new PromptScreen(lexicon, analyzer);
        AnchorFinder anchors = new AnchorFinder(lexicon.verbs(), lexicon.grammar());
        this.splitter = new ClauseSplitter(anchors);
        this.nouns = new NounReader(lexicon);
        this.statements = new StatementReader(
                lexicon, anchors, new PhraseReader(lexicon.grammar(), lexicon.serviceNouns()), nouns);
        this.fieldPhrases = new FieldPhraseReader(lexicon.fields(), lexicon.grammar());
        this.typing = new FieldTyping(lexicon.fields());
        this.presets = new PresetShapes(lexicon);
        this.features = new FeatureReader(lexicon.features());
        this.naming = new ServiceNaming(lexicon);
        this.mask = new FeatureMask(lexicon.features());
    }

    /**
     * Parses a prompt.
     *
     * @param prompt the description
     * @return the spec, explanations and warnings
     * @throws UnclearPromptException if the prompt names nothing to store
     */
    public ParsedIntent run(String prompt) {
        PromptScreen.Screened screened = screen.screen(prompt);
        List<String> warnings = new ArrayList<>(screened.warnings());
        if (screened.sentences().isEmpty()) {
            throw new UnclearPromptException("nothing is left once the instructions that would weaken security are"
                    + " ignored; describe the things the service stores");
        }
        String text = String.join("\n", screened.sentences()).toLowerCase(Locale.ROOT);
        List<AnalyzedSentence> analyzed = analyze(screened.sentences(), warnings);
        List<Clause> clauses = clauses(analyzed, true);
        List<Statement> read = new ArrayList<>();
        Optional<Phrase> topic = Optional.empty();
        for (Clause clause : clauses) {
            read.addAll(statements.read(clause, topic));
            Optional<Phrase> next = statements.topic(clause);
            topic = next.isPresent() ? next : topic;
        }
        NounJudge judge = new NounJudge(lexicon, tenantWords(clauses(analyzed, false)));
        EntityResolver resolver = new EntityResolver(lexicon, nouns, judge);
        EntityTable table = resolver.resolve(read);
        Set<String> strong = resolver.strongKeys(read);
        FieldCollector fields = new FieldCollector(nouns, judge, fieldPhrases, typing, lexicon.fields());
        read.stream()
                .filter(s -> s instanceof Statement.Fields)
                .forEach(s -> fields.collect((Statement.Fields) s, table, strong));
        RelationSet relations = new RelationSet();
        List<PresetShapes.Applied> shapes = presets.matching(text);
        shapes.forEach(a -> presets.apply(a, table, relations));
        login(text, table);
        RelationReader relationReader = new RelationReader(new Reading(lexicon, nouns, judge), table, relations);
        read.forEach(s -> relationReader.read(s, strong));
        FeatureDraft draft = new FeatureDraft();
        features.read(text, table, draft, warnings);
        presetAuth(shapes, draft, text);
        List<RelationSet.DraftRelation> all = relations.all();
        presets.defaults(table, all);
        UnsafeNames.filter(table, warnings);
        if (table.isEmpty()) {
            throw new UnclearPromptException("no entities: name the things the service stores and what they hold,"
                    + " for example 'books have a title and an author'");
        }
        ServiceNaming.Naming name = naming.name(
                screened.sentences(),
                table.inOrder(),
                shapes.stream().map(a -> a.preset().id()).toList());
        return assembler.assemble(new Draft(
                name.name(),
                name.basePackage(),
                description(screened.sentences()),
                table.inOrder(),
                all,
                draft,
                warnings));
    }

    private List<AnalyzedSentence> analyze(List<String> sentences, List<String> warnings) {
        List<AnalyzedSentence> out = new ArrayList<>();
        for (String sentence : sentences) {
            AnalyzedSentence analyzed = analyzer.analyze(sentence, MAX_TOKENS);
            analyzed.corrections().forEach(c -> warnings.add("read a typo as intended: " + c));
            out.add(analyzed);
        }
        return out;
    }

    /** Splits sentences into clauses, with the words that ask for features hidden or not. */
    private List<Clause> clauses(List<AnalyzedSentence> sentences, boolean masked) {
        List<Clause> clauses = new ArrayList<>();
        for (AnalyzedSentence sentence : sentences) {
            List<Token> tokens = masked ? mask.mask(sentence.text(), sentence.tokens()) : sentence.tokens();
            for (List<Token> clause : splitter.split(tokens)) {
                clauses.add(new Clause(clause, clauses.size()));
            }
        }
        return clauses;
    }

    /** Nouns of clauses that only describe tenancy ("organizations as tenants") are tenants, not entities. */
    private Set<String> tenantWords(List<Clause> clauses) {
        Set<String> words = new TreeSet<>();
        for (Clause clause : clauses) {
            boolean tenancy =
                    lexicon.features().multiTenant().matcher(clause.text()).find();
            boolean data = statements.read(clause).stream().anyMatch(s -> s instanceof Statement.Fields);
            if (tenancy && !data) {
                clause.tokens().stream()
                        .filter(Token::isWord)
                        .forEach(t -> words.add(
                                nouns.read(new Phrase(List.of(t), List.of(), 0)).head()));
            }
        }
        return words;
    }

    /** A login without another actor ("owners log in") needs a {@code User} to hold credentials. */
    private void login(String text, EntityTable table) {
        Optional<Matcher> login = features.login(text);
        if (login.isEmpty()) {
            return;
        }
        String before = text.substring(
                Math.max(0, text.lastIndexOf('\n', login.get().start())),
                login.get().start());
        String[] words = before.strip().split("[^a-z-]+");
        for (int i = words.length - 1; i >= 0 && i >= words.length - ACTOR_WINDOW; i--) {
            Phrase phrase = new Phrase(List.of(Token.of(words[i], "NOUN", words[i])), List.of(), 0);
            Optional<DraftEntity> actor = table.find(nouns.read(phrase));
            if (actor.isPresent() && !actor.get().name().equals("User")) {
                return;
            }
        }
        presets.ensureUser(table, login.get().group());
    }

    private static void presetAuth(List<PresetShapes.Applied> shapes, FeatureDraft draft, String text) {
        for (PresetShapes.Applied applied : shapes) {
            Preset preset = applied.preset();
            if (preset.auth() == null) {
                continue;
            }
            AuthFeature auth = draft.auth;
            AuthType type = auth == null ? AuthType.fromId(preset.auth()) : auth.type();
            List<String> roles = auth == null || auth.roles().isEmpty() ? preset.roles() : auth.roles();
            draft.auth = new AuthFeature(type, roles);
            if (auth == null) {
                draft.explain(
                        "auth",
                        "auth: " + type.id() + " " + roles,
                        "a " + preset.id() + " service ('" + applied.cue() + "')",
                        0.8);
            }
        }
        if (text.isEmpty()) {
            throw new IllegalStateException("the prompt text vanished");
        }
    }

    private static String description(List<String> sentences) {
        String first = sentences.getFirst();
        return first.length() > 300 ? first.substring(0, 297) + "..." : first;
    }
}
