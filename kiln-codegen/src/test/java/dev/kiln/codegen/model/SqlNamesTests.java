package dev.kiln.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SqlNamesTests {
    private static final String LONG_A = "a".repeat(63) + "_first_column";
    private static final String LONG_B = "a".repeat(63) + "_other_column";

    @Nested
    class Safe {
        @Test
        void reservedWordsGetATrailingUnderscore() {
            assertThat(SqlNames.safe("from")).isEqualTo("from_");
            assertThat(SqlNames.safe("order")).isEqualTo("order_");
            assertThat(SqlNames.safe("values")).isEqualTo("values_");
            assertThat(SqlNames.safe("user")).isEqualTo("user_");
        }

        @Test
        void ordinaryNamesAreKept() {
            assertThat(SqlNames.safe("orders")).isEqualTo("orders");
            assertThat(SqlNames.safe("from_address")).isEqualTo("from_address");
            assertThat(SqlNames.safe("display_name")).isEqualTo("display_name");
        }

        @Test
        void recognisesReservedWordsRegardlessOfTheDefaultLocale() {
            // Surefire runs under tr-TR, where "LIMIT".toLowerCase() is "lımıt" with a dotless i.
            assertThat(SqlNames.safe("LIMIT")).isEqualTo("LIMIT_");
            assertThat(SqlNames.safe("DISTINCT")).isEqualTo("DISTINCT_");
        }

        @Test
        void aReservedWordThatBecomesTooLongIsShortenedToo() {
            assertThat(SqlNames.safe("x".repeat(63))).hasSize(63);
        }
    }

    @Nested
    class Fit {
        @Test
        void keepsNamesOfUpTo63Characters() {
            String max = "b".repeat(63);
            assertThat(SqlNames.fit(max)).isEqualTo(max);
        }

        @Test
        void shortensLongerNamesTo63CharactersKeepingTheirStart() {
            String fitted = SqlNames.fit(LONG_A);

            assertThat(fitted).hasSize(63).startsWith("a".repeat(54)).matches("[a-z_]+_[0-9a-f]{8}");
        }

        @Test
        void shortensDeterministically() {
            // The suffix is the first 4 bytes of SHA-256: a pinned value, because migrations that already
            // ran in production name their constraints with it.
            assertThat(SqlNames.fit(LONG_A))
                    .isEqualTo(SqlNames.fit("a".repeat(63) + "_first_column"))
                    .isEqualTo("a".repeat(54) + "_972fe348");
        }

        @Test
        void namesSharingTheirFirst63CharactersStayDistinct() {
            assertThat(LONG_A.substring(0, 63)).isEqualTo(LONG_B.substring(0, 63));
            assertThat(SqlNames.fit(LONG_A)).isNotEqualTo(SqlNames.fit(LONG_B));
        }
    }
}
