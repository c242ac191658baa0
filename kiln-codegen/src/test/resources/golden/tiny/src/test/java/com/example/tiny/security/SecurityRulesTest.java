package com.example.tiny.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.tiny.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The rules every endpoint is under, checked over real HTTP: nothing but the public paths answers
 * without credentials (found by enumerating every request mapping, so a new endpoint cannot slip
 * through), bad credentials are 401 and missing scopes 403 as problem+json, CORS is closed by
 * default, and security headers are set.
 */
class SecurityRulesTest extends TestData {

    /** Paths open to anyone by design; everything else must refuse an anonymous caller. */
    private static final List<String> PUBLIC = List.of("/actuator/health", "/actuator/info", "/v3/api-docs",
            "/swagger-ui", "/error", "/auth/register", "/auth/verify-email");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestSecurity security;

    HttpSupport http;

    @BeforeEach
    void client() {
        http = new HttpSupport(port);
    }

    @Test
    void everyEndpointRefusesAnonymousCallers() throws Exception {
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{[^}]*}", "1");
                    if (PUBLIC.stream().anyMatch(path::startsWith)) {
                        continue;
                    }
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        HttpResponse<String> response = http.send(method.name(), path, "application/json", "{}");
                        boolean toLogin = response.statusCode() == 302
                                && response.headers().firstValue("Location").orElse("").endsWith("/login");
                        assertThat(response.statusCode() == 401 || toLogin)
                                .as(method + " " + path + " answered " + response.statusCode() + " without credentials")
                                .isTrue();
                        if (response.statusCode() == 401) {
                            assertProblem(response);
                            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
                        }
                        checked.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(checked).as("the API endpoints were found").anyMatch(c -> c.contains(" /api/"));
    }

    @Test
    void invalidCredentialsAreUnauthorized() throws Exception {
        String resource = "/api/" + ApiScopes.RESOURCES.getFirst().path();
        HttpResponse<String> response = http.get(resource, security.header(), security.invalidCredentials());
        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response);
    }

    @Test
    void eachOperationNeedsItsScope() throws Exception {
        for (ScopePolicy.Resource resource : ApiScopes.RESOURCES) {
            String path = "/api/" + resource.path();
            String level = resource.accounts() ? ScopePolicy.ADMIN : ScopePolicy.READ;
            assertThat(http.get(path, security.header(), security.credentials(resource.path() + ":" + level))
                    .statusCode()).as("GET " + path + " with " + resource.path() + ":" + level).isEqualTo(200);
            assertThat(http.get(path, security.header(), security.credentials(level)).statusCode())
                    .as("GET " + path + " with " + level).isEqualTo(200);
            String other = resource.accounts() ? ScopePolicy.READ : ScopePolicy.WRITE;
            HttpResponse<String> denied = http.get(path, security.header(), security.credentials(other));
            assertThat(denied.statusCode()).as("GET " + path + " with only " + other).isEqualTo(403);
            assertProblem(denied);
            HttpResponse<String> write = http.send("POST", path, "application/json", "{}", security.header(),
                    security.credentials(ScopePolicy.READ));
            assertThat(write.statusCode()).as("POST " + path + " with only read").isEqualTo(403);
            HttpResponse<String> delete = http.send("DELETE", path + "/1", null, null, security.header(),
                    security.credentials(ScopePolicy.READ, ScopePolicy.WRITE));
            assertThat(delete.statusCode()).as("DELETE " + path + "/1 without admin").isEqualTo(403);
        }
    }

    @Test
    void subResourcesNeedTheLevelOnBothResources() throws Exception {
        for (ScopePolicy.Resource parent : ApiScopes.RESOURCES) {
            for (Map.Entry<String, String> sub : parent.subResources().entrySet()) {
                ScopePolicy.Resource listed = ApiScopes.RESOURCES.stream()
                        .filter(resource -> resource.path().equals(sub.getValue())).findFirst().orElseThrow();
                String path = "/api/" + parent.path() + "/987654321/" + sub.getKey();
                String parentScope = parent.path() + ":" + HttpSupport.readScope(parent);
                String listedScope = listed.path() + ":" + HttpSupport.readScope(listed);
                assertThat(http.get(path, security.header(), security.credentials(parentScope)).statusCode())
                        .as("GET " + path + " with only " + parentScope).isEqualTo(403);
                assertThat(http.get(path, security.header(), security.credentials(parentScope, listedScope))
                        .statusCode()).as("GET " + path + " with both scopes").isEqualTo(404);
            }
        }
    }

    @Test
    void unknownApiPathsAreDenied() throws Exception {
        HttpResponse<String> response = http.get("/api/no-such-resource", security.header(),
                security.credentials(ScopePolicy.READ, ScopePolicy.WRITE, ScopePolicy.ADMIN));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void metricsNeedTheMetricsScope() throws Exception {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", security.header(), security.credentials(ScopePolicy.READ))
                .statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", security.header(), security.credentials(ScopePolicy.METRICS))
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void corsIsClosedByDefaultAndHeadersAreSet() throws Exception {
        String resource = "/api/" + ApiScopes.RESOURCES.getFirst().path();
        HttpResponse<String> preflight = http.send("OPTIONS", resource, null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> response = http.get(resource, security.header(), security.credentials("read", "admin"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void openApiDocumentDescribesTheSecurity() throws Exception {
        HttpResponse<String> response = http.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        var doc = json.readTree(response.body());
        assertThat(doc.path("components").path("securitySchemes").size()).isEqualTo(1);
        String resource = "/api/" + ApiScopes.RESOURCES.getFirst().path();
        assertThat(doc.path("paths").path(resource).path("get").path("security").isArray()).isTrue();
        assertThat(doc.path("paths").path(resource).path("get").path("responses").has("401")).isTrue();
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
