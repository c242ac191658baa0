package dev.kiln.rag.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.HashingEmbeddingModel;
import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import dev.kiln.rag.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A randomized proof that search never leaks: 300 documents with random access lists, thousands of
 * random queries in every mode as random principals, and every hit checked against the ground truth.
 * Also checks that the filter is inside the search: top-k is filled from readable documents whenever
 * enough of them match, which trimming a shared top-k afterwards could not do.
 */
class AccessControlTests {
    private static final List<String> PRINCIPALS =
            List.of("alice", "bob", "carol", "dave", "hr", "eng", "ops", "sales");
    private static final List<String> WORDS = List.of(
            "broker",
            "journal",
            "queue",
            "backup",
            "restore",
            "salary",
            "budget",
            "roadmap",
            "incident",
            "pager",
            "invoice",
            "contract",
            "latency",
            "replica",
            "snapshot",
            "quorum",
            "cluster",
            "rollback",
            "audit",
            "keyring");
    private static final List<SearchMode> MODES = List.of(SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID);
    private static final int DOCUMENTS = 300;
    private static final int QUERIES = 3000;

    @TempDir
    Path tmp;

    @Test
    void noQueryInAnyModeReturnsADocumentItsPrincipalMayNotRead() throws IOException {
        Random random = new Random(20261127L);
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Map<String, Set<String>> readers = new HashMap<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Path file = docs.resolve("doc-" + i + ".md");
            Files.writeString(file, "# Document " + i + "\n\n" + words(random, 12));
            Set<String> acl = randomAcl(random);
            readers.put(file.toString(), acl);
            if (!acl.isEmpty()) {
                Files.writeString(file.resolveSibling(file.getFileName() + ".acl"), String.join("\n", acl));
            }
        }
        HashingEmbeddingModel model = new HashingEmbeddingModel();
        IngestReport report = KnowledgeBase.ingest(
                tmp.resolve("store"), List.of(docs), IngestOptions.DEFAULTS, model, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(DOCUMENTS);

        int hitsChecked = 0;
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve("store"), model)) {
            for (int q = 0; q < QUERIES; q++) {
                Set<String> principals = randomPrincipals(random);
                SearchMode mode = MODES.get(random.nextInt(MODES.size()));
                int topK = 1 + random.nextInt(20);
                List<SearchHit> hits = kb.search(mode, SearchRequest.of(words(random, 2), principals, topK));
                for (SearchHit hit : hits) {
                    assertThat(readers).containsKey(hit.source());
                    assertThat(mayRead(readers.getOrDefault(hit.source(), Set.of("nobody")), principals))
                            .as("query %d (%s as %s) returned %s", q, mode, principals, hit.source())
                            .isTrue();
                }
                hitsChecked += hits.size();
                if (mode == SearchMode.DENSE) {
                    long readable = readers.values().stream()
                            .filter(acl -> mayRead(acl, principals))
                            .count();
                    assertThat(hits).hasSize((int) Math.min(topK, readable));
                }
            }
        }
        assertThat(hitsChecked).isGreaterThan(QUERIES * 3);
    }

    private static boolean mayRead(Set<String> acl, Set<String> principals) {
        return acl.isEmpty() || acl.stream().anyMatch(principals::contains);
    }

    /** An empty set stands for "everyone" (no sidecar): about one document in ten. */
    private static Set<String> randomAcl(Random random) {
        if (random.nextInt(10) == 0) {
            return Set.of();
        }
        Set<String> acl = new TreeSet<>();
        int n = 1 + random.nextInt(2);
        while (acl.size() < n) {
            acl.add(PRINCIPALS.get(random.nextInt(PRINCIPALS.size())));
        }
        return acl;
    }

    private static Set<String> randomPrincipals(Random random) {
        Set<String> principals = new HashSet<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            principals.add(PRINCIPALS.get(random.nextInt(PRINCIPALS.size())));
        }
        if (random.nextInt(20) == 0) {
            principals.add("mallory");
        }
        return principals;
    }

    private static String words(Random random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join(" ", words);
    }
}
