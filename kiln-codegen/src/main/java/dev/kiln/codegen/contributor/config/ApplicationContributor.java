package dev.kiln.codegen.contributor.config;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.contributor.ratelimit.RateLimitSettings;
import dev.kiln.codegen.contributor.security.SecurityContributor;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Contributes the Spring Boot main class and {@code application.properties} with the {@code dev} (H2 in
 * memory, the default) and {@code prod} (PostgreSQL from environment variables) profiles.
 */
public final class ApplicationContributor implements ProjectContributor {
    private static final String RESOURCES = "src/main/resources/";

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        ClassName app = model.baseType(model.applicationName());
        files.addMainJava(
                model.basePackage(),
                TypeSpec.classBuilder(app)
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Starts the $L service.\n", model.spec().name())
                        .addAnnotation(ClassName.get("org.springframework.boot.autoconfigure", "SpringBootApplication"))
                        .addMethod(MethodSpec.methodBuilder("main")
                                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                                .addParameter(String[].class, "args")
                                .addStatement(
                                        "$T.run($T.class, args)",
                                        ClassName.get("org.springframework.boot", "SpringApplication"),
                                        app)
                                .build())
                        .build());
        files.addText(RESOURCES + "application.properties", properties(common(model)));
        files.addText(RESOURCES + "application-dev.properties", properties(dev(model)));
        files.addText(RESOURCES + "application-prod.properties", properties(prod(model)));
    }

    private static Map<String, String> common(ServiceModel model) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.application.name", model.spec().name());
        p.put(
                "# Zero set-up local run: in-memory H2 (PostgreSQL mode). Use SPRING_PROFILES_ACTIVE=prod for PostgreSQL.",
                "");
        p.put("spring.profiles.default", "dev");
        p.put("spring.jpa.hibernate.ddl-auto", "validate");
        p.put("spring.jpa.open-in-view", "false");
        p.put("spring.jpa.properties.hibernate.default_batch_fetch_size", "100");
        p.put("spring.jpa.properties.hibernate.jdbc.time_zone", "UTC");
        p.put("spring.flyway.locations", "classpath:db/migration");
        p.put("spring.mvc.problemdetails.enabled", "true");
        p.put("# Reject \"5\" for an int and 123 for a string instead of silently coercing.", "");
        p.put("spring.jackson.mapper.allow-coercion-of-scalars", "false");
        p.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        p.put("spring.jackson.deserialization.accept-float-as-int", "false");
        p.put("spring.jackson.deserialization.fail-on-trailing-tokens", "true");
        p.put("server.shutdown", "graceful");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        p.put("server.error.include-stacktrace", "never");
        p.put("server.error.include-message", "never");
        p.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        p.put("management.endpoint.health.probes.enabled", "true");
        p.put("management.endpoint.health.show-details", "never");
        p.put("management.health.livenessstate.enabled", "true");
        p.put("management.health.readinessstate.enabled", "true");
        p.put("springdoc.api-docs.path", "/v3/api-docs");
        p.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        p.put("springdoc.paths-to-match", "/api/**");
        p.put("springdoc.default-produces-media-type", "application/json");
        p.put("# API_DOCS_ENABLED=false hides /v3/api-docs and Swagger UI (a runtime switch; see ApiDocsGate).", "");
        p.put("kiln.api-docs.enabled", "${API_DOCS_ENABLED:true}");
        p.put("# Cache the SQL of criteria queries (list filters) instead of translating them per request.", "");
        p.put("spring.jpa.properties.hibernate.criteria.plan_cache_enabled", "true");
        p.putAll(RateLimitSettings.common(model));
        p.putAll(SecurityContributor.properties(model));
        return p;
    }

    private static Map<String, String> dev(ServiceModel model) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(
                "spring.datasource.url",
                "jdbc:h2:mem:" + model.spec().name().replace('-', '_')
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("spring.datasource.username", "sa");
        p.put("spring.datasource.password", "");
        p.put("server.address", "${SERVER_ADDRESS:127.0.0.1}");
        p.putAll(RateLimitSettings.dev(model));
        return p;
    }

    private static Map<String, String> prod(ServiceModel model) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "${DB_URL}");
        p.put("spring.datasource.username", "${DB_USERNAME}");
        p.put("spring.datasource.password", "${DB_PASSWORD}");
        p.put("spring.datasource.hikari.maximum-pool-size", "${DB_POOL_SIZE:10}");
        p.put("server.address", "${SERVER_ADDRESS:0.0.0.0}");
        p.put("logging.structured.format.console", "ecs");
        p.putAll(RateLimitSettings.prod(model));
        return p;
    }

    private static String properties(Map<String, String> entries) {
        StringBuilder out = new StringBuilder("# Generated by Kiln. Edit freely; see README.md for every setting.\n");
        entries.forEach((key, value) -> {
            if (key.startsWith("#")) {
                out.append(key).append('\n');
            } else {
                out.append(key).append('=').append(value).append('\n');
            }
        });
        return out.toString();
    }
}
