package dev.kiln.rag.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hash that decides whether a file must be ingested again: SHA-256 of its bytes, its access list
 * and the ingest settings, so a changed access list or chunker re-indexes the file too.
 */
final class ContentHash {
    private ContentHash() {}

    static String of(byte[] content, Set<String> acl, String settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content);
            digest.update((byte) 0);
            digest.update(String.join("\n", new TreeSet<>(acl)).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
