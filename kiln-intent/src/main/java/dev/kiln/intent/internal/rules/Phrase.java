package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A noun phrase or list item of a clause, with the parenthesised groups that follow its words.
 *
 * @param tokens the words, without the parenthesised groups
 * @param parens the contents of each parenthesised group, in order
 * @param position orders phrases through the prompt: clause position times 1000 plus token index
 */
record Phrase(List<Token> tokens, List<List<Token>> parens, int position) {
    /** Copies the lists. */
    Phrase {
        tokens = List.copyOf(tokens);
        List<List<Token>> copies = new ArrayList<>();
        parens.forEach(p -> copies.add(List.copyOf(p)));
        parens = List.copyOf(copies);
    }

    /** Returns the phrase's words as written, parentheses included, for explanations. */
    String text() {
        StringBuilder out = new StringBuilder(Clause.text(tokens));
        parens.forEach(p -> out.append(" (").append(Clause.text(p)).append(')'));
        return out.toString();
    }

    /** Returns a copy without the parenthesised groups. */
    Phrase bare() {
        return new Phrase(tokens, List.of(), position);
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }
}
