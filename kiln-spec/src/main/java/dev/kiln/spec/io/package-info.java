/**
 * Reading and writing spec files: YAML or JSON in, with every value's line and column remembered for
 * error messages; canonical YAML or JSON out.
 */
@NullMarked
package dev.kiln.spec.io;

import org.jspecify.annotations.NullMarked;
