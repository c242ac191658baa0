package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Grammar;
import dev.kiln.intent.internal.lexicon.VerbKind;
import dev.kiln.intent.internal.lexicon.VerbLexicon;
import dev.kiln.intent.internal.lexicon.VerbMatch;
import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the anchors of a clause: lexicon verb phrases, generic verbs, passives with "by", "with" after a
 * noun, and a colon after a short noun phrase.
 *
 * <p>A single lexicon word counts as a verb when the tagger says so, or when it stands between two noun
 * phrases ("agents list properties"), because terse prompts often fool the tagger.
 */
final class AnchorFinder {
    private final VerbLexicon verbs;
    private final Grammar grammar;

    AnchorFinder(VerbLexicon verbs, Grammar grammar) {
        this.verbs = verbs;
        this.grammar = grammar;
    }

    Grammar grammar() {
        return grammar;
    }

    List<Anchor> find(List<Token> tokens) {
        List<Anchor> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (tokens.get(i).lower().equals("(")) {
                i = Tokens.closing(tokens, i) + 1;
                continue;
            }
            Optional<Anchor> anchor =
                    at(tokens, i, out.isEmpty() || !out.getLast().is(VerbKind.FIELDS));
            if (anchor.isPresent()) {
                out.add(anchor.get());
                i = anchor.get().end();
            } else {
                i++;
            }
        }
        return out;
    }

    private Optional<Anchor> at(List<Token> tokens, int i, boolean afterRelation) {
        Token t = tokens.get(i);
        if (t.lower().equals(":")) {
            return colon(tokens, i);
        }
        Optional<VerbMatch> match = verbs.longestAt(tokens, i);
        if (match.isPresent() && accepted(tokens, match.get(), afterRelation)) {
            VerbMatch m = match.get();
            return Optional.of(new Anchor(m.start(), m.end(), m.phrase(), m.kinds()));
        }
        if (participle(t) && i + 1 < tokens.size() && tokens.get(i + 1).lower().equals("by") && leftOk(tokens, i)) {
            return Optional.of(new Anchor(i, i + 2, "be " + t.lemma() + " by", Set.of(VerbKind.BELONGS)));
        }
        boolean verbLike = t.tag().equals("VERB") || agreesWithPluralSubject(tokens, i);
        if (verbLike
                && t.isWord()
                && subjectBefore(tokens, i)
                && (startsNoun(tokens, i + 1) || preposition(tokens, i + 1))
                && !gerund(tokens, i)
                && !modifierParticiple(tokens, i)
                && !beforeVerb(tokens, i + 1)
                && verbs.longestAt(tokens, i + 1).isEmpty()) {
            return Optional.of(new Anchor(i, i + 1, t.lemma(), Set.of(VerbKind.OTHER)));
        }
        return Optional.empty();
    }

    /**
     * "Vehicles park in spots": a plural noun opening the clause, then a word without an -s, then a
     * preposition or a noun phrase; the tagger often calls such a verb a noun.
     */
    private boolean agreesWithPluralSubject(List<Token> tokens, int i) {
        if (i != 1 || i + 1 >= tokens.size()) {
            return false;
        }
        String subject = tokens.get(0).lower();
        String word = tokens.get(i).lower();
        return subject.endsWith("s")
                && !subject.endsWith("ss")
                && content(tokens.get(0))
                && content(tokens.get(i))
                && !word.endsWith("s")
                && !tokens.get(i).tag().equals("ADJ");
    }

    /** Whether a noun, pronoun or relative pronoun precedes a verb, auxiliaries aside. */
    private boolean subjectBefore(List<Token> tokens, int i) {
        int j = i - 1;
        while (j >= 0 && skippable(tokens.get(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        String left = tokens.get(j).lower();
        return content(tokens.get(j))
                || grammar.relatives().contains(left)
                || grammar.pronouns().contains(left);
    }

    private boolean preposition(List<Token> tokens, int index) {
        return index < tokens.size()
                && grammar.prepositions().contains(tokens.get(index).lower());
    }

    private Optional<Anchor> colon(List<Token> tokens, int i) {
        boolean shortNoun = i >= 1
                && i <= 3
                && tokens.subList(0, i).stream().allMatch(t -> t.isWord() && !grammar.isFunctionWord(t.lower()));
        return shortNoun ? Optional.of(new Anchor(i, i + 1, ":", Set.of(VerbKind.FIELDS))) : Optional.empty();
    }

    private boolean accepted(List<Token> tokens, VerbMatch m, boolean afterRelation) {
        Token first = tokens.get(m.start());
        boolean multiWord = m.end() - m.start() > 1;
        if (!leftOk(tokens, m.start()) || previousIsDeterminer(tokens, m.start())) {
            return false;
        }
        if (m.phrase().equals("with")) {
            Token before = tokens.get(m.start() - 1);
            String previous = before.lower();
            boolean noun = content(before) || previous.equals(")");
            return noun && !previous.endsWith("ing") && !previous.endsWith("ed") && startsNoun(tokens, m.end());
        }
        if (multiWord || first.is("have")) {
            return true;
        }
        if (gerund(tokens, m.start()) || modifierParticiple(tokens, m.start())) {
            return false;
        }
        if (first.tag().equals("VERB")) {
            return true;
        }
        boolean afterNoun = m.start() > 0
                && (content(tokens.get(m.start() - 1))
                        || grammar.relatives()
                                .contains(tokens.get(m.start() - 1).lower()));
        boolean beforeVerb =
                m.end() < tokens.size() && tokens.get(m.end()).tag().equals("VERB");
        return (afterNoun || coordinated(tokens, m, afterRelation)) && !beforeVerb && startsNoun(tokens, m.end());
    }

    /**
     * "farmers manage fields and plant crops in fields": a verb after "and" whose object is a plural noun,
     * in a clause whose last anchor relates entities rather than listing fields.
     */
    private boolean coordinated(List<Token> tokens, VerbMatch m, boolean afterRelation) {
        boolean afterAnd = m.start() > 0
                && grammar.conjunctions().contains(tokens.get(m.start() - 1).lower());
        if (!afterAnd || !afterRelation || m.end() >= tokens.size()) {
            return false;
        }
        String verb = tokens.get(m.start()).lower();
        String object = tokens.get(m.end()).lower();
        return !verb.endsWith("s") && object.endsWith("s") && !object.endsWith("ss") && content(tokens.get(m.end()));
    }

    /** "Recipe sharing site": an -ing form without "is" or "are" before it modifies a noun. */
    private static boolean gerund(List<Token> tokens, int i) {
        boolean ing =
                tokens.get(i).lower().endsWith("ing") && tokens.get(i).lower().length() > 4;
        return ing && (i == 0 || !tokens.get(i - 1).lemma().equals("be"));
    }

    /** "opened date", "published at": a past participle without an auxiliary describes a noun. */
    private boolean modifierParticiple(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        boolean participle = !t.lemma().equals(t.lower())
                && !t.lower().endsWith("s")
                && !t.lower().endsWith("ing")
                && (t.tag().equals("VERB") || t.tag().equals("ADJ"));
        boolean auxiliary = i > 0
                && (tokens.get(i - 1).lemma().equals("be")
                        || tokens.get(i - 1).lemma().equals("have"));
        return participle && !auxiliary;
    }

    private static boolean beforeVerb(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).tag().equals("VERB");
    }

    private boolean previousIsDeterminer(List<Token> tokens, int start) {
        String previous = start > 0 ? tokens.get(start - 1).lower() : "";
        return grammar.determiners().contains(previous) && !grammar.relatives().contains(previous);
    }

    /** Returns whether a subject (or a coordination that shares one) precedes the anchor. */
    private boolean leftOk(List<Token> tokens, int start) {
        int j = start - 1;
        while (j >= 0 && skippable(tokens.get(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        Token left = tokens.get(j);
        return content(left)
                || grammar.pronouns().contains(left.lower())
                || left.lower().equals(")")
                || left.lower().equals(",")
                || grammar.conjunctions().contains(left.lower())
                || grammar.relatives().contains(left.lower());
    }

    private boolean skippable(Token t) {
        return grammar.auxiliaries().contains(t.lower()) && !t.lower().equals("each");
    }

    boolean content(Token t) {
        return t.isWord()
                && !grammar.isFunctionWord(t.lower())
                && !grammar.many().contains(t.lower());
    }

    private boolean startsNoun(List<Token> tokens, int index) {
        if (index >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(index);
        return content(t)
                || t.isNumber()
                || grammar.determiners().contains(t.lower())
                || grammar.many().contains(t.lower());
    }

    private static boolean participle(Token t) {
        return (t.tag().equals("VERB") || t.tag().equals("ADJ"))
                && (t.lower().endsWith("ed")
                        || t.lower().endsWith("en")
                        || !t.lemma().equals(t.lower()));
    }
}
