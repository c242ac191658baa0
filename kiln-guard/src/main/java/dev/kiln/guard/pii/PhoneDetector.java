package dev.kiln.guard.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phone numbers that libphonenumber finds and considers valid (its {@code VALID} leniency): international
 * numbers (with {@code +}) of any country, and national numbers of each configured region, tried in order (the
 * first region at {@code VALID}, the others at {@code STRICT_GROUPING}: digits grouped as that region writes
 * them, or not grouped at all). A
 * linear-time pattern picks short candidate windows first, so libphonenumber never sees more than a few dozen
 * characters at a time. Look-alikes are refused before libphonenumber sees them: dates (ISO, day.month.year,
 * month/day/year), the shape of a US SSN (3-2-4 digits with hyphens), dotted version strings with a one-digit part ("10.0.19041.1234") and numbers right after a
 * word that names something else (order, invoice, ticket, tracking, version, build, ISBN, "#"), unless a phone
 * word (phone, tel, call, mobile, fax) is closer.
 */
final class PhoneDetector implements Detector {
    private static final Pattern CANDIDATE = Pattern.compile("[+(]?[0-9](?:[0-9 ().\\-/]{0,24}[0-9])?");
    /** A date or a timestamp inside a candidate ("2015-12-22 04", "12.05.2024", "05/12/2024") is not a number. */
    private static final Pattern DATE = Pattern.compile("(?:^|[^0-9])(?:"
            + "(?:19|20)[0-9]{2}[-/.](?:0?[1-9]|1[0-2])[-/.][0-3]?[0-9]"
            + "|[0-3]?[0-9][-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)[0-9]{2}"
            + "|(?:0?[1-9]|1[0-2])[-/.][0-3]?[0-9][-/.](?:19|20)[0-9]{2})(?:[^0-9]|$)");
    /**
     * Written as a US social security number (3-2-4 digits with hyphens): no numbering plan writes phone numbers
     * that way, though German numbers are loose enough to make "078-05-1120" valid; the SSN detector owns it.
     */
    private static final Pattern SSN_SHAPE = Pattern.compile("[0-9]{3}-[0-9]{2}-[0-9]{4}");
    /** The words just before a candidate, up to this many characters, decide what it names. */
    private static final int CONTEXT = 24;
    /** A word naming something else, then only separators or "no."/"number", right before the candidate. */
    private static final Pattern OTHER_NUMBER = Pattern.compile("(?i)(?:(?:^|[^\\pL\\pN])(?:order|invoice|inv|"
            + "ticket|tracking|ref|reference|serial|sku|isbn|version|ver|build|release|account|acct|case|id|"
            + "customer|booking|confirmation|transaction|part|model|patent)|#)"
            + "(?:[\\s.:#-]|no|nr|num|number)*$");

    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?i)(?:^|[^\\pL])(?:phone|tel|telephone|call|mobile|mob|cell|fax|whatsapp|sms|dial)(?:[^\\pL]|$)");

    private static final int MIN_DIGITS = 7;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final List<String> regions;

    /**
     * A detector for national numbers of some regions.
     *
     * @param regions ISO 3166 region codes, upper case, at least one, tried in order
     */
    PhoneDetector(List<String> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one phone region is needed");
        }
        this.regions = List.copyOf(regions);
    }

    /**
     * Checks and normalises region codes: two letters that libphonenumber knows.
     *
     * @param regions the codes, any case
     * @return the codes, upper case, in order, without repeats
     * @throws IllegalArgumentException naming the first unknown code
     */
    static List<String> checkRegions(List<String> regions) {
        List<String> checked = new ArrayList<>();
        for (String region : regions) {
            String code = region.strip().toUpperCase(Locale.ROOT);
            if (!PHONES.getSupportedRegions().contains(code)) {
                throw new IllegalArgumentException("unknown phone region '" + region
                        + "': use a two-letter ISO 3166 code that libphonenumber knows, such as US, GB or DE");
            }
            if (!checked.contains(code)) {
                checked.add(code);
            }
        }
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("at least one phone region is needed");
        }
        return List.copyOf(checked);
    }

    @Override
    public PiiType type() {
        return PiiType.PHONE;
    }

    @Override
    public List<int[]> find(String text) {
        if (!Spans.hasDigit(text)) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        for (int[] window : Spans.matching(CANDIDATE, text, (start, end) -> accept(text, start, end))) {
            String candidate = text.substring(window[0], window[1]);
            List<int[]> found = new ArrayList<>();
            // A number written with + reads the same from every region; trying more would only let another
            // region re-read part of an invalid international number as a national one.
            List<String> tried = candidate.startsWith("+") ? regions.subList(0, 1) : regions;
            for (int r = 0; r < tried.size(); r++) {
                // The first region keeps libphonenumber's VALID leniency; the others must also be grouped the way
                // their region writes numbers, or every region's loose national plans would claim US-style
                // look-alikes such as 555-123-4567.
                PhoneNumberUtil.Leniency leniency =
                        r == 0 ? PhoneNumberUtil.Leniency.VALID : PhoneNumberUtil.Leniency.STRICT_GROUPING;
                for (PhoneNumberMatch match : PHONES.findNumbers(candidate, tried.get(r), leniency, 4)) {
                    int[] span = {window[0] + match.start(), window[0] + match.end()};
                    if (found.stream().noneMatch(f -> f[0] < span[1] && span[0] < f[1])
                            && !lookAlike(text, span[0], match.rawString())) {
                        found.add(span);
                    }
                }
            }
            found.sort((a, b) -> Integer.compare(a[0], b[0]));
            spans.addAll(found);
        }
        return spans;
    }

    private static int accept(String text, int start, int end) {
        if (Spans.isWordChar(text, start - 1) || Spans.isWordChar(text, end)) {
            return -1;
        }
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits >= MIN_DIGITS ? end : -1;
    }

    /** Digits and dots only, with a one-digit part after the first: "10.0.19041.1234", not "415.555.2671". */
    static boolean isVersion(String candidate) {
        int parts = 0;
        int length = 0;
        boolean shortPart = false;
        for (int i = 0; i <= candidate.length(); i++) {
            char c = i < candidate.length() ? candidate.charAt(i) : '.';
            if (c == '.') {
                if (parts > 0 && length == 1) {
                    shortPart = true;
                }
                parts++;
                length = 0;
            } else if (c >= '0' && c <= '9') {
                length++;
            } else {
                return false;
            }
        }
        return parts >= 3 && shortPart;
    }

    private static boolean lookAlike(String text, int start, String raw) {
        return DATE.matcher(raw).find()
                || isVersion(raw)
                || SSN_SHAPE.matcher(raw).matches()
                || namesSomethingElse(text, start);
    }

    private static boolean namesSomethingElse(String text, int start) {
        String before = text.substring(Math.max(0, start - CONTEXT), start);
        return OTHER_NUMBER.matcher(before).find()
                && !PHONE_WORD.matcher(before).find();
    }
}
