package dev.kiln.spec.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTests {
    @ParameterizedTest
    @CsvSource({
        "OrderItem, orderItem, order_item, order-item",
        "publishDate, publishDate, publish_date, publish-date",
        "HTTPRequest, httpRequest, http_request, http-request",
        "user_id, userId, user_id, user-id",
        "Item2Sale, item2Sale, item2_sale, item2-sale",
    })
    void convertsBetweenStyles(String input, String camel, String snake, String kebab) {
        assertThat(Names.camel(input)).isEqualTo(camel);
        assertThat(Names.snake(input)).isEqualTo(snake);
        assertThat(Names.kebab(input)).isEqualTo(kebab);
    }

    @ParameterizedTest
    @CsvSource({
        "post, posts", "category, categories", "day, days", "address, addresses", "box, boxes",
        "person, people", "orderItem, orderItems", "status, statuses", "OrderItem, OrderItems", "news, news"
    })
    void pluralises(String singular, String plural) {
        assertThat(Names.plural(singular)).isEqualTo(plural);
    }

    @ParameterizedTest
    @CsvSource({"posts, post", "categories, category", "addresses, address", "people, person", "status, status"})
    void singularises(String plural, String singular) {
        assertThat(Names.singular(plural)).isEqualTo(singular);
    }

    @ParameterizedTest
    @CsvSource({"order, true", "User, true", "from, true", "title, false"})
    void knowsSqlReservedWords(String word, boolean reserved) {
        assertThat(ReservedWords.isSql(word)).isEqualTo(reserved);
    }
}
