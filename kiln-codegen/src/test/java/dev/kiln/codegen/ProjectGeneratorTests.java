package dev.kiln.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProjectGeneratorTests {
    @Nested
    class Determinism {
        /** Locales whose case rules, digits or calendars differ from English. */
        private static final List<Locale> LOCALES = List.of(
                Locale.forLanguageTag("tr-TR"),
                Locale.forLanguageTag("az-AZ"),
                Locale.forLanguageTag("de-DE"),
                Locale.forLanguageTag("ar-SA-u-nu-arab"),
                Locale.forLanguageTag("hi-IN-u-nu-deva"),
                Locale.forLanguageTag("th-TH-u-nu-thai-ca-buddhist"),
                Locale.forLanguageTag("ja-JP-u-ca-japanese"),
                Locale.forLanguageTag("fa-IR"),
                Locale.ROOT);

        private static final List<String> TIME_ZONES =
                List.of("Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu", "Pacific/Pago_Pago", "UTC");

        // JUnit creates a test instance per method, so these hold the defaults from before each test.
        private final Locale savedLocale = Locale.getDefault();
        private final TimeZone savedTimeZone = TimeZone.getDefault();

        @AfterEach
        void restoreDefaults() {
            Locale.setDefault(savedLocale);
            TimeZone.setDefault(savedTimeZone);
        }

        @Test
        void sameGeneratorGivesTheSameDigestTwice() {
            ProjectGenerator generator = new ProjectGenerator(TestSpecs.VERSION);
            ServiceSpec spec = TestSpecs.blog();

            GeneratedProject first = generator.generate(spec);
            GeneratedProject second = generator.generate(spec);

            assertThat(second.digest()).isEqualTo(first.digest());
            assertThat(second.size()).isEqualTo(first.size()).isGreaterThan(50);
        }

        @Test
        void separatelyConstructedGeneratorsAndReadersGiveTheSameDigest() {
            String first = new ProjectGenerator(TestSpecs.VERSION)
                    .generate(TestSpecs.blog())
                    .digest();
            String second = new ProjectGenerator(TestSpecs.VERSION)
                    .generate(TestSpecs.blog())
                    .digest();

            assertThat(second).isEqualTo(first);
        }

        @Test
        void defaultLocaleAndTimeZoneDoNotChangeTheOutput() {
            ServiceSpec spec = TestSpecs.blog();
            Locale.setDefault(Locale.US);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            GeneratedProject reference = TestSpecs.generate(spec);
            List<Locale> locales = new ArrayList<>(LOCALES);
            List<String> zones = new ArrayList<>(TIME_ZONES);
            Random random = new Random(20_261_127L);
            Collections.shuffle(locales, random);

            for (Locale locale : locales) {
                String zone = zones.get(random.nextInt(zones.size()));
                Locale.setDefault(locale);
                TimeZone.setDefault(TimeZone.getTimeZone(zone));

                GeneratedProject project = TestSpecs.generate(spec);

                assertThat(project.digest())
                        .as("output under locale %s and time zone %s", locale.toLanguageTag(), zone)
                        .isEqualTo(reference.digest());
            }
        }

        @Test
        void digestChangesWhenTheSpecChanges() {
            ServiceSpec blog = TestSpecs.blog();
            ServiceSpec renamed = new ServiceSpec(
                    blog.kiln(),
                    "blog2",
                    blog.basePackage(),
                    blog.description(),
                    blog.entities(),
                    blog.relations(),
                    blog.features());

            assertThat(TestSpecs.generate(renamed).digest())
                    .isNotEqualTo(TestSpecs.generate(blog).digest());
        }
    }

    @Nested
    class Failures {
        @Test
        void patternThatNoSampleValueSatisfiesIsReportedAsTheUsersProblem() {
            ServiceSpec spec = TestSpecs.yaml("""
                    kiln: 1
                    name: parts
                    package: com.example.parts
                    entities:
                      - name: Part
                        fields:
                          - { name: code, type: string, required: true, pattern: "^\\\\d{3}-[A-Z]{2}$" }
                    """);

            assertThatThrownBy(() -> TestSpecs.generate(spec))
                    .isInstanceOf(KilnException.class)
                    .hasMessageContaining("'code'")
                    .hasMessageContaining("^\\d{3}-[A-Z]{2}$");
        }
    }
}
