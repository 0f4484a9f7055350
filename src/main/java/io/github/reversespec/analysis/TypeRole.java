package io.github.reversespec.analysis;

/**
 * What a type is for, as far as its declaration tells: decided by the rules of {@link TypeRoles},
 * a type may have several roles or none.
 */
public enum TypeRole {
    FACADE("facade"),
    FACTORY("factory"),
    BUILDER("builder"),
    UTILITY("utility"),
    VALUE("value"),
    EXCEPTION("exception"),
    ANNOTATION("annotation"),
    EXTENSION_POINT("SPI / extension point"),
    EVENT("event"),
    LISTENER("listener"),
    CONFIGURATION("configuration holder");

    private final String label;

    TypeRole(String label) {
        this.label = label;
    }

    /** The role in words, as a spec names it. */
    public String label() {
        return label;
    }
}
