package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input, unit grouping, debt, determinism and hashes. */
class SourceInputTest {

    @TempDir
    Path dir;

    @Test
    void unparsableFileKeepsItsUnitAndPackageFromDeclaration() {
        SourceTree tree = new SourceTree(dir).project("app", "");
        // in the wrong directory on purpose: the declaration wins over the path
        tree.write("src/main/java/misplaced/Broken.java", """
                /* header */
                package com.acme.broken;

                public class Broken {
                    void f() { int = ; }
                }
                """);
        tree.write("src/main/java/other/NoPackage.java", "class NoPackage { void f( }\n");

        ReactorAnalysis analysis = tree.analyze();
        UnitAnalysis broken = unit(analysis, "app", "com.acme.broken");
        assertThat(broken.types()).isEmpty();
        SourceFile file = broken.files().get(0);
        assertThat(file.path()).isEqualTo("src/main/java/misplaced/Broken.java");
        assertThat(file.parsed()).isFalse();
        assertThat(file.lines()).isEqualTo(6);
        ParseProblem problem = file.problem().orElseThrow();
        assertThat(problem.file()).isEqualTo("src/main/java/misplaced/Broken.java");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isPositive();
        assertThat(problem.message()).startsWith("Parse error").doesNotContain("\n");
        assertThat(broken.problems()).containsExactly(problem);

        // no declaration to find: the directory names the package
        UnitAnalysis other = unit(analysis, "app", "other");
        assertThat(other.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void lexicalErrorHasItsPosition() {
        SourceTree tree = new SourceTree(dir).project("app", "");
        tree.write("src/main/java/p/Lex.java", "package p;\nclass Lex {\n  String s = \"\\q\";\n}\n");
        ParseProblem problem = unit(tree.analyze(), "app", "p").problems().get(0);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isPositive();
    }

    @Test
    void nonUtf8FileIsAProblemNamingIt() {
        SourceTree tree = new SourceTree(dir).project("app", "");
        byte[] latin1 = "package com.acme;\n// Grüße\nclass Latin {}\n".getBytes(StandardCharsets.ISO_8859_1);
        tree.writeBytes("src/main/java/com/acme/Latin.java", latin1);
        tree.write("src/main/java/com/acme/Fine.java", "package com.acme;\npublic class Fine {}\n");

        UnitAnalysis unit = unit(tree.analyze(), "app", "com.acme");
        assertThat(unit.types()).extracting(TypeModel::name).containsExactly("Fine");
        assertThat(unit.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("src/main/java/com/acme/Latin.java");
            assertThat(p.message()).startsWith("not valid UTF-8 (");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.describe()).startsWith("src/main/java/com/acme/Latin.java:2: not valid UTF-8");
        });
    }

    @Test
    void utf8WithByteOrderMarkParses() {
        SourceTree tree = new SourceTree(dir).project("app", "");
        byte[] body = "package com.acme;\npublic class Bom {}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        tree.writeBytes("src/main/java/com/acme/Bom.java", withBom);
        UnitAnalysis unit = unit(tree.analyze(), "app", "com.acme");
        assertThat(unit.problems()).isEmpty();
        assertThat(unit.types()).extracting(TypeModel::name).containsExactly("Bom");
    }

    @Test
    void fileOverFourMebibytesIsRecordedNotParsed() throws IOException {
        SourceTree tree = new SourceTree(dir).project("app", "");
        StringBuilder sb = new StringBuilder("package com.acme.gen;\npublic class Huge {\n");
        String line = "    // " + "x".repeat(90) + "\n";
        while (sb.length() <= SourceFileReader.MAX_FILE_BYTES) {
            sb.append(line);
        }
        sb.append("}\n");
        Path huge = tree.write("src/main/java/com/acme/gen/Huge.java", sb.toString());
        long newlines = sb.chars().filter(c -> c == '\n').count();

        UnitAnalysis unit = unit(tree.analyze(), "app", "com.acme.gen");
        assertThat(unit.types()).isEmpty();
        SourceFile file = unit.files().get(0);
        assertThat(file.lines()).isEqualTo(newlines);
        assertThat(file.problem().orElseThrow().message()).startsWith("file too large to parse (" + Files.size(huge));
        // still part of the hash: a change to it makes the unit stale
        String before = unit.sourceHash();
        Files.writeString(huge, sb.append("// more\n"));
        assertThat(unit(tree.analyze(), "app", "com.acme.gen").sourceHash()).isNotEqualTo(before);
    }

    @Test
    void symlinkLoopIsRecordedAndTheWalkGoesOn() throws IOException {
        SourceTree tree = new SourceTree(dir).project("app", "");
        tree.write("src/main/java/com/acme/A.java", "package com.acme;\npublic class A {}\n");
        Path loop = dir.resolve("src/main/java/com/acme/loop");
        try {
            Files.createSymbolicLink(loop, dir.resolve("src/main/java/com"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        // a linked directory (not a loop) is followed
        Path shared = dir.resolve("shared/com/acme/linked");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("L.java"), "package com.acme.linked;\npublic class L {}\n");
        Files.createSymbolicLink(dir.resolve("src/main/java/com/acme/linked"), shared);

        ReactorAnalysis analysis = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> tree.analyze());
        ProjectAnalysis project = analysis.projects().get(0);
        assertThat(project.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("src/main/java/com/acme/loop");
            assertThat(p.message()).contains("symbolic link loop");
        });
        assertThat(unit(analysis, "app", "com.acme").types())
                .extracting(TypeModel::name)
                .containsExactly("A");
        assertThat(unit(analysis, "app", "com.acme.linked").files())
                .extracting(SourceFile::path)
                .containsExactly("src/main/java/com/acme/linked/L.java");
    }

    @Test
    void missingRootIsSkippedWithAProblem() {
        SourceTree tree = new SourceTree(dir)
                .project("app", "app", List.of("src/main/java", "src/gone/java"), List.of("src/test/java"));
        tree.write("app/src/main/java/p/A.java", "package p;\npublic class A {}\n");

        ProjectAnalysis project = tree.analyze().projects().get(0);
        assertThat(project.units()).extracting(u -> u.id().packageName()).containsExactly("p");
        assertThat(project.problems())
                .extracting(ParseProblem::file, ParseProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "app/src/gone/java",
                                "source root of app does not exist "
                                        + "(check <sourceDirectory> in its pom and plugins that add source roots); skipped"),
                        org.assertj.core.groups.Tuple.tuple(
                                "app/src/test/java",
                                "test source root of app does not "
                                        + "exist (check <testSourceDirectory> in its pom and plugins that add test source "
                                        + "roots); skipped"));
    }

    @Test
    void selfReferencingLinksAreNamedLoopsAndABrokenLinkStaysBroken() throws IOException {
        SourceTree tree = new SourceTree(dir).project("app", "");
        tree.write("src/main/java/com/acme/A.java", "package com.acme;\npublic class A {}\n");
        Path pkg = dir.resolve("src/main/java/com/acme");
        try {
            Files.createSymbolicLink(pkg.resolve("self"), Path.of("self")); // a directory-like name
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        Files.createSymbolicLink(pkg.resolve("Foo.java"), Path.of("Foo.java"));
        Files.createSymbolicLink(pkg.resolve("Ping.java"), Path.of("Pong.java"));
        Files.createSymbolicLink(pkg.resolve("Pong.java"), pkg.resolve("Ping.java")); // absolute, to the other
        Files.createSymbolicLink(pkg.resolve("Gone.java"), Path.of("Missing.java"));

        ReactorAnalysis analysis = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> tree.analyze());
        String loop = "symbolic link loop (the link leads back to itself); skipped";
        assertThat(analysis.projects().get(0).problems())
                .extracting(ParseProblem::file, ParseProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("src/main/java/com/acme/Foo.java", loop),
                        org.assertj.core.groups.Tuple.tuple(
                                "src/main/java/com/acme/Gone.java",
                                "broken symbolic link (its target does not exist); skipped"),
                        org.assertj.core.groups.Tuple.tuple("src/main/java/com/acme/Ping.java", loop),
                        org.assertj.core.groups.Tuple.tuple("src/main/java/com/acme/Pong.java", loop),
                        org.assertj.core.groups.Tuple.tuple("src/main/java/com/acme/self", loop));
        assertThat(unit(analysis, "app", "com.acme").types())
                .extracting(TypeModel::name)
                .containsExactly("A");
    }

    @Test
    void aSourceRootThatLinksToItselfIsNamedALoop() throws IOException {
        SourceTree tree = new SourceTree(dir).project("app", "app", List.of("src/main/java"), List.of());
        Files.createDirectories(dir.resolve("app/src/main"));
        try {
            Files.createSymbolicLink(dir.resolve("app/src/main/java"), Path.of("java"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        assertThat(tree.analyze().projects().get(0).problems())
                .extracting(ParseProblem::file, ParseProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "app/src/main/java",
                        "source root of app is a symbolic link loop (the link leads back to itself); skipped"));
    }

    private static final byte[] LATIN1_JAVADOC = """
            package com.acme;

            /** Le café est prêt. */
            public class Cafe {}
            """.getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aProjectsSourceEncodingDecodesItsFiles() {
        SourceTree tree = new SourceTree(dir)
                .project("latin", "latin")
                .project("plain", "plain")
                .encoding("latin", StandardCharsets.ISO_8859_1);
        tree.writeBytes("latin/src/main/java/com/acme/Cafe.java", LATIN1_JAVADOC);
        tree.writeBytes("plain/src/main/java/com/acme/Cafe.java", LATIN1_JAVADOC);

        ReactorAnalysis analysis = tree.analyze();
        UnitAnalysis latin = unit(analysis, "latin", "com.acme");
        assertThat(latin.problems()).isEmpty();
        assertThat(SourceTree.type(latin, "Cafe").javadocSummary()).isEqualTo("Le café est prêt.");

        // the same bytes in a UTF-8 project do not decode, and the problem says what to do
        UnitAnalysis plain = unit(analysis, "plain", "com.acme");
        assertThat(plain.types()).isEmpty();
        assertThat(plain.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("plain/src/main/java/com/acme/Cafe.java");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message())
                    .isEqualTo("not valid UTF-8 (malformed byte sequence at byte offset 29); save "
                            + "the file as UTF-8 or set project.build.sourceEncoding to its encoding");
        });
    }

    @Test
    void theProblemNamesTheProjectsEncoding() {
        SourceTree tree = new SourceTree(dir).project("ascii", "").encoding("ascii", StandardCharsets.US_ASCII);
        tree.writeBytes("src/main/java/com/acme/Cafe.java", LATIN1_JAVADOC);
        assertThat(unit(tree.analyze(), "ascii", "com.acme").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("not valid US-ASCII (malformed byte sequence at "
                                + "byte offset 29); save the file as US-ASCII"));
    }

    @Test
    void samePackageInTwoProjectsIsTwoUnitsAndInTwoRootsOfOneProjectIsOne() {
        SourceTree tree = new SourceTree(dir)
                .project("api", "api")
                .project("impl", "impl", List.of("src/main/java", "src/extra/java"), List.of());
        tree.write("api/src/main/java/com/acme/Api.java", "package com.acme;\npublic interface Api {}\n");
        tree.write("impl/src/main/java/com/acme/Impl.java", "package com.acme;\npublic class Impl {}\n");
        tree.write("impl/src/extra/java/com/acme/Extra.java", "package com.acme;\npublic class Extra {}\n");
        tree.write("impl/src/extra/java/com/acme/package-info.java", "/** Implementation. */\npackage com.acme;\n");

        ReactorAnalysis analysis = tree.analyze();
        assertThat(analysis.units()).extracting(u -> u.id().display()).containsExactly("api:com.acme", "impl:com.acme");
        assertThat(unit(analysis, "api", "com.acme").types())
                .extracting(TypeModel::name)
                .containsExactly("Api");
        UnitAnalysis impl = unit(analysis, "impl", "com.acme");
        assertThat(impl.id().moduleDir()).isEqualTo("impl");
        assertThat(impl.id().projectKey()).isEqualTo("com.acme:impl");
        assertThat(impl.files())
                .extracting(SourceFile::path)
                .containsExactly(
                        "impl/src/extra/java/com/acme/Extra.java",
                        "impl/src/extra/java/com/acme/package-info.java",
                        "impl/src/main/java/com/acme/Impl.java");
        assertThat(impl.types()).extracting(TypeModel::name).containsExactly("Extra", "Impl");
        assertThat(impl.packageJavadoc()).isEqualTo("Implementation.");
    }

    @Test
    void nestedRootsDoNotProduceAFileTwice() {
        SourceTree tree =
                new SourceTree(dir).project("app", "", List.of("src/main/java", "src/main/java/gen"), List.of());
        tree.write("src/main/java/gen/G.java", "package gen;\npublic class G {}\n");
        ReactorAnalysis analysis = tree.analyze();
        assertThat(analysis.units().flatMap(u -> u.files().stream()))
                .extracting(SourceFile::path)
                .containsExactly("src/main/java/gen/G.java");
        assertThat(unit(analysis, "app", "gen").types()).hasSize(1);
    }

    @Test
    void debtFromEveryKindOfComment() {
        SourceTree tree = new SourceTree(dir).project("app", "");
        tree.write("src/main/java/p/Debt.java", """
                package p;

                // TODO: split this class
                public class Debt {
                    /**
                     * Does things.
                     * FIXME - wrong for negatives
                     */
                    int f(int x) {
                        /* XXX */
                        return x; // HACK(bob) works around JDK-1234
                    }
                    // TODOS and todo are prose, not markers; HACKED neither
                    @Deprecated
                    void old() {}
                }
                // TODO
                // remember the orphan
                """);
        UnitAnalysis unit = unit(tree.analyze(), "app", "p");
        assertThat(unit.debt())
                .extracting(DebtItem::kind, DebtItem::line, DebtItem::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TODO", 3, "split this class"),
                        org.assertj.core.groups.Tuple.tuple("FIXME", 7, "wrong for negatives"),
                        org.assertj.core.groups.Tuple.tuple("XXX", 10, ""),
                        org.assertj.core.groups.Tuple.tuple("HACK", 11, "(bob) works around JDK-1234"),
                        org.assertj.core.groups.Tuple.tuple("DEPRECATED", 15, "Debt#old()"),
                        org.assertj.core.groups.Tuple.tuple("TODO", 17, "remember the orphan"));
        assertThat(unit.debt()).allMatch(d -> d.file().equals("src/main/java/p/Debt.java"));
    }

    @Test
    void deterministicWhateverTheThreadCount() {
        SourceTree tree = new SourceTree(dir).project("a", "a").project("b", "b");
        for (int i = 0; i < 40; i++) {
            String pkg = "p" + (i % 7);
            tree.write(
                    "a/src/main/java/" + pkg + "/C" + i + ".java",
                    "package " + pkg + ";\nimport java.util.List;\n/** C" + i + ". */\npublic class C" + i
                            + " { // TODO " + i + "\n public List<String> f() { return com.acme.X.y(); } }\n");
            tree.write(
                    "b/src/test/java/" + pkg + "/C" + i + "Test.java",
                    "package " + pkg + ";\nclass C" + i + "Test { @Test void t() { new C" + i + "(); } }\n");
        }
        tree.write("a/src/main/java/p3/Broken.java", "package p3; class {");

        ReactorAnalysis one = tree.analyze(1);
        ReactorAnalysis four = tree.analyze(4);
        assertThat(four).isEqualTo(one);
        assertThat(tree.analyze(4)).isEqualTo(one);
        assertThat(one.projects().get(0).units())
                .extracting(u -> u.id().packageName())
                .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(one.projects().get(1).tests())
                .hasSize(40)
                .isSortedAccordingTo(java.util.Comparator.comparing(TestClassFacts::file));
    }

    @Test
    void sourceHashCoversPathsAndBytes() throws Exception {
        SourceTree tree = new SourceTree(dir).project("app", "");
        Path a = tree.write("src/main/java/p/A.java", "package p;\npublic class A {}\n");
        tree.write("src/main/java/p/B.java", "package p;\npublic class B {}\n");
        String hash = unit(tree.analyze(), "app", "p").sourceHash();

        // the documented recipe: per file in path order, path NUL bytes NUL
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        for (String rel : List.of("src/main/java/p/A.java", "src/main/java/p/B.java")) {
            digest.update(rel.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(dir.resolve(rel)));
            digest.update((byte) 0);
        }
        assertThat(hash).isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(digest.digest()));

        assertThat(unit(tree.analyze(), "app", "p").sourceHash()).isEqualTo(hash);
        Files.writeString(a, "package p;\npublic class A { }\n");
        assertThat(unit(tree.analyze(), "app", "p").sourceHash()).isNotEqualTo(hash);
    }

    @Test
    void interfaceHashIgnoresBodiesButNotSignatures() throws IOException {
        SourceTree tree = new SourceTree(dir).project("app", "");
        String original = """
                package p;
                public class Api {
                    public int size() { return 1; }
                    private void hidden() {}
                    protected static final String NAME = "x";
                }
                class Internal { public void any() {} }
                """;
        Path file = tree.write("src/main/java/p/Api.java", original);
        String hash = InterfaceHashes.of(unit(tree.analyze(), "app", "p"));
        assertThat(hash).matches("sha256:[0-9a-f]{64}");

        Files.writeString(
                file,
                original.replace("return 1;", "// computed\n        return 2;")
                        .replace("private void hidden() {}", "private int hidden(int x) { return x; }")
                        .replace("public void any()", "public void other()"));
        assertThat(InterfaceHashes.of(unit(tree.analyze(), "app", "p"))).isEqualTo(hash);

        // a constant's value is compiled into its callers, and an annotation changes what they may do
        Files.writeString(file, original.replace("\"x\"", "\"y\""));
        assertThat(InterfaceHashes.of(unit(tree.analyze(), "app", "p"))).isNotEqualTo(hash);
        Files.writeString(file, original.replace("public int size()", "@Deprecated public int size()"));
        assertThat(InterfaceHashes.of(unit(tree.analyze(), "app", "p"))).isNotEqualTo(hash);

        Files.writeString(file, original.replace("public int size()", "public long size()"));
        assertThat(InterfaceHashes.of(unit(tree.analyze(), "app", "p"))).isNotEqualTo(hash);

        Files.writeString(file, original.replace("protected static final", "public static final"));
        assertThat(InterfaceHashes.of(unit(tree.analyze(), "app", "p"))).isNotEqualTo(hash);
    }

    @Test
    void rejectsZeroThreads() {
        assertThatThrownBy(() -> new ReactorAnalyzer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingSkipsLanguageLevelValidationButKeepsTheJava25GrammarAndPostProcessing() {
        com.github.javaparser.ParserConfiguration config = new com.github.javaparser.ParserConfiguration()
                .setLanguageLevel(com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_25);
        assertThat(SourceFileReader.withoutValidation(config))
                .as("the validating processor is found")
                .isTrue();
        assertThat(SourceFileReader.withoutValidation(config))
                .as("and it is gone")
                .isFalse();

        com.github.javaparser.JavaParser parser =
                new com.github.javaparser.JavaParser(SourceFileReader.configuration());
        // javac rejects a private top-level class; the validation would report it, the parse does not
        assertThat(parser.parse("private class Odd {}").getProblems()).isEmpty();
        assertThat(new com.github.javaparser.JavaParser(new com.github.javaparser.ParserConfiguration()
                                .setLanguageLevel(com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_25))
                        .parse("private class Odd {}")
                        .getProblems())
                .isNotEmpty();
        // the grammar of the level: yield in a switch expression
        var withYield = parser.parse("class S { int f(int k) { return switch (k) { default -> { yield 1; } }; } }");
        assertThat(withYield.isSuccessful()).isTrue();
        // the level's post-processing: a local 'var' is a VarType
        var withVar = parser.parse("class V { void f() { var x = 1; } }");
        assertThat(withVar.getResult().orElseThrow().findFirst(com.github.javaparser.ast.type.VarType.class))
                .isPresent();
    }
}
