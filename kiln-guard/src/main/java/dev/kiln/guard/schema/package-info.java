/**
 * Output checks against a JSON Schema: {@link dev.kiln.guard.schema.JsonSchemaGuardrail} parses a model's answer
 * (or its {@code ```json} block) and reports each violation with a JSON pointer, character offsets and a message.
 */
@NullMarked
package dev.kiln.guard.schema;

import org.jspecify.annotations.NullMarked;
