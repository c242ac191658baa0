package com.example.tiny.security;

import java.util.Objects;

/**
 * Where accounts live: the table and columns of the entity that is the user (or of Kiln's own
 * {@code auth_account} table when the spec has none). Columns that the table lacks are null.
 *
 * @param table the table
 * @param username the login name column (an email address)
 * @param password the column of the encoded password ({@code {bcrypt}...})
 * @param role the role column, or null when every account has {@code defaultRole}
 * @param enabled the boolean column that can disable an account, or null
 * @param lastLogin the time-stamp column of the last successful login, or null
 * @param defaultRole the role of accounts that register themselves
 */
public record AccountSchema(String table, String username, String password, String role, String enabled,
        String lastLogin, String defaultRole) {

    public AccountSchema {
        Objects.requireNonNull(table);
        Objects.requireNonNull(username);
        Objects.requireNonNull(password);
        Objects.requireNonNull(defaultRole);
    }
}
