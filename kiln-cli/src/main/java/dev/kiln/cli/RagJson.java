package dev.kiln.cli;

import dev.kiln.rag.search.SearchHit;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON that rag commands print: one compact object per line, a stable contract for scripts. */
final class RagJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RagJson() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode read(String line) {
        return JSON.readTree(line);
    }

    static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    /** Adds {@code "hits":[{"source","title","section","score","text"}]} to an object. */
    static ObjectNode withHits(ObjectNode node, List<SearchHit> hits) {
        ArrayNode array = node.putArray("hits");
        for (SearchHit hit : hits) {
            array.addObject()
                    .put("source", hit.source())
                    .put("title", hit.title())
                    .put("section", hit.section())
                    .put("score", hit.score())
                    .put("text", hit.text());
        }
        return node;
    }
}
