package dev.kiln.guard.pii;

import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.Guardrail;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds personal data of the chosen {@link PiiType}s and reports each as a {@link Category#PII} finding
 * typed by its {@link PiiType} name. When two types claim overlapping text (a card number that also
 * parses as a phone number) the checksum-validated type wins.
 *
 * <p>Use {@link #all()} for every type with US as the region of national phone numbers, {@link #all(List)} to
 * read national numbers of other regions too.
 */
public final class PiiGuardrail implements Guardrail {
    /** Types in order of precedence when spans overlap: checksummed first. */
    private static final List<PiiType> PRECEDENCE = List.of(
            PiiType.EMAIL, PiiType.CREDIT_CARD, PiiType.IBAN, PiiType.US_SSN, PiiType.IP_ADDRESS, PiiType.PHONE);

    private final List<Detector> detectors;

    private PiiGuardrail(Set<PiiType> types, List<String> phoneRegions) {
        List<Detector> chosen = new ArrayList<>();
        for (PiiType type : PRECEDENCE) {
            if (types.contains(type)) {
                chosen.add(detector(type, phoneRegions));
            }
        }
        this.detectors = List.copyOf(chosen);
    }

    /**
     * A guardrail for every {@link PiiType}, reading national phone numbers as US numbers.
     *
     * @return the guardrail
     */
    public static PiiGuardrail all() {
        return new PiiGuardrail(EnumSet.allOf(PiiType.class), List.of("US"));
    }

    /**
     * A guardrail for every {@link PiiType}, reading national phone numbers as numbers of some regions.
     * International numbers (with {@code +}) of every country are found whatever the regions.
     *
     * @param phoneRegions ISO 3166 region codes (such as {@code US}, {@code GB}, {@code DE}), any case, tried in
     *     order; a national number counts if it is valid in any of them
     * @return the guardrail
     * @throws IllegalArgumentException if a code is not a region libphonenumber knows, or none is given
     */
    public static PiiGuardrail all(List<String> phoneRegions) {
        return new PiiGuardrail(EnumSet.allOf(PiiType.class), PhoneDetector.checkRegions(phoneRegions));
    }

    /**
     * A guardrail for some types.
     *
     * @param types the types to find
     * @param phoneRegion the ISO 3166 region whose national phone numbers are recognised, such as {@code DE}
     * @return the guardrail
     */
    public static PiiGuardrail of(Set<PiiType> types, String phoneRegion) {
        return of(types, List.of(phoneRegion));
    }

    /**
     * A guardrail for some types, with national phone numbers of several regions.
     *
     * @param types the types to find
     * @param phoneRegions ISO 3166 region codes, tried in order
     * @return the guardrail
     * @throws IllegalArgumentException if a code is not a region libphonenumber knows, or none is given
     */
    public static PiiGuardrail of(Set<PiiType> types, List<String> phoneRegions) {
        return new PiiGuardrail(EnumSet.copyOf(types), PhoneDetector.checkRegions(phoneRegions));
    }

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public List<Finding> inspect(String text) {
        TreeMap<Integer, Finding> byStart = new TreeMap<>();
        for (Detector detector : detectors) {
            for (int[] span : detector.find(text)) {
                Finding f = Finding.certain(Category.PII, detector.type().name(), span[0], span[1]);
                Map.Entry<Integer, Finding> before = byStart.floorEntry(f.start());
                Map.Entry<Integer, Finding> after = byStart.ceilingEntry(f.start());
                boolean free = (before == null || !before.getValue().overlaps(f))
                        && (after == null || !after.getValue().overlaps(f));
                if (free) {
                    byStart.put(f.start(), f);
                }
            }
        }
        return List.copyOf(byStart.values());
    }

    private static Detector detector(PiiType type, List<String> phoneRegions) {
        return switch (type) {
            case EMAIL -> new EmailDetector();
            case PHONE -> new PhoneDetector(phoneRegions);
            case CREDIT_CARD -> new CreditCardDetector();
            case IBAN -> new IbanDetector();
            case US_SSN -> new SsnDetector();
            case IP_ADDRESS -> new IpAddressDetector();
        };
    }
}
