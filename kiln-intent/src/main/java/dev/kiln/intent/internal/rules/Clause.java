package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.nlp.Token;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A clause of a sentence: the unit statements are read from.
 *
 * @param tokens the tokens, without the separator that ended the clause
 * @param position a running number that orders clauses through the prompt
 */
record Clause(List<Token> tokens, int position) {
    /** Copies the tokens. */
    Clause {
        tokens = List.copyOf(tokens);
    }

    /**
     * Returns the clause's words joined by spaces, for explanations.
     *
     * @return the text
     */
    String text() {
        return text(tokens);
    }

    static String text(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (Token t : tokens) {
            if (out.length() > 0 && t.spaceBefore()) {
                out.append(' ');
            }
            out.append(t.text());
        }
        return out.toString();
    }

    static String words(List<Token> tokens) {
        return tokens.stream().map(Token::text).collect(Collectors.joining(" "));
    }
}
