/** The generated project's tests: API round trips, validation, conflicts, fuzzing, and PostgreSQL. */
@NullMarked
package dev.kiln.codegen.contributor.tests;

import org.jspecify.annotations.NullMarked;
