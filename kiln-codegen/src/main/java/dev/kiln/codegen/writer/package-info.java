/**
 * Putting a generated project on disk: atomically, never over a user's unrelated files, with the
 * {@code .kiln/} record of what was generated.
 */
@NullMarked
package dev.kiln.codegen.writer;

import org.jspecify.annotations.NullMarked;
