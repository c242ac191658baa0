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
        List<Token> right = tokens.subList(colon + 1, tokens.size());
        if (anchors.header(tokens).filter(h -> h.end() == colon + 1).isPresent()) {
            return listFirst(right);
        }
        boolean leftListsFields = anchors.find(left).stream().anyMatch(a -> a.is(VerbKind.FIELDS));
        return listFirst(right) && (anchors.shortNoun(left) || (leftListsFields && valuesOnly(right)));
    }

    /**
     * Whether the right side of a colon starts with a list: it has no verb, or its first verb follows a
     * comma or "and" and so shares the subject before the colon ("trucks: plate number, capacity,
     * belongs to a depot").
     */
    private boolean listFirst(List<Token> right) {
        List<Anchor> found = anchors.find(right);
        if (found.isEmpty()) {
            return true;
        }
        int start = found.getFirst().start();
        if (start < 2) {
            return false;
        }
        String before = right.get(start - 1).lower();
        return before.equals(",") || anchors.grammar().conjunctions().contains(before);
    }

    /** "a status: open/in progress/done": short values separated by slashes or commas. */
    private static boolean valuesOnly(List<Token> right) {
        boolean separated =
                right.stream().anyMatch(t -> t.text().contains("/") || t.lower().equals(","));
        return separated && right.size() <= 12;
    }

    /**
     * Whether parentheses hold a clause of their own: "(a track can be on many playlists)", or
     * "(each tutor teaches many subjects, and subjects are taught by many tutors)", whose first words
     * are a subject and a verb that relates it; "(name, email)" and "(ranked, casual)" are lists.
     */
    private boolean isRemark(List<Token> inner) {
        boolean comma = inner.stream().anyMatch(t -> t.lower().equals(","));
        List<Anchor> found = anchors.find(inner);
        boolean verb = inner.stream().anyMatch(t -> t.tag().equals("AUX")) || !found.isEmpty();
        if (inner.size() < 3 || !verb) {
            return false;
        }
        if (!comma) {
            return true;
        }
        return !found.isEmpty()
                && !found.getFirst().is(VerbKind.FIELDS)
                && inner.subList(0, found.getFirst().start()).stream()
                        .noneMatch(t -> t.lower().equals(","));
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
