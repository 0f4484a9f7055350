package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.META;
import static io.github.reversespec.render.Fixtures.bareFacts;
import static io.github.reversespec.render.Fixtures.file;
import static io.github.reversespec.render.Fixtures.id;
import static io.github.reversespec.render.Fixtures.member;
import static io.github.reversespec.render.Fixtures.method;
import static io.github.reversespec.render.Fixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.MemberModel.MemberKind;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The nine sections summarise (issue 12): the key types first, the exported types named and the
 * internal ones counted, nothing said twice, the long lists in appendices.
 */
class SummaryBodyTest {

    private static final String PKG = "p";

    private static String render(SpecFacts facts) {
        return new SpecRenderer().render(facts, Prose.NONE, META);
    }

    private static SpecFacts facts(String packageDoc, List<TypeModel> types) {
        List<SourceFile> files = types.stream()
                .map(TypeModel::file)
                .distinct()
                .map(Fixtures::file)
                .toList();
        return bareFacts(id("m", "", PKG), packageDoc, "", files, types);
    }

    /** A public type with {@code n} public methods: enough of them make section 2 summarise. */
    private static Fixtures.T wide(String name, int n) {
        Fixtures.T t = type(PKG, name, "src/main/java/p/" + name.replaceAll("\\..*", "") + ".java");
        for (int i = 0; i < n; i++) {
            t.member(method("op" + i, "public void op" + i + "()"));
        }
        return t;
    }

    private static List<String> headings(String section) {
        return Pattern.compile("(?m)^### `([\\w.]+)`$")
                .matcher(section)
                .results()
                .map(r -> r.group(1))
                .toList();
    }

    @Test
    void typesThePackageDocumentationNamesLeadAndDeprecatedTypesAndExceptionsTrail() {
        List<TypeModel> types = List.of(
                type(PKG, "Alpha", "src/main/java/p/Alpha.java").build(),
                type(PKG, "Beta", "src/main/java/p/Beta.java").deprecated().build(),
                type(PKG, "Failure", "src/main/java/p/Failure.java")
                        .ext("RuntimeException")
                        .build(),
                type(PKG, "Gamma", "src/main/java/p/Gamma.java").build(),
                type(PKG, "Zeta", "src/main/java/p/Zeta.java").build());
        String section2 = SpecText.section(
                render(facts("Start with {@link Zeta}; it opens everything.", types)), Section.PUBLIC_INTERFACE);

        assertThat(headings(section2)).containsExactly("Zeta", "Alpha", "Gamma", "Beta", "Failure");
    }

    @Test
    void keyTypesAreTopLevelTypesTheirMemberTypesStayInTheTable() {
        List<TypeModel> types = List.of(
                wide("Alpha", 10).build(),
                wide("Alpha.Builder", 10).build(),
                wide("Beta", 10).build(),
                wide("Gamma", 10).build(),
                wide("Delta", 10).build());
        String spec = render(facts("", types));
        String section2 = SpecText.section(spec, Section.PUBLIC_INTERFACE);

        assertThat(headings(section2)).containsExactly("Alpha", "Beta", "Delta");
        assertThat(section2).contains("### " + SpecRenderer.OTHER_TYPES_HEADING);
        assertThat(section2).contains("| `Alpha.Builder` |", "| `Gamma` |");
        assertThat(SpecText.section(spec, Section.INTENT))
                .contains("5 exported types, led by `Alpha`, `Beta`, `Delta` (and 2 more).");
    }

    @Test
    void aKeyTypeSummaryInSectionOneIsNotRepeatedInSectionTwo() {
        List<TypeModel> types = List.of(
                wide("Alpha", 30).doc("Alpha opens the package.").build(),
                wide("Beta", 1).doc("Beta helps.").build());
        String spec = render(facts("", types));
        String body = spec.substring(spec.indexOf("## 1."), spec.indexOf("## Appendix"));

        assertThat(SpecText.section(spec, Section.INTENT)).contains("- `Alpha`: Alpha opens the package.");
        assertThat(body).containsOnlyOnce("Alpha opens the package.").containsOnlyOnce("Beta helps.");
    }

    @Test
    void membersCountNamesAndOverloadsAndPublicOnesComeFirst() {
        Fixtures.T t = type(PKG, "Alpha", "src/main/java/p/Alpha.java");
        t.member(member(
                MemberKind.METHOD,
                "_internal",
                "protected void _internal()",
                Visibility.PROTECTED,
                false,
                "",
                false,
                List.of(),
                List.of(),
                List.of(),
                3));
        for (int i = 0; i < 13; i++) {
            t.member(method("op" + i, "public void op" + i + "()"));
            t.member(method("op" + i, "public void op" + i + "(int x)"));
        }
        String section2 = SpecText.section(render(facts("", List.of(t.build()))), Section.PUBLIC_INTERFACE);

        assertThat(section2)
                .contains("Members (14 names, 27 with overloads): `op0`, `op1`, `op2`, `op3`, `op4`, `op5`, `op6`,"
                        + " `op7` and 6 more.")
                .doesNotContain("`_internal`");
    }

    @Test
    void supertypesFromOutsideAreGroupedByContractNamingTheExportedTypesOnly() {
        List<TypeModel> types = List.of(
                type(PKG, "Alpha", "src/main/java/p/Alpha.java")
                        .impl("java.io.Serializable")
                        .build(),
                type(PKG, "Beta", "src/main/java/p/Beta.java")
                        .impl("java.io.Serializable", "Comparable<Beta>")
                        .build(),
                type(PKG, "Gamma", "src/main/java/p/Gamma.java")
                        .hidden()
                        .impl("java.io.Serializable")
                        .build(),
                type(PKG, "Delta", "src/main/java/p/Delta.java")
                        .hidden()
                        .impl("Runnable")
                        .build());
        String behaviour = SpecText.section(render(facts("", types)), Section.BEHAVIOR);

        assertThat(behaviour)
                .contains("- `java.io.Serializable`: `Alpha`, `Beta`, and 1 not exported\n"
                        + "- `Comparable`: `Beta`\n"
                        + "- and 1 supertype only types not exported extend or implement.")
                .doesNotContain("Runnable");
    }

    @Test
    void aRoleNamesItsExportedTypesAndCountsTheOthers() {
        List<TypeModel> types = new ArrayList<>();
        for (String name : List.of("Strings", "Hidden1", "Hidden2")) {
            Fixtures.T t = type(PKG, name, "src/main/java/p/" + name + ".java").mods("final");
            if (name.startsWith("Hidden")) {
                t.hidden();
            }
            t.member(member(
                    MemberKind.CONSTRUCTOR,
                    name,
                    "private " + name + "()",
                    Visibility.PRIVATE,
                    false,
                    "",
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    2));
            t.member(member(
                    MemberKind.METHOD,
                    "trim",
                    "public static String trim(String s)",
                    Visibility.PUBLIC,
                    true,
                    "",
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    3));
            types.add(t.build());
        }
        String behaviour = SpecText.section(render(facts("", types)), Section.BEHAVIOR);

        assertThat(behaviour).contains("| utility | `Strings`; and 2 not exported |");
    }

    @Test
    void sectionFiveNamesExportedTypesAndCountsTheOthers() {
        List<TypeModel> types = new ArrayList<>();
        types.add(type(PKG, "Alpha", "src/main/java/p/Alpha.java").mods("final").build());
        IntStream.range(0, 40)
                .mapToObj(i -> type(PKG, "InternalHelperNumber" + i, "src/main/java/p/Alpha.java")
                        .hidden()
                        .mods("final")
                        .build())
                .forEach(types::add);
        String spec = render(facts("", types));
        String constraints = SpecText.section(spec, Section.CONSTRAINTS);

        assertThat(constraints)
                .contains("- Final (cannot be subclassed): `Alpha`; and 40 not exported.")
                .contains("- 1 type exported (public or protected), 40 not.")
                .contains("[Appendix: Types not exported](#appendix-types-not-exported)")
                .doesNotContain("InternalHelperNumber");
        assertThat(SpecText.section(spec, "## Appendix: Types not exported"))
                .contains("`InternalHelperNumber0`", "`InternalHelperNumber39`");

        String few = SpecText.section(
                render(facts(
                        "",
                        List.of(
                                type(PKG, "Alpha", "src/main/java/p/Alpha.java").build(),
                                type(PKG, "Hidden", "src/main/java/p/Alpha.java")
                                        .hidden()
                                        .build()))),
                Section.CONSTRAINTS);
        assertThat(few).contains("- Package-private: `Hidden`.").doesNotContain("Appendix: Types not exported");
    }

    @Test
    void overloadsWithTheSameArgumentCheckMakeOneValidationLine() {
        Fixtures.T t = type(PKG, "Alpha", "src/main/java/p/Alpha.java");
        for (String sig : List.of("public Alpha(String name)", "public Alpha(String name, int n)")) {
            t.member(member(
                    MemberKind.CONSTRUCTOR,
                    "Alpha",
                    sig,
                    Visibility.PUBLIC,
                    false,
                    "",
                    false,
                    List.of(),
                    List.of(),
                    List.of("requireNonNull(name)"),
                    4));
        }
        String constraints = SpecText.section(render(facts("", List.of(t.build()))), Section.CONSTRAINTS);

        assertThat(constraints).containsOnlyOnce("- `Alpha#Alpha`: `requireNonNull(name)`");
    }

    @Test
    void aDependencyIsIntroducedByTheFirstSentenceOfItsIntentAndALongCycleIsLeftToTheIndex() {
        UnitId self = id("m", "", PKG);
        UnitId util = id("m", "", "p.util");
        List<UnitId> cycle =
                IntStream.range(0, 6).mapToObj(i -> id("m", "", "p.c" + i)).toList();
        List<UnitId> deps = new ArrayList<>(List.of(util));
        UnitNode node = new UnitNode(self, 0, 0, 0, deps, List.of(), cycle, List.of());
        SpecFacts bare = bareFacts(self, "", "", List.of(file("src/main/java/p/A.java")), List.of());
        SpecFacts facts = new SpecFacts(
                bare.unit(),
                node,
                bare.project(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(new DependencySummary(util, "Helpers for strings. Also lists, maps and sets.", "ast-only")),
                List.of());
        String dependencies = SpecText.section(render(facts), Section.DEPENDENCIES);

        assertThat(dependencies)
                .contains("[`p.util`](p.util.spec.md): Helpers for strings.\n")
                .doesNotContain("Also lists")
                .contains("in a dependency cycle with 6 other packages")
                .contains("[index](_index.spec.md#dependency-cycles)")
                .doesNotContain("`p.c5`");

        UnitNode small = new UnitNode(self, 0, 0, 0, deps, List.of(), cycle.subList(0, 2), List.of());
        SpecFacts withSmallCycle = new SpecFacts(
                facts.unit(),
                small,
                facts.project(),
                Optional.empty(),
                List.of(),
                List.of(),
                facts.dependencies(),
                List.of());
        assertThat(SpecText.section(render(withSmallCycle), Section.DEPENDENCIES))
                .contains("in a dependency cycle with `p.c0`, `p.c1`;");
    }
}
