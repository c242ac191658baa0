package dev.kiln.intent;

import static dev.kiln.intent.Specs.entity;
import static dev.kiln.intent.Specs.field;
import static dev.kiln.intent.Specs.kind;
import static dev.kiln.intent.Specs.relation;
import static dev.kiln.intent.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Ways of writing the same model: field-list headers, lists with verbs, passives, "with" lists. */
class PhrasingTests {

    private static java.util.List<String> fieldNames(ServiceSpec spec, String entity) {
        return entity(spec, entity).fields().stream().map(Field::name).toList();
    }

    @Nested
    class FieldListHeaders {
        @Test
        void aNounThenFieldsAndAColonListsItsFields() {
            ServiceSpec spec = spec("Invoice fields: number, issue date, total.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Invoice");
            assertThat(fieldNames(spec, "Invoice")).contains("number", "issueDate", "total");
        }

        @Test
        void aVerbInsideTheHeaderIsPartOfTheName() {
            ServiceSpec spec = spec("Purchase order fields: supplier name, ordered at. Line fields: quantity, price.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("PurchaseOrder", "Line");
            assertThat(fieldNames(spec, "PurchaseOrder")).contains("supplierName", "orderedAt");
        }

        @Test
        void hasFieldsAndAColonListsTheFieldsOfTheSubject() {
            ServiceSpec spec =
                    spec("Warehouse has fields: code, city. Bin has the following attributes: aisle, shelf.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Warehouse", "Bin");
            assertThat(fieldNames(spec, "Warehouse")).contains("code", "city");
            assertThat(fieldNames(spec, "Bin")).contains("aisle", "shelf");
        }

        @Test
        void aLoneWordBetweenCommasIsAFieldNotAVerb() {
            ServiceSpec spec = spec("Car has fields: colour, make, model, seats.");
            assertThat(fieldNames(spec, "Car")).contains("colour", "make", "model", "seats");
        }

        @Test
        void aColonAfterAnArticleAndANounListsFields() {
            ServiceSpec spec = spec("A booking: start date, guest count. Bookings belong to hotels.");
            assertThat(fieldNames(spec, "Booking")).contains("startDate", "guestCount");
        }
    }

    @Nested
    class VerbsInLists {
        @Test
        void aRelationAfterTheFieldsOfAColonListSharesItsSubject() {
            ServiceSpec spec = spec("rooms: name, floor, belongs to a building\nbuildings: address");
            assertThat(fieldNames(spec, "Room")).contains("name", "floor");
            assertThat(kind(spec, "Room", "Building")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aParticipleWithoutItsAuxiliaryRelatesTheListSubject() {
            ServiceSpec spec = spec("tasks: title, status, assigned to a user and a board\nboards: name");
            assertThat(kind(spec, "Task", "User")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(kind(spec, "Task", "Board")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aRemarkInParenthesesMayHoldTwoClauses() {
            ServiceSpec spec = spec("Authors write books (each author writes many books, and a book can be"
                    + " written by several authors). Books have a title.");
            assertThat(kind(spec, "Author", "Book")).isEqualTo(RelationKind.MANY_TO_MANY);
        }
    }

    @Nested
    class Passives {
        @Test
        void aPassiveVerbWithAPlacePrepositionIsManyToOne() {
            ServiceSpec spec = spec("Cameras have a model. Each camera is mounted on a pole. Poles have a height.");
            assertThat(relation(spec, "Camera", "Pole")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Camera");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void beWithAPlaceIsManyToOne() {
            ServiceSpec spec = spec("Desks have a number. A desk is at one office. Offices have a city.");
            assertThat(kind(spec, "Desk", "Office")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aPassiveWithWithListsFields() {
            ServiceSpec spec = spec("Each parcel is registered with a barcode, a weight and a sender name.");
            assertThat(fieldNames(spec, "Parcel")).contains("barcode", "weight", "senderName");
        }

        @Test
        void aPassiveWithByRelatesTheAgentWhateverTheActiveVerbMeans() {
            ServiceSpec spec = spec("Refunds have an amount and are approved by a manager. Managers have a name.");
            assertThat(relation(spec, "Refund", "Manager")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Refund");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void registeringToSomethingIsNotALogin() {
            ServiceSpec spec = spec("Badges have a code. Each badge is registered to one employee. Employees have a"
                    + " name and a registration number.");
            assertThat(spec.features().auth()).isNull();
            assertThat(fieldNames(spec, "Employee")).contains("registrationNumber");
            assertThat(kind(spec, "Badge", "Employee")).isEqualTo(RelationKind.MANY_TO_ONE);
        }
    }

    @Nested
    class WithLists {
        @Test
        void theObjectOfAnActiveVerbHoldsTheList() {
            ServiceSpec spec = spec("Organizers create meetups with a title and a date.");
            assertThat(fieldNames(spec, "Meetup")).contains("title", "date");
        }

        @Test
        void theSubjectOfAPassiveVerbHoldsTheList() {
            ServiceSpec spec = spec(
                    "Plants have a name. Inspections are recorded for plants with a result and a checked on date.");
            assertThat(fieldNames(spec, "Inspection")).contains("result", "checkedOn");
            assertThat(fieldNames(spec, "Plant")).doesNotContain("result");
        }

        @Test
        void theSubjectOfALinkingVerbHoldsTheList() {
            ServiceSpec spec = spec("Guests have a name. Rooms have a number. A stay links a guest to a room with an"
                    + " arrival date and a night count.");
            assertThat(fieldNames(spec, "Stay")).contains("arrivalDate", "nightCount");
        }

        @Test
        void theSubjectHoldsTheListWhenOnlyTheObjectHasFieldsElsewhere() {
            ServiceSpec spec =
                    spec("Gauges have a serial number. Readings come from gauges with a value and a taken at time.");
            assertThat(fieldNames(spec, "Reading")).contains("value", "takenAt");
            assertThat(kind(spec, "Reading", "Gauge")).isEqualTo(RelationKind.MANY_TO_ONE);
        }
    }

    @Nested
    class Nouns {
        @Test
        void aParticipleAfterTheNounIsNotPartOfItsName() {
            ServiceSpec spec = spec("Each desk has one lamp fitted. Lamps have a wattage.");
            assertThat(spec.entities()).extracting(Entity::name).contains("Desk", "Lamp");
            assertThat(kind(spec, "Desk", "Lamp")).isEqualTo(RelationKind.ONE_TO_ONE);
        }

        @Test
        void aHyphenatedModifierIsNotPartOfTheName() {
            ServiceSpec spec = spec("Riders rent battery-powered scooters. Scooters have a charge level.");
            assertThat(spec.entities())
                    .extracting(Entity::name)
                    .contains("Scooter")
                    .doesNotContain("BatteryPoweredScooter");
        }

        @Test
        void theirOwnThingIsOneToOne() {
            ServiceSpec spec = spec("Each driver has their own locker. Lockers have a code. Drivers have a name.");
            assertThat(kind(spec, "Driver", "Locker")).isEqualTo(RelationKind.ONE_TO_ONE);
        }

        @Test
        void atMostOneIsOne() {
            ServiceSpec spec = spec("Pupils have a name. Each pupil is in at most one house. Houses have a colour.");
            assertThat(kind(spec, "Pupil", "House")).isEqualTo(RelationKind.MANY_TO_ONE);
        }
    }

    @Nested
    class VerblessPhrases {
        @Test
        void eachThingInAnotherIsManyToOne() {
            ServiceSpec spec = spec("Shops with a name. Aisles with a number; each aisle in a shop.");
            assertThat(relation(spec, "Aisle", "Shop")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Aisle");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void aListedThingForAnotherIsManyToOne() {
            ServiceSpec spec = spec("Accounts have a name. Reminders (message, due at) for an account.");
            assertThat(fieldNames(spec, "Reminder")).contains("message", "dueAt");
            assertThat(kind(spec, "Reminder", "Account")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void listsInParenthesesBeforeTheFirstSubjectAreRead() {
            ServiceSpec spec = spec("gyms (name, city), trainers (name, speciality), a trainer works at one gym.");
            assertThat(fieldNames(spec, "Gym")).contains("name", "city");
            assertThat(fieldNames(spec, "Trainer")).contains("name", "speciality");
        }
    }

    @Nested
    class Counting {
        @Test
        void manyBothWaysIsManyToMany() {
            ServiceSpec spec = spec("Songs have a title. Moods have a name. A song evokes many moods and a mood"
                    + " suits many songs.");
            assertThat(kind(spec, "Song", "Mood")).isEqualTo(RelationKind.MANY_TO_MANY);
        }

        @Test
        void anUnknownVerbWithManySharedThingsIsManyToMany() {
            ServiceSpec spec = spec("Dishes have a name. A dish uses many ingredients. Ingredients have a unit.");
            assertThat(kind(spec, "Dish", "Ingredient")).isEqualTo(RelationKind.MANY_TO_MANY);
        }

        @Test
        void hasOneSharedThingIsManyToOne() {
            ServiceSpec spec = spec("Expenses have an amount and can have one category. Categories have a name.");
            assertThat(kind(spec, "Expense", "Category")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void exactlyOneOnBothSidesIsOneToOne() {
            ServiceSpec spec = spec("Every member gets exactly one card, and each card is issued to one member."
                    + " Cards have a number. Members have a name.");
            assertThat(kind(spec, "Member", "Card")).isEqualTo(RelationKind.ONE_TO_ONE);
        }

        @Test
        void oneThingPerOwnerIsOneToOne() {
            ServiceSpec spec = spec("Employees have a name. Lockers have a code and a floor; one locker per employee.");
            assertThat(kind(spec, "Locker", "Employee")).isEqualTo(RelationKind.ONE_TO_ONE);
        }

        @Test
        void hasOneAfterTheOtherSideOwnsItIsOneToOne() {
            ServiceSpec spec =
                    spec("Couriers ride bikes. Each courier has one bike assigned. Bikes have a frame number.");
            assertThat(kind(spec, "Courier", "Bike")).isEqualTo(RelationKind.ONE_TO_ONE);
        }

        @Test
        void hasOneOnTheSideThatAlreadyHasOneAddsNothing() {
            ServiceSpec spec = spec("Guests make reservations. Each reservation has exactly one guest."
                    + " Reservations have a date. Guests have a name.");
            assertThat(kind(spec, "Reservation", "Guest")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void anUnknownVerbAfterASingularSubjectIsAVerb() {
            ServiceSpec spec = spec("Zones have a name. Valves have a size. A zone feeds many valves and a valve"
                    + " serves many zones.");
            assertThat(kind(spec, "Zone", "Valve")).isEqualTo(RelationKind.MANY_TO_MANY);
        }
    }

    @Nested
    class SameThingOtherWords {
        @Test
        void aShortNounNamesTheOnlyLongerEntityEndingWithIt() {
            ServiceSpec spec =
                    spec("Recruiters post job adverts with a title and a salary. Candidates apply to" + " adverts.");
            assertThat(spec.entities()).extracting(Entity::name).doesNotContain("Advert");
            assertThat(spec.entities()).extracting(Entity::name).contains("JobAdvert");
        }

        @Test
        void aModifiedNounNamesTheEntityWithFields() {
            ServiceSpec spec = spec("Team: name, city. A fixture is played between a home team and an away team.");
            assertThat(spec.entities()).extracting(Entity::name).doesNotContain("HomeTeam", "AwayTeam");
            assertThat(kind(spec, "Fixture", "Team")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aTrailingRecordDoesNotChangeTheThing() {
            ServiceSpec spec = spec("Each patient has their own consent record with a signed on date. Consent"
                    + " belongs to only one patient. Patients have a name.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactlyInAnyOrder("Patient", "ConsentRecord");
        }
    }

    @Nested
    class FieldNames {
        @Test
        void aUnitAfterTheNameIsNotPartOfIt() {
            ServiceSpec spec = spec("Vans: payload kg, range km, plate.");
            assertThat(fieldNames(spec, "Van")).contains("payload", "range", "plate");
        }

        @Test
        void timeUnitsAndPercentStayInTheName() {
            ServiceSpec spec = spec("Recipes: prep minutes, fat percent.");
            assertThat(fieldNames(spec, "Recipe")).contains("prepMinutes", "fatPercent");
        }

        @Test
        void squareUnitsAreUnits() {
            ServiceSpec spec = spec("Plots have a size in square metres and a soil type.");
            assertThat(fieldNames(spec, "Plot")).contains("size", "soilType");
        }

        @Test
        void aRatePerTimeStaysOneField() {
            ServiceSpec spec = spec("Lockers have a number and a fee per month.");
            assertThat(fieldNames(spec, "Locker")).contains("number", "feePerMonth");
        }

        @Test
        void aWordBeforeATimeSuffixDoesNotTakeIt() {
            ServiceSpec spec = spec("Laps: speed, recorded at, round.");
            assertThat(fieldNames(spec, "Lap")).contains("speed", "recordedAt", "round");
        }
    }

    @Nested
    class MoreVerbs {
        @Test
        void clausesAboutTheWriterAreContext() {
            ServiceSpec spec =
                    spec("We run two cafes and our staff carry tablets. Orders have a total and a table" + " number.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Order");
        }

        @Test
        void askingForThingsIsNotContext() {
            ServiceSpec spec = spec("I want a shop where customers place orders. Orders have a total.");
            assertThat(spec.entities()).extracting(Entity::name).contains("Customer", "Order");
        }

        @Test
        void aRecordLinkingTwoThingsReplacesAManyToManyBetweenThem() {
            ServiceSpec spec = spec("Fans follow many bands. Model it as a subscription linking a fan to a"
                    + " band. Subscriptions have a started on date.");
            assertThat(relation(spec, "Fan", "Band")).isEmpty();
            assertThat(kind(spec, "Subscription", "Fan")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(kind(spec, "Subscription", "Band")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aVerbAfterAFieldListAndAndRelatesTheSubject() {
            ServiceSpec spec = spec("Each loan has a due date and links one member to one book. Books have a title.");
            assertThat(kind(spec, "Loan", "Member")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(kind(spec, "Loan", "Book")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void anUnknownVerbAfterAndWithOneObjectIsManyToOne() {
            ServiceSpec spec = spec("A seminar has a date and covers one topic. Topics have a name.");
            assertThat(kind(spec, "Seminar", "Topic")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aPluralRightAfterAVerbIsItsObject() {
            ServiceSpec spec = spec("Bidders make offers on paintings. Paintings have a title.");
            assertThat(kind(spec, "Offer", "Bidder")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(kind(spec, "Offer", "Painting")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aWithListReachesBackOverAPrepositionToAPlural() {
            ServiceSpec spec = spec("Players submit attempts at puzzles with a score. Puzzles have a title.");
            assertThat(fieldNames(spec, "Attempt")).contains("score");
            assertThat(fieldNames(spec, "Puzzle")).doesNotContain("score");
        }

        @Test
        void aPlaceOnSomethingStandsForIt() {
            ServiceSpec spec = spec("Pupils book places on courses. Courses have a title.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactlyInAnyOrder("Pupil", "Course");
        }

        @Test
        void aFieldForEachRowOfAnotherEntityRelatesToIt() {
            ServiceSpec spec = spec("Judges give marks with a value for each entry. Entries have a title.");
            assertThat(kind(spec, "Mark", "Entry")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void aPossessiveInAListBelongsToTheItemBefore() {
            ServiceSpec spec =
                    spec("A system for a marina to keep track of owners and their boats. Boats have a length.");
            assertThat(relation(spec, "Boat", "Owner")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Boat");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void beingOnADateIsAField() {
            ServiceSpec spec = spec("Lessons have a topic. A lesson is on a date.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Lesson");
            assertThat(fieldNames(spec, "Lesson")).contains("topic", "date");
        }

        @Test
        void everyWordBeforeAHeaderColonIsPartOfTheName() {
            ServiceSpec spec = spec("Medical record fields: blood type, allergies.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("MedicalRecord");
        }
    }

    @Test
    void valuesMayFollowTheNameWithSlashes() {
        assertThat(field(spec("Alerts have a direction above/below and a level."), "Alert", "direction")
                        .values())
                .containsExactly("ABOVE", "BELOW");
    }

    @Test
    void aFieldNamedLikeAVerbKeepsItsType() {
        assertThat(field(spec("Car has fields: make, year."), "Car", "year").type())
                .isEqualTo(FieldType.INT);
    }
}
