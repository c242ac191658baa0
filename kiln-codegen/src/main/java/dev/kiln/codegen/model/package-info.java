/**
 * The analysed spec the contributors read: every derived name (classes, packages, tables, columns, URL
 * segments) decided once, so all contributors agree.
 */
@NullMarked
package dev.kiln.codegen.model;

import org.jspecify.annotations.NullMarked;
