package dev.kiln.intent.internal.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InflectionsTests {

    @ParameterizedTest
    @CsvSource({
        "warehouses, warehous, warehouse",
        "statuses, statuses, status",
        "movies, movie, movie",
        "categories, category, category",
        "addresses, address, address",
        "heroes, hero, hero",
        "people, person, person",
        "wards, wards, ward",
        "species, species, species"
    })
    void singularTrustsTheLemmatizerOnlyWhereTheRulesFail(String word, String lemma, String singular) {
        assertThat(Inflections.singular(word, lemma)).isEqualTo(singular);
    }

    @Test
    void basesUndoRegularEndings() {
        assertThat(Inflections.bases("assigned")).contains("assign");
        assertThat(Inflections.bases("borrows")).contains("borrow");
        assertThat(Inflections.bases("carried")).contains("carry");
        assertThat(Inflections.bases("storing")).contains("store");
    }
}
