package dev.kiln.guard.pii;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IBANs, written together or in groups of four separated by single spaces, in either case: the country code must be in
 * the IBAN registry, the length must be that country's, and the mod-97 check must hold.
 */
final class IbanDetector implements Detector {
    private static final Pattern START = Pattern.compile("[A-Za-z]{2}[0-9]{2}");

    /** Total IBAN length per country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    @Override
    public PiiType type() {
        return PiiType.IBAN;
    }

    @Override
    public List<int[]> find(String text) {
        return Spans.matching(START, text, (start, end) -> accept(text, start));
    }

    private static int accept(String text, int start) {
        Integer length = LENGTHS.get(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
        if (length == null || Spans.isWordChar(text, start - 1)) {
            return -1;
        }
        StringBuilder iban = new StringBuilder(length);
        int i = start;
        while (i < text.length() && iban.length() < length) {
            char c = text.charAt(i);
            if (isAlnum(c)) {
                iban.append(Character.toUpperCase(c));
            } else if (c != ' ' || iban.length() % 4 != 0 || i + 1 >= text.length() || !isAlnum(text.charAt(i + 1))) {
                return -1;
            }
            i++;
        }
        boolean complete = iban.length() == length && !Spans.isWordChar(text, i);
        return complete && Checksums.ibanMod97(iban.toString()) ? i : -1;
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
