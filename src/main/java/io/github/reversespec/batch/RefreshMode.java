package io.github.reversespec.batch;

import java.util.Locale;

/** Which existing specs a run regenerates. */
public enum RefreshMode {
    /** Only specs that do not exist yet. */
    MISSING,
    /**
     * Also specs whose sources changed, whose dependencies' public interface changed, and AST-only
     * specs when a model is available.
     */
    STALE,
    /** Every spec. */
    ALL;

    /**
     * Parses the parameter value.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RefreshMode parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (RefreshMode mode : values()) {
            if (mode.name().equals(v)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "reverse-spec.refresh must be one of missing, stale, all; got '" + value + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
