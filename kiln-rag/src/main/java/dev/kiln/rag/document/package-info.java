/**
 * Files to structured text: HTML without its boilerplate, Markdown, plain text and PDF become a
 * {@link dev.kiln.rag.document.ParsedDocument} of titled sections with anchors.
 */
@NullMarked
package dev.kiln.rag.document;

import org.jspecify.annotations.NullMarked;
