/**
 * Rate limiting in generated services: Bucket4j filters around Spring Security, buckets in memory or in
 * PostgreSQL, their settings, migration, tests and documentation.
 */
@NullMarked
package dev.kiln.codegen.contributor.ratelimit;

import org.jspecify.annotations.NullMarked;
