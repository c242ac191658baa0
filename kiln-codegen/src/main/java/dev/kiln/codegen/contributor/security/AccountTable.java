package dev.kiln.codegen.contributor.security;

import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where the accounts of the embedded authorization server live: the table of the spec's user entity, or
 * Kiln's own {@code auth_account} table when the spec has none.
 *
 * <p>An entity is the user when it has a unique {@code email} field and a text field named {@code passwordHash}
 * (or {@code password}, {@code hashedPassword}, {@code passwordDigest}), and self-registration can insert a row
 * with only those: every other required field has a database default, and no required relation needs a parent.
 * An enum or text field {@code role}, a boolean {@code enabled} (or {@code active}) and a date-time
 * date-time field for the last login are used when present. An entity named {@code User} wins over others.
 *
 * @param entity the user entity, or null for Kiln's own table
 * @param table the table
 * @param username the login column (an email address)
 * @param password the column of encoded passwords
 * @param role the role column, or null
 * @param enabled the enabled column, or null
 * @param lastLogin the last-login column, or null
 * @param defaultRole the role of self-registered accounts
 */
public record AccountTable(
        @Nullable EntityModel entity,
        String table,
        String username,
        String password,
        @Nullable String role,
        @Nullable String enabled,
        @Nullable String lastLogin,
        String defaultRole) {

    /** The table Kiln creates when the spec has no user entity. */
    public static final String OWN_TABLE = "auth_account";

    private static final int HASH_LENGTH = 100;
    private static final Set<String> PASSWORD_NAMES =
            Set.of("passwordhash", "password", "hashedpassword", "passworddigest");
    private static final Set<FieldType> DEFAULTABLE = Set.of(
            FieldType.INT,
            FieldType.LONG,
            FieldType.DECIMAL,
            FieldType.BOOLEAN,
            FieldType.STRING,
            FieldType.TEXT,
            FieldType.EMAIL,
            FieldType.URL,
            FieldType.ENUM,
            FieldType.DATE);

    /**
     * Finds the account table of a service.
     *
     * @param model the analysed spec
     * @return the user entity's table, or Kiln's own
     */
    public static AccountTable of(ServiceModel model) {
        List<String> roles = model.spec().features().auth() == null
                ? List.of()
                : model.spec().features().auth().roles();
        return model.entities().stream()
                .sorted(Comparator.comparing(
                        entity -> !"User".equals(entity.spec().name())))
                .map(entity -> fromEntity(entity, roles))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> new AccountTable(
                        null,
                        OWN_TABLE,
                        "username",
                        "password_hash",
                        "role",
                        "enabled",
                        "last_login_at",
                        defaultRole(roles)));
    }

    /** Whether accounts live in the spec's user entity. */
    public boolean isEntity() {
        return entity != null;
    }

    private static Optional<AccountTable> fromEntity(EntityModel entity, List<String> roles) {
        Optional<FieldModel> email = named(entity, "email")
                .filter(f -> f.type() == FieldType.EMAIL && f.spec().unique());
        Optional<FieldModel> password = entity.fields().stream()
                .filter(f -> PASSWORD_NAMES.contains(f.jsonName().toLowerCase(Locale.ROOT)) && fitsHash(f.spec()))
                .findFirst();
        if (email.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        Optional<FieldModel> role =
                named(entity, "role").filter(f -> f.type() == FieldType.ENUM || f.type() == FieldType.STRING);
        Optional<FieldModel> enabled =
                named(entity, "enabled").or(() -> named(entity, "active")).filter(f -> f.type() == FieldType.BOOLEAN);
        Optional<FieldModel> lastLogin = named(entity, "lastLoginAt")
                .or(() -> named(entity, "lastLogin"))
                .filter(f -> f.type() == FieldType.DATETIME);
        List<FieldModel> handled = List.of(email.get(), password.get());
        for (FieldModel field : entity.fields()) {
            boolean set =
                    handled.contains(field) || role.equals(Optional.of(field)) || enabled.equals(Optional.of(field));
            if (field.spec().required() && !set && !hasSqlDefault(field.spec())) {
                return Optional.empty();
            }
        }
        for (RelationModel relation : entity.outgoing()) {
            if (relation.toOne() && relation.required()) {
                return Optional.empty();
            }
        }
        String defaultRole = role.map(f -> roleDefault(f.spec(), roles)).orElseGet(() -> defaultRole(roles));
        return Optional.of(new AccountTable(
                entity,
                entity.table(),
                email.get().column(),
                password.get().column(),
                role.map(FieldModel::column).orElse(null),
                enabled.map(FieldModel::column).orElse(null),
                lastLogin.map(FieldModel::column).orElse(null),
                defaultRole));
    }

    /** Whether an encoded password ({@code {bcrypt}$2a$10$...}, 68 characters) fits the field. */
    private static boolean fitsHash(Field field) {
        Integer max = field.effectiveMaxLength();
        return field.type().isText()
                && field.type() != FieldType.EMAIL
                && field.type() != FieldType.URL
                && field.pattern() == null
                && (max == null || max >= HASH_LENGTH);
    }

    private static Optional<FieldModel> named(EntityModel entity, String name) {
        return entity.fields().stream().filter(f -> f.jsonName().equals(name)).findFirst();
    }

    private static boolean hasSqlDefault(Field field) {
        return field.defaultValue() != null && DEFAULTABLE.contains(field.type());
    }

    private static String roleDefault(Field role, List<String> roles) {
        if (role.defaultValue() != null) {
            return role.defaultValue();
        }
        List<String> allowed = role.type() == FieldType.ENUM ? role.values() : roles;
        return defaultRole(allowed);
    }

    /** {@code USER} when allowed, else the first role that is not {@code ADMIN}, else {@code USER}. */
    static String defaultRole(List<String> roles) {
        if (roles.isEmpty() || roles.contains("USER")) {
            return "USER";
        }
        return roles.stream().filter(r -> !"ADMIN".equals(r)).findFirst().orElse(roles.getFirst());
    }
}
