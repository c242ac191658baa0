package dev.kiln.codegen.contributor.migration;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a spec change into a new Flyway migration: compares the schema of the old model with the new one,
 * table by table, column by column, constraint by constraint, and writes the SQL that takes a database
 * from one to the other without touching the migrations that already ran.
 *
 * <p>Safe changes are applied directly: new tables, columns, relations, constraints and indexes; type
 * widening (longer {@code varchar}, {@code varchar} to {@code text}, {@code integer} to {@code bigint}, more
 * decimal digits); optional to required with a default (existing nulls are backfilled first). Changes that
 * destroy data (dropping a table or column, narrowing a type) are refused unless allowed, and are then listed
 * in the migration's header. A new required column without a default is refused: existing rows would have
 * no value. Entities and fields the new spec declares {@code renamedFrom} are renamed in place, with the
 * constraints, indexes, foreign keys and join tables named after them ({@link SchemaRenames}), before
 * anything else is compared.
 */
public final class SchemaEvolution {
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("constraint (\\S+)");
    private static final Pattern INDEX_NAME = Pattern.compile("index (\\S+) on");
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+), (\\d+)\\)");

    private SchemaEvolution() {}

    /**
     * A migration that evolves the schema.
     *
     * @param sql the statements, with a header comment; empty when nothing changed
     * @param changes one line per change, in order
     * @param destructive the changes that destroy data
     */
    public record Migration(String sql, List<String> changes, List<String> destructive) {
        /** Copies the lists. */
        public Migration {
            changes = List.copyOf(changes);
            destructive = List.copyOf(destructive);
        }

        /**
         * Returns whether the schema did not change.
         *
         * @return true if there is nothing to migrate
         */
        public boolean empty() {
            return changes.isEmpty();
        }
    }

    /**
     * Compares two models' schemas.
     *
     * @param before the model the database has now
     * @param after the model it must have
     * @param allowDestructive whether changes that destroy data may be written
     * @return the migration
     * @throws KilnException listing the destructive changes when they are not allowed, or a required column
     *     that existing rows could not fill
     */
    public static Migration between(ServiceModel before, ServiceModel after, boolean allowDestructive) {
        List<String> statements = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        ServiceSpec renamedSpec = SchemaRenames.renamedSpec(before.spec(), after.spec());
        ServiceModel renamed = before;
        if (!renamedSpec.equals(before.spec())) {
            renamed = ServiceModel.of(renamedSpec, before.kilnVersion());
            SchemaRenames.statements(before, renamed, statements, changes);
        }
        Map<String, TableDef> old = byName(FlywayMigrationContributor.tables(renamed));
        Map<String, TableDef> next = byName(FlywayMigrationContributor.tables(after));
        Map<String, String> oldKeys = byConstraint(FlywayMigrationContributor.foreignKeys(renamed));
        Map<String, String> nextKeys = byConstraint(FlywayMigrationContributor.foreignKeys(after));
        List<String> destructive = new ArrayList<>();
        List<String> impossible = new ArrayList<>();

        oldKeys.forEach((name, sql) -> {
            if (!Objects.equals(nextKeys.get(name), sql)) {
                statements.add("alter table " + tableOf(sql) + " drop constraint " + name + ";");
                changes.add("drop foreign key " + name);
            }
        });
        old.forEach((name, table) -> {
            if (!next.containsKey(name)) {
                statements.add("drop table " + name + ";");
                changes.add("drop table " + name);
                destructive.add("dropping table " + name + " deletes all its rows");
            }
        });
        next.forEach((name, table) -> {
            TableDef previous = old.get(name);
            if (previous == null) {
                statements.add(table.render().strip());
                changes.add("create table " + name);
            } else {
                alter(previous, table, statements, changes, destructive, impossible);
            }
        });
        nextKeys.forEach((name, sql) -> {
            if (!Objects.equals(oldKeys.get(name), sql)) {
                statements.add(sql);
                changes.add("add foreign key " + name);
            }
        });
        if (!impossible.isEmpty()) {
            throw new KilnException(
                    "cannot migrate the existing database to this spec:\n  - " + String.join("\n  - ", impossible));
        }
        if (!destructive.isEmpty() && !allowDestructive) {
            throw new KilnException("this spec change destroys data:\n  - " + String.join("\n  - ", destructive)
                    + "\nIf that is intended, run again with --allow-destructive; otherwise restore the spec.");
        }
        if (changes.isEmpty()) {
            return new Migration("", List.of(), List.of());
        }
        StringBuilder sql = new StringBuilder("-- Generated by Kiln from a change to kiln.yaml:\n");
        changes.forEach(change -> sql.append("--   ").append(change).append('\n'));
        if (!destructive.isEmpty()) {
            sql.append("-- DESTROYS DATA (allowed with --allow-destructive):\n");
            destructive.forEach(d -> sql.append("--   ").append(d).append('\n'));
        }
        sql.append("-- Flyway applies it once; never edit it after it has run.\n\n");
        statements.forEach(statement -> sql.append(statement).append('\n'));
        return new Migration(sql.toString(), changes, destructive);
    }

    private static void alter(
            TableDef before,
            TableDef after,
            List<String> statements,
            List<String> changes,
            List<String> destructive,
            List<String> impossible) {
        String t = after.name();
        Map<String, String> oldConstraints = byConstraint(before.constraints());
        Map<String, String> newConstraints = byConstraint(after.constraints());
        oldConstraints.forEach((name, sql) -> {
            if (!Objects.equals(newConstraints.get(name), sql)) {
                statements.add("alter table " + t + " drop constraint " + name + ";");
                changes.add("drop constraint " + name);
            }
        });
        Map<String, String> oldIndexes = byIndex(before.indexes());
        Map<String, String> newIndexes = byIndex(after.indexes());
        oldIndexes.forEach((name, sql) -> {
            if (!Objects.equals(newIndexes.get(name), sql)) {
                statements.add("drop index " + name + ";");
                changes.add("drop index " + name);
            }
        });
        Map<String, TableDef.ColumnDef> oldColumns = new LinkedHashMap<>();
        before.columns().forEach(c -> oldColumns.put(c.name(), c));
        Map<String, TableDef.ColumnDef> newColumns = new LinkedHashMap<>();
        after.columns().forEach(c -> newColumns.put(c.name(), c));
        oldColumns.forEach((name, column) -> {
            if (!newColumns.containsKey(name)) {
                statements.add("alter table " + t + " drop column " + name + ";");
                changes.add("drop column " + t + "." + name);
                destructive.add("dropping column " + t + "." + name + " deletes its values");
            }
        });
        newColumns.forEach((name, column) -> {
            TableDef.ColumnDef previous = oldColumns.get(name);
            if (previous == null) {
                if (!column.nullable() && column.defaultSql() == null) {
                    impossible.add("new required column " + t + "." + name + " has no default, so existing rows"
                            + " would have no value: give the field a `default`, or add it as optional first");
                    return;
                }
                StringBuilder add = new StringBuilder("alter table ")
                        .append(t)
                        .append(" add column ")
                        .append(name)
                        .append(' ')
                        .append(column.type());
                if (column.defaultSql() != null) {
                    add.append(" default ").append(column.defaultSql());
                }
                if (!column.nullable()) {
                    add.append(" not null");
                }
                statements.add(add.append(';').toString());
                changes.add("add column " + t + "." + name);
                return;
            }
            changeColumn(t, previous, column, statements, changes, destructive, impossible);
        });
        newConstraints.forEach((name, sql) -> {
            if (!Objects.equals(oldConstraints.get(name), sql)) {
                statements.add("alter table " + t + " add " + sql + ";");
                changes.add("add constraint " + name);
            }
        });
        newIndexes.forEach((name, sql) -> {
            if (!Objects.equals(oldIndexes.get(name), sql)) {
                statements.add(sql);
                changes.add("create index " + name);
            }
        });
    }

    private static void changeColumn(
            String t,
            TableDef.ColumnDef before,
            TableDef.ColumnDef after,
            List<String> statements,
            List<String> changes,
            List<String> destructive,
            List<String> impossible) {
        String c = after.name();
        String alter = "alter table " + t + " alter column " + c;
        if (!before.type().equals(after.type())) {
            statements.add(alter + " set data type " + after.type() + ";");
            changes.add("change type of " + t + "." + c + " from " + before.type() + " to " + after.type());
            if (!widens(before.type(), after.type())) {
                destructive.add("changing " + t + "." + c + " from " + before.type() + " to " + after.type()
                        + " can truncate or reject existing values");
            }
        }
        if (!Objects.equals(before.defaultSql(), after.defaultSql())) {
            statements.add(
                    after.defaultSql() == null
                            ? alter + " drop default;"
                            : alter + " set default " + after.defaultSql() + ";");
            changes.add("change default of " + t + "." + c);
        }
        if (before.nullable() && !after.nullable()) {
            if (after.defaultSql() == null) {
                impossible.add(t + "." + c + " becomes required but has no default to fill existing nulls: give"
                        + " the field a `default` (existing nulls get it)");
                return;
            }
            statements.add("update " + t + " set " + c + " = " + after.defaultSql() + " where " + c + " is null;");
            statements.add(alter + " set not null;");
            changes.add("make " + t + "." + c + " required (nulls set to its default)");
        } else if (!before.nullable() && after.nullable()) {
            statements.add(alter + " drop not null;");
            changes.add("make " + t + "." + c + " optional");
        }
    }

    /** Whether every value of the old type fits the new one unchanged. */
    static boolean widens(String from, String to) {
        if (to.equals("text") && (from.startsWith("varchar(") || from.equals("text"))) {
            return true;
        }
        Matcher a = VARCHAR.matcher(from);
        Matcher b = VARCHAR.matcher(to);
        if (a.matches() && b.matches()) {
            return Integer.parseInt(b.group(1)) >= Integer.parseInt(a.group(1));
        }
        if (from.equals("integer") && to.equals("bigint")) {
            return true;
        }
        Matcher p = NUMERIC.matcher(from);
        Matcher q = NUMERIC.matcher(to);
        if (p.matches() && q.matches()) {
            int precision = Integer.parseInt(p.group(1));
            int scale = Integer.parseInt(p.group(2));
            int newPrecision = Integer.parseInt(q.group(1));
            int newScale = Integer.parseInt(q.group(2));
            return newScale >= scale && newPrecision - newScale >= precision - scale;
        }
        if (q.matches()) {
            int integerDigits = Integer.parseInt(q.group(1)) - Integer.parseInt(q.group(2));
            return (from.equals("integer") && integerDigits >= 10) || (from.equals("bigint") && integerDigits >= 19);
        }
        return false;
    }

    private static Map<String, TableDef> byName(List<TableDef> tables) {
        Map<String, TableDef> map = new LinkedHashMap<>();
        tables.forEach(table -> map.put(table.name(), table));
        return map;
    }

    private static Map<String, String> byConstraint(List<String> statements) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String statement : statements) {
            map.put(name(CONSTRAINT_NAME, statement), statement);
        }
        return map;
    }

    private static Map<String, String> byIndex(List<String> statements) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String statement : statements) {
            map.put(name(INDEX_NAME, statement), statement);
        }
        return map;
    }

    private static String name(Pattern pattern, String statement) {
        Matcher matcher = pattern.matcher(statement);
        return matcher.find() ? matcher.group(1) : statement;
    }

    private static String tableOf(String alterStatement) {
        String[] words = alterStatement.split(" ", 4);
        return words.length > 2 ? words[2] : "";
    }

    /**
     * Names a migration after its changes, e.g. {@code add_column_post_subtitle}.
     *
     * @param migration the migration
     * @return a Flyway description: lower-case letters, digits and underscores
     */
    public static String description(Migration migration) {
        String text = migration.changes().size() == 1 ? migration.changes().getFirst() : "schema_update";
        String slug = text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
        return "kiln_" + (slug.length() > 60 ? slug.substring(0, 60) : slug);
    }
}
