package dev.kiln.intent.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.intent.IntentParser;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The evaluation harness, measured with a fake parser and a fake clock. */
class IntentEvaluationTests {
    private static final EvaluationCase BLOG = new EvaluationCase(
            "t1",
            false,
            "blog",
            List.of(
                    new EvaluationCase.ExpectedEntity("Post", List.of("Article")),
                    new EvaluationCase.ExpectedEntity("Author", List.of())),
            Map.of("Post", List.of("title", "body")),
            List.of(new EvaluationCase.ExpectedRelation("Post", "Author", "many-to-one")),
            List.of("auth:jwt", "cache"));

    /** A parser that answers one prompt with an article-and-author spec and refuses everything else. */
    private static final IntentParser FAKE = prompt -> {
        if (!prompt.equals("blog")) {
            throw new UnclearPromptException("nothing");
        }
        Entity article = new Entity("Article", null, null, List.of(Field.of("title", FieldType.STRING)), List.of());
        Entity author = new Entity("Author", null, null, List.of(), List.of());
        Entity tag = new Entity("Tag", null, null, List.of(), List.of());
        Relation relation = new Relation("Author", "Article", RelationKind.MANY_TO_ONE, null, null, false, null);
        Features features =
                new Features(new AuthFeature(AuthType.JWT, List.of()), null, true, false, false, false, null);
        ServiceSpec spec = new ServiceSpec(
                1, "blog", "com.example.blog", null, List.of(article, author, tag), List.of(relation), features);
        return new ParsedIntent(spec, List.of(), List.of());
    };

    @Nested
    class Scoring {
        private final CaseResult result = new IntentEvaluation(FAKE, new AtomicLong()::getAndIncrement)
                .evaluate(List.of(BLOG))
                .cases()
                .getFirst();

        @Test
        void entitiesMatchBySynonymAndCountExtras() {
            assertThat(result.entities()).isEqualTo(new Score(2, 1, 0));
            assertThat(result.misses()).contains("extra entity Tag");
        }

        @Test
        void fieldsAreLookedUpInTheMatchedEntity() {
            assertThat(result.fieldsFound()).isEqualTo(1);
            assertThat(result.fieldsExpected()).isEqualTo(2);
            assertThat(result.misses()).contains("missing field Post.body");
        }

        @Test
        void relationsMatchInEitherDirectionThroughSynonyms() {
            assertThat(result.relations()).isEqualTo(new Score(1, 0, 0));
        }

        @Test
        void featuresMatchAsLabels() {
            assertThat(result.features()).isEqualTo(new Score(1, 1, 1));
            assertThat(result.misses()).contains("missing feature cache", "extra feature audit");
        }
    }

    @Test
    void fieldsKilnAddsToEveryEntityCountAsFound() {
        EvaluationCase named = new EvaluationCase(
                "t3",
                false,
                "blog",
                BLOG.entities(),
                Map.of("Post", List.of("title", "createdAt")),
                List.of(),
                List.of());
        CaseResult result =
                new IntentEvaluation(FAKE).evaluate(List.of(named)).cases().getFirst();
        assertThat(result.fieldsFound()).isEqualTo(2);
    }

    @Test
    void anUnclearPromptScoresAsAnEmptySpec() {
        EvaluationCase other = new EvaluationCase(
                "t2", true, "other", BLOG.entities(), BLOG.fields(), BLOG.relations(), BLOG.features());
        EvaluationReport report = new IntentEvaluation(FAKE).evaluate(List.of(BLOG, other));
        assertThat(report.heldout().prompts()).isEqualTo(1);
        assertThat(report.heldout().entities()).isEqualTo(new Score(0, 0, 2));
        assertThat(report.heldout().fieldRecall()).isZero();
        assertThat(report.all().prompts()).isEqualTo(2);
    }

    @Test
    void latencyComesFromTheGivenClock() {
        AtomicLong clock = new AtomicLong();
        IntentParser slow = prompt -> {
            clock.addAndGet(prompt.length() * 1_000_000L);
            return FAKE.parse("blog");
        };
        List<EvaluationCase> cases = List.of("a", "bb", "ccc", "dddd").stream()
                .map(p -> new EvaluationCase(p, false, p, List.of(), Map.of(), List.of(), List.of()))
                .toList();
        SplitFigures dev =
                new IntentEvaluation(slow, clock::get).evaluate(cases).dev();
        assertThat(dev.p50Nanos()).isEqualTo(2_000_000L);
        assertThat(dev.p90Nanos()).isEqualTo(4_000_000L);
    }

    @Test
    void scoresComputePrecisionRecallAndF1() {
        Score score = new Score(8, 2, 4);
        assertThat(score.precision()).isCloseTo(0.8, within(1e-9));
        assertThat(score.recall()).isCloseTo(8.0 / 12, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.8 * (8.0 / 12) / (0.8 + 8.0 / 12), within(1e-9));
        assertThat(Score.ZERO.f1()).isEqualTo(1.0);
        assertThat(new Score(0, 3, 3).f1()).isZero();
    }

    @Test
    void casesAreReadFromJsonLines() throws IOException {
        String jsonl =
                "{\"id\":\"x\",\"heldout\":true,\"prompt\":\"p\",\"entities\":[{\"name\":\"A\",\"synonyms\":[]}],"
                        + "\"fields\":{\"A\":[\"f\"]},\"relations\":[],\"features\":[\"cache\"]}\n\n";
        List<EvaluationCase> cases =
                EvaluationCases.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.heldout()).isTrue();
            assertThat(c.fields()).containsEntry("A", List.of("f"));
        });
    }

    @Test
    void theShippedSetIsLargeVariedAndHoldsSomeOut() {
        List<EvaluationCase> cases = EvaluationCases.standard();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().filter(EvaluationCase::heldout).count()).isBetween(25L, 40L);
        assertThat(cases).extracting(EvaluationCase::id).doesNotHaveDuplicates();
    }
}
