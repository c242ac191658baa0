/**
 * The compile check of the intent evaluation, {@code kiln bench intent --compile}: every spec the offline
 * parser produces for the labelled prompts is generated into a project, and the project's Java sources are
 * compiled in-process with {@code javax.tools}, by one compiler, against one classpath resolved from a
 * generated project's own Maven build.
 *
 * <p>Entry point: {@link dev.kiln.cli.compile.CompileCheck}. Nothing here prints; progress goes to a
 * {@link dev.kiln.cli.compile.CompileCheck.Listener}, and the bench command prints.
 */
@NullMarked
package dev.kiln.cli.compile;

import org.jspecify.annotations.NullMarked;
