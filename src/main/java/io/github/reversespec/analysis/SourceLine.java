package io.github.reversespec.analysis;

import java.util.Comparator;

/**
 * A place in the sources: one line of one file.
 *
 * @param file the file relative to the execution root, '/'-separated
 * @param line the 1-based line, 0 when unknown
 */
public record SourceLine(String file, int line) implements Comparable<SourceLine> {

    private static final Comparator<SourceLine> ORDER =
            Comparator.comparing(SourceLine::file).thenComparingInt(SourceLine::line);

    /** By file, then line: the first place in path order comes first. */
    @Override
    public int compareTo(SourceLine other) {
        return ORDER.compare(this, other);
    }

    /** {@code path/File.java:42}, or the path alone when the line is unknown. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
