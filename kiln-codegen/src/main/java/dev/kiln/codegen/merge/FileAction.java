package dev.kiln.codegen.merge;

/** What regeneration does to one file. */
public enum FileAction {
    /** A new generated file; written. */
    ADD("add", true),
    /** A file the user had not edited; replaced by the new generation. */
    UPDATE("update", true),
    /** A file the user edited and Kiln changed elsewhere; both changes kept. */
    MERGE("merge", true),
    /** Overlapping changes; written with conflict markers for the user to resolve. */
    CONFLICT("CONFLICT", true),
    /** A file Kiln no longer generates and the user had not edited; deleted. */
    DELETE("delete", true),
    /** A deleted generated file brought back by {@code --restore}. */
    RESTORE("restore", true),
    /** Unchanged on both sides, or the new generation equals what is there. */
    UNCHANGED("unchanged", false),
    /** Edited by the user and unchanged by Kiln; left alone. */
    KEEP_EDIT("keep edit", false),
    /** Deleted by the user; stays deleted (use {@code --restore} to bring it back). */
    KEEP_DELETED("keep deleted", false),
    /** A file the user created where Kiln now generates one; left alone (Kiln's version is not written). */
    KEEP_YOURS("keep yours (Kiln now generates this path)", false),
    /** No longer generated but edited by the user; kept. */
    KEEP_ORPHAN("keep (no longer generated, edited)", false),
    /** An extension point Kiln created once and the user has since changed; never written again. */
    KEEP_EXTENSION("keep (extension point, yours)", false);

    private final String label;
    private final boolean writes;

    FileAction(String label, boolean writes) {
        this.label = label;
        this.writes = writes;
    }

    /**
     * Returns how the plan names this action.
     *
     * @return a short label
     */
    public String label() {
        return label;
    }

    /**
     * Returns whether this action changes the file on disk.
     *
     * @return true for add, update, merge, conflict, delete and restore
     */
    public boolean writes() {
        return writes;
    }
}
