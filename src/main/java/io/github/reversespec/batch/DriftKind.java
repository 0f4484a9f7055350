package io.github.reversespec.batch;

import io.github.reversespec.core.ConfigurationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code check} can find wrong with a unit's spec (PRODUCT.md, "The check goal"). */
public enum DriftKind {
    /** The unit has no spec. */
    MISSING,
    /** A spec whose package is gone. */
    ORPHAN,
    /** The unit's public interface changed since its spec was written. */
    INTERFACE,
    /** The public interface of a unit it depends on changed. */
    DEPENDENCY,
    /** Only non-public code changed. */
    IMPLEMENTATION,
    /** Model prose names code that resolved when the spec was written and no longer exists. */
    PROSE,
    /** The spec was changed by hand outside its notes block. */
    EDITED,
    /** The file is not a spec this version reads. */
    FORMAT;

    /** {@code failOn}'s default: the kinds that fail the build unless configured otherwise. */
    public static final String DEFAULT_FAIL_ON = "missing,orphan,interface,prose";

    /** The name users write and the reports show. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code batch -Dreverse-spec.refresh=stale} regenerates a spec with this finding. */
    public boolean stale() {
        return this == MISSING || this == INTERFACE || this == DEPENDENCY || this == IMPLEMENTATION || this == FORMAT;
    }

    /**
     * Parses {@code failOn}: kinds separated by commas (or spaces), in any case; empty or {@code
     * none} means none.
     *
     * @throws ConfigurationException naming the parameter, the unknown kind and the valid ones
     */
    public static Set<DriftKind> parseList(String value) throws ConfigurationException {
        Set<DriftKind> kinds = EnumSet.noneOf(DriftKind.class);
        if (value == null) {
            return kinds;
        }
        for (String part : value.split("[,\\s]+")) {
            String p = part.strip();
            if (p.isEmpty() || p.equalsIgnoreCase("none")) {
                continue;
            }
            DriftKind kind = Arrays.stream(values())
                    .filter(k -> k.label().equals(p.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("reverse-spec.failOn: unknown finding kind '" + p
                            + "'; the valid kinds are " + validKinds() + " (default " + DEFAULT_FAIL_ON + ")."));
            kinds.add(kind);
        }
        return kinds;
    }

    static String validKinds() {
        return Arrays.stream(values()).map(DriftKind::label).collect(Collectors.joining(", "));
    }
}
