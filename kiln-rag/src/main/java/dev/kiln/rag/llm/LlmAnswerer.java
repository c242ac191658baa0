package dev.kiln.rag.llm;

import dev.kiln.llm.LlmSettings;
import dev.kiln.llm.ModelFailures;
import dev.kiln.llm.OpenAiChatModels;
import dev.kiln.rag.answer.AbstentionPolicy;
import dev.kiln.rag.answer.Answer;
import dev.kiln.rag.answer.Citation;
import dev.kiln.rag.answer.Evidence;
import dev.kiln.rag.answer.ExtractiveAnswerer;
import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.search.Retriever;
import dev.kiln.rag.search.Retrievers;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchMode;
import dev.kiln.rag.search.SearchRequest;
import dev.kiln.rag.store.StoreReader;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers with sentences written by a chat model and checked one by one against the chunks they cite.
 *
 * <ol>
 *   <li>Measures the evidence as {@link ExtractiveAnswerer} does and abstains, <b>without calling the model</b>,
 *       when the {@link AbstentionPolicy} finds it weak.
 *   <li>Retrieves the best {@value #PAGES} pages (hybrid, as the asking principals only) and, for each, the chunk
 *       hybrid chose and the best chunks of that page by BM25 and by meaning (another section may hold the
 *       answer); sends at most {@value #CHUNKS} chunks numbered {@code [1]} to {@code [n]} with the question,
 *       asking for a citation marker after every sentence and the reply {@value AnswerPrompt#NOT_IN_DOCUMENTS}
 *       when they do not answer it.
 *   <li>Checks every sentence of the reply: it must cite at least one chunk, only chunks that were given, and be
 *       supported by the text of the chunks it cites ({@link SupportCheck}). Other sentences are dropped and
 *       reported.
 *   <li>Answers with the kept sentences when at least one is kept and at least half of the sentences are; falls
 *       back to the extractive answer otherwise, saying why. A reply of {@value AnswerPrompt#NOT_IN_DOCUMENTS}
 *       is an abstention.
 * </ol>
 *
 * <p>A model server that cannot be used (unreachable, too slow, refusing the key or the model, answering
 * something that is not a chat completion) raises {@link LlmException} with what to fix; Kiln does not silently
 * answer extractively then, since the user asked for the model.
 */
public final class LlmAnswerer {
    /** How many chunks the model sees at most. */
    static final int CHUNKS = 6;

    /** How many pages those chunks come from. */
    static final int PAGES = 3;

    /** How many sentences of a chunk are quoted at most for one sentence of the answer. */
    private static final int MAX_QUOTED_PER_SENTENCE = 3;

    /** How many pages each ranking looks at to find other chunks of those pages. */
    private static final int WIDE = 10;

    /** The largest reply read, in bytes; an answer of a few sentences is far smaller. */
    private static final int MAX_REPLY_BYTES = 1 << 20;

    /** What the user can do instead of fixing the model server. */
    private static final String OR_OFFLINE = "; or unset " + LlmSettings.BASE_URL_VARIABLE + " for extractive answers";

    private final ExtractiveAnswerer extractive;
    private final AbstentionPolicy policy;
    private final Retriever hybrid;
    private final Retriever lexical;
    private final Retriever dense;
    private final ChatModel chat;
    private final String where;
    private final SupportCheck support = new SupportCheck();

    /**
     * Creates an answerer over any LangChain4j chat model.
     *
     * @param reader the store
     * @param model the embedding model the store was built with
     * @param policy when to abstain
     * @param chat the chat model
     * @param where names the model and its server in error messages
     */
    public LlmAnswerer(
            StoreReader reader, EmbeddingModel model, AbstentionPolicy policy, ChatModel chat, String where) {
        this.extractive = new ExtractiveAnswerer(reader, model, policy);
        this.policy = policy;
        this.hybrid = Retrievers.of(SearchMode.HYBRID, reader, () -> model);
        this.lexical = Retrievers.of(SearchMode.BM25, reader, () -> model);
        this.dense = Retrievers.of(SearchMode.DENSE, reader, () -> model);
        this.chat = chat;
        this.where = where;
    }

    /**
     * Creates an answerer over an OpenAI-compatible server: temperature 0, no retries, one deadline for the
     * whole call.
     *
     * @param reader the store
     * @param model the embedding model the store was built with
     * @param policy when to abstain
     * @param settings the server, model, key and timeout
     * @return the answerer
     */
    public static LlmAnswerer openAi(
            StoreReader reader, EmbeddingModel model, AbstentionPolicy policy, LlmSettings settings) {
        ChatModel chat = OpenAiChatModels.builder(settings, MAX_REPLY_BYTES).build();
        return new LlmAnswerer(reader, model, policy, chat, "model " + settings.model() + " at " + settings.baseUrl());
    }

    /**
     * Answers a question as some principals.
     *
     * @param question the question
     * @param principals who is asking
     * @return the answer, its mode, citations and dropped sentences
     * @throws LlmException when the model server cannot be used
     */
    public LlmAnswer answer(String question, Set<String> principals) {
        Evidence evidence = extractive.evidence(question, principals);
        List<SearchHit> chunks = chunks(question, principals);
        if (chunks.isEmpty() || policy.abstain(evidence)) {
            return LlmAnswer.extractive(
                    new Answer(Answer.ABSTENTION, true, List.of(), evidence),
                    List.of(),
                    "the evidence is too weak to answer; the model was not asked");
        }
        String reply = ask(question, chunks);
        if (AnswerPrompt.declines(reply)) {
            return new LlmAnswer(
                    Answer.ABSTENTION,
                    true,
                    LlmAnswer.Mode.LLM,
                    List.of(),
                    List.of(),
                    "the model found no answer in the chunks",
                    evidence);
        }
        List<AnswerPrompt.Claim> claims = AnswerPrompt.claims(reply);
        List<AnswerPrompt.Claim> kept = new ArrayList<>();
        List<LlmAnswer.Dropped> dropped = new ArrayList<>();
        for (AnswerPrompt.Claim claim : claims) {
            String reason = rejection(claim, chunks);
            if (reason.isEmpty()) {
                kept.add(claim);
            } else {
                dropped.add(new LlmAnswer.Dropped(claim.written(), reason));
            }
        }
        if (kept.isEmpty() || kept.size() * 2 < claims.size()) {
            String note = claims.isEmpty()
                    ? "the model's reply had no sentences; the extractive answer is shown"
                    : kept.size() + " of " + claims.size()
                            + " sentences of the model's answer were supported; the extractive answer is shown";
            return LlmAnswer.extractive(extractive.answer(question, principals), dropped, note);
        }
        String text = String.join(
                " ", kept.stream().map(AnswerPrompt.Claim::normalized).toList());
        return new LlmAnswer(text, false, LlmAnswer.Mode.LLM, citations(kept, chunks), dropped, "", evidence);
    }

    /** The chunks the model sees: those of the top pages, page by page, without repeats. */
    private List<SearchHit> chunks(String question, Set<String> principals) {
        List<SearchHit> pages = hybrid.search(SearchRequest.of(question, principals, PAGES));
        List<SearchHit> candidates = new ArrayList<>(pages);
        SearchRequest wide = SearchRequest.of(question, principals, WIDE);
        candidates.addAll(lexical.search(wide));
        candidates.addAll(dense.search(wide));
        List<SearchHit> chunks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SearchHit page : pages) {
            for (SearchHit chunk : candidates) {
                if (chunks.size() < CHUNKS
                        && chunk.source().equals(page.source())
                        && seen.add(chunk.source() + "\u0000" + chunk.text())) {
                    chunks.add(chunk);
                }
            }
        }
        return chunks;
    }

    private String ask(String question, List<SearchHit> chunks) {
        ChatRequest request = ChatRequest.builder()
                .messages(
                        SystemMessage.from(AnswerPrompt.SYSTEM), UserMessage.from(AnswerPrompt.user(question, chunks)))
                .build();
        try {
            AiMessage reply = chat.chat(request).aiMessage();
            String text = reply == null ? null : reply.text();
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            throw new LlmException(ModelFailures.describe(e, where) + OR_OFFLINE, e);
        }
    }

    /** Why a claim is dropped, or an empty string when it is kept. */
    private String rejection(AnswerPrompt.Claim claim, List<SearchHit> chunks) {
        if (claim.cited().isEmpty()) {
            return "it cites no chunk";
        }
        for (int n : claim.cited()) {
            if (n < 1 || n > chunks.size()) {
                return "it cites [" + n + "], but only chunks 1 to " + chunks.size() + " were given";
            }
        }
        SupportCheck.Verdict verdict = support.check(claim.text(), citedText(claim, chunks));
        return verdict.reason();
    }

    private static String citedText(AnswerPrompt.Claim claim, List<SearchHit> chunks) {
        StringBuilder text = new StringBuilder();
        for (int n : claim.cited()) {
            SearchHit chunk = chunks.get(n - 1);
            text.append(chunk.title()).append('\n').append(chunk.section()).append('\n');
            text.append(chunk.text()).append("\n\n");
        }
        return text.toString();
    }

    /**
     * One citation per cited chunk, in order of first citation, quoting for each kept sentence citing it the
     * fewest sentences of the chunk that hold most of its content words (in the chunk's order).
     */
    private List<LlmAnswer.Numbered> citations(List<AnswerPrompt.Claim> kept, List<SearchHit> chunks) {
        Map<Integer, List<String>> claimsByChunk = new LinkedHashMap<>();
        for (AnswerPrompt.Claim claim : kept) {
            for (int n : claim.cited()) {
                claimsByChunk.computeIfAbsent(n, k -> new ArrayList<>()).add(claim.text());
            }
        }
        List<LlmAnswer.Numbered> citations = new ArrayList<>();
        claimsByChunk.forEach((n, claims) -> {
            SearchHit chunk = chunks.get(n - 1);
            List<String> sentences = AnswerPrompt.sentences(chunk.text());
            Set<Integer> quoted = new TreeSet<>();
            List<Set<String>> sentenceStems =
                    sentences.stream().map(support::stems).toList();
            for (String claim : claims) {
                // Greedily the fewest sentences of the chunk that together hold the most of the claim's words.
                Set<String> missing = new HashSet<>(support.stems(claim));
                for (int round = 0; round < MAX_QUOTED_PER_SENTENCE && !missing.isEmpty(); round++) {
                    int best = -1;
                    long bestGain = 0;
                    for (int i = 0; i < sentences.size(); i++) {
                        long gain = sentenceStems.get(i).stream()
                                .filter(missing::contains)
                                .count();
                        if (gain > bestGain) {
                            best = i;
                            bestGain = gain;
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    quoted.add(best);
                    missing.removeAll(sentenceStems.get(best));
                }
            }
            String quote = quoted.isEmpty()
                    ? chunk.text().strip()
                    : String.join(" ", quoted.stream().map(sentences::get).toList());
            citations.add(
                    new LlmAnswer.Numbered(n, new Citation(chunk.source(), chunk.section(), chunk.anchor(), quote)));
        });
        return citations;
    }
}
