package dev.kiln.intent;

import static dev.kiln.intent.Specs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.intent.eval.EvaluationCase;
import dev.kiln.intent.eval.EvaluationCases;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import dev.kiln.spec.validation.ProblemLocator;
import dev.kiln.spec.validation.SemanticRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every parse must guarantee: a valid spec, an explanation for every part, the same answer twice. */
class ParserContractTests {
    private static final SpecReader READER = new SpecReader();

    static Stream<String> prompts() {
        List<String> prompts = new ArrayList<>(
                EvaluationCases.standard().stream().map(EvaluationCase::prompt).toList());
        prompts.add("Create a user authentication service with OAuth2 and rate limiting");
        prompts.add("Invoices have an ID, an IBAN (unique) and an ISBN; items belong to invoices.");
        prompts.add("Classes have a title; a class has many classes. Orders have an order and a user.");
        prompts.add("Datas have a value. Statuses have a name. Indexes have a key.");
        return prompts.stream();
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void everySpecPassesTheSpecReader(String prompt) {
        ServiceSpec spec = parse(prompt).spec();
        assertThat(SemanticRules.check(spec, ProblemLocator.NONE)).isEmpty();
        ServiceSpec reread = READER.read(SpecWriter.toJson(spec), "parsed.json", true);
        assertThat(reread).isEqualTo(spec);
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void everyPartHasAnExplanation(String prompt) {
        ParsedIntent parsed = parse(prompt);
        List<String> paths =
                parsed.explanations().stream().map(Explanation::path).toList();
        ServiceSpec spec = parsed.spec();
        for (int i = 0; i < spec.entities().size(); i++) {
            assertThat(paths).contains("entities[" + i + "]");
            for (int j = 0; j < spec.entities().get(i).fields().size(); j++) {
                assertThat(paths).contains("entities[" + i + "].fields[" + j + "]");
            }
        }
        for (int k = 0; k < spec.relations().size(); k++) {
            assertThat(paths).contains("relations[" + k + "]");
        }
        if (spec.features().auth() != null) {
            assertThat(paths).contains("features.auth");
        }
        if (spec.features().rateLimit() != null) {
            assertThat(paths).contains("features.rateLimit");
        }
        if (spec.features().search() != null) {
            assertThat(paths).contains("features.search");
        }
        if (spec.features().audit()) {
            assertThat(paths).contains("features.audit");
        }
        if (spec.features().softDelete()) {
            assertThat(paths).contains("features.softDelete");
        }
        if (spec.features().cache()) {
            assertThat(paths).contains("features.cache");
        }
        if (spec.features().multiTenant()) {
            assertThat(paths).contains("features.multiTenant");
        }
        assertThat(parsed.explanations()).allSatisfy(e -> {
            assertThat(e.evidence()).isNotBlank();
            assertThat(e.confidence()).isBetween(0.0, 1.0);
        });
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void theSamePromptGivesTheSameSpec(String prompt) {
        ParsedIntent first = parse(prompt);
        ParsedIntent second = new RuleBasedIntentParser().parse(prompt);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void explanationsQuoteThePrompt() {
        ParsedIntent parsed = parse("Books have a title and a price. Authors write books.");
        assertThat(parsed.explanations())
                .filteredOn(e -> e.path().equals("entities[0].fields[1]"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.element()).isEqualTo("field price: decimal");
                    assertThat(e.evidence()).contains("a price");
                });
        assertThat(parsed.explanations())
                .filteredOn(e -> e.path().equals("relations[0]"))
                .singleElement()
                .satisfies(e -> assertThat(e.evidence()).isEqualTo("Authors write books"));
    }

    @Test
    void parsesConcurrentlyWithTheSameAnswers() throws Exception {
        List<String> prompts = prompts().limit(24).toList();
        List<ParsedIntent> expected = prompts.stream().map(Specs::parse).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<ParsedIntent>> futures = new ArrayList<>();
            for (String prompt : prompts) {
                futures.add(pool.submit(() -> new RuleBasedIntentParser().parse(prompt)));
            }
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void thePasswordHashExplanationSaysItIsNeverExposed() {
        ParsedIntent parsed = parse("Create a user authentication service");
        assertThat(parsed.explanations())
                .filteredOn(e -> e.element().startsWith("field passwordHash"))
                .singleElement()
                .satisfies(e -> assertThat(e.evidence()).contains("never expose it in the API"));
    }

    @Test
    void namesAreLocaleIndependent() {
        ServiceSpec spec = parse("Invoices have an IBAN and an ISBN. Invoice items belong to invoices.")
                .spec();
        assertThat(spec.entities()).extracting(Entity::name).containsExactly("Invoice", "InvoiceItem");
        assertThat(spec.entities().getFirst().fields()).extracting(Field::name).containsExactly("iban", "isbn");
        assertThat(spec.name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
        assertThat(spec.basePackage()).startsWith("com.example.");
    }

    @Nested
    class LongPrompts {
        @Test
        void aHundredKilobytesAreReadUpToTheCapWithAWarning() {
            String sentence = "Books have a title and a price. Members borrow books; a loan records the due date. ";
            String prompt = sentence.repeat(100_000 / sentence.length() + 1);
            ParsedIntent parsed = parse(prompt);
            assertThat(parsed.spec().entities()).extracting(Entity::name).containsExactly("Book", "Member", "Loan");
            assertThat(parsed.warnings()).anyMatch(w -> w.contains("only the first"));
        }

        @Test
        void oneHugeWordIsRefusedRatherThanRead() {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parse("x".repeat(100_000))))
                    .isInstanceOf(UnclearPromptException.class);
        }

        @Test
        void manySentencesAreCapped() {
            String prompt = "Tasks have a title. ".repeat(400);
            ParsedIntent parsed = parse(prompt);
            assertThat(parsed.warnings()).anyMatch(w -> w.contains("sentences"));
            assertThat(parsed.spec().entities()).extracting(Entity::name).containsExactly("Task");
        }
    }
}
