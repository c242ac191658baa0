/**
 * The standard contributors, one sub-package per concern, and their order in {@link
 * dev.kiln.codegen.contributor.Contributors}.
 */
@NullMarked
package dev.kiln.codegen.contributor;

import org.jspecify.annotations.NullMarked;
