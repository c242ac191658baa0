package dev.kiln.cli;

/** The exit codes every Kiln command uses. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;

    /** The work failed: a build or a test of generated code failed. */
    public static final int FAILED = 1;

    /** Bad input or usage: nothing was done, and the message says how to fix it. */
    public static final int BAD_INPUT = 2;

    /** Regeneration left conflicts for the user to resolve. */
    public static final int CONFLICTS = 3;

    private ExitCodes() {}
}
