/**
 * The REST layer: request, response and filter records, services, controllers, and the shared web
 * support package (problem details, ETags, merge patch, paging).
 */
@NullMarked
package dev.kiln.codegen.contributor.web;

import org.jspecify.annotations.NullMarked;
