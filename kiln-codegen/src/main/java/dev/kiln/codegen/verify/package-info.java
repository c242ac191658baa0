/**
 * {@code kiln verify}: builds a generated Spring Boot project with its own Maven wrapper, boots the jar on a
 * free loopback port, runs a live HTTP smoke test against its CRUD endpoints, stops it and reports each step.
 *
 * <p>Entry point: {@link dev.kiln.codegen.verify.Verifier}. Nothing here prints; progress goes to a
 * {@link dev.kiln.codegen.verify.VerifyListener}.
 */
@NullMarked
package dev.kiln.codegen.verify;

import org.jspecify.annotations.NullMarked;
