package io.github.reversespec.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one test source file refers to, so that units can list the tests that exercise their
 * types.
 *
 * @param projectKey the project whose test sources hold the file
 * @param file the file relative to the execution root, '/'-separated
 * @param packageName the test's package
 * @param testClass the simple name of the file's primary type
 * @param testMethods number of methods annotated as tests ({@code @Test}, {@code
 *     @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory}, {@code @Property}, or
 *     JUnit 3 {@code test*} methods)
 * @param imports the file's imports
 * @param simpleNames capitalised simple names the file uses as types or in expressions
 * @param qualifiedNames dotted names used in the code that may be fully-qualified types
 */
public record TestClassFacts(
        String projectKey,
        String file,
        String packageName,
        String testClass,
        int testMethods,
        List<ImportRef> imports,
        Set<String> simpleNames,
        Set<String> qualifiedNames) {

    public TestClassFacts {
        imports = List.copyOf(imports);
        simpleNames = Collections.unmodifiableSortedSet(new TreeSet<>(simpleNames));
        qualifiedNames = Collections.unmodifiableSortedSet(new TreeSet<>(qualifiedNames));
    }

    /** {@code package.TestClass}. */
    public String qualifiedTestClass() {
        return packageName.isEmpty() ? testClass : packageName + "." + testClass;
    }
}
