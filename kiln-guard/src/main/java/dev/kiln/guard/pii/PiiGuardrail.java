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
 * <p>Use {@link #all()} for every type with US as the region of national phone numbers.
 */
public final class PiiGuardrail implements Guardrail {
    /** Types in order of precedence when spans overlap: checksummed first. */
    private static final List<PiiType> PRECEDENCE = List.of(
            PiiType.EMAIL, PiiType.CREDIT_CARD, PiiType.IBAN, PiiType.US_SSN, PiiType.IP_ADDRESS, PiiType.PHONE);

    private final List<Detector> detectors;

    private PiiGuardrail(Set<PiiType> types, String phoneRegion) {
        List<Detector> chosen = new ArrayList<>();
        for (PiiType type : PRECEDENCE) {
            if (types.contains(type)) {
                chosen.add(detector(type, phoneRegion));
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
        return new PiiGuardrail(EnumSet.allOf(PiiType.class), "US");
    }

    /**
     * A guardrail for some types.
     *
     * @param types the types to find
     * @param phoneRegion the ISO 3166 region whose national phone numbers are recognised, such as {@code DE}
     * @return the guardrail
     */
    public static PiiGuardrail of(Set<PiiType> types, String phoneRegion) {
        if (phoneRegion.length() != 2) {
            throw new IllegalArgumentException("phoneRegion must be a two-letter ISO 3166 code: " + phoneRegion);
        }
        return new PiiGuardrail(EnumSet.copyOf(types), phoneRegion);
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

    private static Detector detector(PiiType type, String phoneRegion) {
        return switch (type) {
            case EMAIL -> new EmailDetector();
            case PHONE -> new PhoneDetector(phoneRegion);
            case CREDIT_CARD -> new CreditCardDetector();
            case IBAN -> new IbanDetector();
            case US_SSN -> new SsnDetector();
            case IP_ADDRESS -> new IpAddressDetector();
        };
    }
}
