/**
 * Contributes the security of generated services from {@code features.auth}: an embedded OAuth 2.1 authorization
 * server, a resource server for an external issuer, or API keys, with scope rules for every endpoint.
 */
@NullMarked
package dev.kiln.codegen.contributor.security;

import org.jspecify.annotations.NullMarked;
