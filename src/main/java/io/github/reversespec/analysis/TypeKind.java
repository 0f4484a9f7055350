package io.github.reversespec.analysis;

/** The kinds of Java type declaration. */
public enum TypeKind {
    CLASS("class"),
    INTERFACE("interface"),
    ENUM("enum"),
    RECORD("record"),
    ANNOTATION("@interface");

    private final String keyword;

    TypeKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
