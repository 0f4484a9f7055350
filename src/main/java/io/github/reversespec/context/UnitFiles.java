package io.github.reversespec.context;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A unit's source files as its prompt will read them: what {@link ContextAssembler#prefetch} reads
 * and redacts ahead of time.
 *
 * @param charset the project's source encoding
 * @param paths the files, relative to the execution root
 */
public record UnitFiles(Charset charset, List<String> paths) {

    public UnitFiles {
        paths = List.copyOf(paths);
    }
}
