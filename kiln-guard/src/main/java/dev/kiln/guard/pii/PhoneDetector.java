package dev.kiln.guard.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers that libphonenumber finds and considers valid (its {@code VALID} leniency): international
 * numbers in any country, national numbers in a default region. A linear-time pattern picks short
 * candidate windows first, so libphonenumber never sees more than a few dozen characters at a time.
 */
final class PhoneDetector implements Detector {
    private static final Pattern CANDIDATE = Pattern.compile("[+(]?[0-9](?:[0-9 ().\\-/]{0,24}[0-9])?");
    /** An ISO date or time inside a candidate ("2015-12-22 04") means it is a timestamp, not a number. */
    private static final Pattern DATE =
            Pattern.compile("(?:^|[^0-9])(?:19|20)[0-9]{2}[-/.](?:0[1-9]|1[0-2])[-/.][0-3][0-9]");

    private static final int MIN_DIGITS = 7;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String region;

    PhoneDetector(String region) {
        this.region = region;
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
            for (PhoneNumberMatch match : PHONES.findNumbers(candidate, region, PhoneNumberUtil.Leniency.VALID, 4)) {
                if (!DATE.matcher(match.rawString()).find()) {
                    spans.add(new int[] {window[0] + match.start(), window[0] + match.end()});
                }
            }
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
}
