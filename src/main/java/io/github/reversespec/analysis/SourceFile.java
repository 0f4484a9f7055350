package io.github.reversespec.analysis;

import java.util.Optional;

/**
 * One Java file of a unit.
 *
 * @param path the file relative to the execution root, '/'-separated
 * @param lines number of lines
 * @param problem why the file could not be read or parsed, if it could not
 */
public record SourceFile(String path, int lines, Optional<ParseProblem> problem) {

    public boolean parsed() {
        return problem.isEmpty();
    }
}
