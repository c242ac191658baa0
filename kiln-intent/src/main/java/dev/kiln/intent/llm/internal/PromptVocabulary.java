package dev.kiln.intent.llm.internal;

import dev.kiln.spec.naming.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a prompt, reduced to singular lower case, to decide whether the prompt mentions a name the model
 * used: {@code OrderItem} is mentioned by "order items", {@code Author} by "writers".
 *
 * <p>Matching ignores case and plural endings and knows a few synonyms; it does not guess beyond that, because a
 * name the prompt does not mention is dropped only when the baseline parser did not find it either.
 */
public final class PromptVocabulary {
    private static final List<List<String>> SYNONYMS = List.of(
            List.of("user", "account", "member"),
            List.of("author", "writer"),
            List.of("post", "article", "entry"),
            List.of("comment", "reply"),
            List.of("customer", "client", "buyer", "shopper"),
            List.of("order", "purchase"),
            List.of("employee", "staff", "worker"),
            List.of("image", "photo", "picture"),
            List.of("task", "todo"),
            List.of("category", "section"),
            List.of("tag", "label"),
            List.of("message", "note"),
            List.of("company", "organization", "organisation"),
            List.of("appointment", "booking", "reservation"));

    private static final Pattern NEGATION = Pattern.compile("\\b(no|not|without|never|disable[ds]?|don|dont|doesn)\\b");

    private final Set<String> lemmas;
    private final String lowerText;

    private PromptVocabulary(Set<String> lemmas, String lowerText) {
        this.lemmas = lemmas;
        this.lowerText = lowerText;
    }

    /**
     * Reads a prompt.
     *
     * @param prompt the user's description
     * @return its vocabulary
     */
    public static PromptVocabulary of(String prompt) {
        Set<String> lemmas = new HashSet<>();
        for (String word : Names.words(prompt)) {
            lemmas.add(word);
            lemmas.add(Names.singular(word));
        }
        return new PromptVocabulary(Set.copyOf(lemmas), String.join(" ", Names.words(prompt)));
    }

    /**
     * Returns whether the prompt mentions every word of an identifier, each by itself, its singular or a synonym.
     *
     * @param identifier for example {@code OrderItem} or {@code publishDate}
     * @return true if every word is mentioned
     */
    public boolean mentions(String identifier) {
        return mentionOf(identifier).isPresent();
    }

    /**
     * Returns the prompt's words that mention an identifier, to quote as evidence.
     *
     * @param identifier for example {@code OrderItem}
     * @return for example {@code order item}, or empty when some word is not mentioned
     */
    public Optional<String> mentionOf(String identifier) {
        List<String> words = Names.words(identifier);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder evidence = new StringBuilder();
        for (String word : words) {
            Optional<String> match = match(word);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            evidence.append(evidence.isEmpty() ? "" : " ").append(match.get());
        }
        return Optional.of(evidence.toString());
    }

    /**
     * Returns whether the prompt asks for something, by a pattern over its lower-case words, and not only in a
     * negated phrase such as "without authentication".
     *
     * @param cue a pattern over the prompt's words joined by single spaces
     * @return true if some match is not negated within the three words before it
     */
    public boolean asks(Pattern cue) {
        Matcher matcher = cue.matcher(lowerText);
        while (matcher.find()) {
            String before = lowerText.substring(0, matcher.start());
            String[] words = before.isBlank() ? new String[0] : before.strip().split(" ");
            String window = String.join(" ", List.of(words).subList(Math.max(0, words.length - 3), words.length));
            if (!NEGATION.matcher(window).find()) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> match(String word) {
        String singular = Names.singular(word);
        if (lemmas.contains(word) || lemmas.contains(singular)) {
            return Optional.of(singular);
        }
        for (String synonym : synonymsOf(singular)) {
            if (lemmas.contains(synonym)) {
                return Optional.of(synonym);
            }
        }
        return Optional.empty();
    }

    private static List<String> synonymsOf(String word) {
        return SYNONYMS.stream().filter(g -> g.contains(word)).findFirst().orElse(List.of());
    }
}
