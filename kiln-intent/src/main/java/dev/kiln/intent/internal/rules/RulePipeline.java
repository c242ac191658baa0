package dev.kiln.intent.internal.rules;

import dev.kiln.intent.ParsedIntent;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.nlp.AnalyzedSentence;
import dev.kiln.intent.internal.nlp.EnglishAnalyzer;
import dev.kiln.intent.internal.nlp.Token;
import dev.kiln.intent.internal.nlp.TypoCorrector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule-based parse, step by step: screen the prompt, analyse it with OpenNLP, read statements from
 * its clauses, then interpret them ({@link Interpretation}) and assemble a valid spec.
 *
 * <p>Thread-safe: every parse builds its own working state.
 */
public final class RulePipeline {
    private static final int MAX_TOKENS = 150;

    private final RuleSet rules;
    private final EnglishAnalyzer analyzer;
    private final PromptScreen screen;
    private final ClauseSplitter splitter;
    private final StatementReader statements;
    private final FeatureMask mask;
    private final SpecAssembler assembler = new SpecAssembler();

    /**
     * Creates the pipeline over a lexicon.
     *
     * @param lexicon the vocabulary
     */
    public RulePipeline(Lexicon lexicon) {
        this.rules = RuleSet.of(lexicon);
        this.analyzer = new EnglishAnalyzer(new TypoCorrector(lexicon.vocabulary()));
        this.screen = new PromptScreen(lexicon, analyzer);
        AnchorFinder anchors = new AnchorFinder(lexicon.verbs(), lexicon.grammar());
        this.splitter = new ClauseSplitter(anchors);
        this.statements = new StatementReader(
                lexicon, anchors, new PhraseReader(lexicon.grammar(), lexicon.serviceNouns()), rules.nouns());
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
        requireSentences(screened);
        List<String> warnings = new ArrayList<>(screened.warnings());
        List<AnalyzedSentence> analyzed = analyze(screened.sentences(), warnings);
        List<Statement> read = statements(clauses(analyzed, true));
        NounJudge judge = new NounJudge(rules.lexicon(), tenantWords(clauses(analyzed, false)));
        Interpretation.Reading reading = new Interpretation.Reading(screened.sentences(), read, judge, warnings);
        return assembler.assemble(new Interpretation(rules, reading).interpret());
    }

    private static void requireSentences(PromptScreen.Screened screened) {
        if (screened.sentences().isEmpty()) {
            throw new UnclearPromptException("nothing is left once the instructions that would weaken security are"
                    + " ignored; describe the things the service stores");
        }
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

    /** Reads every clause, letting "they" and "it" stand for the topic of the clause before. */
    private List<Statement> statements(List<Clause> clauses) {
        List<Statement> read = new ArrayList<>();
        Optional<Phrase> topic = Optional.empty();
        for (Clause clause : clauses) {
            read.addAll(statements.read(clause, topic));
            Optional<Phrase> next = statements.topic(clause);
            topic = next.isPresent() ? next : topic;
        }
        return read;
    }

    /** Nouns of clauses that only describe tenancy ("organizations as tenants") are tenants, not entities. */
    private Set<String> tenantWords(List<Clause> clauses) {
        Set<String> words = new TreeSet<>();
        for (Clause clause : clauses) {
            boolean tenancy = rules.lexicon()
                    .features()
                    .multiTenant()
                    .matcher(clause.text())
                    .find();
            boolean data = statements.read(clause).stream().anyMatch(s -> s instanceof Statement.Fields);
            if (tenancy && !data) {
                clause.tokens().stream()
                        .filter(Token::isWord)
                        .forEach(t -> words.add(rules.nouns()
                                .read(new Phrase(List.of(t), List.of(), 0))
                                .head()));
            }
        }
        return words;
    }
}
