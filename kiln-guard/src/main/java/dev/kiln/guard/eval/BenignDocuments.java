package dev.kiln.guard.eval;

import dev.kiln.guard.GuardException;
import dev.kiln.guard.eval.LabelledPrompt.Split;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Benign documents for the indirect-injection scanner, cut to the size of the documents it scans (a few
 * hundred to about 1,600 characters): the kind of text a retrieval step or a tool hands to a model and that
 * must not be flagged. Built from material on the machine, none of it BIPIA's:
 *
 * <ul>
 *   <li>{@code postgres-doc}: PostgreSQL's HTML manual ({@code apt-get install postgresql-doc-15}, optional),
 *       its paragraphs, listings and tables (as {@code | a | b |} rows); instructional text full of
 *       imperatives, the hardest negatives;
 *   <li>{@code system-doc}: READMEs, NEWS, change logs and copyright files under {@code /usr/share/doc}
 *       (optional);
 *   <li>{@code loghub}: runs of log lines and tables of parsed log events from {@code shared/data/loghub-2k}
 *       (tool output);
 *   <li>{@code gsm8k}: a word problem with its worked answer; {@code humaneval}: a function with its
 *       canonical solution; {@code banking77}: customer e-mails made of the queries of one banking intent;
 *   <li>{@code code-answer}: answers in the style of a Q&amp;A site, a real code listing (from PostgreSQL's
 *       manual, Python's standard library, example programs under {@code /usr/share/doc}, HumanEval's
 *       solutions) introduced by a sentence such as "You can fix it with the following code:" (from {@value
 *       #CODE_ANSWERS}), the benign twin of a code injection; keyed by where the code came from.
 * </ul>
 *
 * <p>Each document has a key naming where it came from (a manual page, a package, a log system, a banking
 * intent); the SHA-256 of the key puts it in a split, so one page, package or system never feeds two splits:
 * {@value #TRAIN_PERCENT}% train, then validation (sets the threshold) up to {@value #VALIDATION_PERCENT}%,
 * the rest test (reported). Deterministic: the same files give the same documents in the same order.
 *
 * @see #load(Sources)
 */
public final class BenignDocuments {
    /** Where Debian's {@code postgresql-doc-15} package puts the HTML manual. */
    public static final Path POSTGRES_DOCS = Path.of("/usr/share/doc/postgresql-doc-15/html");

    /** Where Debian puts packages' READMEs, change logs and copyright files. */
    public static final Path SYSTEM_DOCS = Path.of("/usr/share/doc");

    /** The sentences that introduce and follow the code of a {@code code-answer} document. */
    public static final String CODE_ANSWERS = "dev/kiln/guard/eval/code-answers.txt";

    /** Keys whose hash bucket (0-99) is below this are train. */
    public static final int TRAIN_PERCENT = 60;

    /** Keys whose hash bucket is below this (and not train) are validation; the rest are test. */
    public static final int VALIDATION_PERCENT = 80;

    /** The shortest document, in characters. */
    public static final int MIN_CHARS = 300;

    /** The longest document, in characters. */
    public static final int MAX_CHARS = 1_600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FILE_CHARS = 24_000;
    private static final int PER_PAGE = 3;
    private static final int PER_PACKAGE = 2;
    private static final List<String> NAMES =
            List.of("Alex Moreau", "Priya Raman", "Tom Becker", "Ana Souza", "Kenji Ito", "Maria Rossi", "Sam O'Neill");

    /**
     * One benign document.
     *
     * @param source the source, such as {@code postgres-doc}
     * @param key where it came from; its hash decides the split
     * @param text the document
     */
    public record Document(String source, String key, String text) {
        /**
         * The split of this document, from its key.
         *
         * @return train, validation or test
         */
        public Split split() {
            return splitOf(key);
        }
    }

    /**
     * Where to read the material.
     *
     * @param guardData the {@code shared/data/guard} folder (gsm8k, HumanEval, banking77)
     * @param logs the {@code shared/data/loghub-2k} folder, read when it exists
     * @param postgresDocs PostgreSQL's HTML manual, read when it exists
     * @param systemDocs {@code /usr/share/doc}, read when it exists
     * @param pythonLib Python's standard library (such as {@code /usr/lib/python3.11}), read when it exists
     * @param perSource the most documents taken from each source (spread over its keys by hash)
     */
    public record Sources(
            Path guardData, Path logs, Path postgresDocs, Path systemDocs, Path pythonLib, int perSource) {
        /**
         * The default places next to a guard data folder.
         *
         * @param guardData the {@code shared/data/guard} folder
         * @return the sources
         */
        public static Sources defaults(Path guardData) {
            Path parent = guardData.toAbsolutePath().getParent();
            Path logs = parent == null ? guardData.resolve("loghub-2k") : parent.resolve("loghub-2k");
            return new Sources(guardData, logs, POSTGRES_DOCS, SYSTEM_DOCS, newestPython(Path.of("/usr/lib")), 1_000);
        }
    }

    /**
     * The newest {@code python3.N} folder in a folder, or {@code python3} in it when there is none.
     *
     * @param lib a folder such as {@code /usr/lib}
     * @return the folder of Python's standard library
     */
    static Path newestPython(Path lib) {
        Path best = lib.resolve("python3");
        int version = -1;
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString();
                    if (name.matches("python3\\.[0-9]{1,3}") && Files.isDirectory(p)) {
                        int minor = Integer.parseInt(name.substring("python3.".length()));
                        if (minor > version) {
                            version = minor;
                            best = p;
                        }
                    }
                }
            } catch (IOException e) {
                return best;
            }
        }
        return best;
    }

    private BenignDocuments() {}

    /**
     * Reads every source that is present, in a fixed order; duplicate texts are kept once.
     *
     * @param sources where to read
     * @return the documents
     * @throws GuardException if a file that should be there cannot be read
     */
    public static List<Document> load(Sources sources) {
        List<Document> all = new ArrayList<>();
        try {
            if (Files.isDirectory(sources.postgresDocs())) {
                all.addAll(capped(postgres(sources.postgresDocs()), sources.perSource()));
            }
            if (Files.isDirectory(sources.systemDocs())) {
                all.addAll(capped(systemDocs(sources.systemDocs()), sources.perSource()));
            }
            if (Files.isDirectory(sources.logs())) {
                all.addAll(capped(logs(sources.logs()), sources.perSource()));
            }
            all.addAll(capped(gsm8k(sources.guardData()), sources.perSource()));
            all.addAll(capped(humanEval(sources.guardData()), sources.perSource()));
            all.addAll(capped(banking(sources.guardData()), sources.perSource()));
            all.addAll(capped(codeAnswers(sources), sources.perSource()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof GuardException g) {
                throw g;
            }
            throw new GuardException("cannot read benign documents: " + e.getMessage(), e);
        }
        Set<String> seen = new HashSet<>();
        return all.stream().filter(d -> seen.add(d.text())).toList();
    }

    /**
     * The split of a key: SHA-256, first two bytes modulo 100, against {@value #TRAIN_PERCENT} and {@value
     * #VALIDATION_PERCENT}.
     *
     * @param key the key
     * @return the split
     */
    public static Split splitOf(String key) {
        int bucket = bucket(key);
        return bucket < TRAIN_PERCENT ? Split.TRAIN : bucket < VALIDATION_PERCENT ? Split.VALIDATION : Split.TEST;
    }

    /**
     * Joins blocks (paragraphs, listings, table rows) into documents of {@value #MIN_CHARS} to about {@value
     * #MAX_CHARS} characters, in order, one newline between blocks. A block longer than the maximum is cut at
     * line ends, or hard when a line is longer. The target length of each document varies with {@code key},
     * so documents are not all the same size; a short remainder is dropped.
     *
     * @param key seeds the target lengths
     * @param blocks the blocks, in reading order
     * @return the documents' texts
     */
    public static List<String> chunk(String key, List<String> blocks) {
        List<String> pieces = new ArrayList<>();
        for (String block : blocks) {
            String b = block.strip();
            if (b.isEmpty()) {
                continue;
            }
            if (b.length() <= MAX_CHARS) {
                pieces.add(b);
                continue;
            }
            StringBuilder part = new StringBuilder();
            for (String line : b.split("\n")) {
                for (int from = 0; from < line.length() || from == 0; from += MAX_CHARS) {
                    String cut = line.substring(from, Math.min(line.length(), from + MAX_CHARS));
                    if (part.length() + cut.length() + 1 > MAX_CHARS && part.length() > 0) {
                        pieces.add(part.toString().strip());
                        part.setLength(0);
                    }
                    part.append(cut).append('\n');
                    if (line.isEmpty()) {
                        break;
                    }
                }
            }
            if (!part.toString().isBlank()) {
                pieces.add(part.toString().strip());
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder doc = new StringBuilder();
        int target = target(key, 0);
        for (String p : pieces) {
            if (doc.length() > 0 && doc.length() + 1 + p.length() > MAX_CHARS) {
                if (doc.length() >= MIN_CHARS) {
                    out.add(doc.toString());
                }
                doc.setLength(0);
                target = target(key, out.size() + 1);
            }
            if (doc.length() > 0) {
                doc.append('\n');
            }
            doc.append(p);
            if (doc.length() >= target) {
                out.add(doc.toString());
                doc.setLength(0);
                target = target(key, out.size() + 1);
            }
        }
        if (doc.length() >= MIN_CHARS) {
            out.add(doc.toString());
        }
        return out;
    }

    /** A target length between MIN_CHARS and MAX_CHARS, fixed by the key and the document's index. */
    private static int target(String key, int index) {
        return MIN_CHARS + bucket(key + "#" + index) * (MAX_CHARS - MIN_CHARS) / 100;
    }

    /**
     * The text blocks of an HTML page: headings, paragraphs, listings (line breaks kept), list items and
     * definition terms, and tables as one {@code | cell | cell |} row per line; navigation bars are dropped.
     *
     * @param html the page
     * @return the blocks, in reading order
     */
    public static List<String> htmlBlocks(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select(".navheader, .navfooter, script, style").remove();
        List<String> blocks = new ArrayList<>();
        for (Element e : page.body().getAllElements()) {
            String tag = e.normalName();
            boolean table = tag.equals("table");
            boolean text = Set.of("h1", "h2", "h3", "h4", "p", "pre", "dt").contains(tag)
                    || (tag.equals("li") && e.select("p").isEmpty());
            if (!(table || text) || insideBlock(e)) {
                continue;
            }
            if (table) {
                StringBuilder rows = new StringBuilder();
                for (Element tr : e.select("tr")) {
                    StringBuilder row = new StringBuilder("|");
                    tr.select("th, td")
                            .forEach(c -> row.append(' ').append(c.text()).append(" |"));
                    if (row.length() > 1) {
                        rows.append(row).append('\n');
                    }
                }
                blocks.add(rows.toString());
            } else if (tag.equals("pre")) {
                blocks.add(e.wholeText());
            } else {
                blocks.add(e.text());
            }
        }
        return blocks;
    }

    /** Whether an element sits inside a table or listing, which is emitted whole. */
    private static boolean insideBlock(Element e) {
        for (Element parent = e.parent(); parent != null; parent = parent.parent()) {
            String tag = parent.normalName();
            if (tag.equals("table") || tag.equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static List<Document> postgres(Path folder) throws IOException {
        List<Document> out = new ArrayList<>();
        for (Path page : sorted(folder, p -> p.toString().endsWith(".html"))) {
            String key = "postgres-doc:" + page.getFileName();
            List<String> docs = chunk(key, htmlBlocks(Files.readString(page, StandardCharsets.UTF_8)));
            for (int i = 0; i < Math.min(PER_PAGE, docs.size()); i++) {
                out.add(new Document("postgres-doc", key, docs.get(i)));
            }
        }
        return out;
    }

    private static List<Document> systemDocs(Path folder) throws IOException {
        List<Document> out = new ArrayList<>();
        for (Path pkg : sorted(folder, Files::isDirectory)) {
            String key = "system-doc:" + pkg.getFileName();
            int taken = 0;
            for (Path file : sorted(pkg, BenignDocuments::isSystemDoc)) {
                List<String> docs = chunk(key + "/" + file.getFileName(), paragraphs(readText(file)));
                for (int i = 0; i < docs.size() && taken < PER_PACKAGE; i++, taken++) {
                    out.add(new Document("system-doc", key, docs.get(i)));
                }
            }
        }
        return out;
    }

    private static boolean isSystemDoc(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        boolean named = base.equals("copyright")
                || base.equals("changelog.debian")
                || ((base.startsWith("readme") || base.startsWith("news") || base.startsWith("changelog"))
                        && (base.endsWith(".md") || base.endsWith(".txt") || !base.contains(".")));
        return named && Files.isRegularFile(file) && !Files.isSymbolicLink(file);
    }

    private static String readText(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readNBytes(MAX_FILE_CHARS);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Splits plain text at blank lines. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.replace("\r\n", "\n").split("\n(?:[ \t]*\n)+")) {
            if (!p.isBlank()) {
                out.add(p.stripTrailing());
            }
        }
        return out;
    }

    private static List<Document> logs(Path folder) throws IOException {
        List<Document> out = new ArrayList<>();
        for (Path system : sorted(folder, Files::isDirectory)) {
            String name = system.getFileName().toString();
            String key = "loghub:" + name;
            Path log = system.resolve(name + "_2k.log");
            if (Files.isRegularFile(log)) {
                out.addAll(chunk(
                                key,
                                List.of(Files.readString(log, StandardCharsets.UTF_8)
                                        .split("\n")))
                        .stream()
                        .map(t -> new Document("loghub", key, t))
                        .toList());
            }
            Path structured = system.resolve(name + "_2k.log_structured.csv");
            if (Files.isRegularFile(structured)) {
                List<String> rows = new ArrayList<>();
                for (List<String> row : Csv.parse(Files.readString(structured, StandardCharsets.UTF_8))) {
                    rows.add("| " + String.join(" | ", row.subList(0, Math.max(0, row.size() - 2))) + " |");
                }
                List<String> tables = chunk(key + "/table", rows.subList(Math.min(1, rows.size()), rows.size()));
                String header = rows.isEmpty() ? "" : rows.get(0) + "\n";
                tables.forEach(t -> out.add(new Document("loghub", key, header + t)));
            }
        }
        return out;
    }

    private static List<Document> gsm8k(Path guardData) throws IOException {
        List<Document> out = new ArrayList<>();
        int i = 0;
        for (String line :
                Files.readString(guardData.resolve("benign/gsm8k/test.jsonl")).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String answer =
                    n.path("answer").asString().replaceAll("<<[^>]*>>", "").replace("#### ", "Answer: ");
            String key = "gsm8k:" + i++;
            out.add(new Document(
                    "gsm8k", key, "Problem: " + n.path("question").asString() + "\n\nSolution:\n" + answer));
        }
        return out;
    }

    private static List<Document> humanEval(Path guardData) throws IOException {
        List<Document> out = new ArrayList<>();
        try (InputStream in =
                new GZIPInputStream(Files.newInputStream(guardData.resolve("benign/human-eval/HumanEval.jsonl.gz")))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = JSON.readTree(line);
                    String text = n.path("prompt").asString()
                            + n.path("canonical_solution").asString();
                    out.add(new Document(
                            "humaneval", "humaneval:" + n.path("task_id").asString(), text.strip()));
                }
            }
        }
        return out;
    }

    /** Customer e-mails to a bank: a header, a greeting, three to six queries of one intent, a sign-off. */
    private static List<Document> banking(Path guardData) throws IOException {
        Map<String, List<String>> byIntent = new LinkedHashMap<>();
        List<List<String>> rows = Csv.parse(Files.readString(guardData.resolve("benign/banking77/train.csv")));
        for (List<String> row : rows.subList(1, rows.size())) {
            byIntent.computeIfAbsent(row.get(1), k -> new ArrayList<>())
                    .add(row.get(0).strip());
        }
        List<Document> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> intent : byIntent.entrySet()) {
            String key = "banking77:" + intent.getKey();
            List<String> queries = intent.getValue();
            int at = 0;
            for (int mail = 0; at < queries.size(); mail++) {
                int take = 3 + bucket(key + "#" + mail) % 4;
                List<String> body = queries.subList(at, Math.min(queries.size(), at + take));
                at += take;
                String name = NAMES.get(bucket(key + "@" + mail) % NAMES.size());
                String address = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.com";
                String text = "SUBJECT: " + intent.getKey().replace('_', ' ') + "|EMAIL_FROM: " + name + " <" + address
                        + ">|CONTENT:\n\nHello,\n\n" + String.join(" ", body) + "\n\nThanks,\n" + name;
                out.add(new Document("banking77", key, text));
            }
        }
        return out;
    }

    /** A code listing and the key of where it came from. */
    private record Listing(String key, String code) {}

    /** The sentences of {@value #CODE_ANSWERS} by section and split. */
    record AnswerPhrases(List<String> intros, List<String> leadIns, List<String> afters) {
        /**
         * Reads the shipped sentences.
         *
         * @return the sentences, in file order
         */
        static AnswerPhrases shipped() {
            try (InputStream in = BenignDocuments.class.getClassLoader().getResourceAsStream(CODE_ANSWERS)) {
                if (in == null) {
                    throw new GuardException("missing resource " + CODE_ANSWERS);
                }
                Map<String, List<String>> sections = new LinkedHashMap<>();
                String section = "";
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("## ")) {
                        section = line.substring(3).strip();
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        sections.computeIfAbsent(section, k -> new ArrayList<>())
                                .add(line.strip());
                    }
                }
                return new AnswerPhrases(
                        sections.getOrDefault("intro", List.of()),
                        sections.getOrDefault("lead-in", List.of()),
                        sections.getOrDefault("after", List.of()));
            } catch (IOException e) {
                throw new GuardException("cannot read " + CODE_ANSWERS, e);
            }
        }
    }

    /**
     * A Q&amp;A-style answer around a code listing: sometimes an opening sentence, a sentence introducing the
     * code, the code in a fence, sometimes a closing sentence. The sentences are drawn by hash from those
     * whose own split (the hash of the sentence) is the split of {@code key}, so that validation and test
     * answers are worded differently from the train ones.
     *
     * @param key where the code came from; decides the split and seeds the choices
     * @param code the listing
     * @param phrases the sentences to draw from
     * @return the answer, at most {@value #MAX_CHARS} characters
     */
    static String codeAnswer(String key, String code, AnswerPhrases phrases) {
        Split split = splitOf(key);
        String seed = key + "\n" + code;
        StringBuilder answer = new StringBuilder();
        int style = bucket(seed + "#style");
        if (style < 60) {
            answer.append(pick(phrases.intros(), split, seed + "#intro")).append(style < 30 ? " " : "\n");
        }
        answer.append(pick(phrases.leadIns(), split, seed + "#lead-in")).append("\n```\n");
        String after = bucket(seed + "#after") < 40 ? "\n" + pick(phrases.afters(), split, seed + "#after") : "";
        int room = MAX_CHARS - answer.length() - "\n```".length() - after.length();
        StringBuilder body = new StringBuilder();
        for (String line : code.stripIndent().strip().split("\n")) {
            if (body.length() + line.length() + 1 > room) {
                break;
            }
            body.append(body.length() > 0 ? "\n" : "").append(line);
        }
        return answer.append(body).append("\n```").append(after).toString();
    }

    /** One of the sentences of a split (any sentence when the split has none), chosen by the seed's hash. */
    private static String pick(List<String> sentences, Split split, String seed) {
        List<String> pool = sentences.stream()
                .filter(s -> splitOf("code-answer-sentence:" + s) == split)
                .toList();
        List<String> from = pool.isEmpty() ? sentences : pool;
        if (from.isEmpty()) {
            throw new GuardException("no sentences in " + CODE_ANSWERS);
        }
        return from.get(InjectionCorpus.sha256Prefix(seed, 4) % from.size());
    }

    private static List<Document> codeAnswers(Sources sources) throws IOException {
        List<Listing> listings = new ArrayList<>();
        if (Files.isDirectory(sources.postgresDocs())) {
            for (Path page : sorted(sources.postgresDocs(), p -> p.toString().endsWith(".html"))) {
                String key = "postgres-doc:" + page.getFileName();
                List<String> blocks = new ArrayList<>();
                Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8))
                        .select("pre.programlisting")
                        .forEach(e -> blocks.add(e.wholeText()));
                listings.addAll(listings(key, blocks, 1));
            }
        }
        if (Files.isDirectory(sources.pythonLib())) {
            for (Path module : sorted(sources.pythonLib(), p -> p.toString().endsWith(".py"))) {
                String key = "python-stdlib:" + module.getFileName();
                listings.addAll(listings(key, paragraphs(readText(module)), 2));
            }
        }
        if (Files.isDirectory(sources.systemDocs())) {
            for (Path pkg : sorted(sources.systemDocs(), Files::isDirectory)) {
                String key = "system-doc:" + pkg.getFileName();
                List<Path> files;
                try (Stream<Path> walk = Files.walk(pkg, 3)) {
                    files = walk.filter(BenignDocuments::isSourceFile).sorted().toList();
                }
                for (Path file : files) {
                    listings.addAll(listings(key, paragraphs(readText(file)), 2));
                }
            }
        }
        for (Document d : humanEval(sources.guardData())) {
            listings.addAll(listings(d.key(), List.of(d.text()), 1));
        }
        AnswerPhrases phrases = AnswerPhrases.shipped();
        return listings.stream()
                .map(l -> new Document("code-answer", l.key(), codeAnswer(l.key(), l.code(), phrases)))
                .toList();
    }

    private static boolean isSourceFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && !Files.isSymbolicLink(file)
                && (name.endsWith(".py") || name.endsWith(".c") || name.endsWith(".sh") || name.endsWith(".pl"));
    }

    /**
     * Up to {@code most} listings from a file's blocks: blocks of 3 to 30 lines and 80 to 1,000 characters
     * that are mostly code (not comments, not a licence), chosen by hash; plus, when none of them has side
     * effects ({@link IndirectInjectionGuardrail#sideEffectCodeAfter}), the first by hash that has, so that
     * benign answers also show code that calls the network, runs commands or reads the environment.
     */
    private static List<Listing> listings(String key, List<String> blocks, int most) {
        List<String> ordered = blocks.stream()
                .map(String::stripTrailing)
                .filter(BenignDocuments::isListing)
                .distinct()
                .sorted(Comparator.comparingInt((String b) -> InjectionCorpus.sha256Prefix(key + "\n" + b, 4))
                        .thenComparing(b -> b))
                .toList();
        List<String> taken = new ArrayList<>(ordered.subList(0, Math.min(most, ordered.size())));
        if (taken.stream().noneMatch(BenignDocuments::hasSideEffects)) {
            ordered.stream().filter(BenignDocuments::hasSideEffects).findFirst().ifPresent(taken::add);
        }
        return taken.stream().map(b -> new Listing(key, b)).toList();
    }

    private static boolean hasSideEffects(String code) {
        return IndirectInjectionGuardrail.sideEffectCodeAfter("```\n" + code + "\n```", 0);
    }

    /** Whether a block looks like a code listing worth showing in an answer. */
    static boolean isListing(String block) {
        String[] lines = block.strip().split("\n");
        if (lines.length < 3 || lines.length > 30 || block.length() < 80 || block.length() > 1_000) {
            return false;
        }
        String lower = block.toLowerCase(Locale.ROOT);
        if (lower.contains("copyright") || lower.contains("license")) {
            return false;
        }
        int comments = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("#")
                    || l.startsWith("//")
                    || l.startsWith("*")
                    || l.startsWith("/*")
                    || l.startsWith("--")
                    || l.startsWith("\"\"\"")) {
                comments++;
            }
        }
        return comments * 2 < lines.length;
    }

    /** At most {@code cap} documents, spread over the keys: ordered by the hash of key and text, then cut. */
    private static List<Document> capped(List<Document> documents, int cap) {
        if (documents.size() <= cap) {
            return documents;
        }
        return documents.stream()
                .sorted(Comparator.comparingInt((Document d) -> InjectionCorpus.sha256Prefix(d.text(), 4))
                        .thenComparing(Document::text))
                .limit(cap)
                .toList();
    }

    private static List<Path> sorted(Path folder, java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(filter).sorted().toList();
        }
    }

    /** A key's bucket in 0..99: the first two bytes of its SHA-256 modulo 100. */
    private static int bucket(String key) {
        return InjectionCorpus.sha256Prefix(key, 2) % 100;
    }
}
