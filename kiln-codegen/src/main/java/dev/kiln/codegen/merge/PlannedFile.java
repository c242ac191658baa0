package dev.kiln.codegen.merge;

import org.jspecify.annotations.Nullable;

/** One file of a regeneration plan: its path, what happens to it, and its content before and after. */
public final class PlannedFile {
    private final String path;
    private final FileAction action;
    private final byte @Nullable [] before;
    private final byte @Nullable [] after;
    private final int conflicts;

    /**
     * Creates a planned file.
     *
     * @param path the relative path
     * @param action what happens to it
     * @param before its content on disk now, or null if there is none
     * @param after its content after the plan, or null if it is deleted or absent
     * @param conflicts the number of conflicting regions (only for {@link FileAction#CONFLICT})
     */
    public PlannedFile(
            String path, FileAction action, byte @Nullable [] before, byte @Nullable [] after, int conflicts) {
        this.path = path;
        this.action = action;
        this.before = before == null ? null : before.clone();
        this.after = after == null ? null : after.clone();
        this.conflicts = conflicts;
    }

    /**
     * Returns the path relative to the project.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns what happens to the file.
     *
     * @return the action
     */
    public FileAction action() {
        return action;
    }

    /**
     * Returns the content on disk before the plan runs.
     *
     * @return a copy, or null if there is no file
     */
    public byte @Nullable [] before() {
        return before == null ? null : before.clone();
    }

    /**
     * Returns the content after the plan.
     *
     * @return a copy, or null if the file is deleted or absent
     */
    public byte @Nullable [] after() {
        return after == null ? null : after.clone();
    }

    /**
     * Returns the number of conflicting regions.
     *
     * @return 0 unless the action is {@link FileAction#CONFLICT}
     */
    public int conflicts() {
        return conflicts;
    }

    @Override
    public String toString() {
        return action.label() + " " + path;
    }
}
