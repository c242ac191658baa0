/**
 * Regeneration that keeps the user's edits: a three-way merge per file between what Kiln generated last
 * time (the base), the files as they are now (ours) and the new generation (theirs).
 *
 * <p>{@link dev.kiln.codegen.merge.Regenerator} plans, {@link dev.kiln.codegen.merge.RegenerationPlan} describes
 * the plan (and renders it as a unified diff), and {@link dev.kiln.codegen.writer.ProjectWriter#apply} carries it
 * out all or nothing.
 */
@NullMarked
package dev.kiln.codegen.merge;

import org.jspecify.annotations.NullMarked;
