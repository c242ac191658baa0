/**
 * Documents to chunks: {@link dev.kiln.rag.chunk.StructureAwareChunker} packs whole paragraphs within
 * one section, so every chunk keeps the title, section path and anchor it came from.
 */
@NullMarked
package dev.kiln.rag.chunk;

import org.jspecify.annotations.NullMarked;
