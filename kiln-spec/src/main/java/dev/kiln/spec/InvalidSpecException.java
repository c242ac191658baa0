package dev.kiln.spec;

import dev.kiln.spec.validation.SpecProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a spec cannot be read or breaks the schema or a semantic rule.
 *
 * <p>It carries every problem found, each with its location, so a user can fix them all in one pass.
 */
public final class InvalidSpecException extends KilnException {
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    /**
     * Creates the exception from the problems found.
     *
     * @param problems at least one problem
     */
    public InvalidSpecException(List<SpecProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidSpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the problems, in the order they appear in the file.
     *
     * @return the problems, never empty
     */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String render(List<SpecProblem> problems) {
        return problems.stream().map(SpecProblem::render).collect(Collectors.joining("\n"));
    }
}
