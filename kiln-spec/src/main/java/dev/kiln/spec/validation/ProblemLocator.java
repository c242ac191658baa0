package dev.kiln.spec.validation;

/**
 * Turns a spec path into a located {@link SpecProblem}.
 *
 * <p>A parsed file knows where each path sits; a spec built in memory has no file, so {@link #NONE}
 * reports paths without lines.
 */
@FunctionalInterface
public interface ProblemLocator {
    /** A locator for specs that did not come from a file. */
    ProblemLocator NONE = (path, message) -> new SpecProblem("<spec>", 0, 0, path, message);

    /**
     * Creates a problem at a path.
     *
     * @param path for example {@code entities[2].fields[0].type}
     * @param message what is wrong and how to fix it
     * @return the located problem
     */
    SpecProblem problem(String path, String message);
}
