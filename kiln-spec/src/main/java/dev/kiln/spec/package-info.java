/**
 * The ServiceSpec: the human-reviewable contract between a prompt and generated code.
 *
 * <p>{@link dev.kiln.spec.ServiceSpec} and the records it holds are plain values. Read a spec with
 * {@link dev.kiln.spec.io.SpecReader}, which validates it against the published JSON Schema and the
 * semantic rules in {@link dev.kiln.spec.validation}, and write one with {@link dev.kiln.spec.io.SpecWriter}.
 */
@NullMarked
package dev.kiln.spec;

import org.jspecify.annotations.NullMarked;
