package io.github.reversespec.spec;

/** The nine numbered sections of a spec, in order. */
public enum Section {
    INTENT("Intent"),
    PUBLIC_INTERFACE("Public Interface"),
    BEHAVIOR("Behavior"),
    DATA_STRUCTURES("Data Structures"),
    CONSTRAINTS("Constraints"),
    EDGE_CASES("Edge Cases and Errors"),
    TECHNICAL_DEBT("Technical Debt"),
    TEST_COVERAGE("Test Coverage"),
    DEPENDENCIES("Dependencies");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** 1-based section number. */
    public int number() {
        return ordinal() + 1;
    }

    /** The heading line: {@code ## 1. Intent}. */
    public String heading() {
        return "## " + number() + ". " + title;
    }

    /** Sections whose facts come from the code; a model's text there is commentary only. */
    public boolean factual() {
        return this == PUBLIC_INTERFACE || this == DATA_STRUCTURES || this == TEST_COVERAGE || this == DEPENDENCIES;
    }
}
