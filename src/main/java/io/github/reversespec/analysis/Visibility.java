package io.github.reversespec.analysis;

/** Java access levels, widest first. */
public enum Visibility {
    PUBLIC("public"),
    PROTECTED("protected"),
    PACKAGE("package-private"),
    PRIVATE("private");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Public or protected: part of what other packages can use. */
    public boolean isApi() {
        return this == PUBLIC || this == PROTECTED;
    }
}
