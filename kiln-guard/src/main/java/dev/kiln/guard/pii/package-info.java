/**
 * Personal data with character offsets: {@link dev.kiln.guard.pii.PiiGuardrail} finds e-mail addresses,
 * phone numbers (libphonenumber), payment card numbers (Luhn and issuer ranges), IBANs (mod-97 and the
 * length of each country), US social security numbers (valid area, group and serial) and IP addresses
 * (v4 and v6). Candidates come from linear-time RE2/J patterns and are then validated, so look-alikes that
 * fail a checksum are not reported.
 */
@NullMarked
package dev.kiln.guard.pii;

import org.jspecify.annotations.NullMarked;
