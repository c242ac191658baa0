/**
 * Flyway migrations: a small DDL model of tables, columns and constraints, rendered as SQL that runs on
 * PostgreSQL and on H2 in PostgreSQL mode.
 */
@NullMarked
package dev.kiln.codegen.contributor.migration;

import org.jspecify.annotations.NullMarked;
