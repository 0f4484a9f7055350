package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.META;
import static io.github.reversespec.render.Fixtures.file;
import static io.github.reversespec.render.Fixtures.id;
import static io.github.reversespec.render.Fixtures.member;
import static io.github.reversespec.render.Fixtures.method;
import static io.github.reversespec.render.Fixtures.project;
import static io.github.reversespec.render.Fixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.DebtItem;
import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.MemberModel.MemberKind;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TestClassFacts;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A spec is a summary a person reads in one sitting, and nothing is lost: the nine sections stay
 * short whatever the package's size, the types the reactor uses most come first, and every public
 * member of every exported type is still named, in an appendix when the package is big.
 */
class ReadableSpecTest {

    private static final String PKG = "com.acme.big";

    @Test
    void aBigPackageHasAShortBodyAndEveryMemberInTheAppendix() {
        SpecFacts facts = bigPackage(300, 100);
        String spec = new SpecRenderer().render(facts, Prose.NONE, META);

        String body = spec.substring(spec.indexOf("## 1. Intent"), spec.indexOf(SpecRenderer.APPENDIX_HEADING));
        assertThat(body.length()).as("sections 1 to 9").isLessThanOrEqualTo(64 * 1024);
        for (Section s : Section.values()) {
            if (s != Section.PUBLIC_INTERFACE && s != Section.BEHAVIOR) {
                // Each summary section keeps to its budget, plus the sentence that points to its appendix.
                // Diagrams have limits of their own.
                assertThat(SpecText.section(spec, s)
                                .replaceAll("(?s)```mermaid.*?```", "")
                                .length())
                        .as(s.heading())
                        .isLessThanOrEqualTo(SpecRenderer.SECTION_BUDGET + 600);
            }
        }
        for (TypeModel t : facts.unit().exportedTypes()) {
            // Every exported type with its exact declaration in section 2 ...
            assertThat(SpecText.section(spec, Section.PUBLIC_INTERFACE)).contains(t.signature());
            for (MemberModel m : t.members()) {
                String cell = "`" + m.signature() + "`";
                if (m.visibility().isApi()) {
                    // ... and every public member with its exact signature in the member reference.
                    assertThat(SpecText.section(spec, SpecRenderer.MEMBER_REFERENCE_HEADING))
                            .contains(cell);
                } else {
                    assertThat(spec).doesNotContain(cell);
                }
            }
        }
        // Whatever a summary leaves out is in the appendix it links to.
        assertThat(SpecText.section(spec, "## Appendix: Technical debt")).contains("Big199.java:7");
        assertThat(SpecText.section(spec, "## Appendix: Users")).contains("com.acme.user99");
        assertThat(SpecText.section(spec, "## Appendix: Exceptions")).contains("`Big299#op7`");
        assertThat(SpecText.section(spec, "## Appendix: Data structures")).contains("`state299`");
        assertThat(SpecText.section(spec, Section.TEST_COVERAGE))
                .contains("`Big0` (2)")
                .contains("Big39Test.java")
                .contains("No test refers to `Big100`");
        assertThat(SpecText.section(spec, "## Appendix: Test coverage"))
                .contains("`com.acme.big.Big7Test`")
                .contains("`Big299`");
        assertThat(SpecText.section(spec, Section.DEPENDENCIES))
                .contains("`java.ext0`")
                .doesNotContain("`org.lib59`");
        assertThat(SpecText.section(spec, "## Appendix: External dependencies"))
                .contains("`org.lib59`")
                .contains("- `org.lib:lib29:1.29`");
        assertLinksToAppendicesResolve(spec);
        SpecText.assertTablesWellFormed(spec);
    }

    @Test
    void aLongPackageDocumentationOpensSectionOneAndIsWholeInAnAppendix() {
        String doc = "Provides support classes for multi-threaded programming. It extends java.util.concurrent,"
                + " e.g. with initializers. "
                + IntStream.range(0, 80)
                        .mapToObj(i -> "Paragraph " + i + " explains case " + i + " at length.")
                        .collect(java.util.stream.Collectors.joining(" "));
        String spec = new SpecRenderer().render(bigPackage(3, 0, doc), Prose.NONE, META);
        String intent = SpecText.section(spec, Section.INTENT);
        assertThat(intent)
                .startsWith("Provides support classes for multi-threaded programming. It extends java.util.concurrent,"
                        + " e.g. with initializers.")
                .doesNotContain("case 79")
                .contains("[Appendix: Package documentation](#appendix-package-documentation)");
        assertThat(intent.length()).isLessThan(SpecRenderer.PACKAGE_DOC_BUDGET + 600);
        assertThat(SpecText.section(spec, "## Appendix: Package documentation"))
                .contains("Paragraph 79 explains case 79");
        assertThat(SpecFileReader.parse(spec).orElseThrow().intent())
                .startsWith("Provides support classes for multi-threaded programming.");
        assertLinksToAppendicesResolve(spec, 1);

        String shortDoc = "Provides a cache.";
        assertThat(SpecText.section(
                        new SpecRenderer().render(bigPackage(3, 0, shortDoc), Prose.NONE, META), Section.INTENT))
                .startsWith("Provides a cache.")
                .doesNotContain("Appendix");
    }

    @Test
    void theTypesTheReactorUsesMostComeFirst() {
        SpecFacts facts = bigPackage(30, 0);
        String section2 =
                SpecText.section(new SpecRenderer().render(facts, Prose.NONE, META), Section.PUBLIC_INTERFACE);

        // Big17 is used by five other packages, Big4 by two, Big23 by one; then the others by name.
        List<String> headings = Pattern.compile("(?m)^### `(\\w+)`$")
                .matcher(section2)
                .results()
                .map(r -> r.group(1))
                .toList();
        assertThat(headings).containsExactly("Big17", "Big4", "Big23");
        assertThat(headings).hasSize(SpecRenderer.KEY_TYPES);
        assertThat(section2).contains("Used by 5 packages: `com.acme.user0`, `com.acme.user1` and 3 more.");
        assertThat(section2).contains("| `Big1` | `public class Big1` |  | The Big1 of the package");
        assertThat(section2.indexOf("| `Big1` |")).isLessThan(section2.indexOf("| `Big10` |"));
        String intent = SpecText.section(new SpecRenderer().render(facts, Prose.NONE, META), Section.INTENT);
        assertThat(intent).contains("30 exported types, led by `Big17`, `Big4`, `Big23` (and 27 more)");
    }

    @Test
    void aSmallPackageKeepsItsMembersInSectionTwoAndHasNoMemberReference() {
        SpecFacts facts = bigPackage(2, 0);
        String spec = new SpecRenderer().render(facts, Prose.NONE, META);

        assertThat(spec).doesNotContain(SpecRenderer.MEMBER_REFERENCE_HEADING, "## Appendix: Data structures");
        assertThat(SpecText.section(spec, Section.PUBLIC_INTERFACE))
                .contains("| `public String op0(String in) throws java.io.IOException` |");
    }

    @Test
    void theSameFactsGiveTheSameBytes() {
        assertThat(new SpecRenderer().render(bigPackage(120, 40), Prose.NONE, META))
                .isEqualTo(new SpecRenderer().render(bigPackage(120, 40), Prose.NONE, META));
    }

    private static void assertLinksToAppendicesResolve(String spec) {
        assertLinksToAppendicesResolve(spec, 5);
    }

    private static void assertLinksToAppendicesResolve(String spec, int atLeast) {
        Set<String> anchors = new java.util.HashSet<>();
        spec.lines().filter(l -> l.startsWith("## ")).forEach(l -> anchors.add(SpecRenderer.anchor(l)));
        Matcher m = Pattern.compile("\\]\\(#([a-z0-9-]+)\\)").matcher(spec);
        int links = 0;
        while (m.find()) {
            assertThat(anchors).as("anchor of " + m.group()).contains(m.group(1));
            links++;
        }
        assertThat(links).isGreaterThanOrEqualTo(atLeast);
    }

    /**
     * A package of {@code types} exported classes, each with eight public methods that declare and
     * throw, a private field, a public constant and a TODO; used by {@code users} packages.
     */
    private static SpecFacts bigPackage(int types, int users) {
        return bigPackage(types, users, "");
    }

    private static SpecFacts bigPackage(int types, int users, String packageDoc) {
        UnitId id = id("core", "", PKG);
        List<TypeModel> list = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        List<DebtItem> debt = new ArrayList<>();
        for (int i = 0; i < types; i++) {
            String name = "Big" + i;
            String path = "src/main/java/com/acme/big/" + name + ".java";
            files.add(file(path));
            debt.add(new DebtItem("TODO", path, 7, "tidy " + name));
            Fixtures.T t = type(PKG, name, path).doc("The " + name + " of the package, which does thing " + i + ".");
            for (int k = 0; k < 8; k++) {
                t.member(member(
                        MemberKind.METHOD,
                        "op" + k,
                        "public String op" + k + "(String in) throws java.io.IOException",
                        Visibility.PUBLIC,
                        false,
                        "Operation " + k + " of " + name + ".",
                        false,
                        List.of("java.io.IOException"),
                        List.of("IllegalStateException"),
                        List.of("Objects.requireNonNull(in)"),
                        10 + k));
            }
            t.member(method("hidden", "private void hidden()"));
            t.member(member(
                    MemberKind.FIELD,
                    "KEY" + i,
                    "public static final String KEY" + i + " = \"big." + i + "\"",
                    Visibility.PUBLIC,
                    true,
                    "",
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    4));
            t.field(new FieldModel(
                    "KEY" + i, "String", Visibility.PUBLIC, List.of("static", "final"), "", 4, "\"big." + i + "\""));
            t.field(new FieldModel("state" + i, "int", Visibility.PRIVATE, List.of(), "", 5, ""));
            list.add(t.build());
        }
        List<UnitId> dependents = IntStream.range(0, users)
                .mapToObj(i -> id("core", "", "com.acme.user" + i))
                .toList();
        Map<String, List<UnitId>> typeUsers = new HashMap<>();
        if (types > 23) {
            typeUsers.put(
                    "Big17",
                    IntStream.range(0, 5)
                            .mapToObj(i -> id("core", "", "com.acme.user" + i))
                            .toList());
            typeUsers.put(
                    "Big4",
                    IntStream.range(0, 2)
                            .mapToObj(i -> id("core", "", "com.acme.user" + i))
                            .toList());
            typeUsers.put("Big23", List.of(id("core", "", "com.acme.user9")));
        }
        UnitAnalysis unit = new UnitAnalysis(id, files, packageDoc, list, List.of(), Set.of(), debt, "sha256:ffff");
        List<String> external = IntStream.range(0, types >= 100 ? 60 : 0)
                .mapToObj(i -> i % 2 == 0 ? "java.ext" + i : "org.lib" + i)
                .sorted()
                .toList();
        List<String> declared = IntStream.range(0, types >= 100 ? 30 : 0)
                .mapToObj(i -> "org.lib:lib" + i + ":1." + i)
                .toList();
        UnitNode node = new UnitNode(id, 0, 0, 0, List.of(), dependents, List.of(), external);
        // Tests, external packages and declared dependencies only for the big package: the ranking
        // test keeps to users.
        int testFiles = types >= 100 ? 40 : 0;
        List<TestClassFacts> tests = IntStream.range(0, testFiles)
                .mapToObj(i -> new TestClassFacts(
                        "core",
                        "src/test/java/com/acme/big/Big" + i + "Test.java",
                        PKG,
                        "Big" + i + "Test",
                        i + 1,
                        List.of(),
                        Set.of(),
                        Set.of()))
                .toList();
        List<TypeCoverage> coverage = list.stream()
                .map(t -> {
                    int n = Integer.parseInt(t.name().substring(3));
                    return new TypeCoverage(
                            t.name(),
                            n < testFiles
                                    ? List.of(PKG + ".Big" + n + "Test", PKG + ".Big" + (39 - n) + "Test")
                                    : List.of());
                })
                .sorted(java.util.Comparator.comparing(TypeCoverage::typeName))
                .toList();
        return new SpecFacts(
                unit,
                node,
                project("core", "", "", List.of(), declared),
                Optional.empty(),
                coverage,
                tests,
                List.of(),
                List.of(),
                typeUsers);
    }
}
