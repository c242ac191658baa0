/** Application configuration: the main class and the Spring profiles {@code dev} and {@code prod}. */
@NullMarked
package dev.kiln.codegen.contributor.config;

import org.jspecify.annotations.NullMarked;
