package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.VerbKind;
import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sentence into clauses at semicolons and spaced dashes, and lifts parenthesised remarks that
 * are clauses of their own ("(a track can be on many playlists)") out of their host.
 *
 * <p>Colons are kept when the left side is a short noun phrase and the right side a list ("Pages: title,
 * slug"); otherwise the sentence is split there too.
 */
final class ClauseSplitter {
    private final AnchorFinder anchors;

    ClauseSplitter(AnchorFinder anchors) {
        this.anchors = anchors;
    }

    List<List<Token>> split(List<Token> sentence) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> host = new ArrayList<>();
        for (int i = 0; i < sentence.size(); i++) {
            Token t = sentence.get(i);
            if (t.lower().equals("(")) {
                int close = Tokens.closing(sentence, i);
                List<Token> inner = sentence.subList(i + 1, close);
                if (isRemark(inner)) {
                    out.add(new ArrayList<>(inner));
                } else {
                    host.addAll(sentence.subList(i, Math.min(close + 1, sentence.size())));
                }
                i = close;
            } else if (isSeparator(sentence, i)) {
                flush(host, out);
            } else {
                host.add(t);
            }
        }
        flush(host, out);
        return out;
    }

    private void flush(List<Token> host, List<List<Token>> out) {
        int colon = colon(host);
        if (colon >= 0 && !keepsColon(host, colon)) {
            addIfWords(host.subList(0, colon), out);
            addIfWords(host.subList(colon + 1, host.size()), out);
        } else {
            addIfWords(host, out);
        }
        host.clear();
    }

    private static void addIfWords(List<Token> tokens, List<List<Token>> out) {
        List<Token> trimmed = new ArrayList<>(tokens);
        while (!trimmed.isEmpty()
                && !trimmed.getLast().isWord()
                && !trimmed.getLast().isNumber()
                && !trimmed.getLast().lower().equals(")")) {
            trimmed.removeLast();
        }
        while (!trimmed.isEmpty()
                && !trimmed.getFirst().isWord()
                && !trimmed.getFirst().isNumber()) {
            trimmed.removeFirst();
        }
        if (trimmed.stream().anyMatch(Token::isWord)) {
            out.add(trimmed);
        }
    }

    private static int colon(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).lower().equals(":")) {
                return i;
            }
        }
        return -1;
    }

    private boolean keepsColon(List<Token> tokens, int colon) {
        List<Token> left = tokens.subList(0, colon);
        boolean shortNoun = !left.isEmpty()
                && left.size() <= 3
                && left.stream().allMatch(t -> t.isWord() && !anchors.grammar().isFunctionWord(t.lower()));
        boolean rightIsList =
                anchors.find(tokens.subList(colon + 1, tokens.size())).isEmpty();
        boolean leftListsFields = anchors.find(left).stream().anyMatch(a -> a.is(VerbKind.FIELDS));
        return rightIsList && (shortNoun || (leftListsFields && valuesOnly(tokens.subList(colon + 1, tokens.size()))));
    }

    /** "a status: open/in progress/done": short values separated by slashes or commas. */
    private static boolean valuesOnly(List<Token> right) {
        boolean separated =
                right.stream().anyMatch(t -> t.text().contains("/") || t.lower().equals(","));
        return separated && right.size() <= 12;
    }

    private boolean isRemark(List<Token> inner) {
        boolean comma = inner.stream().anyMatch(t -> t.lower().equals(","));
        boolean verb = inner.stream().anyMatch(t -> t.tag().equals("AUX"))
                || !anchors.find(inner).isEmpty();
        return inner.size() >= 3 && !comma && verb;
    }

    private boolean anchorsGrammarSubordinator(Token t) {
        return anchors.grammar().subordinators().contains(t.lower());
    }

    private boolean isSeparator(List<Token> sentence, int i) {
        String lower = sentence.get(i).lower();
        if (lower.equals(";")) {
            return true;
        }
        if (anchorsGrammarSubordinator(sentence.get(i))) {
            return true;
        }
        boolean dash = lower.equals("-") || lower.equals("--") || lower.equals("\u2014") || lower.equals("\u2013");
        boolean spacedAfter = i + 1 >= sentence.size() || sentence.get(i + 1).spaceBefore();
        return dash && (sentence.get(i).spaceBefore() || i == 0) && spacedAfter;
    }
}
