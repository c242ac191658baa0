package dev.kiln.intent;

import static dev.kiln.intent.Specs.field;
import static dev.kiln.intent.Specs.parse;
import static dev.kiln.intent.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.AuthType;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The well-known service shapes. */
class ServiceShapeTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Create a user authentication service",
                "Build an auth service",
                "I need an identity service",
                "A login service for our apps"
            })
    void anAuthenticationServiceHasARealUser(String prompt) {
        ServiceSpec spec = spec(prompt);
        assertThat(spec.entities()).extracting(Entity::name).containsExactly("User");
        Field email = field(spec, "User", "email");
        assertThat(email.type()).isEqualTo(FieldType.EMAIL);
        assertThat(email.unique()).isTrue();
        assertThat(email.required()).isTrue();
        Field hash = field(spec, "User", "passwordHash");
        assertThat(hash.type()).isEqualTo(FieldType.STRING);
        assertThat(hash.required()).isTrue();
        assertThat(hash.writeOnly())
                .as("a password hash is never returned by the API")
                .isTrue();
        assertThat(hash.description()).contains("write-only");
        Field role = field(spec, "User", "role");
        assertThat(role.type()).isEqualTo(FieldType.ENUM);
        assertThat(role.values()).containsExactly("USER", "ADMIN");
        Field enabled = field(spec, "User", "enabled");
        assertThat(enabled.type()).isEqualTo(FieldType.BOOLEAN);
        assertThat(enabled.defaultValue()).isEqualTo("true");
        assertThat(field(spec, "User", "lastLoginAt").type()).isEqualTo(FieldType.DATETIME);
        assertThat(spec.features().auth()).isNotNull().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AuthType.OAUTH2);
            assertThat(a.roles()).containsExactly("USER", "ADMIN");
        });
    }

    @Test
    void theHiddenPasswordHashIsExplained() {
        ParsedIntent parsed = parse("Create a user authentication service with OAuth2");
        assertThat(parsed.explanations())
                .anyMatch(e -> e.path().endsWith(".writeOnly") && e.element().contains("passwordHash"));
        assertThat(parsed.warnings()).noneMatch(w -> w.contains("no write-only marker"));
    }

    @Test
    void anAuthServiceKeepsTheMechanismItNames() {
        ServiceSpec spec = spec("Auth service with JWT. Users have an email and a display name.");
        assertThat(spec.features().auth())
                .isNotNull()
                .satisfies(a -> assertThat(a.type()).isEqualTo(AuthType.JWT));
        assertThat(field(spec, "User", "displayName").type()).isEqualTo(FieldType.STRING);
        assertThat(field(spec, "User", "email").unique()).isTrue();
    }

    @Test
    void aBareTodoServiceGetsATask() {
        ServiceSpec spec = spec("I need a todo service");
        assertThat(spec.name()).isEqualTo("todo-service");
        assertThat(field(spec, "Task", "done").type()).isEqualTo(FieldType.BOOLEAN);
    }

    @Test
    void aBareBlogGetsAuthorsPostsAndComments() {
        ServiceSpec spec = spec("a blog");
        assertThat(spec.entities()).extracting(Entity::name).containsExactly("Author", "Post", "Comment");
        assertThat(spec.relations()).hasSize(2);
    }

    @Test
    void aBareShopGetsCustomersProductsAndOrders() {
        ServiceSpec spec = spec("Build an e-commerce backend");
        assertThat(spec.entities())
                .extracting(Entity::name)
                .containsExactly("Customer", "Product", "Order", "OrderItem");
        assertThat(field(spec, "Product", "price").type()).isEqualTo(FieldType.DECIMAL);
    }

    @Test
    void aBareLibraryGetsMembersBooksAndLoans() {
        ServiceSpec spec = spec("library service");
        assertThat(spec.entities()).extracting(Entity::name).containsExactly("Member", "Book", "Loan");
    }

    @Test
    void aShapeDoesNotAddEntitiesToAPromptThatNamesItsOwn() {
        ServiceSpec spec = spec("A blog where writers publish articles with a title.");
        assertThat(spec.entities()).extracting(Entity::name).containsExactly("Writer", "Article");
    }
}
