package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.FieldLexicon;
import dev.kiln.intent.internal.lexicon.Grammar;
import dev.kiln.intent.internal.nlp.Token;
import dev.kiln.spec.naming.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Takes a field phrase apart into its name words and what the other words say about the field.
 */
final class FieldPhraseReader {
    private static final Set<String> FLAG_WORDS = Set.of("flag", "boolean", "bool", "checkbox", "toggle");
    private static final Set<String> TIME_WORDS = Set.of("time", "timestamp", "datetime", "date", "day");
    private static final Set<String> RELATIVES = Set.of("that", "which", "who");
    private static final Set<String> POWERS = Set.of("square", "cubic", "sq");
    private static final Set<String> NAME_UNITS = Set.of(
            "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
            "months", "year", "years", "percent");

    private final FieldLexicon fields;
    private final Grammar grammar;

    FieldPhraseReader(FieldLexicon fields, Grammar grammar) {
        this.fields = fields;
        this.grammar = grammar;
    }

    FieldParts read(Phrase item) {
        List<Token> tokens = new ArrayList<>(item.tokens());
        Flags flags = new Flags();
        List<String> values = new ArrayList<>();
        for (List<Token> group : item.parens()) {
            paren(group, values, flags);
        }
        int colon = colon(tokens);
        if (colon > 0) {
            paren(new ArrayList<>(tokens.subList(colon + 1, tokens.size())), values, flags);
            tokens.subList(colon, tokens.size()).clear();
        }
        int slashed = slashedValues(tokens);
        if (slashed > 0 && values.isEmpty()) {
            paren(new ArrayList<>(tokens.subList(slashed, tokens.size())), values, flags);
            tokens.subList(slashed, tokens.size()).clear();
        }
        cutRelative(tokens, flags);
        @Nullable BigDecimal[] range = range(tokens);
        String unit = unit(tokens);
        cutTrailingPhrase(tokens);
        List<String> words = new ArrayList<>();
        for (Token t : tokens) {
            if (t.isWord() || t.isNumber()) {
                words.addAll(Names.words(t.text()));
            }
        }
        words.replaceAll(NounReader::ascii);
        words.removeIf(String::isEmpty);
        flags.scan(words);
        stripLeading(words);
        boolean flag = !words.isEmpty() && FLAG_WORDS.contains(words.getLast());
        if (flag) {
            words.removeLast();
        }
        String suffix = timeSuffix(words);
        return new FieldParts(words, values, range[0], range[1], unit, flag, suffix, flags.required, flags.unique);
    }

    private void paren(List<Token> group, List<String> values, Flags flags) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Token t : group) {
            if (t.lower().equals(",")
                    || t.lower().equals("or")
                    || t.lower().equals("/")
                    || t.lower().equals("|")) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                String[] pieces = t.text().split("[/|]", -1);
                current.append(' ').append(pieces[0]);
                for (int p = 1; p < pieces.length; p++) {
                    parts.add(current.toString().strip());
                    current.setLength(0);
                    current.append(pieces[p]);
                }
            }
        }
        parts.add(current.toString().strip());
        parts.removeIf(String::isEmpty);
        if (parts.size() >= 2) {
            values.addAll(parts);
        } else if (!parts.isEmpty()) {
            flags.scan(Names.words(parts.getFirst()));
        }
    }

    /** Returns where "status: open/closed" puts its colon, or -1. */
    private static int colon(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).lower().equals(":")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns where values written with slashes after the name start ("direction above/below"), or -1.
     * The name keeps at least one word.
     */
    private static int slashedValues(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            boolean before = t.startsWith("/");
            if (before && i >= 2) {
                return i - 1;
            }
            if (!before && t.contains("/") && t.length() > 1) {
                return i;
            }
        }
        return -1;
    }

    /** Removes "that must be unique" and similar, keeping what it says. */
    private void cutRelative(List<Token> tokens, Flags flags) {
        for (int i = 1; i < tokens.size(); i++) {
            if (RELATIVES.contains(tokens.get(i).lower())) {
                List<String> rest = new ArrayList<>();
                tokens.subList(i, tokens.size()).forEach(t -> rest.add(t.lower()));
                flags.scan(rest);
                tokens.subList(i, tokens.size()).clear();
                return;
            }
        }
    }

    /** Finds "from 1 to 5" or "between 1 and 5", removes it and returns {min, max}. */
    private static @Nullable BigDecimal[] range(List<Token> tokens) {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            String a = tokens.get(i).lower();
            String c = tokens.get(i + 2).lower();
            boolean shape =
                    (a.equals("from") && (c.equals("to") || c.equals("-"))) || (a.equals("between") && c.equals("and"));
            if (shape && tokens.get(i + 1).isNumber() && tokens.get(i + 3).isNumber()) {
                BigDecimal min = new BigDecimal(tokens.get(i + 1).lower());
                BigDecimal max = new BigDecimal(tokens.get(i + 3).lower());
                tokens.subList(i, i + 4).clear();
                return new BigDecimal[] {min, max};
            }
        }
        return new BigDecimal[] {null, null};
    }

    /**
     * Finds "in minutes" or "in square metres", removes it and returns the unit. A measure written
     * straight after the name ("capacity kg", "distance km") counts too; time units and "percent" do
     * not, because they belong to names such as "prep minutes" or "progress percent".
     */
    private @Nullable String unit(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).lower().equals("in")) {
                continue;
            }
            int u = i + 1;
            if (u + 1 < tokens.size() && POWERS.contains(tokens.get(u).lower())) {
                u++;
            }
            if (fields.units().containsKey(tokens.get(u).lower())) {
                String unit = tokens.get(u).lower();
                tokens.subList(i, u + 1).clear();
                return unit;
            }
        }
        int last = tokens.size() - 1;
        if (last >= 1 && tokens.get(last - 1).isWord()) {
            String unit = tokens.get(last).lower();
            if (fields.units().containsKey(unit) && !NAME_UNITS.contains(unit) && unit.length() > 1) {
                tokens.remove(last);
                return unit;
            }
        }
        return null;
    }

    /** Drops a trailing prepositional phrase with an article: "location in the house". */
    private void cutTrailingPhrase(List<Token> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            boolean preposition = grammar.prepositions().contains(tokens.get(i).lower());
            if (preposition && grammar.determiners().contains(tokens.get(i + 1).lower())) {
                tokens.subList(i, tokens.size()).clear();
                return;
            }
        }
    }

    private void stripLeading(List<String> words) {
        while (!words.isEmpty()
                && (fields.leadingWords().contains(words.getFirst())
                        || grammar.determiners().contains(words.getFirst()))) {
            words.removeFirst();
        }
        words.removeIf(w -> fields.uniqueWords().contains(w)
                || fields.requiredWords().contains(w)
                || fields.optionalWords().contains(w));
    }

    /** Returns "at" or "on" when the name ends with one, optionally before a time word, and drops the time word. */
    private static @Nullable String timeSuffix(List<String> words) {
        int n = words.size();
        if (n >= 3
                && TIME_WORDS.contains(words.get(n - 1))
                && Set.of("at", "on").contains(words.get(n - 2))) {
            words.removeLast();
            n--;
        }
        if (n >= 2 && (words.get(n - 1).equals("at") || words.get(n - 1).equals("on"))) {
            return words.get(n - 1);
        }
        return null;
    }

    /** Required and unique markers found anywhere in the phrase. */
    private final class Flags {
        boolean required;
        boolean unique;

        void scan(List<String> words) {
            for (String w : words) {
                String lower = w.toLowerCase(java.util.Locale.ROOT);
                required |= fields.requiredWords().contains(lower);
                unique |= fields.uniqueWords().contains(lower);
            }
        }
    }
}
