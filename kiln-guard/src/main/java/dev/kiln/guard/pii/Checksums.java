package dev.kiln.guard.pii;

import java.math.BigInteger;

/** The check-digit algorithms of card numbers and IBANs. */
final class Checksums {
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {}

    /**
     * The Luhn (mod 10) check of ISO/IEC 7812.
     *
     * @param digits ASCII digits only
     * @return true if the last digit is the right check digit
     */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    /**
     * The ISO 7064 mod 97-10 check of ISO 13616: move the first four characters to the end, turn letters
     * into 10..35, and the number must leave remainder 1 when divided by 97.
     *
     * @param iban an IBAN without spaces, upper case
     * @return true if the check digits are right
     */
    static boolean ibanMod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder number = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                number.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                number.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(number.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
