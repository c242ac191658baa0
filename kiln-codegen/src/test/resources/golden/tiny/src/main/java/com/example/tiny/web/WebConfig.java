package com.example.tiny.web;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WebConfig {

    /**
     * Strict JSON: a number or boolean where a string is expected is a 400, not silently
     * stringified ("title": 123), and an enum is never taken from its ordinal ("status": 1).
     * The other direction ("rating": "5") is handled by
     * spring.jackson.mapper.allow-coercion-of-scalars=false.
     */
    @Bean
    JsonMapperBuilderCustomizer strictTextualCoercion() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new StrictLocalDate()));
    }

    /**
     * springdoc drags in Jackson 2's jackson-dataformat-yaml, and Spring then registers a Jackson 2
     * YAML converter: "Accept: application/yaml" would bypass the Jackson 3 settings (dates as
     * epoch numbers, lenient coercion). The API speaks JSON only.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer jsonOnly() {
        return builder -> builder.configureMessageConvertersList(converters -> converters.removeIf(
                converter -> converter.getSupportedMediaTypes().stream()
                        .anyMatch(type -> type.getSubtype().contains("yaml"))));
    }

    /** ISO dates only: Jackson's default also takes [2024,1,31] and turns [] into null. */
    static final class StrictLocalDate extends StdDeserializer<LocalDate> {

        StrictLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString().trim();
            try {
                return LocalDate.parse(text);
            }
            catch (DateTimeParseException ex) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "expected an ISO date such as 2024-01-31");
            }
        }
    }

    /**
     * Requests that Tomcat rejects before Spring MVC sees them (e.g. "/api/posts/%") are
     * answered by the host's error report valve; make that a problem+json too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
