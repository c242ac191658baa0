package com.example.tiny.web;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a {@code json} field as JSON text. A text column keeps the schema portable between
 * PostgreSQL and H2; switch the column to {@code jsonb} in a migration if you query inside it.
 */
@Converter
public class JsonNodeConverter implements AttributeConverter<JsonNode, String> {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(JsonNode value) {
        return value == null || value.isNull() ? null : MAPPER.writeValueAsString(value);
    }

    @Override
    public JsonNode convertToEntityAttribute(String text) {
        return text == null ? null : MAPPER.readTree(text);
    }
}
