package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test facts of test sources and their resolution to the types they exercise. */
class TestCoverageIndexTest {

    @TempDir
    static Path dir;

    static ReactorAnalysis analysis;
    static TestCoverageIndex index;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir)
                .project("core", "core")
                .project("dup", "dup")
                .project("app", "app", "com.acme:core")
                .project("other", "other");
        tree.write("core/src/main/java/com/acme/core/Parser.java", """
                package com.acme.core;
                public class Parser {
                    public static class Options {}
                    public static Parser parse(String s) { return new Parser(); }
                }
                """);
        tree.write("core/src/main/java/com/acme/core/Lexer.java", """
                package com.acme.core;
                public class Lexer { public static int tokens() { return 0; } }
                class LexerSupport {}
                """);
        tree.write("core/src/main/java/com/acme/util/Util.java", "package com.acme.util;\npublic class Util {}\n");
        tree.write(
                "core/src/main/java/com/acme/util/Strings.java", "package com.acme.util;\npublic class Strings {}\n");
        tree.write("dup/src/main/java/com/acme/util/Util.java", "package com.acme.util;\npublic class Util {}\n");

        String tests = "app/src/test/java/";
        tree.write(tests + "com/acme/core/ParserTest.java", """
                package com.acme.core;

                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.params.ParameterizedTest;

                class ParserTest {
                    @Test void parses() { Parser.Options o = new Parser.Options(); }
                    @org.junit.jupiter.api.Test void qualifiedAnnotation() {}
                    @ParameterizedTest void many(String s) { assertThat(s).isNotNull(); }
                    void helper() { java.util.List<String> l = java.util.List.of(); }
                    @Nested class Inner { @Test void deep() {} }
                }
                """);
        tree.write(tests + "com/acme/it/OnDemandTest.java", """
                package com.acme.it;

                import com.acme.core.*;

                public class OnDemandTest {
                    @Test void lexes() { var l = new Lexer(); }
                }
                """);
        tree.write(tests + "com/acme/it/QualifiedTest.java", """
                package com.acme.it;

                public class QualifiedTest {
                    @Test void parses() { com.acme.core.Parser.parse("x"); }
                }
                """);
        tree.write(tests + "com/acme/it/StaticImportTest.java", """
                package com.acme.it;

                import static com.acme.core.Lexer.tokens;
                import com.acme.util.Util;

                public class StaticImportTest {
                    @Test void counts() { tokens(); Object c = Lexer.class; Util u = null; }
                }
                """);
        tree.write(tests + "com/acme/it/LegacyTest.java", """
                package com.acme.it;

                import junit.framework.TestCase;

                public class LegacyTest extends TestCase {
                    public void testOne() {}
                    public void testTwo() {}
                    public void testWithArgument(int x) {}
                    void testNotPublic() {}
                    public void helper() {}
                }
                """);
        tree.write(tests + "com/acme/it/NotATest.java", """
                package com.acme.it;
                class NotATest { Parser p; Strings s; }
                """);
        tree.write(tests + "com/acme/it/Broken.java", "package com.acme.it;\nclass Broken {");
        tree.write("dup/src/test/java/com/acme/util/UtilTest.java", """
                package com.acme.util;
                class UtilTest { @Test void t() { new Util(); } }
                """);
        tree.write("other/src/test/java/x/BothTest.java", """
                package x;
                import com.acme.util.Util;
                class BothTest { @Test void t() { Util.class.getName(); } }
                """);
        analysis = tree.analyze();
        index = TestCoverageIndex.build(analysis);
    }

    private static ProjectAnalysis project(String artifactId) {
        return analysis.projects().stream()
                .filter(p -> p.project().artifactId().equals(artifactId))
                .findFirst()
                .orElseThrow();
    }

    private static TestClassFacts test(String file) {
        return analysis.tests().filter(t -> t.file().endsWith(file)).findFirst().orElseThrow();
    }

    @Test
    void testFactsOfATestFile() {
        TestClassFacts parserTest = test("ParserTest.java");
        assertThat(parserTest.projectKey()).isEqualTo("com.acme:app");
        assertThat(parserTest.file()).isEqualTo("app/src/test/java/com/acme/core/ParserTest.java");
        assertThat(parserTest.packageName()).isEqualTo("com.acme.core");
        assertThat(parserTest.testClass()).isEqualTo("ParserTest");
        assertThat(parserTest.qualifiedTestClass()).isEqualTo("com.acme.core.ParserTest");
        assertThat(parserTest.testMethods()).isEqualTo(4);
        assertThat(parserTest.imports())
                .containsExactly(
                        new ImportRef("org.junit.jupiter.api.Test", false, false),
                        new ImportRef("org.junit.jupiter.params.ParameterizedTest", false, false));
        assertThat(parserTest.simpleNames())
                .contains("Parser", "Options", "Test", "ParameterizedTest", "Nested", "String")
                .doesNotContain("parses", "assertThat", "s");
        assertThat(parserTest.qualifiedNames())
                .containsExactlyInAnyOrder("org.junit.jupiter.api.Test", "java.util.List");
    }

    @Test
    void junit3TestMethodsCountInTestCaseSubclasses() {
        assertThat(test("LegacyTest.java").testMethods()).isEqualTo(2);
        assertThat(test("NotATest.java").testMethods()).isZero();
    }

    @Test
    void unparsableTestFilesAreProblemsOfTheirProject() {
        assertThat(project("app").tests()).extracting(TestClassFacts::file).noneMatch(f -> f.endsWith("Broken.java"));
        assertThat(project("app").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo("app/src/test/java/com/acme/it/Broken.java"));
        assertThat(project("app").tests())
                .extracting(TestClassFacts::file)
                .isSorted()
                .hasSize(6);
    }

    @Test
    void coveragePerTopLevelTypeAcrossProjects() {
        UnitAnalysis core = unit(analysis, "core", "com.acme.core");
        assertThat(index.coverageFor(core))
                .containsExactly(
                        new TypeCoverage("Lexer", List.of("com.acme.it.OnDemandTest", "com.acme.it.StaticImportTest")),
                        new TypeCoverage("LexerSupport", List.of()),
                        new TypeCoverage("Parser", List.of("com.acme.core.ParserTest", "com.acme.it.QualifiedTest")));
        assertThat(index.testsFor(core))
                .extracting(TestClassFacts::file)
                .containsExactly(
                        "app/src/test/java/com/acme/core/ParserTest.java",
                        "app/src/test/java/com/acme/it/OnDemandTest.java",
                        "app/src/test/java/com/acme/it/QualifiedTest.java",
                        "app/src/test/java/com/acme/it/StaticImportTest.java");
    }

    @Test
    void samePackageInTwoProjectsPrefersTheTestsOwnProjectThenItsDependencies() {
        // app depends on core: its import of com.acme.util.Util means core's
        assertThat(index.coverageFor(unit(analysis, "core", "com.acme.util")))
                .containsExactly(
                        new TypeCoverage("Strings", List.of()),
                        new TypeCoverage("Util", List.of("com.acme.it.StaticImportTest", "x.BothTest")));
        // dup's own test stays with dup; "other" depends on neither, so it counts for both
        assertThat(index.coverageFor(unit(analysis, "dup", "com.acme.util")))
                .containsExactly(new TypeCoverage("Util", List.of("com.acme.util.UtilTest", "x.BothTest")));
        assertThat(index.testsFor(unit(analysis, "dup", "com.acme.util")))
                .extracting(TestClassFacts::projectKey)
                .containsExactly("com.acme:dup", "com.acme:other");
    }

    @Test
    void aSimpleNameAloneIsNotEnough() {
        assertThat(analysis.units().flatMap(u -> index.testsFor(u).stream()))
                .extracting(TestClassFacts::testClass)
                .doesNotContain("NotATest", "LegacyTest");
    }
}
