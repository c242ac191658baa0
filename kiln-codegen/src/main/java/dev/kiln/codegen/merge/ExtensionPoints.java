package dev.kiln.codegen.merge;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Plans the files Kiln creates once and then leaves to the user (the manifest's {@code createOnly}), such
 * as a generated service's {@code <Entity>ServiceCustomizer}.
 *
 * <p>An extension point is written when it is new (absent and never created before), brought back by
 * {@code --restore} after the user deleted it, and otherwise never updated or merged, whatever Kiln would
 * generate now. When Kiln stops generating it (its entity was dropped or renamed), it is deleted only if
 * it is still exactly what Kiln created, since nothing of the user's is lost then and it would no longer
 * compile; one the user changed is kept, with a note.
 */
final class ExtensionPoints {
    private ExtensionPoints() {}

    /**
     * Plans one extension point.
     *
     * @param path the relative path
     * @param ours the file on disk, or null
     * @param theirs what Kiln generates now, or null if it no longer does
     * @param manifest what Kiln generated last time
     * @param restore whether to bring back generated files the user deleted
     * @return the planned file, or null when there is nothing on either side
     */
    static @Nullable PlannedFile plan(
            String path, byte @Nullable [] ours, byte @Nullable [] theirs, Manifest manifest, boolean restore) {
        if (theirs == null) {
            if (ours == null) {
                return null;
            }
            return manifest.matches(path, ours)
                    ? new PlannedFile(path, FileAction.DELETE, ours, null, 0)
                    : new PlannedFile(path, FileAction.KEEP_ORPHAN, ours, ours, 0);
        }
        if (ours == null) {
            if (!manifest.generated(path)) {
                return new PlannedFile(path, FileAction.ADD, null, theirs, 0);
            }
            return restore
                    ? new PlannedFile(path, FileAction.RESTORE, null, theirs, 0)
                    : new PlannedFile(path, FileAction.KEEP_DELETED, null, null, 0);
        }
        if (Arrays.equals(ours, theirs)) {
            return new PlannedFile(path, FileAction.UNCHANGED, ours, ours, 0);
        }
        return new PlannedFile(
                path, manifest.generated(path) ? FileAction.KEEP_EXTENSION : FileAction.KEEP_YOURS, ours, ours, 0);
    }

    /**
     * Says what to do about an edited extension point that Kiln no longer generates.
     *
     * @param path the relative path
     * @return a note for the user
     */
    static String orphanNote(String path) {
        return path + " is an extension point of something no longer in the spec; it is kept because you"
                + " edited it: move your code to its new place (a renamed entity has a new customizer) and"
                + " delete it, or it may not compile";
    }
}
