package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Grammar;
import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads noun phrases around anchors: the subject before an anchor and the list of items after it.
 */
final class PhraseReader {
    private static final Set<String> WALK_BACK = Set.of("of", "for");
    /** "Attempts at quizzes with a score": these walk back only over a plural noun. */
    private static final Set<String> WALK_BACK_PLURAL = Set.of("at", "on", "to", "against", "from");

    private final Grammar grammar;
    private final Set<String> serviceNouns;

    PhraseReader(Grammar grammar, Set<String> serviceNouns) {
        this.grammar = grammar;
        this.serviceNouns = Set.copyOf(serviceNouns);
    }

    /** What precedes an anchor. */
    sealed interface Subject {
        /**
         * A noun phrase starting at {@code start} and ending before {@code end}; when a relative pronoun
         * ("appointments that have") follows it, the phrase also ends the previous anchor's objects.
         */
        record Found(Phrase phrase, int start, int end, boolean relative) implements Subject {}

        /** "and" or a comma: the subject of the previous anchor. */
        record Shared(int start) implements Subject {}

        /** Nothing usable: an imperative, a pronoun or the start of the clause. */
        record None(int start, String pronoun) implements Subject {}
    }

    Subject subject(List<Token> tokens, Anchor anchor, int floor, int clausePosition) {
        int j = anchor.start() - 1;
        while (j >= floor && skippable(tokens.get(j))) {
            j--;
        }
        if (j < floor) {
            return new Subject.None(anchor.start(), "");
        }
        String left = tokens.get(j).lower();
        if (left.equals(",") || grammar.conjunctions().contains(left)) {
            return new Subject.Shared(j);
        }
        int start = Math.max(floor, nounStart(tokens, j));
        if (start > j) {
            boolean pronoun = grammar.pronouns().contains(tokens.get(j).lower());
            return new Subject.None(
                    pronoun ? j : anchor.start(), pronoun ? tokens.get(j).lower() : "");
        }
        if (anchor.isWith() && start >= floor + 2 && walksBack(tokens.get(start - 1), tokens.get(start - 2))) {
            int before = Math.max(floor, nounStart(tokens, start - 2));
            if (before <= start - 2 && !serviceHead(tokens.get(start - 2))) {
                start = before;
            }
        }
        boolean relative = j + 1 < anchor.start()
                && grammar.relatives().contains(tokens.get(j + 1).lower());
        return new Subject.Found(phrase(tokens, start, j + 1, clausePosition), start, j + 1, relative);
    }

    /**
     * Whether a "with" list reaches back over a preposition to the noun before it: "applications for
     * jobs with a cover letter", "attempts at quizzes with a score".
     */
    private static boolean walksBack(Token preposition, Token before) {
        String p = preposition.lower();
        String word = before.lower();
        boolean plural = before.taggedNoun() && word.endsWith("s") && !word.endsWith("ss");
        return WALK_BACK.contains(p) || (WALK_BACK_PLURAL.contains(p) && plural);
    }

    /** Returns where the noun phrase ending at {@code last} starts, determiners included. */
    private int nounStart(List<Token> tokens, int last) {
        int j = last;
        if (j >= 0 && tokens.get(j).lower().equals(")")) {
            j = Tokens.opening(tokens, j) - 1;
        }
        int end = j;
        while (j >= 0 && (content(tokens.get(j)) || tokens.get(j).isNumber())) {
            j--;
        }
        if (j == end) {
            return last + 1;
        }
        while (j >= 0 && quantifier(tokens.get(j))) {
            j--;
        }
        return j + 1;
    }

    List<Phrase> items(List<Token> tokens, int from, int to, int clausePosition) {
        List<Phrase> items = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            String t = tokens.get(i).lower();
            if (t.equals("(")) {
                i = Math.min(Tokens.closing(tokens, i), to - 1);
            } else if (separates(tokens, i)) {
                addItem(tokens, start, i, clausePosition, items);
                start = i + 1;
            }
        }
        addItem(tokens, start, to, clausePosition, items);
        return items;
    }

    private void addItem(List<Token> tokens, int from, int to, int clausePosition, List<Phrase> items) {
        int start = from;
        while (start < to
                && (tokens.get(start).lower().equals(",")
                        || tokens.get(start).lower().equals("as"))) {
            start++;
        }
        if (start < to) {
            Phrase phrase = phrase(tokens, start, to, clausePosition);
            if (!phrase.isEmpty()) {
                items.add(phrase);
            }
        }
    }

    private boolean separates(List<Token> tokens, int i) {
        String t = tokens.get(i).lower();
        if (t.equals(",") || t.equals(";") || t.equals("&")) {
            return true;
        }
        if (!t.equals("and") && !t.equals("or") && !t.equals("plus")) {
            return false;
        }
        boolean numbers = i > 0
                && i + 1 < tokens.size()
                && tokens.get(i - 1).isNumber()
                && tokens.get(i + 1).isNumber();
        return !numbers;
    }

    /** Builds a phrase from a token range, moving parenthesised groups aside. */
    Phrase phrase(List<Token> tokens, int from, int to, int clausePosition) {
        List<Token> words = new ArrayList<>();
        List<List<Token>> parens = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (tokens.get(i).lower().equals("(")) {
                int close = Tokens.closing(tokens, i);
                parens.add(tokens.subList(i + 1, Math.min(close, to)));
                i = close;
            } else {
                words.add(tokens.get(i));
            }
        }
        while (!words.isEmpty()
                && !words.getLast().isWord()
                && !words.getLast().isNumber()
                && !words.getLast().text().matches("/\\p{L}+")) {
            words.removeLast();
        }
        return new Phrase(words, parens, clausePosition * 1000 + from);
    }

    private boolean serviceHead(Token t) {
        return serviceNouns.contains(t.lower());
    }

    private boolean skippable(Token t) {
        String w = t.lower();
        return (grammar.auxiliaries().contains(w) && !w.equals("each"))
                || grammar.relatives().contains(w);
    }

    private boolean content(Token t) {
        return t.isWord()
                && !grammar.isFunctionWord(t.lower())
                && !grammar.many().contains(t.lower());
    }

    private boolean quantifier(Token t) {
        String w = t.lower();
        return grammar.determiners().contains(w)
                || grammar.many().contains(w)
                || grammar.one().contains(w);
    }
}
