package dev.kiln.rag.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 and dense retrieval fused by reciprocal rank: each page scores {@code sum(w / (k + rank))} over
 * the two rankings, pages first reduced to one chunk each so a page is not counted twice.
 *
 * <p>The shown chunk of a page is the one from the ranking that placed the page higher. Fused scores
 * depend only on ranks; use the underlying retrievers' scores to judge how good the best hit is.
 */
public final class HybridRetriever implements Retriever {
    /** The rank constant of reciprocal-rank fusion from Cormack et al. (2009). */
    public static final int DEFAULT_RANK_CONSTANT = 60;

    private static final int DEPTH = 100;

    private final LexicalRetriever lexical;
    private final DenseRetriever dense;
    private final int rankConstant;

    /**
     * Creates a retriever with the standard rank constant.
     *
     * @param lexical the BM25 retriever
     * @param dense the dense retriever
     */
    public HybridRetriever(LexicalRetriever lexical, DenseRetriever dense) {
        this(lexical, dense, DEFAULT_RANK_CONSTANT);
    }

    /**
     * Creates a retriever.
     *
     * @param lexical the BM25 retriever
     * @param dense the dense retriever
     * @param rankConstant k in {@code 1 / (k + rank)}; larger values flatten the head of each ranking
     */
    public HybridRetriever(LexicalRetriever lexical, DenseRetriever dense, int rankConstant) {
        if (rankConstant < 0) {
            throw new IllegalArgumentException("the rank constant must not be negative, was " + rankConstant);
        }
        this.lexical = lexical;
        this.dense = dense;
        this.rankConstant = rankConstant;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        int depth = Math.max(DEPTH, ChunkSearch.candidateChunks(request.topK()));
        List<SearchHit> bm25 = ChunkSearch.onePerPage(lexical.chunks(request, depth), depth);
        List<SearchHit> vectors = ChunkSearch.onePerPage(dense.chunks(request, depth), depth);
        Map<String, Fused> pages = new HashMap<>();
        add(bm25, pages);
        add(vectors, pages);
        List<Fused> ranked = new ArrayList<>(pages.values());
        ranked.sort(Comparator.comparingDouble(Fused::score)
                .reversed()
                .thenComparing(f -> f.hit().source()));
        return ranked.stream()
                .limit(request.topK())
                .map(f -> withScore(f.hit(), f.score()))
                .toList();
    }

    private void add(List<SearchHit> ranking, Map<String, Fused> pages) {
        for (int rank = 0; rank < ranking.size(); rank++) {
            SearchHit hit = ranking.get(rank);
            double share = 1.0 / (rankConstant + rank + 1);
            int bestRank = rank;
            pages.merge(
                    hit.source(),
                    new Fused(hit, share, bestRank),
                    (a, b) -> new Fused(
                            a.bestRank() <= b.bestRank() ? a.hit() : b.hit(),
                            a.score() + b.score(),
                            Math.min(a.bestRank(), b.bestRank())));
        }
    }

    private static SearchHit withScore(SearchHit hit, double score) {
        return new SearchHit(hit.source(), hit.title(), hit.section(), hit.anchor(), hit.text(), score);
    }

    private record Fused(SearchHit hit, double score, int bestRank) {}
}
