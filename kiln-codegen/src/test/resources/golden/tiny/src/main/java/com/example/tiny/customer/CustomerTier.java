package com.example.tiny.customer;

/**
 * The allowed values of {@code tier}.
 */
public enum CustomerTier {
    FREE,

    PRO
}
