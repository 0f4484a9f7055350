package io.github.reversespec.analysis;

import java.util.List;

/**
 * The tests that exercise one type of a unit.
 *
 * @param typeName the type's simple name (top-level)
 * @param testClasses qualified names of test classes that refer to it, sorted
 */
public record TypeCoverage(String typeName, List<String> testClasses) {

    public TypeCoverage {
        testClasses = List.copyOf(testClasses);
    }
}
