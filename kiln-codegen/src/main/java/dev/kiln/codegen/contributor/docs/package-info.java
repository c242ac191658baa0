/** The generated project's own README. */
@NullMarked
package dev.kiln.codegen.contributor.docs;

import org.jspecify.annotations.NullMarked;
