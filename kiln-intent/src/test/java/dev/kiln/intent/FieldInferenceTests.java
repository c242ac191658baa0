package dev.kiln.intent;

import static dev.kiln.intent.Specs.field;
import static dev.kiln.intent.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.ServiceSpec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each field-inference rule of the lexicon, one prompt at a time. */
class FieldInferenceTests {

    private static Field only(String fieldPhrase, String name) {
        ServiceSpec spec = spec("Customers have a name and " + fieldPhrase + ".");
        return field(spec, "Customer", name);
    }

    @Test
    void emailIsAnEmail() {
        assertThat(only("an email", "email").type()).isEqualTo(FieldType.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"price", "amount", "total", "cost"})
    void moneyIsADecimalOfTenTwoFromZero(String word) {
        Field f = only("a " + word, word);
        assertThat(f.type()).isEqualTo(FieldType.DECIMAL);
        assertThat(f.precision()).isEqualTo(10);
        assertThat(f.scale()).isEqualTo(2);
        assertThat(f.min()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantity", "count", "stock"})
    void countsAreIntsFromZero(String word) {
        Field f = only("a " + word, word);
        assertThat(f.type()).isEqualTo(FieldType.INT);
        assertThat(f.min()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void ageIsAnInt() {
        assertThat(only("an age", "age").type()).isEqualTo(FieldType.INT);
    }

    @Test
    void ratingFromOneToFiveIsABoundedInt() {
        Field f = only("a rating from 1 to 5", "rating");
        assertThat(f.type()).isEqualTo(FieldType.INT);
        assertThat(f.min()).isEqualByComparingTo("1");
        assertThat(f.max()).isEqualByComparingTo("5");
    }

    @Test
    void scoreTakesTheRangeItIsGiven() {
        Field f = only("a score from 0 to 10", "score");
        assertThat(f.min()).isEqualByComparingTo("0");
        assertThat(f.max()).isEqualByComparingTo("10");
    }

    @Test
    void aFlagIsABooleanNamedWithoutTheWordFlag() {
        assertThat(only("a done flag", "done").type()).isEqualTo(FieldType.BOOLEAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"isActive", "hasShipped"})
    void isAndHasPrefixesMakeBooleans(String name) {
        assertThat(only("an " + name + " flag", name).type()).isEqualTo(FieldType.BOOLEAN);
        assertThat(only(name, name).type()).isEqualTo(FieldType.BOOLEAN);
    }

    @Test
    void datesAreDates() {
        ServiceSpec spec = spec("Customers have a birthday, a due date and a signup date.");
        assertThat(field(spec, "Customer", "birthday").type()).isEqualTo(FieldType.DATE);
        assertThat(field(spec, "Customer", "dueDate").type()).isEqualTo(FieldType.DATE);
        assertThat(field(spec, "Customer", "signupDate").type()).isEqualTo(FieldType.DATE);
    }

    @Test
    void timesAndAtSuffixesAreDatetimes() {
        ServiceSpec spec = spec("Posts have a title, a publish time, a timestamp and a published at datetime.");
        assertThat(field(spec, "Post", "publishTime").type()).isEqualTo(FieldType.DATETIME);
        assertThat(field(spec, "Post", "timestamp").type()).isEqualTo(FieldType.DATETIME);
        assertThat(field(spec, "Post", "publishedAt").type()).isEqualTo(FieldType.DATETIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "website", "link"})
    void addressesOnTheWebAreUrls(String word) {
        assertThat(only("a " + word, word).type()).isEqualTo(FieldType.URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"description", "body", "content", "bio", "notes"})
    void longTextIsText(String word) {
        assertThat(only("a " + word, word).type()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void listedValuesMakeAnEnumInUpperSnakeCase() {
        ServiceSpec spec = spec("Tickets have a subject and a status (open, in progress, on hold, closed).");
        Field status = field(spec, "Ticket", "status");
        assertThat(status.type()).isEqualTo(FieldType.ENUM);
        assertThat(status.values()).containsExactly("OPEN", "IN_PROGRESS", "ON_HOLD", "CLOSED");
    }

    @Test
    void valuesMayBeWrittenWithSlashesOrAfterAColon() {
        ServiceSpec spec = spec("Repairs have a priority (low/medium/high) and a status: open/in progress/done.");
        assertThat(field(spec, "Repair", "priority").values()).containsExactly("LOW", "MEDIUM", "HIGH");
        assertThat(field(spec, "Repair", "status").values()).containsExactly("OPEN", "IN_PROGRESS", "DONE");
    }

    @Test
    void alternativesInParenthesesAreNotAFieldList() {
        ServiceSpec spec = spec("Writers publish issues. Readers subscribe to publications (free or paid tiers).");
        assertThat(spec.entities())
                .allSatisfy(e -> assertThat(e.fields()).extracting(Field::name).doesNotContain("freeTier", "paidTier"));
    }

    @Test
    void uuidIsAUuidAndTokenAString() {
        assertThat(only("a uuid", "uuid").type()).isEqualTo(FieldType.UUID);
        assertThat(only("a token", "token").type()).isEqualTo(FieldType.STRING);
    }

    @Test
    void unitsDecideNumbersAndLeaveTheName() {
        ServiceSpec spec = spec("Workouts have a duration in minutes and a weight in kg.");
        assertThat(field(spec, "Workout", "duration").type()).isEqualTo(FieldType.INT);
        assertThat(field(spec, "Workout", "weight").type()).isEqualTo(FieldType.DECIMAL);
    }

    @Test
    void anUnknownNameIsAString() {
        assertThat(only("a nickname", "nickname").type()).isEqualTo(FieldType.STRING);
    }

    @Nested
    class Constraints {
        @Test
        void uniqueAndRequiredAreReadWhereverTheyAreWritten() {
            ServiceSpec spec =
                    spec("Links have a short code that must be unique, a slug (unique) and a target url (required).");
            assertThat(field(spec, "Link", "shortCode").unique()).isTrue();
            assertThat(field(spec, "Link", "slug").unique()).isTrue();
            assertThat(field(spec, "Link", "targetUrl").required()).isTrue();
            assertThat(field(spec, "Link", "targetUrl").unique()).isFalse();
        }

        @Test
        void sharedHeadNounsAreDistributed() {
            ServiceSpec spec = spec("A reservation has check-in and check-out dates and a status (pending, paid).");
            assertThat(field(spec, "Reservation", "checkInDate").type()).isEqualTo(FieldType.DATE);
            assertThat(field(spec, "Reservation", "checkOutDate").type()).isEqualTo(FieldType.DATE);
        }

        @Test
        void pluralListsOfPluralOwnersAreSingular() {
            ServiceSpec spec = spec("Patients have names, emails and phone numbers.");
            assertThat(spec.entities().getFirst().fields())
                    .extracting(Field::name)
                    .containsExactly("name", "email", "phoneNumber");
        }

        @Test
        void implicitFieldsAreNotDeclared() {
            ServiceSpec spec = spec("Notes have a title and a created at timestamp.");
            assertThat(spec.entities().getFirst().fields())
                    .extracting(Field::name)
                    .containsExactly("title");
        }
    }
}
