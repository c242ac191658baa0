/** JPA entities, their enums and their Spring Data repositories. */
@NullMarked
package dev.kiln.codegen.contributor.entity;

import org.jspecify.annotations.NullMarked;
