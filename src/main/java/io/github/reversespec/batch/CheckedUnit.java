package io.github.reversespec.batch;

import java.util.List;

/**
 * One unit {@code check} looked at: a unit of the reactor, or a spec whose unit is gone.
 *
 * @param unit {@code artifactId:package}
 * @param spec its spec's path relative to the root
 * @param findings what is wrong, empty when the spec holds
 */
public record CheckedUnit(String unit, String spec, List<DriftFinding> findings) {

    public CheckedUnit {
        findings = List.copyOf(findings);
    }

    public boolean failed() {
        return findings.stream().anyMatch(DriftFinding::error);
    }

    /** Whether {@code batch -Dreverse-spec.refresh=stale} regenerates its spec (unless edited by hand). */
    public boolean stale() {
        return findings.stream().anyMatch(f -> f.kind().stale());
    }

    public boolean has(DriftKind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }
}
