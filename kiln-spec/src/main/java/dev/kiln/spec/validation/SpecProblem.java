package dev.kiln.spec.validation;

/**
 * One thing wrong with a spec, located precisely enough to fix it without searching.
 *
 * @param source the file name, or a label such as {@code <stdin>}
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path where in the spec, for example {@code entities[2].fields[0].type}; empty for the whole file
 * @param message what is wrong and how to fix it
 */
public record SpecProblem(String source, int line, int column, String path, String message) {

    /**
     * Renders the problem the way compilers do: {@code file:line:column: path: message}.
     *
     * @return one line of text
     */
    public String render() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
