package io.github.reversespec.analysis;

/**
 * A marker of technical debt found in the code.
 *
 * @param kind {@code TODO}, {@code FIXME}, {@code XXX}, {@code HACK} or {@code DEPRECATED}
 * @param file the file relative to the execution root, '/'-separated
 * @param line the line of the marker
 * @param text the comment text after the marker (one line, trimmed), or for {@code DEPRECATED}
 *     the deprecated element
 */
public record DebtItem(String kind, String file, int line, String text) {}
