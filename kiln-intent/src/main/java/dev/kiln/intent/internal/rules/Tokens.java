package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.nlp.Token;
import java.util.List;

/** Positions in token lists: matching brackets and the like. */
final class Tokens {
    private Tokens() {}

    /**
     * Returns the index of the bracket that closes the one at {@code open}.
     *
     * @param tokens the tokens
     * @param open the index of a "("
     * @return the index of the matching ")", or the last index when it is never closed
     */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String t = tokens.get(i).lower();
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /**
     * Returns the index of the bracket that opens the one at {@code close}.
     *
     * @param tokens the tokens
     * @param close the index of a ")"
     * @return the index of the matching "(", or 0 when it is never opened
     */
    static int opening(List<Token> tokens, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            String t = tokens.get(i).lower();
            if (t.equals(")")) {
                depth++;
            } else if (t.equals("(") && --depth == 0) {
                return i;
            }
        }
        return 0;
    }
}
