package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.lexicon.VerbKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which nouns of a prompt become entities.
 *
 * <p>A noun with fields of its own ("books have a title") or a "many" in front of it is accepted
 * outright; a noun related by a verb to an accepted one ("members borrow books") is accepted through
 * that link; a noun only listed as something to manage is accepted when the lexicon knows it as a
 * stored thing. Nouns that name the service, a feature, a unit or a tenant never are.
 */
final class EntityResolver {
    private enum Strength {
        STRONG,
        LINKED,
        WEAK
    }

    private record Mention(Noun noun, Strength strength, String evidence, double confidence) {}

    private record Link(String a, String b) {}

    /** Marks a link end that names a head noun rather than a whole concept. */
    private static final String HEAD = "head:";

    private static final Set<String> INDEFINITE = Set.of("a", "an", "one", "many", "each", "every", "any");

    private final Lexicon lexicon;
    private final NounReader nouns;
    private final NounJudge judge;
    private final Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    /** Keys of nouns that hold fields of their own. */
    private final Set<String> withFields = new HashSet<>();

    EntityResolver(NounSense sense) {
        this.lexicon = sense.lexicon();
        this.nouns = sense.nouns();
        this.judge = sense.judge();
    }

    /** Keys of nouns that have items of their own: they name entities wherever they appear. */
    Set<String> strongKeys(List<Statement> statements) {
        Set<String> keys = new HashSet<>();
        for (Statement s : statements) {
            if (s instanceof Statement.Fields f && !f.items().isEmpty()) {
                Noun subject = nouns.read(f.subject());
                if (judge.possible(subject) && f.items().stream().anyMatch(this::usableItem)) {
                    keys.add(subject.key());
                }
            }
        }
        return keys;
    }

    EntityTable resolve(List<Statement> statements) {
        Set<String> strong = strongKeys(statements);
        withFields.clear();
        withFields.addAll(strong);
        for (Statement s : statements) {
            switch (s) {
                case Statement.Fields f -> fields(f, strong);
                case Statement.Relation r -> relation(r);
                case Statement.Declare d -> declare(d);
                case Statement.Join j -> join(j);
            }
        }
        return accept();
    }

    private void fields(Statement.Fields f, Set<String> strong) {
        Noun subject = nouns.read(f.subject());
        if (!strong.contains(subject.key())) {
            return;
        }
        mention(subject, Strength.STRONG, f.evidence(), 0.9);
        for (Phrase item : f.items()) {
            Noun noun = nouns.read(item);
            if (judge.relationItem(noun, strong)) {
                mention(noun, noun.many() || judge.known(noun) ? Strength.STRONG : Strength.LINKED, f.evidence(), 0.8);
                links.add(new Link(subject.key(), noun.key()));
            }
        }
    }

    private void relation(Statement.Relation r) {
        Noun subject = nouns.read(r.subject());
        boolean other = r.verb().is(VerbKind.OTHER);
        mention(subject, Strength.LINKED, r.evidence(), 0.75);
        for (Phrase object : r.objects()) {
            Noun noun = nouns.read(object);
            mention(noun, Strength.LINKED, r.evidence(), 0.75);
            if (!other && judge.known(subject) && judge.known(noun)) {
                mention(subject, Strength.STRONG, r.evidence(), 0.8);
                mention(noun, Strength.STRONG, r.evidence(), 0.8);
            }
            if (!other || bothKnown(subject, noun)) {
                links.add(new Link(subject.key(), noun.key()));
            }
            for (Noun.Pp pp : noun.pps()) {
                Noun target = nouns.read(pp.object());
                mention(target, Strength.LINKED, r.evidence(), 0.7);
                links.add(new Link(noun.key(), target.key()));
                links.add(new Link(subject.key(), target.key()));
            }
            joinNouns(r, subject, noun);
        }
        lexicon.verbs().nominal(r.verb().phrase()).ifPresent(n -> nominal(n, subject, r));
    }

    private void joinNouns(Statement.Relation r, Noun subject, Noun object) {
        if (!judge.possible(object)) {
            return;
        }
        for (String noun : lexicon.verbs().joinNouns(r.verb().phrase())) {
            String join = HEAD + noun;
            links.add(new Link(subject.key(), join));
            if (judge.known(object)) {
                links.add(new Link(object.key(), join));
            }
        }
    }

    private void nominal(String noun, Noun subject, Statement.Relation r) {
        for (Phrase object : r.objects()) {
            Noun target = nouns.read(object);
            if (judge.possible(target)) {
                Noun record = new Noun(noun, noun, false, null, List.of(), object);
                mentions.computeIfAbsent(noun, k -> new ArrayList<>())
                        .add(new Mention(record, Strength.LINKED, r.evidence(), 0.6));
                links.add(new Link(noun, target.key()));
                links.add(new Link(noun, subject.key()));
            }
        }
    }

    private void declare(Statement.Declare d) {
        for (Phrase item : d.items()) {
            Noun noun = nouns.read(item);
            boolean known = judge.known(noun) && !judge.isFeatureWords(d.evidence());
            mention(noun, known ? Strength.STRONG : Strength.WEAK, d.evidence(), known ? 0.7 : 0.4);
        }
    }

    private void join(Statement.Join j) {
        Noun join = nouns.read(j.join());
        if (!judge.possible(join)) {
            return;
        }
        mention(join, Strength.STRONG, j.evidence(), 0.8);
        for (Phrase part : j.parts()) {
            Noun noun = nouns.read(part);
            mention(noun, Strength.LINKED, j.evidence(), 0.8);
            links.add(new Link(join.key(), noun.key()));
        }
    }

    private boolean bothKnown(Noun a, Noun b) {
        return (judge.known(a) || mentions.containsKey(a.key())) && (judge.known(b) || mentions.containsKey(b.key()));
    }

    private void mention(Noun noun, Strength strength, String evidence, double confidence) {
        if (judge.possible(noun)) {
            mentions.computeIfAbsent(noun.key(), k -> new ArrayList<>())
                    .add(new Mention(noun, strength, evidence, confidence));
        }
    }

    private boolean usableItem(Phrase item) {
        return item.tokens().stream().anyMatch(t -> t.isWord()) && !judge.isFeatureWords(item.text());
    }

    private EntityTable accept() {
        Map<String, String> alias = aliases();
        Set<String> accepted = new HashSet<>();
        mentions.forEach((key, list) -> {
            if (list.stream().anyMatch(m -> m.strength() == Strength.STRONG)) {
                accepted.add(alias.getOrDefault(key, key));
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Link link : links) {
                String a = alias.getOrDefault(byHead(link.a()), byHead(link.a()));
                String b = alias.getOrDefault(byHead(link.b()), byHead(link.b()));
                if (accepted.contains(a) && eligible(b) && accepted.add(b)) {
                    changed = true;
                } else if (accepted.contains(b) && eligible(a) && accepted.add(a)) {
                    changed = true;
                }
            }
        }
        if (accepted.isEmpty()) {
            mentions.forEach((key, list) -> {
                if (list.stream()
                        .anyMatch(m -> judge.known(m.noun()) || m.noun().plural())) {
                    accepted.add(alias.getOrDefault(key, key));
                }
            });
        }
        return table(accepted, alias);
    }

    /**
     * Whether a noun can be accepted through a link: a stored-thing word, a plural ("pets"), or a
     * singular with an indefinite or counting determiner ("a fleet"). "The front desk" names one thing,
     * not a table of them.
     */
    private boolean eligible(String key) {
        List<Mention> list = mentions.get(key);
        if (list == null) {
            return false;
        }
        return list.stream()
                .anyMatch(m -> m.strength() == Strength.STRONG
                        || judge.known(m.noun())
                        || m.noun().plural()
                        || INDEFINITE.contains(String.valueOf(m.noun().quantifier())));
    }

    /** Resolves a link end written as a head noun ("result") to the noun that ends with it ("exam result"). */
    private String byHead(String key) {
        if (!key.startsWith(HEAD)) {
            return key;
        }
        String noun = key.substring(HEAD.length());
        return mentions.keySet().stream()
                .filter(k -> k.equals(noun) || k.endsWith(" " + noun))
                .findFirst()
                .orElse(noun);
    }

    /**
     * Maps one noun onto another that names the same thing. "Bird sighting" becomes "sighting" when only
     * the shorter noun has fields of its own, or when the longer one is not accepted on its own; "home
     * team" becomes "team" when only "team" has fields. "Opening" becomes "job opening" when the longer
     * noun has fields and no other noun ends with "opening"; "bank details" becomes "bank details record"
     * likewise, the trailing "record" aside.
     */
    private Map<String, String> aliases() {
        Map<String, String> alias = new LinkedHashMap<>();
        for (String key : mentions.keySet()) {
            boolean strong = mentions.get(key).stream().anyMatch(m -> m.strength() == Strength.STRONG);
            boolean fields = withFields.contains(key);
            String rest = key;
            while (!fields && rest.contains(" ")) {
                rest = rest.substring(rest.indexOf(' ') + 1);
                if (mentions.containsKey(rest) && (!strong || withFields.contains(rest))) {
                    alias.put(key, rest);
                    break;
                }
            }
            if (!fields && !alias.containsKey(key)) {
                longer(key).ifPresent(l -> alias.put(key, l));
            }
        }
        return alias;
    }

    /** The one noun with fields that ends with this noun ("job opening" for "opening"), if any. */
    private java.util.Optional<String> longer(String key) {
        String loose = loose(key);
        List<String> found = withFields.stream()
                .filter(k -> !k.equals(key)
                        && (k.endsWith(" " + key) || loose(k).equals(loose) || loose(k).endsWith(" " + loose)))
                .toList();
        return found.size() == 1 ? java.util.Optional.of(found.getFirst()) : java.util.Optional.empty();
    }

    /** A key without a trailing "record" and with every word singular: "bank details record" is "bank detail". */
    private static String loose(String key) {
        List<String> words = new ArrayList<>(List.of(key.split(" ")));
        if (words.size() > 1 && words.getLast().equals("record")) {
            words.removeLast();
        }
        words.replaceAll(w -> dev.kiln.intent.internal.nlp.Inflections.singular(w, w));
        return String.join(" ", words);
    }

    private EntityTable table(Set<String> accepted, Map<String, String> alias) {
        EntityTable table = new EntityTable();
        alias.forEach((from, to) -> {
            if (accepted.contains(to) && !accepted.contains(from)) {
                table.alias(from, to);
            }
        });
        mentions.forEach((key, list) -> {
            if (!accepted.contains(key)) {
                return;
            }
            Mention best = list.stream()
                    .filter(m -> m.strength() != Strength.WEAK || list.size() == 1)
                    .findFirst()
                    .orElse(list.getFirst());
            int position = list.stream()
                    .mapToInt(m -> m.noun().phrase().position())
                    .min()
                    .orElse(0);
            table.add(key, position, best.evidence(), best.confidence());
        });
        return table;
    }
}
