/**
 * Spec validation: the JSON Schema check, the semantic rules, and the problems they report, each with a
 * file location, a path such as {@code entities[2].fields[0].type}, and a suggestion where one helps.
 */
@NullMarked
package dev.kiln.spec.validation;

import org.jspecify.annotations.NullMarked;
