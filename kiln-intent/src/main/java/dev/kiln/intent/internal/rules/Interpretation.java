package dev.kiln.intent.internal.rules;

import dev.kiln.intent.UnclearPromptException;
import dev.kiln.intent.internal.lexicon.Preset;
import dev.kiln.intent.internal.nlp.Token;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One parse after its statements are read: decides entities, collects fields, applies service shapes,
 * reads relations and features, and returns a {@link Draft}.
 *
 * <p>Holds the working state of a single parse; create one per prompt.
 */
final class Interpretation {
    private static final int ACTOR_WINDOW = 6;
    private static final int MAX_DESCRIPTION = 300;

    /**
     * What the reading of a prompt produced.
     *
     * @param sentences the sentences kept after screening
     * @param statements the statements read from them
     * @param judge judges nouns for this prompt
     * @param warnings warnings so far
     */
    record Reading(List<String> sentences, List<Statement> statements, NounJudge judge, List<String> warnings) {}

    private final RuleSet rules;
    private final Reading reading;
    private final String text;
    private final List<String> warnings;
    private final RelationSet relations = new RelationSet();
    private final FeatureDraft features = new FeatureDraft();

    Interpretation(RuleSet rules, Reading reading) {
        this.rules = rules;
        this.reading = reading;
        this.text = String.join("\n", reading.sentences()).toLowerCase(java.util.Locale.ROOT);
        this.warnings = new ArrayList<>(reading.warnings());
    }

    Draft interpret() {
        List<Statement> statements = new FieldHomes(sense()).settle(reading.statements());
        EntityResolver resolver = new EntityResolver(sense());
        EntityTable table = resolver.resolve(statements);
        Set<String> strong = resolver.strongKeys(statements);
        collectFields(table, strong, statements);
        List<PresetShapes.Applied> shapes = rules.presets().matching(text);
        shapes.forEach(a -> rules.presets().apply(a, table, relations));
        giveLoginAUser(table);
        readRelations(table, strong, statements);
        rules.features().read(text, table, features, warnings);
        shapeAuth(shapes);
        List<RelationSet.DraftRelation> all = relations.all();
        rules.presets().defaults(table, all);
        UnsafeNames.filter(table, warnings);
        requireEntities(table);
        return draft(table, all, shapes);
    }

    private void collectFields(EntityTable table, Set<String> strong, List<Statement> statements) {
        FieldCollector fields = new FieldCollector(sense(), rules.fieldPhrases(), rules.typing());
        for (Statement s : statements) {
            if (s instanceof Statement.Fields f) {
                fields.collect(f, table, strong);
            }
        }
        warnings.addAll(fields.notes());
    }

    private NounSense sense() {
        return new NounSense(rules.lexicon(), rules.nouns(), reading.judge());
    }

    private void readRelations(EntityTable table, Set<String> strong, List<Statement> statements) {
        RelationReader reader =
                new RelationReader(new NounSense(rules.lexicon(), rules.nouns(), reading.judge()), table, relations);
        statements.forEach(s -> reader.read(s, strong));
    }

    /** A login without another actor ("owners log in") needs a {@code User} to hold credentials. */
    private void giveLoginAUser(EntityTable table) {
        Optional<Matcher> login = rules.features().login(text);
        if (login.isEmpty()) {
            return;
        }
        int start = login.get().start();
        String before = text.substring(Math.max(0, text.lastIndexOf('\n', start)), start);
        String[] words = before.strip().split("[^a-z-]+");
        for (int i = words.length - 1; i >= 0 && i >= words.length - ACTOR_WINDOW; i--) {
            Phrase phrase = new Phrase(List.of(Token.of(words[i], "NOUN", words[i])), List.of(), 0);
            Optional<DraftEntity> actor = table.find(rules.nouns().read(phrase));
            if (actor.isPresent() && !actor.get().name().equals("User")) {
                return;
            }
        }
        rules.presets().ensureUser(table, login.get().group());
    }

    /** A service shape with auth ("an auth service") sets the auth feature the prompt left out. */
    private void shapeAuth(List<PresetShapes.Applied> shapes) {
        for (PresetShapes.Applied applied : shapes) {
            Preset preset = applied.preset();
            if (preset.auth() == null) {
                continue;
            }
            AuthFeature auth = features.auth;
            AuthType type = auth == null ? AuthType.fromId(preset.auth()) : auth.type();
            List<String> roles = auth == null || auth.roles().isEmpty() ? preset.roles() : auth.roles();
            features.auth = new AuthFeature(type, roles);
            if (auth == null) {
                String evidence = "service shape '" + preset.id() + "' ('" + applied.cue() + "')";
                features.explain("auth", "auth: " + type.id() + " " + roles, evidence, 0.8);
            }
        }
    }

    private static void requireEntities(EntityTable table) {
        if (table.isEmpty()) {
            throw new UnclearPromptException("no entities: name the things the service stores and what they hold,"
                    + " for example 'books have a title and an author'");
        }
    }

    private Draft draft(EntityTable table, List<RelationSet.DraftRelation> all, List<PresetShapes.Applied> shapes) {
        List<String> shapeIds = shapes.stream().map(a -> a.preset().id()).toList();
        ServiceNaming.Naming name = rules.naming().name(reading.sentences(), table.inOrder(), shapeIds);
        String first = reading.sentences().getFirst();
        String description = first.length() > MAX_DESCRIPTION ? first.substring(0, MAX_DESCRIPTION - 3) + "..." : first;
        return new Draft(name.name(), name.basePackage(), description, table.inOrder(), all, features, warnings);
    }
}
