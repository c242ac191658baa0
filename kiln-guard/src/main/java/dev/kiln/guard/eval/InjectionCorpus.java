package dev.kiln.guard.eval;

import dev.kiln.guard.GuardException;
import dev.kiln.guard.eval.LabelledPrompt.Split;
import dev.kiln.guard.injection.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the labelled injection corpus from the public data in {@code shared/data/guard} (see its
 * SOURCES.md) plus Kiln's own hard negatives, and splits it.
 *
 * <p>The split is fixed by a SHA-256 of the folded text: 70% train, 10% validation, 20% test. Exceptions,
 * so the test figures are honest: Self-Instruct's user-oriented set (whose authors ask that it not be
 * trained on) is test only; BIPIA indirect attacks
 * use BIPIA's own train and test attack sets, which share no category, inserted into BIPIA's train and test
 * contexts. Texts that occur twice are kept once; texts that occur with both labels are dropped.
 */
public final class InjectionCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kiln's hard negatives: benign prompts that contain trigger words, one JSON string per line. */
    public static final String HARD_NEGATIVES = "dev/kiln/guard/eval/hard-negatives.txt";

    private final Path root;
    private final Map<String, LabelledPrompt> byFolded = new LinkedHashMap<>();
    private final Set<String> conflicting = new HashSet<>();

    private InjectionCorpus(Path root) {
        this.root = root;
    }

    /**
     * Loads the corpus.
     *
     * @param guardData the {@code shared/data/guard} folder
     * @return every labelled prompt, deduplicated, in a fixed order
     * @throws GuardException if a file is missing or malformed
     */
    public static List<LabelledPrompt> load(Path guardData) {
        if (!Files.isDirectory(guardData)) {
            throw new GuardException("no guard data folder at " + guardData);
        }
        InjectionCorpus corpus = new InjectionCorpus(guardData);
        try {
            corpus.attacks();
            corpus.benign();
            corpus.indirect();
        } catch (IOException | RuntimeException e) {
            if (e instanceof GuardException g) {
                throw g;
            }
            throw new GuardException("cannot read the guard data in " + guardData + ": " + e.getMessage(), e);
        }
        return corpus.byFolded.entrySet().stream()
                .filter(e -> !corpus.conflicting.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private void attacks() throws IOException {
        List<List<String>> rows = csv("jailbreak_llms/jailbreak_prompts_2023_12_25.csv");
        for (int i = 1; i < rows.size(); i++) {
            add("jailbreak_llms-" + i, rows.get(i).get(2), true, "jailbreak", "jailbreak_llms", null);
        }
        rows = csv("giskard-prompt-injections/prompt_injections.csv");
        for (int i = 1; i < rows.size(); i++) {
            String group = rows.get(i).get(3).toLowerCase(java.util.Locale.ROOT).startsWith("jailbreak")
                    ? "jailbreak"
                    : "hijacking";
            add("giskard-" + i, rows.get(i).get(1), true, group, "giskard", null);
        }
    }

    private void benign() throws IOException {
        jsonLines("benign/self-instruct/seed_tasks.jsonl", "self-instruct", n -> withInput(n));
        for (JsonNode n : lines("benign/self-instruct/user_oriented_instructions.jsonl")) {
            add(
                    "user-oriented-" + n.path("id").asString(),
                    withInput(n),
                    false,
                    "benign",
                    "self-instruct-user",
                    Split.TEST);
        }
        for (String bench : List.of("mt_bench", "vicuna_bench")) {
            for (JsonNode n : lines("benign/fastchat/" + bench + "/question.jsonl")) {
                int turn = 0;
                for (JsonNode t : n.path("turns")) {
                    add(
                            bench + "-" + n.path("question_id").asInt() + "-" + turn++,
                            t.asString(),
                            false,
                            "benign",
                            bench,
                            null);
                }
            }
        }
        jsonLines("benign/gsm8k/test.jsonl", "gsm8k", n -> n.path("question").asString());
        try (InputStream in =
                new GZIPInputStream(Files.newInputStream(root.resolve("benign/human-eval/HumanEval.jsonl.gz")))) {
            int i = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    add(
                            "humaneval-" + i++,
                            JSON.readTree(line).path("prompt").asString(),
                            false,
                            "benign",
                            "humaneval",
                            null);
                }
            }
        }
        List<List<String>> rows = csv("benign/awesome-chatgpt-prompts/prompts.csv");
        for (int i = 1; i < rows.size(); i++) {
            String act = rows.get(i).get(0);
            boolean attack = act.equals("Unconstrained AI model DAN") || act.equals("AI Trying to Escape the Box");
            add(
                    "awesome-" + i,
                    rows.get(i).get(1),
                    attack,
                    attack ? "jailbreak" : "benign",
                    "awesome-chatgpt-prompts",
                    null);
        }
        jsonLines(
                "benign/arena-hard/arena-hard-v0.1/question.jsonl",
                "arena-hard",
                n -> n.path("prompt").asString());
        jsonLines(
                "benign/arena-hard/arena-hard-v2.0/question.jsonl",
                "arena-hard",
                n -> n.path("prompt").asString());
        jsonLines(
                "benign/ifeval/input_data.jsonl",
                "ifeval",
                n -> n.path("prompt").asString());
        JsonNode clinc = JSON.readTree(Files.readString(root.resolve("benign/clinc150/data_full.json")));
        for (String split : List.of("train", "val", "test", "oos_train", "oos_val", "oos_test")) {
            int i = 0;
            for (JsonNode pair : clinc.path(split)) {
                add("clinc150-" + split + "-" + i++, pair.path(0).asString(), false, "benign", "clinc150", null);
            }
        }
        for (String file : List.of("train.csv", "test.csv")) {
            rows = csv("benign/banking77/" + file);
            for (int i = 1; i < rows.size(); i++) {
                add("banking77-" + file + "-" + i, rows.get(i).get(0), false, "benign", "banking77", null);
            }
        }
        for (String part : List.of("one", "two", "three")) {
            int i = 0;
            for (JsonNode n : JSON.readTree(Files.readString(root.resolve("notinject/NotInject_" + part + ".json")))) {
                add(
                        "notinject-" + part + "-" + i++,
                        n.path("prompt").asString(),
                        false,
                        "benign-trigger",
                        "notinject",
                        null);
            }
        }
        int i = 0;
        for (String text : hardNegatives()) {
            add("kiln-hard-negative-" + i++, text, false, "benign-trigger", "kiln-hard-negatives", null);
        }
    }

    private void indirect() throws IOException {
        for (String set : List.of("train", "test")) {
            Split split = set.equals("train") ? null : Split.TEST;
            List<String> textAttacks = attackStrings("bipia/benchmark/text_attack_" + set + ".json");
            List<String> codeAttacks = attackStrings("bipia/benchmark/code_attack_" + set + ".json");
            List<String> emails = contexts("bipia/benchmark/email/" + set + ".jsonl");
            List<String> code = contexts("bipia/benchmark/code/" + set + ".jsonl");
            List<String> tables = set.equals("test") ? contexts("bipia/benchmark/table/test.jsonl") : List.of();
            embed("bipia-email", emails, textAttacks, split);
            embed("bipia-code", code, codeAttacks, split);
            embed("bipia-table", tables, textAttacks, split);
        }
    }

    /** Every context once as benign, and each attack inserted into two contexts, at the start, middle or end. */
    private void embed(String source, List<String> contexts, List<String> attacks, @Nullable Split split) {
        for (int c = 0; c < contexts.size(); c++) {
            add(source + "-context-" + c, contexts.get(c), false, "benign-document", source, split);
        }
        if (contexts.isEmpty()) {
            return;
        }
        for (int a = 0; a < attacks.size(); a++) {
            for (int k = 0; k < 2; k++) {
                String context = contexts.get((a * 7 + k * 13) % contexts.size());
                String attack = attacks.get(a);
                String text = switch ((a + k) % 3) {
                    case 0 -> attack + "\n" + context;
                    case 1 -> {
                        int mid = context.indexOf('\n', context.length() / 2);
                        int at = mid < 0 ? context.length() / 2 : mid;
                        yield context.substring(0, at) + "\n" + attack + "\n" + context.substring(at);
                    }
                    default -> context + "\n" + attack;
                };
                add(source + "-attack-" + a + "-" + k, text, true, "indirect", source, split);
            }
        }
    }

    private List<String> attackStrings(String file) throws IOException {
        List<String> attacks = new ArrayList<>();
        for (JsonNode list : JSON.readTree(Files.readString(root.resolve(file)))) {
            list.forEach(s -> attacks.add(s.asString()));
        }
        return attacks;
    }

    private List<String> contexts(String file) throws IOException {
        List<String> contexts = new ArrayList<>();
        for (JsonNode n : lines(file)) {
            JsonNode context = n.path("context");
            if (context.isArray()) {
                List<String> parts = new ArrayList<>();
                context.forEach(line -> parts.add(line.asString()));
                contexts.add(String.join("\n", parts));
            } else {
                contexts.add(context.asString());
            }
        }
        return contexts;
    }

    private static String withInput(JsonNode n) {
        String input = n.path("instances").path(0).path("input").asString("");
        return input.isBlank()
                ? n.path("instruction").asString()
                : n.path("instruction").asString() + "\n" + input;
    }

    private void jsonLines(String file, String source, java.util.function.Function<JsonNode, String> text)
            throws IOException {
        int i = 0;
        for (JsonNode n : lines(file)) {
            add(source + "-" + i++, text.apply(n), false, "benign", source, null);
        }
    }

    private List<JsonNode> lines(String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readString(root.resolve(file)).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private List<List<String>> csv(String file) throws IOException {
        return Csv.parse(Files.readString(root.resolve(file)));
    }

    private void add(
            String id, String text, boolean injection, String category, String source, @Nullable Split forced) {
        if (text.isBlank()) {
            return;
        }
        String folded = TextNormalizer.fold(text);
        LabelledPrompt existing = byFolded.get(folded);
        if (existing != null) {
            if (existing.injection() != injection) {
                conflicting.add(folded);
            }
            return;
        }
        Split split = forced != null ? forced : splitOf(folded);
        if (forced == null && category.equals("indirect")) {
            split = splitOf(folded) == Split.VALIDATION ? Split.VALIDATION : Split.TRAIN;
        }
        byFolded.put(folded, new LabelledPrompt(id, text, injection, category, source, split));
    }

    /** The split of a folded text: SHA-256, first two bytes modulo 100; below 70 train, below 80 validation. */
    static Split splitOf(String folded) {
        int bucket = sha256Prefix(folded, 2) % 100;
        return bucket < 70 ? Split.TRAIN : bucket < 80 ? Split.VALIDATION : Split.TEST;
    }

    /**
     * The first {@code bytes} bytes (at most 4) of the SHA-256 of a text's UTF-8, as a non-negative number: the
     * stable hash the splits of this package are cut from.
     */
    static int sha256Prefix(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            int v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v & Integer.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * Kiln's hard negatives.
     *
     * @return the texts
     */
    public static List<String> hardNegatives() {
        try (InputStream in = InjectionCorpus.class.getClassLoader().getResourceAsStream(HARD_NEGATIVES)) {
            if (in == null) {
                throw new GuardException("missing resource " + HARD_NEGATIVES);
            }
            List<String> texts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.add(line.strip());
                }
            }
            return texts;
        } catch (IOException e) {
            throw new GuardException("cannot read " + HARD_NEGATIVES, e);
        }
    }

    /**
     * Counts prompts per source and label, for reports.
     *
     * @param prompts the prompts
     * @return counts keyed by {@code source/label}
     */
    public static Map<String, Integer> counts(List<LabelledPrompt> prompts) {
        Map<String, Integer> counts = new HashMap<>();
        prompts.forEach(p -> counts.merge(p.source() + "/" + (p.injection() ? 1 : 0), 1, Integer::sum));
        return counts;
    }
}
