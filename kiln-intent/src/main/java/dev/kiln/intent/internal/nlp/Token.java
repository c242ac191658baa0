package dev.kiln.intent.internal.nlp;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One token of a sentence with its Universal Dependencies part-of-speech tag and lemma.
 *
 * @param text the token as written (after typo correction)
 * @param lower the text in lower case
 * @param tag the UD tag, for example {@code NOUN} or {@code VERB}
 * @param lemma the lemma in lower case, for example {@code belong} for "belongs"
 * @param spaceBefore whether whitespace preceded the token
 * @param start offset of its first character in the sentence
 * @param end offset after its last character in the sentence
 */
public record Token(String text, String lower, String tag, String lemma, boolean spaceBefore, int start, int end) {

    /**
     * Creates a token that stands outside any sentence, deriving the lower-case form.
     *
     * @param text the text
     * @param tag the UD tag
     * @param lemma the lemma
     * @return the token
     */
    public static Token of(String text, String tag, String lemma) {
        return new Token(text, text.toLowerCase(Locale.ROOT), tag, lemma.toLowerCase(Locale.ROOT), true, 0, 0);
    }

    /**
     * Returns this token with another text, tag and lemma, at the same place.
     *
     * @param newText the text
     * @param newTag the tag
     * @param newLemma the lemma
     * @return the token
     */
    public Token with(String newText, String newTag, String newLemma) {
        return new Token(
                newText,
                newText.toLowerCase(Locale.ROOT),
                newTag,
                newLemma.toLowerCase(Locale.ROOT),
                spaceBefore,
                start,
                end);
    }

    /**
     * Returns whether the token is a word (letters, digits, hyphens or apostrophes, starting with a letter).
     *
     * @return true for words
     */
    public boolean isWord() {
        return !lower.isEmpty()
                && Character.isLetter(lower.charAt(0))
                && lower.chars().allMatch(Token::wordChar);
    }

    /**
     * Returns whether the token is a number.
     *
     * @return true for digits with an optional point
     */
    public boolean isNumber() {
        return lower.matches("\\d+(\\.\\d+)?");
    }

    /**
     * Returns whether the tagger calls the token a noun or proper noun.
     *
     * @return true for NOUN and PROPN
     */
    public boolean taggedNoun() {
        return tag.equals("NOUN") || tag.equals("PROPN");
    }

    /**
     * Returns whether the tagger calls the token a verb or auxiliary.
     *
     * @return true for VERB and AUX
     */
    public boolean taggedVerb() {
        return tag.equals("VERB") || tag.equals("AUX");
    }

    /**
     * Returns the token's possible base forms: the text, the lemma and the text without a regular inflection.
     *
     * @return for "assigned": assigned, assign and assign
     */
    public Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lower);
        if (!lemma.isEmpty() && !lemma.equals("o")) {
            forms.add(lemma);
        }
        forms.addAll(Inflections.bases(lower));
        return forms;
    }

    /**
     * Returns whether the token can be read as the given base form.
     *
     * @param base a lower-case base form, for example {@code belong}
     * @return true if {@link #forms()} contains it
     */
    public boolean is(String base) {
        return lower.equals(base)
                || lemma.equals(base)
                || Inflections.bases(lower).contains(base);
    }

    private static boolean wordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '_';
    }
}
