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
 */
public record FieldModel(
        String name, String type, Visibility visibility, List<String> modifiers, String javadocSummary, int line) {

    public FieldModel {
        modifiers = List.copyOf(modifiers);
        javadocSummary = javadocSummary == null ? "" : javadocSummary;
    }

    public boolean isStatic() {
        return modifiers.contains("static");
    }

    public boolean isFinal() {
        return modifiers.contains("final");
    }
}
