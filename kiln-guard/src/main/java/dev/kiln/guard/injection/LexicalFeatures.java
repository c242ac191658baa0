package dev.kiln.guard.injection;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a folded text into sparse features for a {@link LinearModel}: hashed word unigrams and bigrams,
 * hashed character 4-grams, the phrase rules that fire, and a few shape signals (length, obfuscation).
 * Feature indices are FNV-1a hashes modulo {@link #DIMENSIONS}; the same text always gives the same vector.
 */
public final class LexicalFeatures {
    /** The number of hashed feature buckets. */
    public static final int DIMENSIONS = 1 << 18;

    /** Phrase rules over folded text: the shapes of override, role-play and exfiltration attempts. */
    static final Map<String, Pattern> RULES = rules();

    private LexicalFeatures() {}

    private static Map<String, Pattern> rules() {
        Map<String, Pattern> r = new LinkedHashMap<>();
        String prior =
                "(?:previous|prior|above|earlier|preceding|original|initial|all|any|your|the|system|these|those|my)";
        String orders =
                "(?:instructions?|prompts?|rules?|directions?|guidelines?|directives?|commands?|context|programming|constraints|restrictions|policies|content polic(?:y|ies))";
        r.put(
                "override",
                Pattern.compile(
                        "(?:ignore|disregard|forget|override|bypass|skip|drop|abandon|set aside|do not follow|don't follow|stop following)"
                                + " (?:\\S+ ){0,3}" + prior + " (?:\\S+ ){0,2}" + orders));
        r.put(
                "new_instructions",
                Pattern.compile(
                        "(?:new|updated|real|true|actual|secret|hidden|additional) (?:instructions?|task|directive|rules?)(?: \\S+){0,2} ?:"));
        r.put(
                "persona",
                Pattern.compile(
                        "(?:you are|you're|you will be|act as|pretend (?:to be|you are)|roleplay as|role-play as|simulate|from now on,? you) (?:\\S+ ){0,6}(?:dan|dude|stan|aim|jailbr\\S*|unfiltered|uncensored|unrestricted|evil|amoral|immoral|without (?:any )?(?:restrictions|filters|limits|rules|ethics|morals|censorship))"));
        r.put(
                "no_limits",
                Pattern.compile(
                        "(?:no|without|free (?:of|from)|ignore|bypass|break free of|not bound by|doesn't have|does not have|don't have) (?:any )?(?:ethical|moral|content|safety|openai|legal)? ?(?:restrictions|filters|limitations|guidelines|boundaries|policies|polic(?:y|ies)|censorship|rules)"));
        r.put(
                "dan",
                Pattern.compile(
                        "(?:\\bdan\\b|do anything now|developer mode|jailbreak|jail-break|dude mode|stay in character|evil confidant|aim:|\\[🔓|🔓|chaos mode|god mode)"));
        r.put(
                "exfiltrate",
                Pattern.compile(
                        "(?:reveal|print|show|repeat|output|display|leak|tell me|give me|what (?:is|are|was)) (?:\\S+ ){0,3}(?:system prompt|initial prompt|hidden prompt|instructions above|prompt above|your instructions|your prompt|pre-prompt|secret key|password)"));
        r.put(
                "chat_markup",
                Pattern.compile(
                        "(?:<\\|im_start\\|>|<\\|im_end\\|>|\\[inst\\]|<<sys>>|</s>|<\\|system\\|>|\\[system\\]|### ?(?:system|instruction)|system:|assistant:|<\\|endoftext\\|>)"));
        r.put(
                "two_answers",
                Pattern.compile(
                        "(?:two (?:different )?(?:responses|answers|ways)|both (?:responses|answers)|(?:normal|classic|gpt) (?:response|answer)|\\[gpt\\]|\\(🔒)"));
        r.put(
                "harm_request",
                Pattern.compile(
                        "(?:keylogger|ransomware|malware|exploit code|phishing (?:email|page)|reverse shell|ddos|credit card numbers|make (?:a )?bomb|meth)"));
        r.put(
                "address_model",
                Pattern.compile(
                        "(?:^|[.!?:] )(?:ai|assistant|chatgpt|gpt|claude|llm|language model|model|bot),? (?:please )?(?:ignore|forget|now|you must|do|execute|send|write|reply|respond|say)"));
        r.put(
                "must_comply",
                Pattern.compile(
                        "(?:you (?:must|will|shall|have to) (?:always )?(?:comply|obey|answer|respond)|never refuse|cannot refuse|can't refuse|must not refuse|not allowed to refuse|without (?:any )?refus)"));
        return r;
    }

    /**
     * The features of one folded text.
     *
     * @param folded a text folded by {@link TextNormalizer#fold(String)}
     * @param obfuscated whether the text hid content in an encoding or comment
     * @return the sparse features
     */
    public static SparseVector of(String folded, boolean obfuscated) {
        SparseVector.Builder v = new SparseVector.Builder();
        List<String> words = words(folded);
        for (int i = 0; i < words.size(); i++) {
            v.add(hash("w:" + words.get(i)), 1);
            if (i + 1 < words.size()) {
                v.add(hash("b:" + words.get(i) + ' ' + words.get(i + 1)), 1);
            }
        }
        for (int i = 0; i + 4 <= folded.length(); i++) {
            v.add(hash("c:" + folded.substring(i, i + 4)), 0.5);
        }
        for (Map.Entry<String, Pattern> rule : RULES.entrySet()) {
            if (rule.getValue().matcher(folded).find()) {
                v.add(hash("r:" + rule.getKey()), 4);
            }
        }
        int lengthBucket = Math.min(12, 32 - Integer.numberOfLeadingZeros(Math.max(1, folded.length())));
        v.add(hash("len:" + lengthBucket), 1);
        if (obfuscated) {
            v.add(hash("obfuscated"), 2);
        }
        return v.normalised();
    }

    /**
     * The names of the phrase rules that fire on a folded text, for explanations.
     *
     * @param folded the folded text
     * @return the rule names, in a fixed order
     */
    public static List<String> firedRules(String folded) {
        List<String> fired = new ArrayList<>();
        RULES.forEach((name, pattern) -> {
            if (pattern.matcher(folded).find()) {
                fired.add(name);
            }
        });
        return fired;
    }

    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            boolean ideograph = Character.isIdeographic(c);
            boolean wordChar = Character.isLetterOrDigit(c) && !ideograph;
            if (wordChar) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            if (ideograph) {
                words.add(String.valueOf(c));
            }
        }
        return words;
    }

    /** FNV-1a over the UTF-16 units of a string, reduced to a bucket. */
    static int hash(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return (h & 0x7fffffff) % DIMENSIONS;
    }
}
