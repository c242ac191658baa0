/**
 * Naming rules shared by the spec and the compiler: case conversion, English plurals and the reserved
 * words of Java and SQL that generated code must avoid.
 */
@NullMarked
package dev.kiln.spec.naming;

import org.jspecify.annotations.NullMarked;
