package dev.kiln.guard.injection;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Undoes the usual ways of hiding an instruction from a filter, producing the views of a text that are
 * scored: the folded text itself, and, when present, a leetspeak-decoded view, decoded base64 payloads, a
 * rot13 view and the contents of HTML or Markdown comments and hidden elements.
 *
 * <p>Folding applies NFKC, maps Cyrillic and Greek letters that look Latin to their Latin twins, deletes
 * zero-width and other invisible format characters, lower-cases (locale-independently) and collapses
 * whitespace. Every step is linear in the text.
 */
public final class TextNormalizer {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_\\-]{16,}={0,2}");
    private static final Pattern HIDDEN = Pattern.compile(
            "(?s)<!--(.*?)-->|\\[//\\]: ?# ?\\((.*?)\\)|<[a-z]+[^>]{0,200}(?:display: ?none|visibility: ?hidden|font-size: ?0)[^>]{0,200}>(.*?)</[a-z]+>");
    private static final int MAX_VIEWS = 8;

    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('е', 'e'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('с', 'c'),
            Map.entry('у', 'y'),
            Map.entry('х', 'x'),
            Map.entry('і', 'i'),
            Map.entry('ј', 'j'),
            Map.entry('ѕ', 's'),
            Map.entry('ԁ', 'd'),
            Map.entry('һ', 'h'),
            Map.entry('ӏ', 'l'),
            Map.entry('ɡ', 'g'),
            Map.entry('ո', 'n'),
            Map.entry('А', 'a'),
            Map.entry('В', 'b'),
            Map.entry('Е', 'e'),
            Map.entry('К', 'k'),
            Map.entry('М', 'm'),
            Map.entry('Н', 'h'),
            Map.entry('О', 'o'),
            Map.entry('Р', 'p'),
            Map.entry('С', 'c'),
            Map.entry('Т', 't'),
            Map.entry('Х', 'x'),
            Map.entry('У', 'y'),
            Map.entry('І', 'i'),
            Map.entry('α', 'a'),
            Map.entry('ο', 'o'),
            Map.entry('ρ', 'p'),
            Map.entry('ν', 'v'),
            Map.entry('τ', 't'),
            Map.entry('ι', 'i'),
            Map.entry('κ', 'k'),
            Map.entry('Α', 'a'),
            Map.entry('Β', 'b'),
            Map.entry('Ε', 'e'),
            Map.entry('Ζ', 'z'),
            Map.entry('Η', 'h'),
            Map.entry('Ι', 'i'),
            Map.entry('Κ', 'k'),
            Map.entry('Μ', 'm'),
            Map.entry('Ν', 'n'),
            Map.entry('Ο', 'o'),
            Map.entry('Ρ', 'p'),
            Map.entry('Τ', 't'),
            Map.entry('Υ', 'y'),
            Map.entry('Χ', 'x'));

    private static final Map<Character, Character> LEET =
            Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '@', 'a', '$', 's', '!', 'i', '|', 'l');

    /**
     * The views of a text worth scoring.
     *
     * @param folded the folded text
     * @param decoded the decoded or uncovered views, each folded; empty when there is nothing hidden
     * @param obfuscated whether decoding or uncovering found anything (a signal of its own)
     */
    public record Views(String folded, List<String> decoded, boolean obfuscated) {
        /** Copies the decoded views. */
        public Views {
            decoded = List.copyOf(decoded);
        }
    }

    /**
     * Produces the views of a text.
     *
     * @param text the raw text
     * @return its views
     */
    public Views views(String text) {
        String folded = fold(text);
        List<String> decoded = new ArrayList<>();
        hidden(text, decoded);
        base64(text, decoded);
        String rot = rot13(folded);
        if (englishWords(rot) > englishWords(folded) + 2) {
            decoded.add(rot);
        }
        boolean obfuscated = !decoded.isEmpty();
        String leet = leet(folded);
        if (!leet.equals(folded)) {
            decoded.add(leet);
        }
        return new Views(folded, decoded.size() > MAX_VIEWS ? decoded.subList(0, MAX_VIEWS) : decoded, obfuscated);
    }

    /**
     * Folds a text: NFKC, confusables to Latin, invisible characters removed, lower case, single spaces.
     *
     * @param text the text
     * @return the folded text
     */
    public static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT || (type == Character.CONTROL && !Character.isWhitespace(c))) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            Character latin = CONFUSABLES.get(c);
            out.append(latin != null ? latin : Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Replaces digits and symbols inside words by the letters they stand for ("1gn0r3" to "ignore"). */
    static String leet(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            Character letter = LEET.get(c);
            if (letter != null && (isLetter(folded, i - 1) || isLetter(folded, i + 1))) {
                out.append(letter.charValue());
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isLetter(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetter(s.charAt(i));
    }

    static String rot13(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void hidden(String text, List<String> views) {
        if (text.indexOf("<!--") < 0 && text.indexOf("[//]") < 0 && text.indexOf('<') < 0) {
            return;
        }
        Matcher m = HIDDEN.matcher(text);
        while (m.find() && views.size() < MAX_VIEWS) {
            for (int g = 1; g <= 3; g++) {
                String content = m.group(g);
                if (content != null && !content.isBlank()) {
                    views.add(fold(content));
                }
            }
        }
    }

    private static void base64(String text, List<String> views) {
        Matcher m = BASE64.matcher(text);
        while (m.find() && views.size() < MAX_VIEWS) {
            String token = m.group().replace('-', '+').replace('_', '/');
            if (token.chars().noneMatch(Character::isDigit) && token.chars().noneMatch(Character::isUpperCase)) {
                continue;
            }
            decodeBase64(token).ifPresent(s -> views.add(fold(s)));
        }
    }

    private static java.util.Optional<String> decodeBase64(String token) {
        String bare = token.replace("=", "");
        if (bare.length() % 4 == 1) {
            return java.util.Optional.empty();
        }
        String padded = bare + "=".repeat((4 - bare.length() % 4) % 4);
        try {
            byte[] bytes = Base64.getDecoder().decode(padded);
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            long printable =
                    s.chars().filter(c -> (c >= 32 && c < 127) || c == '\n').count();
            return printable >= s.length() * 0.9 && s.indexOf(' ') > 0
                    ? java.util.Optional.of(s)
                    : java.util.Optional.empty();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    private static final java.util.Set<String> COMMON = java.util.Set.of(
            "the",
            "and",
            "you",
            "to",
            "of",
            "a",
            "is",
            "in",
            "that",
            "it",
            "for",
            "all",
            "your",
            "are",
            "ignore",
            "instructions",
            "now",
            "previous",
            "with",
            "be",
            "this",
            "what",
            "how",
            "me",
            "tell");

    private static int englishWords(String s) {
        int count = 0;
        for (String w : s.split(" ", 200)) {
            if (COMMON.contains(w)) {
                count++;
            }
        }
        return count;
    }
}
