package io.github.reversespec.analysis;

/**
 * Why a file could not be used: a syntax error, a file that is not UTF-8, an I/O error.
 *
 * @param file the file relative to the execution root, '/'-separated
 * @param line 1-based line of the first problem, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what went wrong, one line
 */
public record ParseProblem(String file, int line, int column, String message) {

    /** {@code file:line:column: message}, as compilers print it. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }
}
