package com.example.tiny.web;

/** One entry of the {@code errors} array in a 400 problem. */
public record FieldMessage(String field, String message) {
}
