package dev.kiln.guard.eval;

import dev.kiln.guard.GuardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * BIPIA's training material, read as it ships (see {@code shared/data/guard/README.md}): the train attack
 * strings for text and code tasks and the train e-mail and code contexts. The test attacks and contexts are
 * only ever read by {@link InjectionCorpus}, into its test split.
 *
 * @param textAttacks the train attacks for text tasks
 * @param codeAttacks the train attacks for code tasks
 * @param contexts the train e-mail and code contexts
 */
public record BipiaSet(List<String> textAttacks, List<String> codeAttacks, List<String> contexts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the lists. */
    public BipiaSet {
        textAttacks = List.copyOf(textAttacks);
        codeAttacks = List.copyOf(codeAttacks);
        contexts = List.copyOf(contexts);
    }

    /**
     * Reads the train material.
     *
     * @param guardData the {@code shared/data/guard} folder
     * @return the set
     * @throws GuardException if a file is missing or malformed
     */
    public static BipiaSet train(Path guardData) {
        Path bench = guardData.resolve("bipia/benchmark");
        try {
            List<String> contexts = new ArrayList<>(contexts(bench.resolve("email/train.jsonl")));
            contexts.addAll(contexts(bench.resolve("code/train.jsonl")));
            return new BipiaSet(
                    attacks(bench.resolve("text_attack_train.json")),
                    attacks(bench.resolve("code_attack_train.json")),
                    contexts);
        } catch (IOException | RuntimeException e) {
            throw new GuardException("cannot read BIPIA in " + bench + ": " + e.getMessage(), e);
        }
    }

    private static List<String> attacks(Path file) throws IOException {
        List<String> attacks = new ArrayList<>();
        for (JsonNode list : JSON.readTree(Files.readString(file))) {
            list.forEach(s -> attacks.add(s.asString()));
        }
        return attacks;
    }

    private static List<String> contexts(Path file) throws IOException {
        List<String> contexts = new ArrayList<>();
        for (String line : Files.readString(file).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode context = JSON.readTree(line).path("context");
            if (context.isArray()) {
                List<String> parts = new ArrayList<>();
                context.forEach(part -> parts.add(part.asString()));
                contexts.add(String.join("\n", parts));
            } else {
                contexts.add(context.asString());
            }
        }
        return contexts;
    }
}
