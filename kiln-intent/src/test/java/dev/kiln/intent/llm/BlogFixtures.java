package dev.kiln.intent.llm;

import dev.kiln.intent.Explanation;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.util.List;

/** A blog prompt, what a rule-based parser would make of it, and replies a model might give. */
final class BlogFixtures {
    static final String PROMPT =
            "Create a blog service where authors write posts with a title and body. Secure it with OAuth2.";

    static final String BASELINE_JSON = """
            {"kiln": 1, "name": "blog", "package": "com.example.blog",
             "entities": [
               {"name": "Author", "fields": [{"name": "name", "type": "string", "required": true}]},
               {"name": "Post", "fields": [
                 {"name": "title", "type": "string", "required": true},
                 {"name": "body", "type": "text"}]}],
             "relations": [{"from": "Post", "to": "Author", "kind": "many-to-one", "required": true}],
             "features": {"auth": {"type": "oauth2"}}}
            """;

    /** A good reply: the baseline plus two inferred fields, under another service name. */
    static final String GOOD_REPLY = """
            {"kiln": 1, "name": "blog-service", "package": "com.example.blogservice",
             "entities": [
               {"name": "Author", "fields": [
                 {"name": "name", "type": "string", "required": true},
                 {"name": "email", "type": "email", "required": true, "unique": true}]},
               {"name": "Post", "fields": [
                 {"name": "title", "type": "string", "required": true},
                 {"name": "body", "type": "text"},
                 {"name": "publishedAt", "type": "datetime"}]}],
             "relations": [{"from": "Post", "to": "Author", "kind": "many-to-one", "required": true}],
             "features": {"auth": {"type": "oauth2"}}}
            """;

    /** The good reply with a misspelt field type at entities[1].fields[2].type. */
    static final String MISSPELT_REPLY = GOOD_REPLY.replace("\"datetime\"", "\"datetim\"");

    private BlogFixtures() {}

    static ServiceSpec spec(String json) {
        return new SpecReader().read(json, "fixture", true);
    }

    static ParsedIntent baseline() {
        return new ParsedIntent(
                spec(BASELINE_JSON),
                List.of(
                        new Explanation("entities[0]", "entity Author", "authors", 0.9),
                        new Explanation("features.auth", "feature auth: oauth2", "Secure it with OAuth2", 1.0)),
                List.of());
    }
}
