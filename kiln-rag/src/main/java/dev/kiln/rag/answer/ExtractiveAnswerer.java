package dev.kiln.rag.answer;

import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.search.DenseRetriever;
import dev.kiln.rag.search.HybridRetriever;
import dev.kiln.rag.search.LexicalRetriever;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchRequest;
import dev.kiln.rag.store.StoreReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers a question with the sentences of the best readable chunks that are closest to it in meaning,
 * each cited, without a language model; abstains when the {@link AbstentionPolicy} finds the evidence
 * weak.
 *
 * <p>The candidate chunks come from hybrid retrieval as the asking principals, so an answer never
 * quotes a document they may not read.
 */
public final class ExtractiveAnswerer {
    private static final int PAGES = 3;
    private static final int SENTENCES = 2;
    private static final int MIN_SENTENCE_CHARS = 20;

    private static final int COVERAGE_PAGES = 10;
    private static final int CANDIDATE_PAGES = 10;
    private static final double COVERAGE_WEIGHT = 0.5;
    private static final double TOP_PAGE_BONUS = 0.1;

    private final EmbeddingModel model;
    private final LexicalRetriever lexical;
    private final DenseRetriever dense;
    private final HybridRetriever hybrid;
    private final TermCoverage coverage;
    private final UnseenWords unseen;
    private final AbstentionPolicy policy;

    /**
     * Creates an answerer.
     *
     * @param reader the store
     * @param model the model the store was built with
     * @param policy when to abstain
     */
    public ExtractiveAnswerer(StoreReader reader, EmbeddingModel model, AbstentionPolicy policy) {
        this.model = model;
        this.lexical = new LexicalRetriever(reader);
        this.dense = new DenseRetriever(reader, model);
        this.hybrid = new HybridRetriever(lexical, dense);
        this.coverage = new TermCoverage(reader);
        this.unseen = new UnseenWords(lexical, coverage);
        this.policy = policy;
    }

    /**
     * Answers a question as some principals.
     *
     * @param question the question
     * @param principals who is asking
     * @return the answer with citations, or an abstention
     */
    public Answer answer(String question, Set<String> principals) {
        List<SearchHit> pages = hybrid.search(SearchRequest.of(question, principals, PAGES));
        Evidence evidence = evidence(question, principals);
        if (pages.isEmpty() || policy.abstain(evidence)) {
            return new Answer(Answer.ABSTENTION, true, List.of(), evidence);
        }
        List<Citation> chosen = bestSentences(question, principals, pages);
        String text = String.join(" ", chosen.stream().map(Citation::text).toList());
        return new Answer(text, false, chosen, evidence);
    }

    /**
     * Measures the evidence for a question without composing an answer.
     *
     * @param question the question
     * @param principals who is asking
     * @return the evidence
     */
    public Evidence evidence(String question, Set<String> principals) {
        List<SearchHit> nearest = dense.search(SearchRequest.of(question, principals, 1));
        double cosine = nearest.isEmpty() ? 0 : nearest.getFirst().score();
        double best = 0;
        List<String> read = new ArrayList<>();
        nearest.forEach(hit -> read.add(hit.text()));
        for (SearchHit page : lexical.search(SearchRequest.of(question, principals, COVERAGE_PAGES))) {
            best = Math.max(best, coverage.of(question, context(page) + "\n" + page.text()));
            read.add(page.text());
        }
        return unseen.measure(question, principals, cosine, best, read)
                .withAsksForEstimate(EstimateQuestions.asksForEstimate(question));
    }

    /**
     * Ranks the sentences of the top pages by meaning (each sentence read under its page title and
     * section, so that "The default is 200." still says of what), by the question's rare words it
     * contains, and slightly in favour of the best page; keeps the best few in document order.
     */
    private List<Citation> bestSentences(String question, Set<String> principals, List<SearchHit> pages) {
        List<Citation> candidates = new ArrayList<>();
        List<String> contextual = new ArrayList<>();
        List<Double> bonus = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SearchHit chunk : candidateChunks(question, principals, pages)) {
            if (!seen.add(chunk.source() + "\u0000" + chunk.text())) {
                continue;
            }
            for (String sentence : sentences(chunk.text())) {
                candidates.add(new Citation(chunk.source(), chunk.section(), chunk.anchor(), sentence));
                contextual.add(context(chunk) + ": " + sentence);
                bonus.add(chunk.source().equals(pages.getFirst().source()) ? TOP_PAGE_BONUS : 0.0);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        float[] query = model.embed(question);
        List<float[]> vectors = model.embedAll(contextual);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = dot(query, vectors.get(i))
                    + COVERAGE_WEIGHT * coverage.of(question, contextual.get(i))
                    + bonus.get(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
        return order.stream().limit(SENTENCES).sorted().map(candidates::get).toList();
    }

    /**
     * Collects the chunks to quote from: for each of the top pages, the chunk fusion showed and the
     * best chunk by BM25 and by meaning, which may be other parts of the same page.
     */
    private List<SearchHit> candidateChunks(String question, Set<String> principals, List<SearchHit> pages) {
        Set<String> sources = new HashSet<>();
        pages.forEach(p -> sources.add(p.source()));
        List<SearchHit> chunks = new ArrayList<>(pages);
        SearchRequest wide = SearchRequest.of(question, principals, CANDIDATE_PAGES);
        for (SearchHit hit : lexical.search(wide)) {
            if (sources.contains(hit.source())) {
                chunks.add(hit);
            }
        }
        for (SearchHit hit : dense.search(wide)) {
            if (sources.contains(hit.source())) {
                chunks.add(hit);
            }
        }
        return chunks;
    }

    private static String context(SearchHit page) {
        return page.section().isEmpty() || page.section().equals(page.title())
                ? page.title()
                : page.title() + " — " + page.section();
    }

    private static List<String> sentences(String text) {
        return Sentences.of(text).stream()
                .filter(s -> s.length() >= MIN_SENTENCE_CHARS)
                .toList();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
