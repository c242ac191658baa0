package dev.kiln.codegen.contributor.migration;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.Index;
import dev.kiln.spec.Relation;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renames a new spec declares with {@code renamedFrom}, turned into SQL that renames tables, columns,
 * constraints and indexes in place, so their data survives.
 *
 * <p>The old spec is rewritten with the new names ({@link #renamedSpec}); because that changes names only,
 * the old model and the renamed one have the same tables, columns, constraints, indexes and foreign keys in
 * the same order, and every name that differs between the two is a rename. {@link SchemaEvolution} then
 * compares the renamed model with the new one for everything else.
 *
 * <p>A rename applies when the recorded spec has the old name and not the new one; otherwise it is ignored,
 * since the spec may keep {@code renamedFrom} after the rename has been applied. An entity's primary key
 * and identity sequence are named by the database, not by Kiln, and keep their names.
 */
final class SchemaRenames {
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("constraint (\\S+)");
    private static final Pattern INDEX_NAME = Pattern.compile("index (\\S+) on");

    private SchemaRenames() {}

    /**
     * Rewrites the old spec with the renames the new one declares and that apply to it.
     *
     * @param old the recorded spec
     * @param next the new spec
     * @return the old spec under the new names; equal to {@code old} when nothing is renamed
     */
    static ServiceSpec renamedSpec(ServiceSpec old, ServiceSpec next) {
        Map<String, String> entities = new LinkedHashMap<>();
        for (Entity entity : next.entities()) {
            String from = entity.renamedFrom();
            if (from != null
                    && old.entity(from).isPresent()
                    && old.entity(entity.name()).isEmpty()) {
                entities.put(from, entity.name());
            }
        }
        List<Entity> renamed = new ArrayList<>();
        boolean changed = !entities.isEmpty();
        for (Entity entity : old.entities()) {
            String name = entities.getOrDefault(entity.name(), entity.name());
            Entity out = entity;
            Entity target = next.entity(name).orElse(null);
            if (!name.equals(entity.name())) {
                out = entity.withName(name);
                if (target != null) {
                    // The table follows the new spec's plural, so a plural set to keep the old table is honoured.
                    out = new Entity(name, target.plural(), out.description(), out.fields(), out.indexes());
                }
            }
            if (target != null) {
                Entity withFields = renameFields(out, target);
                changed |= !withFields.equals(out);
                out = withFields;
            }
            renamed.add(out);
        }
        if (!changed) {
            return old;
        }
        List<Relation> relations =
                old.relations().stream().map(r -> rename(r, entities, next)).toList();
        return new ServiceSpec(
                old.kiln(), old.name(), old.basePackage(), old.description(), renamed, relations, old.features());
    }

    private static Entity renameFields(Entity entity, Entity target) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field field : target.fields()) {
            String from = field.renamedFrom();
            if (from != null
                    && entity.field(from).isPresent()
                    && entity.field(field.name()).isEmpty()) {
                fields.put(from, field.name());
            }
        }
        if (fields.isEmpty()) {
            return entity;
        }
        List<Field> renamed = entity.fields().stream()
                .map(f -> fields.containsKey(f.name()) ? f.withName(fields.get(f.name())) : f)
                .toList();
        List<Index> indexes = entity.indexes().stream()
                .map(index -> new Index(
                        index.fields().stream()
                                .map(name -> fields.getOrDefault(name, name))
                                .toList(),
                        index.unique()))
                .toList();
        return entity.withFields(renamed).withIndexes(indexes);
    }

    /**
     * Points a relation at renamed entities; when it touches one, it takes the property names of the new
     * spec's one relation between the same entities of the same kind, so its column follows the new spec.
     */
    private static Relation rename(Relation relation, Map<String, String> entities, ServiceSpec next) {
        String from = entities.getOrDefault(relation.from(), relation.from());
        String to = entities.getOrDefault(relation.to(), relation.to());
        if (from.equals(relation.from()) && to.equals(relation.to())) {
            return relation;
        }
        List<Relation> same = next.relations().stream()
                .filter(r -> r.from().equals(from) && r.to().equals(to) && r.kind() == relation.kind())
                .toList();
        String name = same.size() == 1 ? same.getFirst().name() : relation.name();
        String inverse = same.size() == 1 ? same.getFirst().inverse() : relation.inverse();
        return new Relation(from, to, relation.kind(), name, inverse, relation.required(), relation.onDelete());
    }

    /**
     * Returns the statements that take the old schema to the renamed one, with one line per change.
     *
     * @param old the old model
     * @param renamed the old model under the new names
     * @param statements where the SQL goes
     * @param changes where the descriptions go
     */
    static void statements(ServiceModel old, ServiceModel renamed, List<String> statements, List<String> changes) {
        List<TableDef> before = FlywayMigrationContributor.tables(old);
        List<TableDef> after = FlywayMigrationContributor.tables(renamed);
        aligned(before.size(), after.size(), "tables");
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).name().equals(after.get(i).name())) {
                statements.add("alter table " + before.get(i).name() + " rename to "
                        + after.get(i).name() + ";");
                changes.add("rename table " + before.get(i).name() + " to "
                        + after.get(i).name());
            }
        }
        for (int i = 0; i < before.size(); i++) {
            renameWithin(before.get(i), after.get(i), statements, changes);
        }
        List<String> oldKeys = FlywayMigrationContributor.foreignKeys(old);
        List<String> newKeys = FlywayMigrationContributor.foreignKeys(renamed);
        aligned(oldKeys.size(), newKeys.size(), "foreign keys");
        for (int i = 0; i < oldKeys.size(); i++) {
            String table = newKeys.get(i).split(" ", 4)[2];
            renameConstraint(table, oldKeys.get(i), newKeys.get(i), statements, changes);
        }
    }

    private static void renameWithin(TableDef before, TableDef after, List<String> statements, List<String> changes) {
        String t = after.name();
        aligned(before.columns().size(), after.columns().size(), "columns of " + t);
        for (int j = 0; j < before.columns().size(); j++) {
            String a = before.columns().get(j).name();
            String b = after.columns().get(j).name();
            if (!a.equals(b)) {
                statements.add("alter table " + t + " rename column " + a + " to " + b + ";");
                changes.add("rename column " + t + "." + a + " to " + b);
            }
        }
        aligned(before.constraints().size(), after.constraints().size(), "constraints of " + t);
        for (int j = 0; j < before.constraints().size(); j++) {
            renameConstraint(t, before.constraints().get(j), after.constraints().get(j), statements, changes);
        }
        aligned(before.indexes().size(), after.indexes().size(), "indexes of " + t);
        for (int j = 0; j < before.indexes().size(); j++) {
            String a = name(INDEX_NAME, before.indexes().get(j));
            String b = name(INDEX_NAME, after.indexes().get(j));
            if (!a.equals(b)) {
                statements.add("alter index " + a + " rename to " + b + ";");
                changes.add("rename index " + a + " to " + b);
            }
        }
    }

    private static void renameConstraint(
            String table, String before, String after, List<String> statements, List<String> changes) {
        String a = name(CONSTRAINT_NAME, before);
        String b = name(CONSTRAINT_NAME, after);
        if (!a.equals(b)) {
            statements.add("alter table " + table + " rename constraint " + a + " to " + b + ";");
            changes.add("rename constraint " + a + " to " + b);
        }
    }

    private static void aligned(int before, int after, String what) {
        if (before != after) {
            throw new IllegalStateException(
                    "renaming changed the number of " + what + " (" + before + " to " + after + ")");
        }
    }

    private static String name(Pattern pattern, String statement) {
        Matcher matcher = pattern.matcher(statement);
        if (!matcher.find()) {
            throw new IllegalStateException("no name in " + statement);
        }
        return matcher.group(1);
    }
}
