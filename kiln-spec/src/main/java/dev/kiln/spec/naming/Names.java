package dev.kiln.spec.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Case conversion and pluralisation for identifiers.
 *
 * <p>Every method is pure and locale-independent, so generated names are identical on every machine.
 */
public final class Names {
    private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("person", "people"),
            Map.entry("child", "children"),
            Map.entry("man", "men"),
            Map.entry("woman", "women"),
            Map.entry("mouse", "mice"),
            Map.entry("goose", "geese"),
            Map.entry("tooth", "teeth"),
            Map.entry("foot", "feet"),
            Map.entry("criterion", "criteria"),
            Map.entry("datum", "data"),
            Map.entry("index", "indexes"),
            Map.entry("status", "statuses"),
            Map.entry("quiz", "quizzes"),
            Map.entry("leaf", "leaves"),
            Map.entry("life", "lives"),
            Map.entry("knife", "knives"),
            Map.entry("wife", "wives"),
            Map.entry("half", "halves"),
            Map.entry("shelf", "shelves"));

    private static final List<String> UNCOUNTABLE =
            List.of("equipment", "information", "news", "series", "species", "sheep", "fish", "metadata");

    private Names() {}

    /**
     * Splits an identifier in any common style into lower-case words.
     *
     * @param identifier for example {@code OrderItem}, {@code order_item} or {@code order-item}
     * @return the words, for example {@code [order, item]}
     */
    public static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char[] chars = identifier.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (!Character.isLetterOrDigit(c)) {
                flush(current, words);
                continue;
            }
            boolean boundary = Character.isUpperCase(c)
                    && current.length() > 0
                    && (Character.isLowerCase(chars[i - 1])
                            || Character.isDigit(chars[i - 1])
                            || (i + 1 < chars.length && Character.isLowerCase(chars[i + 1])));
            if (boundary) {
                flush(current, words);
            }
            current.append(Character.toLowerCase(c));
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    /**
     * Converts to PascalCase.
     *
     * @param identifier any identifier
     * @return for example {@code OrderItem}
     */
    public static String pascal(String identifier) {
        StringBuilder out = new StringBuilder();
        for (String word : words(identifier)) {
            out.append(capitalize(word));
        }
        return out.toString();
    }

    /**
     * Converts to lowerCamelCase.
     *
     * @param identifier any identifier
     * @return for example {@code orderItem}
     */
    public static String camel(String identifier) {
        String pascal = pascal(identifier);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /**
     * Converts to snake_case.
     *
     * @param identifier any identifier
     * @return for example {@code order_item}
     */
    public static String snake(String identifier) {
        return String.join("_", words(identifier));
    }

    /**
     * Converts to kebab-case.
     *
     * @param identifier any identifier
     * @return for example {@code order-item}
     */
    public static String kebab(String identifier) {
        return String.join("-", words(identifier));
    }

    /**
     * Converts to UPPER_SNAKE_CASE, the form of enum constants.
     *
     * @param identifier any identifier
     * @return for example {@code IN_PROGRESS}
     */
    public static String upperSnake(String identifier) {
        return snake(identifier).toUpperCase(Locale.ROOT);
    }

    /**
     * Capitalises the first character.
     *
     * @param word a word
     * @return the word with an upper-case first character
     */
    public static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * Returns the English plural of the last word of an identifier, keeping its style.
     *
     * @param identifier for example {@code category} or {@code orderItem}
     * @return for example {@code categories} or {@code orderItems}
     */
    public static String plural(String identifier) {
        List<String> words = words(identifier);
        if (words.isEmpty()) {
            return identifier;
        }
        String last = words.get(words.size() - 1);
        String pluralLast = pluralOfWord(last);
        String head = identifier.substring(0, identifier.length() - last.length());
        boolean lastCapitalized = Character.isUpperCase(identifier.charAt(identifier.length() - last.length()));
        return head + (lastCapitalized ? capitalize(pluralLast) : pluralLast);
    }

    /**
     * Returns the English singular of a word, the inverse of {@link #plural(String)} for common cases.
     *
     * @param word a lower-case word
     * @return its singular
     */
    public static String singular(String word) {
        for (Map.Entry<String, String> e : IRREGULAR_PLURALS.entrySet()) {
            if (e.getValue().equals(word)) {
                return e.getKey();
            }
        }
        if (UNCOUNTABLE.contains(word) || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.matches(".*(ches|shes|xes|zzes|sses)$")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && word.length() > 1) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String pluralOfWord(String word) {
        String irregular = IRREGULAR_PLURALS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (UNCOUNTABLE.contains(word)) {
            return word;
        }
        if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.endsWith("s")
                || word.endsWith("x")
                || word.endsWith("z")
                || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        return word + "s";
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
