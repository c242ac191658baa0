package dev.kiln.codegen.verify;

import dev.kiln.codegen.model.RateLimitModel;
import dev.kiln.spec.BruteForceLimit;
import dev.kiln.spec.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code kiln verify} does about a service's rate limits: it starts the service with every limit
 * raised far above what the smoke test sends (the spec's limits may be lower than its ~80 requests), and
 * then proves one limit live: sign-in attempts get 429 once the brute-force limit is spent.
 *
 * <p>{@link #NONE} is for services without a rate limiter: no settings, no check.
 */
public final class RateLimitProbe {
    /** A service without a rate limiter. */
    public static final RateLimitProbe NONE = new RateLimitProbe(null);

    /** The brute-force limit verify sets: room for a few token requests of the smoke test, then 429. */
    static final int BRUTE_FORCE_REQUESTS = 30;

    private static final String RAISED = "1000000";

    private final @Nullable RateLimitModel limits;

    private RateLimitProbe(@Nullable RateLimitModel limits) {
        this.limits = limits;
    }

    /**
     * Returns the probe for a service.
     *
     * @param spec the spec the service was generated from
     * @return the probe; {@link #NONE} when the service has no rate limiter
     */
    public static RateLimitProbe of(ServiceSpec spec) {
        Optional<RateLimitModel> limits = RateLimitModel.of(spec);
        return limits.map(RateLimitProbe::new).orElse(NONE);
    }

    /**
     * Returns the environment variables the service is started with.
     *
     * @return variable to value; empty for {@link #NONE}
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        RateLimitModel model = limits;
        if (model == null) {
            return environment;
        }
        for (RateLimitModel.Limit limit : model.all()) {
            if (limit.requests() > 0) {
                environment.put(limit.env() + "REQUESTS", RAISED);
            }
        }
        environment.put(model.bruteForce().env() + "REQUESTS", Integer.toString(BRUTE_FORCE_REQUESTS));
        environment.put(model.bruteForce().env() + "WINDOW", "1m");
        return environment;
    }

    /**
     * Checks the limits on the running service: API answers carry the RateLimit headers, and sign-in
     * attempts get 429 with {@code Retry-After} once the brute-force limit is spent. Run it last: it
     * leaves the loopback address without sign-in attempts for a minute.
     *
     * @param client the smoke test's client
     * @param targets the resources; the first one's collection is read
     * @return a note for the smoke summary, empty for {@link #NONE}
     * @throws StepFailure when a header or the 429 is missing
     */
    String check(SmokeClient client, List<SmokeTarget> targets) throws StepFailure, InterruptedException {
        RateLimitModel model = limits;
        if (model == null) {
            return "";
        }
        // A spec with rateLimit always has a default limit, which a GET of a collection meets unless a
        // group claims it; either way the answer carries the headers. Auth alone limits only sign-in.
        if (model.defaults().requests() > 0 && !targets.isEmpty()) {
            String path = targets.get(0).path();
            client.call("GET", "/api/" + (path.startsWith("/") ? path.substring(1) : path) + "?size=1")
                    .expect(200)
                    .header("RateLimit-Limit");
        }
        String signIn = BruteForceLimit.PATHS.get(0);
        SmokeClient.Reply first = client.call("POST", signIn).send();
        long remaining = remaining(first);
        for (long i = 0; i < remaining; i++) {
            SmokeClient.Reply reply = client.call("POST", signIn).send();
            if (reply.response().statusCode() == 429) {
                throw reply.failure("429 with " + (remaining - i) + " attempts left");
            }
        }
        SmokeClient.Reply rejected = client.call("POST", signIn).expect(429).problem();
        rejected.header("Retry-After");
        return "; POST " + signIn + " limited after " + (remaining + 1) + " attempts";
    }

    private static long remaining(SmokeClient.Reply reply) throws StepFailure {
        String value = reply.header("RateLimit-Remaining");
        try {
            long remaining = Long.parseLong(value);
            if (remaining < 0 || remaining >= BRUTE_FORCE_REQUESTS) {
                throw reply.failure("RateLimit-Remaining " + value + " with a limit of " + BRUTE_FORCE_REQUESTS);
            }
            return remaining;
        } catch (NumberFormatException e) {
            throw reply.failure("RateLimit-Remaining is not a number: " + value);
        }
    }
}
