/**
 * Credentials in text: {@link dev.kiln.guard.secret.SecretGuardrail} finds cloud access keys (AWS, Google
 * Cloud, Azure), GitHub and Slack tokens, private key blocks, JSON Web Tokens whose header decodes, and
 * high-entropy values assigned to key-like names. Hashes, UUIDs and placeholders are not secrets.
 */
@NullMarked
package dev.kiln.guard.secret;

import org.jspecify.annotations.NullMarked;
