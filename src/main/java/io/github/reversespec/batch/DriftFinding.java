package io.github.reversespec.batch;

import java.util.List;

/**
 * One thing {@code check} found, as the drift report lists it.
 *
 * @param kind what is wrong
 * @param error whether it fails the build ({@code failOn}), else a warning
 * @param detail a sentence for people
 * @param names the code names concerned ({@code Type}, {@code Type#member}, or units), possibly none
 */
public record DriftFinding(DriftKind kind, boolean error, String detail, List<String> names) {

    public DriftFinding {
        names = List.copyOf(names);
    }

    /** {@code error} or {@code warning}. */
    public String severity() {
        return error ? "error" : "warning";
    }
}
