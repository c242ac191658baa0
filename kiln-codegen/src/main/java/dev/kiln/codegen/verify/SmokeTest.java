package dev.kiln.codegen.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code smoke} step: health probes, the OpenAPI document, and create, read, update, patch, list, error
 * and delete checks against every target's {@code /api} endpoints.
 */
final class SmokeTest {
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String STALE_ETAG = "\"999999\"";
    private static final long MISSING_ID = 999_999_999L;

    private final SmokeClient client;
    private final SmokeAuth auth;
    private final RateLimitProbe rateLimits;

    SmokeTest(SmokeClient client) {
        this(client, SmokeAuth.none(), RateLimitProbe.NONE);
    }

    SmokeTest(SmokeClient client, SmokeAuth auth, RateLimitProbe rateLimits) {
        this.client = client;
        this.auth = auth;
        this.rateLimits = rateLimits;
    }

    /**
     * Runs the smoke test.
     *
     * @param targets the resources to exercise
     * @return the summary, e.g. {@code 52 requests, all as expected}
     * @throws StepFailure at the first response that is not as expected
     */
    String run(List<SmokeTarget> targets) throws StepFailure, InterruptedException {
        List<SmokeTarget> order = CreationOrder.of(targets);
        client.call("GET", "/actuator/health/liveness").expect(200);
        client.call("GET", "/actuator/health/readiness").expect(200);
        checkApiDocs(targets);
        if (auth.enabled() && !targets.isEmpty()) {
            authenticate(targets.getFirst());
        }
        Map<String, Long> ids = new HashMap<>();
        List<Created> created = new ArrayList<>();
        for (SmokeTarget target : order) {
            Created entity = create(target, ids);
            ids.put(target.entity(), entity.id());
            created.add(entity);
        }
        for (Created entity : created) {
            exercise(entity);
        }
        for (Created entity : created.reversed()) {
            client.call("DELETE", entity.url()).expect(204);
            client.call("GET", entity.url()).expect(404);
        }
        String limits = rateLimits.check(client, targets);
        return client.requests() + " requests, all as expected" + limits;
    }

    /**
     * Proves that the API refuses anonymous and forged callers with a 401 problem, then obtains the credentials
     * every later request carries.
     */
    private void authenticate(SmokeTarget target) throws StepFailure, InterruptedException {
        client.call("GET", collection(target)).anonymous().expect(401).problem().header("WWW-Authenticate");
        client.call("POST", collection(target))
                .anonymous()
                .body("{}", SmokeClient.JSON)
                .expect(401)
                .problem();
        client.call("GET", "/actuator/prometheus").anonymous().expect(401);
        if (auth.describe().equals("oauth2")) {
            client.call("GET", "/.well-known/openid-configuration").anonymous().expect(200);
            client.call("GET", "/oauth2/jwks").anonymous().expect(200);
        }
        Map.Entry<String, String> credentials = auth.credentials(client);
        client.call("GET", collection(target))
                .anonymous()
                .header(credentials.getKey(), credentials.getValue() + "x")
                .expect(401)
                .problem();
        client.authorize(credentials.getKey(), credentials.getValue());
        client.call("GET", "/actuator/prometheus").expect(200);
    }

    private void checkApiDocs(List<SmokeTarget> targets) throws StepFailure, InterruptedException {
        SmokeClient.Reply docs = client.call("GET", "/v3/api-docs").expect(200);
        JsonNode paths = docs.json().path("paths");
        for (SmokeTarget target : targets) {
            if (!paths.has(collection(target))) {
                throw docs.failure("\"paths\" has no " + collection(target));
            }
        }
    }

    private Created create(SmokeTarget target, Map<String, Long> ids) throws StepFailure, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(target.payload());
        for (SmokeTarget.Reference reference : target.references()) {
            Long id = ids.get(reference.targetEntity());
            if (id != null) {
                body.put(reference.property(), reference.many() ? List.of(id) : id);
            }
        }
        SmokeClient.Reply reply = client.call("POST", collection(target))
                .body(SmokeClient.json(body), SmokeClient.JSON)
                .expect(201);
        reply.header("Location");
        reply.header("ETag");
        long id = reply.id();
        Created entity = new Created(target, id, body);
        SmokeClient.Reply read = client.call("GET", entity.url()).expect(200);
        if (read.id() != id) {
            throw read.failure("expected \"id\": " + id);
        }
        read.header("ETag");
        return entity;
    }

    private void exercise(Created entity) throws StepFailure, InterruptedException {
        update(entity);
        SmokeTarget target = entity.target();
        SmokeClient.Reply page = client.call("GET", collection(target) + "?page=0&size=5&sort=id,desc")
                .expect(200);
        if (!page.json().path("content").isArray()) {
            throw page.failure("the body has no \"content\" array");
        }
        rejectBadRequests(entity);
    }

    /** PUT with the current ETag, PATCH, and PUT with a stale ETag. */
    private void update(Created entity) throws StepFailure, InterruptedException {
        String body = SmokeClient.json(entity.body());
        String etag = client.call("GET", entity.url()).expect(200).header("ETag");
        client.call("PUT", entity.url())
                .body(body, SmokeClient.JSON)
                .header("If-Match", etag)
                .expect(200);
        Map<String, Object> patch = entity.target().patch();
        if (!patch.isEmpty()) {
            client.call("PATCH", entity.url())
                    .body(SmokeClient.json(patch), MERGE_PATCH)
                    .expect(200);
        }
        client.call("PUT", entity.url())
                .body(body, SmokeClient.JSON)
                .header("If-Match", STALE_ETAG)
                .expect(412);
    }

    /** A missing id, an invalid body and malformed JSON must each get a 4xx problem document. */
    private void rejectBadRequests(Created entity) throws StepFailure, InterruptedException {
        SmokeTarget target = entity.target();
        client.call("GET", collection(target) + "/" + MISSING_ID).expect(404).problem();
        if (!target.invalidPayload().isEmpty()) {
            Map<String, Object> invalid = new LinkedHashMap<>(entity.body());
            invalid.putAll(target.invalidPayload());
            client.call("POST", collection(target))
                    .body(SmokeClient.json(invalid), SmokeClient.JSON)
                    .expect(400)
                    .problem();
        }
        client.call("POST", collection(target))
                .body("{", SmokeClient.JSON)
                .expect(400)
                .problem();
    }

    private static String collection(SmokeTarget target) {
        String path = target.path();
        return "/api/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** An entity the smoke test created, with the body it was created from. */
    private record Created(SmokeTarget target, long id, Map<String, Object> body) {
        String url() {
            return collection(target) + "/" + id;
        }
    }
}
