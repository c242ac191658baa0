package dev.kiln.rag.store;

import java.util.Map;

/**
 * What a store records about itself in every Lucene commit.
 *
 * @param format the store layout version
 * @param embeddingModel the name of the embedding model its vectors came from
 * @param dimension the length of its vectors
 */
public record StoreMetadata(int format, String embeddingModel, int dimension) {
    /** The layout this version of Kiln writes and reads. */
    public static final int CURRENT_FORMAT = 1;

    private static final String FORMAT_KEY = "kiln.rag.format";
    private static final String MODEL_KEY = "kiln.rag.embedding.model";
    private static final String DIMENSION_KEY = "kiln.rag.embedding.dimension";

    Map<String, String> toUserData() {
        return Map.of(
                FORMAT_KEY, Integer.toString(format),
                MODEL_KEY, embeddingModel,
                DIMENSION_KEY, Integer.toString(dimension));
    }

    static boolean isPresentIn(Map<String, String> userData) {
        return userData.containsKey(FORMAT_KEY);
    }

    static StoreMetadata fromUserData(Map<String, String> userData) {
        return new StoreMetadata(
                Integer.parseInt(userData.getOrDefault(FORMAT_KEY, "0")),
                userData.getOrDefault(MODEL_KEY, ""),
                Integer.parseInt(userData.getOrDefault(DIMENSION_KEY, "0")));
    }
}
