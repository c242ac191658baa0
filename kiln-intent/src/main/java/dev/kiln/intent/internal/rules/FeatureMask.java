package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.FeatureCues;
import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the words that ask for features ("rate limiting", "audit log", "JWT") from the statement
 * reader, so they never become entities or fields; each run of such words becomes a comma.
 *
 * <p>Passwords stay visible: they are data that {@link UnsafeNames} stores as a hash.
 */
final class FeatureMask {
    private final List<Pattern> cues = new ArrayList<>();

    FeatureMask(FeatureCues features) {
        cues.addAll(features.auth().values());
        cues.addAll(features.search().values());
        cues.add(features.rateLimit());
        cues.add(features.audit());
        cues.add(features.softDelete());
        cues.add(features.cache());
        cues.add(features.multiTenant());
    }

    List<Token> mask(String sentence, List<Token> tokens) {
        boolean[] covered = new boolean[sentence.length() + 1];
        for (Pattern cue : cues) {
            Matcher m = cue.matcher(sentence);
            while (m.find()) {
                for (int c = m.start(); c < m.end(); c++) {
                    covered[c] = true;
                }
            }
        }
        List<Token> out = new ArrayList<>(tokens.size());
        boolean masking = false;
        for (Token t : tokens) {
            boolean hidden = overlaps(covered, t) && !t.lower().contains("password");
            if (hidden && !masking) {
                out.add(t.with(",", "PUNCT", ","));
            } else if (!hidden) {
                out.add(t);
            }
            masking = hidden;
        }
        return out;
    }

    private static boolean overlaps(boolean[] covered, Token t) {
        for (int c = t.start(); c < Math.min(t.end(), covered.length); c++) {
            if (covered[c]) {
                return true;
            }
        }
        return false;
    }
}
