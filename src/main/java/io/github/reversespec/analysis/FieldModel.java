package io.github.reversespec.analysis;

import java.util.List;

/**
 * A field or record component: the state of a data type.
 *
 * @param name the field name
 * @param type the declared type as written
 * @param visibility declared access (record components are private final)
 * @param modifiers the other modifiers in source order ({@code static}, {@code final}, {@code
 *     volatile}, {@code transient})
 * @param javadocSummary first sentence of its Javadoc, or empty
 * @param line the line of the declaration
 * @param constantValue the initialiser as written of a {@code static final} primitive or {@code
 *     String} field whose initialiser looks like a compile-time constant: literals and names joined
 *     by operators, parentheses and casts ({@code "a.b"}, {@code 60 * 1000}, {@code 1 << (Integer.SIZE
 *     - 2)}), cut when long; empty for every other field and for record components
 */
public record FieldModel(
        String name,
        String type,
        Visibility visibility,
        List<String> modifiers,
        String javadocSummary,
        int line,
        String constantValue) {

    public FieldModel {
        modifiers = List.copyOf(modifiers);
        javadocSummary = javadocSummary == null ? "" : javadocSummary;
        constantValue = constantValue == null ? "" : constantValue;
    }

    /** A field without a constant value shown (not a constant, or a record component). */
    public FieldModel(
            String name, String type, Visibility visibility, List<String> modifiers, String javadocSummary, int line) {
        this(name, type, visibility, modifiers, javadocSummary, line, "");
    }

    public boolean isStatic() {
        return modifiers.contains("static");
    }

    public boolean isFinal() {
        return modifiers.contains("final");
    }
}
