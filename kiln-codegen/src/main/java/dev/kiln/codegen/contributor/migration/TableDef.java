package dev.kiln.codegen.contributor.migration;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table to create: columns, then table constraints, then indexes.
 *
 * @param name the table name
 * @param columns the columns in order
 * @param constraints table constraints such as {@code constraint uk_x unique (a)}
 * @param indexes {@code create index} statements that follow the table
 */
record TableDef(String name, List<ColumnDef> columns, List<String> constraints, List<String> indexes) {

    /**
     * A column.
     *
     * @param name the column name
     * @param type the SQL type
     * @param nullable whether nulls are allowed
     * @param defaultSql a default expression, or null
     */
    record ColumnDef(
            String name,
            String type,
            boolean nullable,
            @Nullable String defaultSql) {}

    static TableDef named(String name) {
        return new TableDef(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    TableDef column(String columnName, String type, boolean nullable) {
        columns.add(new ColumnDef(columnName, type, nullable, null));
        return this;
    }

    TableDef column(ColumnDef column) {
        columns.add(column);
        return this;
    }

    TableDef constraint(String constraint) {
        constraints.add(constraint);
        return this;
    }

    TableDef index(String statement) {
        indexes.add(statement);
        return this;
    }

    String render() {
        int width = columns.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (ColumnDef column : columns) {
            StringBuilder line = new StringBuilder("    ")
                    .append(column.name())
                    .append(" ".repeat(width - column.name().length() + 1))
                    .append(column.type());
            if (column.defaultSql() != null) {
                line.append(" default ").append(column.defaultSql());
            }
            if (!column.nullable()) {
                line.append(" not null");
            }
            lines.add(line.toString());
        }
        constraints.forEach(c -> lines.add("    " + c));
        StringBuilder out = new StringBuilder("create table ").append(name).append(" (\n");
        out.append(String.join(",\n", lines)).append("\n);\n");
        indexes.forEach(i -> out.append(i).append('\n'));
        return out.toString();
    }
}
