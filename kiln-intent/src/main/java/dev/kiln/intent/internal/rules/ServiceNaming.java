package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.spec.naming.Names;
import dev.kiln.spec.naming.ReservedWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the service: from "Service: wiki" or "called ...", else from the words before "service", "API",
 * "tracker" and the like ("a blog service" is {@code blog-service}), else from the first entity.
 */
final class ServiceNaming {
    private static final Pattern EXPLICIT = Pattern.compile(
            "(?:\\bservice\\s*:\\s*|\\b(?:called|named)\\s+[\"']?)([a-z][a-z0-9 -]{0,40}?)(?:[\"'.,;\\n]|$)");
    private static final Pattern HEADED = Pattern.compile(
            "((?:[a-z][a-z0-9-]*\\s+){0,4})\\b(service|api|app|application|backend|system|platform|microservice|"
                    + "tracker|shortener|tool|site|board|portal|server|core)\\b(?![- ]?(?:keys?|tokens?|calls?))(?:\\s+for\\s+(?:an?\\s+|the\\s+)?([a-z][a-z-]*))?");
    private static final Set<String> GENERIC = Set.of(
            "service",
            "api",
            "app",
            "application",
            "backend",
            "system",
            "platform",
            "microservice",
            "server",
            "portal",
            "core");
    private static final int MAX_WORDS = 4;
    private static final int MAX_LENGTH = 63;

    private final Lexicon lexicon;

    ServiceNaming(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The service name and Java package. */
    record Naming(String name, String basePackage) {}

    Naming name(List<String> sentences, List<DraftEntity> entities, List<String> shapes) {
        List<String> words = explicit(sentences);
        if (words.isEmpty()) {
            words = headed(sentences);
        }
        if (words.isEmpty() && !shapes.isEmpty()) {
            words = new ArrayList<>(List.of(shapes.getFirst()));
        }
        if (words.isEmpty() && !entities.isEmpty()) {
            words = new ArrayList<>(Names.words(entities.getFirst().name()));
        }
        if (words.isEmpty()) {
            words = new ArrayList<>(List.of("kiln"));
        }
        List<String> named = new ArrayList<>(words);
        if (!lexicon.isServiceNoun(named.getLast())) {
            named.add("service");
        }
        String name = Names.kebab(String.join(" ", named));
        while (name.length() > MAX_LENGTH) {
            name = name.substring(0, name.lastIndexOf('-'));
        }
        return new Naming(name, basePackage(words));
    }

    private List<String> explicit(List<String> sentences) {
        for (String sentence : sentences.subList(0, Math.min(2, sentences.size()))) {
            Matcher m = EXPLICIT.matcher(sentence.toLowerCase(java.util.Locale.ROOT));
            if (m.find()) {
                List<String> words = clean(m.group(1));
                if (!words.isEmpty()) {
                    return words;
                }
            }
        }
        return List.of();
    }

    private List<String> headed(List<String> sentences) {
        for (String sentence : sentences.subList(0, Math.min(2, sentences.size()))) {
            Matcher m = HEADED.matcher(sentence.toLowerCase(java.util.Locale.ROOT));
            while (m.find()) {
                List<String> words = clean(m.group(1));
                if (!GENERIC.contains(m.group(2))) {
                    words.add(m.group(2));
                }
                if (words.isEmpty() && m.group(3) != null) {
                    words = clean(m.group(3));
                }
                if (!words.isEmpty()) {
                    return words.subList(Math.max(0, words.size() - MAX_WORDS), words.size());
                }
            }
        }
        return List.of();
    }

    private List<String> clean(String text) {
        List<String> words = new ArrayList<>();
        for (String w : Names.words(NounReader.ascii(text.replace(' ', '-')).replace('-', ' '))) {
            boolean stop =
                    lexicon.nameStopWords().contains(w) || lexicon.grammar().isFunctionWord(w);
            if (!stop && Character.isLetter(w.charAt(0))) {
                words.add(w);
            }
        }
        return words;
    }

    private static String basePackage(List<String> words) {
        String last = String.join("", words).replaceAll("[^a-z0-9]", "");
        if (last.isEmpty() || !Character.isLetter(last.charAt(0))) {
            last = "app" + last;
        }
        if (ReservedWords.isJava(last)) {
            last = last + "svc";
        }
        return "com.example." + last;
    }
}
