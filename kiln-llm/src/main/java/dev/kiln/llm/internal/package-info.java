/**
 * How {@link dev.kiln.llm.OpenAiChatModels} bounds a model call: a LangChain4j HTTP client on the JDK client with
 * one deadline for the whole exchange and a body subscriber that stops reading past a limit.
 *
 * <p>Nothing outside {@code dev.kiln.llm} may use these types; they change without notice.
 */
@NullMarked
package dev.kiln.llm.internal;

import org.jspecify.annotations.NullMarked;
