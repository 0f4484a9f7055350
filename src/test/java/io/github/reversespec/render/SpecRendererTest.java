package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.META;
import static io.github.reversespec.render.Fixtures.bareFacts;
import static io.github.reversespec.render.Fixtures.cacheFacts;
import static io.github.reversespec.render.Fixtures.documented;
import static io.github.reversespec.render.Fixtures.file;
import static io.github.reversespec.render.Fixtures.id;
import static io.github.reversespec.render.Fixtures.member;
import static io.github.reversespec.render.Fixtures.method;
import static io.github.reversespec.render.Fixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.DocComment;
import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.MemberModel.MemberKind;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TypeKind;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFacts;
import io.github.reversespec.spec.SpecLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpecRendererTest {

    private final SpecRenderer renderer = new SpecRenderer();

    private String astOnly(SpecFacts facts) {
        return renderer.render(facts, Prose.NONE, META);
    }

    @Test
    void frontMatterHasTheKeysInOrderWithTheRightTypes() {
        Map<String, Object> fm = SpecText.frontMatter(astOnly(cacheFacts()));

        assertThat(new ArrayList<>(fm.keySet()))
                .containsExactly(
                        "type",
                        "module",
                        "package",
                        "status",
                        "model",
                        "sourceHash",
                        "generator",
                        "relatedFiles",
                        "level",
                        "interfaceHash",
                        "dependencyHash",
                        "dependsOn",
                        "generatedHash");
        assertThat(fm)
                .containsEntry("type", "module-spec")
                .containsEntry("module", "core")
                .containsEntry("package", "com.acme.cache")
                .containsEntry("status", "ast-only")
                .containsEntry("model", "none")
                .containsEntry("sourceHash", "sha256:0123abcd")
                .containsEntry("generator", "reverse-spec-maven-plugin/0.1.0-SNAPSHOT")
                .containsEntry("level", 1)
                .containsEntry("interfaceHash", "sha256:aaaa")
                .containsEntry("dependencyHash", "sha256:bbbb")
                .containsEntry("dependsOn", List.of("core:com.acme.util"));
        assertThat(fm.get("relatedFiles"))
                .asList()
                .hasSize(10)
                .contains("core/src/main/java/com/acme/cache/Cache.java");
    }

    @Test
    void nastyPathsAndNamesSurviveTheFrontMatter() {
        List<String> paths = List.of(
                "src/main/java/We \"ird\": #dir/[x] - y/Ü 😀.java",
                "src/main/java/- leading/'q'.java",
                "src/main/java/yes/null: ~.java",
                "src/main/java/back\\slash/{a}, b.java");
        UnitId id = new UnitId("g:null", "null", "", "");
        SpecFacts facts =
                bareFacts(id, "", "", paths.stream().map(Fixtures::file).toList(), List.of());

        String spec = astOnly(facts);
        Map<String, Object> fm = SpecText.frontMatter(spec);

        assertThat(fm.get("relatedFiles")).isEqualTo(paths);
        assertThat(fm).containsEntry("module", "null").containsEntry("package", "_default");
        SpecText.assertTablesWellFormed(spec);
        // The appendix links resolve to the files although they hold spaces, quotes and brackets.
        List<String> targets = SpecText.section(spec, SpecRenderer.APPENDIX_HEADING)
                .lines()
                .filter(l -> l.startsWith("| ["))
                .map(SpecText::relativeLinks)
                .map(l -> SpecText.resolve("specs", l.get(0)))
                .toList();
        assertThat(targets).containsExactlyElementsOf(paths);
    }

    @Test
    void titleNineHeadingsInOrderOnceEachThenTheAppendix() {
        String spec = astOnly(cacheFacts());
        List<String> headings = SpecText.linesOutsideFences(spec).stream()
                .filter(l -> l.startsWith("# ") || l.startsWith("## "))
                .toList();

        List<String> expected = new ArrayList<>();
        expected.add("# com.acme.cache (core)");
        for (Section s : Section.values()) {
            expected.add(s.heading());
        }
        expected.add("## Appendix: Files");
        assertThat(headings).containsExactlyElementsOf(expected);
        assertThat(spec).contains("\n---\n# com.acme.cache (core)\n");
    }

    @Test
    void everyExportedTypeAndApiMemberSignatureIsInThePublicInterface() {
        SpecFacts facts = cacheFacts();
        String section = SpecText.section(astOnly(facts), Section.PUBLIC_INTERFACE);

        for (TypeModel t : facts.unit().exportedTypes()) {
            assertThat(section).contains("### `" + t.name() + "`");
            assertThat(section).contains("```java\n" + t.signature() + "\n```");
            for (MemberModel m : t.members()) {
                String cell = "`" + m.signature().replace("|", "\\|") + "`";
                if (m.visibility().isApi()) {
                    assertThat(section).contains(cell);
                } else {
                    assertThat(section).doesNotContain(cell);
                }
            }
        }
        assertThat(section).doesNotContain("Helper");
        assertThat(section).contains("| `int value() default READ \\| WRITE` | element |");
        assertThat(section)
                .contains("`public static <T> Map<String, List<? extends T>> copyOf(Map<String, T> src)`"
                        + " | static; **deprecated** |");
        assertThat(section).contains("throws `IOException`; The value for key, or null.");
        assertThat(section).contains("Creates a cache holding at most `capacity` entries.");
        assertThat(section)
                .contains("[`Cli.java`](../../core/src/main/java/com/acme/cache/Cli.java#L3). **Deprecated.**");
    }

    @Test
    void tablesStayWellFormedWithPipesInSignatures() {
        TypeModel t = type("p", "Weird", "src/main/java/p/Weird.java")
                .sig("public class Weird<T extends A | B>")
                .member(method("or", "public int or(int a) | default"))
                .member(method("tick", "public String tick(String s) `x`"))
                .build();
        String spec =
                astOnly(bareFacts(id("m", "", "p"), "", "", List.of(file("src/main/java/p/Weird.java|x")), List.of(t)));

        SpecText.assertTablesWellFormed(spec);
        assertThat(spec).contains("| `public int or(int a) \\| default` |");
        assertThat(spec).contains("`` public String tick(String s) `x` ``");
    }

    @Test
    void constantValuesWithBackticksAndPipesKeepTablesAndSpansWhole() {
        FieldModel key = new FieldModel(
                "KEY", "String", Visibility.PUBLIC, List.of("static", "final"), "The key.", 4, "\"a`b|c\"");
        TypeModel t = type("p", "Keys", "src/main/java/p/Keys.java")
                .member(member(
                        MemberKind.FIELD,
                        "KEY",
                        "public static final String KEY = \"a`b|c\"",
                        Visibility.PUBLIC,
                        true,
                        "",
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        4))
                .field(key)
                .field(new FieldModel(
                        "INNER", "String", Visibility.PRIVATE, List.of("static", "final"), "Inner.", 5, "\"x`y|z\""))
                .build();
        String spec =
                astOnly(bareFacts(id("m", "", "p"), "", "", List.of(file("src/main/java/p/Keys.java")), List.of(t)));

        SpecText.assertTablesWellFormed(spec);
        assertThat(SpecText.section(spec, Section.PUBLIC_INTERFACE))
                .contains("| ``public static final String KEY = \"a`b\\|c\"`` |");
        // A public constant is listed with the members, not again with the state.
        String data = SpecText.section(spec, Section.DATA_STRUCTURES);
        assertThat(data).doesNotContain("`KEY`");
        assertThat(data).contains("| `INNER` | `String` | private static final | value ``\"x`y\\|z\"``; Inner. |");
    }

    @Test
    void staticUtilityClassesAreNotCalledAbstract() {
        String pkg = "p";
        MemberModel privateCtor = member(
                MemberKind.CONSTRUCTOR,
                "X",
                "private X()",
                Visibility.PRIVATE,
                false,
                "",
                false,
                List.of(),
                List.of(),
                List.of(),
                3);
        MemberModel staticMethod = member(
                MemberKind.METHOD,
                "of",
                "public static String of()",
                Visibility.PUBLIC,
                true,
                "",
                false,
                List.of(),
                List.of(),
                List.of(),
                4);
        MemberModel instanceMethod = method("run", "public abstract void run()");
        List<TypeModel> types = List.of(
                type(pkg, "Strings", "src/main/java/p/Strings.java")
                        .mods("final")
                        .member(privateCtor)
                        .member(staticMethod)
                        .build(),
                type(pkg, "Asserts", "src/main/java/p/Asserts.java")
                        .mods("abstract")
                        .member(staticMethod)
                        .build(),
                type(pkg, "Holder", "src/main/java/p/Holder.java")
                        .member(privateCtor)
                        .member(staticMethod)
                        .build(),
                type(pkg, "Task", "src/main/java/p/Task.java")
                        .mods("abstract")
                        .member(staticMethod)
                        .member(instanceMethod)
                        .build(),
                type(pkg, "Bare", "src/main/java/p/Bare.java")
                        .member(staticMethod)
                        .build(),
                type(pkg, "Open", "src/main/java/p/Open.java")
                        .member(member(
                                MemberKind.CONSTRUCTOR,
                                "Open",
                                "public Open(int seed)",
                                Visibility.PUBLIC,
                                false,
                                "",
                                false,
                                List.of(),
                                List.of(),
                                List.of(),
                                3))
                        .member(staticMethod)
                        .build());
        String constraints = SpecText.section(
                astOnly(bareFacts(id("m", "", pkg), "", "", List.of(file("src/main/java/p/Strings.java")), types)),
                Section.CONSTRAINTS);

        assertThat(constraints)
                // declaring no constructor is a utility too; one with parameters makes instances
                .contains("- Utility classes (static members only; not instantiated): `Strings`, `Asserts`, `Holder`,"
                        + " `Bare`.")
                .contains("- Abstract (instantiated only through subclasses): `Task`.")
                .doesNotContain("`Open`");
    }

    @Test
    void jdkPackagesAreTheJdkModulesNotAPrefix() {
        SpecFacts bare = bareFacts(id("m", "", "p"), "", "", List.of(), List.of());
        UnitNode node = new UnitNode(
                bare.unit().id(),
                0,
                0,
                0,
                List.of(),
                List.of(),
                List.of(),
                List.of("javax.annotation.processing", "javax.inject", "javax.money", "jdk.jfr", "org.w3c.dom"));
        SpecFacts facts = new SpecFacts(
                bare.unit(),
                node,
                bare.project(),
                bare.moduleDescriptor(),
                bare.coverage(),
                bare.tests(),
                bare.dependencies(),
                bare.dependents());

        assertThat(SpecText.section(astOnly(facts), Section.DEPENDENCIES))
                .contains(
                        "- JDK (packages of the JDK's own modules): `javax.annotation.processing`, `jdk.jfr`, `org.w3c.dom`.",
                        "- Other: `javax.inject`, `javax.money`.");
    }

    @Test
    void nestedTypesOfThePackageAreNotSupertypesFromOutside() {
        String pkg = "p";
        String a = "src/main/java/p/A.java";
        String b = "src/main/java/p/B.java";
        List<TypeModel> types = List.of(
                type(pkg, "A", a).build(),
                type(pkg, "A.Node", a).hidden().build(),
                type(pkg, "A.Leaf", a).hidden().ext("Node").impl("Runnable").build(),
                type(pkg, "B", b).impl("B.Inner.Deep").build(),
                type(pkg, "B.Node", b).hidden().build(),
                type(pkg, "B.Inner", b).hidden().build(),
                type(pkg, "B.Inner.Deep", b).kind(TypeKind.INTERFACE).hidden().build(),
                type(pkg, "B.Impl", b).hidden().ext("Node").impl("Inner.Deep").build());
        String behavior = SpecText.section(
                astOnly(bareFacts(id("m", "", pkg), "", "", List.of(file(a), file(b)), types)), Section.BEHAVIOR);

        assertThat(behavior)
                .contains(
                        "- `A.Node` is subclassed by `A.Leaf`.",
                        "- `B.Node` is subclassed by `B.Impl`.",
                        "- `B.Inner.Deep` is implemented or extended by `B`, `B.Impl`.");
        String outside = behavior.substring(behavior.indexOf("**Supertypes from outside the package**"));
        // A.Leaf is not exported: counted under its contract, not named
        assertThat(outside)
                .contains("- 1 supertype only types not exported extend or implement.")
                .doesNotContain("Node", "Deep", "`B");
    }

    @Test
    void aLongHierarchyShowsItsWidestRelationsAndMovesTheWholeToAnAppendix() {
        String pkg = "p";
        String f = "src/main/java/p/H.java";
        List<TypeModel> types = new ArrayList<>();
        for (int i = 1; i <= SpecRenderer.RELATIONS_SHOWN + 2; i++) {
            types.add(type(pkg, "Api" + i, f).kind(TypeKind.INTERFACE).build());
            types.add(type(pkg, "Impl" + i, f).impl("Api" + i).build());
        }
        // one interface with three implementations: the widest relation comes first
        types.add(type(pkg, "Wide", f).kind(TypeKind.INTERFACE).build());
        types.add(type(pkg, "W1", f).impl("Wide").build());
        types.add(type(pkg, "W2", f).impl("Wide").build());
        types.add(type(pkg, "W3", f).impl("Wide").build());
        String spec = astOnly(bareFacts(id("m", "", pkg), "", "", List.of(file(f)), types));
        String behavior = SpecText.section(spec, Section.BEHAVIOR);

        assertThat(behavior)
                .contains("**Type relations within the package** (the 6 with the most types, of 9):")
                .contains("- `Wide` is implemented or extended by `W1`, `W2`, `W3`.")
                .contains("[Appendix: Type relations](#appendix-type-relations)");
        assertThat(behavior.split("is implemented or extended by", -1)).hasSize(SpecRenderer.RELATIONS_SHOWN + 1);
        String appendix = spec.substring(spec.indexOf("## Appendix: Type relations"));
        for (int i = 1; i <= SpecRenderer.RELATIONS_SHOWN + 2; i++) {
            assertThat(appendix).contains("- `Api" + i + "` is implemented or extended by `Impl" + i + "`.");
        }
    }

    @Test
    void linksAreRelativeToTheSpecForTheRootProject() {
        String spec = astOnly(cacheFacts(""));

        assertThat(spec).contains("](../src/main/java/com/acme/cache/Cache.java#L12)");
        assertThat(spec).contains("[`com.acme.util`](com.acme.util.spec.md)");
        assertThat(spec).contains("[`app:com.acme.app`](apps/app/com.acme.app.spec.md)");
        assertThat(spec).contains("](../src/test/java/com/acme/cache/CacheTest.java)");
        assertEveryLinkLandsOnAKnownFile(spec, cacheFacts(""));
    }

    @Test
    void linksAreRelativeToTheSpecForANestedModule() {
        String spec = astOnly(cacheFacts("a/b"));

        assertThat(spec).contains("](../../../a/b/src/main/java/com/acme/cache/Cache.java#L40)");
        assertThat(spec).contains("[`com.acme.util`](com.acme.util.spec.md)");
        assertThat(spec).contains("[`app:com.acme.app`](../../apps/app/com.acme.app.spec.md)");
        assertEveryLinkLandsOnAKnownFile(spec, cacheFacts("a/b"));
    }

    private static void assertEveryLinkLandsOnAKnownFile(String spec, SpecFacts facts) {
        Set<String> known = new HashSet<>();
        facts.unit().files().forEach(f -> known.add(f.path()));
        facts.tests().forEach(t -> known.add(t.file()));
        facts.moduleDescriptor().ifPresent(m -> known.add(m.file()));
        facts.node().dependencies().forEach(d -> known.add(SpecLayout.specPath(d)));
        facts.node().dependents().forEach(d -> known.add(SpecLayout.specPath(d)));
        String from = RelativeLinks.parent(SpecLayout.specPath(facts.unit().id()));
        List<String> links = SpecText.relativeLinks(spec);
        assertThat(links).isNotEmpty();
        for (String link : links) {
            assertThat(known).as("target of %s", link).contains(SpecText.resolve(from, link));
        }
    }

    @Test
    void defaultPackageIsShownAsUnderscoreDefault() {
        UnitId id = id("app", "app", "");
        TypeModel main = type("", "Main", "app/src/main/java/Main.java")
                .member(Fixtures.member(
                        MemberModel.MemberKind.METHOD,
                        "main",
                        "public static void main(String... a)",
                        io.github.reversespec.analysis.Visibility.PUBLIC,
                        true,
                        "",
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        3))
                .build();
        String spec = astOnly(bareFacts(id, "", "", List.of(file("app/src/main/java/Main.java")), List.of(main)));

        assertThat(SpecLayout.specPath(id)).isEqualTo("specs/app/_default.spec.md");
        assertThat(SpecText.frontMatter(spec)).containsEntry("package", "_default");
        assertThat(spec).contains("\n# _default (app)\n");
        assertThat(spec).contains("](../../app/src/main/java/Main.java)");
        assertThat(SpecText.section(spec, Section.BEHAVIOR)).contains("**Entry points:**", "`Main.main`");
    }

    @Test
    void renderingIsDeterministicAndClean() {
        String first = astOnly(cacheFacts("a/b"));
        String second = new SpecRenderer().render(cacheFacts("a/b"), Prose.NONE, META);

        assertThat(first).isEqualTo(second);
        assertThat(first)
                .doesNotContain("\r")
                .doesNotContain("/abs/root")
                .endsWith("\n")
                .doesNotEndWith("\n\n");
        assertThat(first).doesNotContainPattern("(?m)[ \\t]+$");
        assertThat(first).doesNotContainPattern("\n\n\n");
        SpecText.assertTablesWellFormed(first);
    }

    @Test
    void astOnlySpecSaysOnceWhatItCannotTellAndHasNoPlaceholders() {
        String spec = astOnly(cacheFacts());

        assertThat(spec.split(Pattern.quote(SpecRenderer.AST_ONLY_BEHAVIOUR), -1))
                .hasSize(2);
        assertThat(SpecText.section(spec, Section.BEHAVIOR)).startsWith(SpecRenderer.AST_ONLY_BEHAVIOUR);
        assertThat(spec)
                .doesNotContain(
                        SpecRenderer.NOT_WRITTEN_MARKER,
                        SpecRenderer.COMMENTARY_MARKER,
                        "TBD",
                        "<placeholder",
                        "Lorem");
        for (Section s : Section.values()) {
            assertThat(SpecText.section(spec, s)).as("section %s", s).isNotBlank();
        }
    }

    @Test
    void sectionsOneAndTwoShowLinksAsCodeAndBreakAtBlockHtml() {
        UnitId id = id("core", "core", "com.acme");
        List<SourceFile> files = List.of(file("core/src/main/java/com/acme/A.java"));
        String doc = "Builds {@link com.acme.A} values.";
        TypeModel a = type("com.acme", "A", files.get(0).path())
                .doc("Builds com.acme.A values.")
                .parts(new DocComment(doc + " More.", Map.of(), "", Map.of(), "", "", "", Set.of()))
                .build();
        String pkg = "Well {@link com.acme.A} will save your day.<h2>Contents</h2>The classes include:<ul><li>one"
                + "<li>two</ul>";
        String spec = astOnly(bareFacts(id, pkg, "", files, List.of(a)));
        assertThat(SpecText.section(spec, Section.INTENT))
                .startsWith("Well `A` will save your day. Contents: The classes include: one; two\n");
        assertThat(SpecText.section(astOnly(bareFacts(id, "", "", files, List.of(a))), Section.INTENT))
                .startsWith("- `A`: Builds `A` values.\n");
        assertThat(SpecText.section(spec, Section.PUBLIC_INTERFACE))
                .contains("\nBuilds `A` values.\n")
                .doesNotContain("com.acme.A values");
    }

    @Test
    void intentComesFromPackageJavadocThenTypeJavadocThenTheCode() {
        UnitId id = id("core", "core", "com.acme");
        List<SourceFile> files = List.of(file("core/src/main/java/com/acme/A.java"));
        TypeModel documented = type("com.acme", "A", files.get(0).path())
                .doc("Does <i>a</i> things.")
                .build();
        TypeModel plain = type("com.acme", "A", files.get(0).path()).build();

        String fromPackage = SpecText.section(
                astOnly(bareFacts(id, "Billing {@code core} & <em>more</em>.", "Desc.", files, List.of(documented))),
                Section.INTENT);
        assertThat(fromPackage).startsWith("Billing `core` & more.").doesNotContain("Desc.", "Does a things");

        String fromTypes =
                SpecText.section(astOnly(bareFacts(id, "", "Desc.", files, List.of(documented))), Section.INTENT);
        assertThat(fromTypes).startsWith("- `A`: Does a things.").doesNotContain("Desc.");

        String fromCode =
                SpecText.section(astOnly(bareFacts(id, "", "Does *billing*.", files, List.of(plain))), Section.INTENT);
        assertThat(fromCode).startsWith("Package `com.acme` of `core` has 1 file and declares 1 exported type: `A`.");
        assertThat(fromCode).contains("The project `core` describes itself as: Does \\*billing\\*.");
    }

    @Test
    void emptyPackageIsStillACompleteSpec() {
        String spec = astOnly(bareFacts(id("core", "", "com.empty"), "", "", List.of(), List.of()));

        assertThat(SpecText.section(spec, Section.INTENT)).contains("declares no types");
        assertThat(SpecText.section(spec, Section.PUBLIC_INTERFACE)).contains("declares no types");
        assertThat(SpecText.section(spec, SpecRenderer.APPENDIX_HEADING)).isEqualTo("No files.");
        assertThat(SpecText.frontMatter(spec))
                .containsEntry("relatedFiles", List.of())
                .containsEntry("dependsOn", List.of());
    }

    @Test
    void factualSectionsCarryTheCodeFacts() {
        String spec = astOnly(cacheFacts());

        String data = SpecText.section(spec, Section.DATA_STRUCTURES);
        assertThat(data)
                .contains(
                        "| `x` | `int` |",
                        "Constants (2): `READ`, `WRITE`.",
                        "```mermaid\nclassDiagram\n",
                        "Store <|.. Cache",
                        "Shape <|.. Circle",
                        "class Cache_Entry");
        // Public constants of exported types are listed with the members, not again with the state.
        assertThat(data).doesNotContain("`ORIGIN`");
        String constraints = SpecText.section(spec, Section.CONSTRAINTS);
        assertThat(constraints)
                .contains(
                        "Immutable records (final fields, no setters): `Point`, `Circle`.",
                        "(shallowly immutable): `Cache`.",
                        "Sealed (closed set of subtypes): `Shape`.",
                        "Package-private: `Helper`.",
                        "only to `com.acme.app`, `com.acme.web`",
                        "- `Cache#get`: `Objects.requireNonNull(key)`");
        // Cache is final and shallowly immutable: said once, not again among the final classes.
        assertThat(constraints).doesNotContain("Final (cannot be subclassed): `Cache`");
        assertThat(constraints).doesNotContain("Other final classes (cannot be subclassed): `Cache`");
        String edges = SpecText.section(spec, Section.EDGE_CASES);
        assertThat(edges)
                .contains(
                        "- `IOException`: declared by [`Cache#get`](../../core/src/main/java/com/acme/cache/Cache.java#L20).",
                        "- `IllegalStateException`: thrown by [`Cache#secret`](../../core/src/main/java/com/acme/cache/Cache.java#L38)"
                                + " (private).");
        String debt = SpecText.section(spec, Section.TECHNICAL_DEBT);
        assertThat(debt)
                .contains("- **TODO** [`Cache.java:40`](../../core/src/main/java/com/acme/cache/Cache.java#L40):"
                        + " handle \\<null\\> keys | values");
        assertThat(debt)
                .contains("- **Parse problem** [`Broken.java`](../../core/src/main/java/com/acme/cache/"
                        + "Broken.java#L3): `core/src/main/java/com/acme/cache/Broken.java:3:5: '}' expected`");
        String tests = SpecText.section(spec, Section.TEST_COVERAGE);
        assertThat(tests)
                .contains(
                        "| Type | Tests |",
                        "No test refers to `Circle`.",
                        "| `Store` | `com.acme.cache.CacheTest`, `com.acme.cache.StoreTest` |",
                        "2 of 3 top-level types referred to by tests; 2 test files.",
                        "(4 test methods)");
        String deps = SpecText.section(spec, Section.DEPENDENCIES);
        assertThat(deps)
                .contains(
                        "[`com.acme.util`](com.acme.util.spec.md): String and collection helpers.",
                        "**Used by** (1):\n\n[`app:com.acme.app`](../apps/app/com.acme.app.spec.md).\n",
                        "- JDK (packages of the JDK's own modules): `java.io`, `java.util`.",
                        "- Other: `com.fasterxml.jackson.databind`, `javax.inject`.",
                        "- `org.junit.jupiter:junit-jupiter:5.14.4:test`",
                        "flowchart LR");
        assertThat(diagram(deps))
                .contains(
                        "u_core_com_acme_cache --> u_core_com_acme_util",
                        "u_app_com_acme_app --> u_core_com_acme_cache");
        assertThat(deps).doesNotContain("Cycle");
        String files = SpecText.section(spec, SpecRenderer.APPENDIX_HEADING);
        assertThat(files)
                .contains(
                        "| File | Lines | Status |",
                        "| [`core/src/main/java/com/acme/cache/Cache.java`](../../core/src/main/java/com/acme/cache/"
                                + "Cache.java) | 120 | parsed |",
                        "| 9 | parse problem: `core/src/main/java/com/acme/cache/Broken.java:3:5: '}' expected` |");
    }

    @Test
    void bigNeighbourhoodsAreCutInTheDiagramAndCyclesAreSaid() {
        UnitId self = id("core", "core", "p.self");
        List<UnitId> deps = IntStream.range(0, 40)
                .mapToObj(i -> id("core", "core", "p.d" + i))
                .toList();
        List<UnitId> cycle = List.of(deps.get(0));
        UnitNode node =
                new UnitNode(self, 0, 0, 0, deps, List.of(deps.get(0), id("x-y", "x", "p.user")), cycle, List.of());

        String deps9 = SpecText.section(astOnly(neighbourhood(node)), Section.DEPENDENCIES);

        assertThat(deps9).contains("**Cycle:** this package is in a dependency cycle with `p.d0`");
        // One user besides the cycle member, so the packages used get every node but one.
        String diagram = diagram(deps9);
        assertThat(nodes(diagram)).hasSize(1 + SpecRenderer.MAX_DIAGRAM_NODES);
        assertThat(diagram)
                .contains(
                        "more_used[\"… 11 more\"]",
                        "u_core_p_self -.-> more_used",
                        "u_core_p_d0 --> u_core_p_self",
                        "u_core_p_self --> u_core_p_d0",
                        "u_x_y_p_user --> u_core_p_self")
                .doesNotContain("more_users", "u_core_p_d29[");
        assertThat(deps9).contains("The diagram shows 29 of the 40 packages used and 2 of the 2 users");
        assertEdgesJoinDeclaredNodes(diagram);
    }

    @Test
    void aHundredDependenciesAreCutAndClusteredByModule() {
        // 100 packages used in three modules, 50 users in two: a unit of a 300-package reactor.
        UnitId self = id("core", "libs/core", "com.acme.core");
        List<UnitId> deps = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> deps.add(id("util", "libs/util", "com.acme.util.p" + (100 + i))));
        IntStream.range(0, 30).forEach(i -> deps.add(id("core", "libs/core", "com.acme.core.p" + (100 + i))));
        IntStream.range(0, 30).forEach(i -> deps.add(id("api", "api", "com.acme.api.p" + (100 + i))));
        List<UnitId> users = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> users.add(id("app", "apps/app", "com.acme.app.p" + (100 + i))));
        IntStream.range(0, 25).forEach(i -> users.add(id("web", "apps/web", "com.acme.web.p" + (100 + i))));
        UnitNode node = new UnitNode(self, 0, 0, 0, sorted(deps), sorted(users), List.of(), List.of());

        String spec = astOnly(neighbourhood(node));
        String deps9 = SpecText.section(spec, Section.DEPENDENCIES);
        String diagram = diagram(deps9);

        // Half the nodes for each side, in the order of the lists.
        assertThat(nodes(diagram)).hasSize(1 + SpecRenderer.MAX_DIAGRAM_NODES);
        List<String> edges =
                diagram.lines().map(String::strip).filter(l -> l.contains("->")).toList();
        assertThat(edges.stream().filter(e -> e.startsWith("u_core_com_acme_core -")))
                .hasSize(SpecRenderer.MAX_DIAGRAM_NODES / 2 + 1);
        assertThat(edges)
                .contains(
                        "u_core_com_acme_core --> u_api_com_acme_api_p100",
                        "u_app_com_acme_app_p100 --> u_core_com_acme_core",
                        "u_core_com_acme_core -.-> more_used",
                        "more_users -.-> u_core_com_acme_core")
                .doesNotContain("u_core_com_acme_core --> u_util_com_acme_util_p100");
        assertThat(diagram).contains("more_used[\"… 85 more\"]", "more_users[\"… 35 more\"]");
        // One cluster per project shown, the unit's own first; nodes inside show the package only.
        List<String> clusters = diagram.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("subgraph "))
                .toList();
        assertThat(clusters)
                .containsExactly(
                        "subgraph p_libs_core_com_acme_core[\"core\"]",
                        "subgraph p_api_com_acme_api[\"api\"]",
                        "subgraph p_apps_app_com_acme_app[\"app\"]");
        assertThat(diagram)
                .contains("        u_core_com_acme_core[\"com.acme.core\"]")
                .doesNotContain("\"api:com.acme.api.p100\"");
        assertThat(diagram.lines().filter(l -> l.strip().equals("end"))).hasSize(3);
        // What is left out is said, and the lists and the index have the rest.
        assertThat(deps9)
                .contains("The diagram shows 15 of the 100 packages used and 15 of the 50 users, in the order"
                        + " of the lists above, which link to them all; the [architecture index](../../_index.spec.md) shows"
                        + " the whole reactor.");
        // Every user is linked: the first ones in the section, all of them in the appendix it points to.
        assertThat(deps9).contains("The whole list is in [Appendix: Users](#appendix-users).");
        assertThat(spec)
                .contains("](../../apps/web/com.acme.web.p124.spec.md)", "](../util/com.acme.util.p139.spec.md)");
        assertEdgesJoinDeclaredNodes(diagram);
        assertThat(SpecText.resolve("specs/libs/core", "../../_index.spec.md")).isEqualTo(IndexRenderer.INDEX_PATH);
        assertThat(astOnly(neighbourhood(node))).isEqualTo(spec);
    }

    @Test
    void aSmallNeighbourhoodInOneModuleIsOneUnclusteredDiagram() {
        UnitId self = id("core", "", "p.self");
        UnitNode node = new UnitNode(
                self, 0, 0, 0, List.of(id("core", "", "p.a")), List.of(id("core", "", "p.b")), List.of(), List.of());

        String diagram = diagram(SpecText.section(astOnly(neighbourhood(node)), Section.DEPENDENCIES));

        assertThat(diagram).isEqualTo("""
                ```mermaid
                flowchart LR
                    u_p_self["p.self"]
                    u_p_a["p.a"]
                    u_p_b["p.b"]
                    u_p_self --> u_p_a
                    u_p_b --> u_p_self
                    classDef current stroke-width:3px
                    class u_p_self current
                ```""");
    }

    private static SpecFacts neighbourhood(UnitNode node) {
        SpecFacts bare = bareFacts(node.id(), "", "", List.of(), List.of());
        return new SpecFacts(
                bare.unit(), node, bare.project(), bare.moduleDescriptor(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<UnitId> sorted(List<UnitId> ids) {
        return ids.stream().sorted().toList();
    }

    /** The dependency diagram of a Dependencies section, fences included. */
    private static String diagram(String deps9) {
        int start = deps9.indexOf("```mermaid");
        return named(deps9.substring(start, deps9.indexOf("```", start + 3) + 3));
    }

    /**
     * The diagram with its short node ids ({@code u1}, {@code u2}) replaced by ids spelled from the
     * unit each stands for ({@code u_core_p_self}), so that assertions can name the units: the
     * label, prefixed with the cluster's module label inside a cluster.
     */
    private static String named(String diagram) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        String cluster = null;
        java.util.regex.Pattern node = java.util.regex.Pattern.compile("\\s+(u\\d+)\\[\"(.*)\"]");
        java.util.regex.Pattern sub = java.util.regex.Pattern.compile("\\s+subgraph \\w+\\[\"(.*)\"]");
        for (String line : diagram.lines().toList()) {
            java.util.regex.Matcher m = sub.matcher(line);
            if (m.matches()) {
                cluster = m.group(1);
                continue;
            }
            if (line.strip().equals("end")) {
                cluster = null;
                continue;
            }
            m = node.matcher(line);
            if (m.matches()) {
                String display = cluster == null ? m.group(2) : cluster + ":" + m.group(2);
                names.put(m.group(1), "u_" + display.replaceAll("[^A-Za-z0-9_]", "_"));
            }
        }
        java.util.regex.Matcher ids =
                java.util.regex.Pattern.compile("\\bu\\d+\\b").matcher(diagram);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(out, names.getOrDefault(ids.group(), ids.group()));
        }
        return ids.appendTail(out).toString();
    }

    private static List<String> nodes(String diagram) {
        return diagram.lines().filter(l -> l.matches("\\s+u_\\w+\\[\".*\"]")).toList();
    }

    /** An edge to an undeclared id would make Mermaid invent a node. */
    private static void assertEdgesJoinDeclaredNodes(String diagram) {
        Set<String> declared = new HashSet<>();
        diagram.lines()
                .map(String::strip)
                .filter(l -> l.matches("\\w+\\[\".*\"]"))
                .forEach(l -> declared.add(l.substring(0, l.indexOf('['))));
        diagram.lines().map(String::strip).filter(l -> l.contains("->")).forEach(l -> {
            assertThat(l).matches("[A-Za-z0-9_]+ (-->|-\\.->) [A-Za-z0-9_]+");
            String[] parts = l.split(" ");
            assertThat(declared).contains(parts[0], parts[2]);
        });
    }

    @Test
    void modelTextFillsSectionsAndIsCommentaryInFactualOnes() {
        Map<Section, String> text = new EnumMap<>(Section.class);
        text.put(Section.INTENT, "Caches values for the **billing** service.\nSecond line.");
        text.put(Section.PUBLIC_INTERFACE, "Use `Cache` for everything.");
        text.put(Section.BEHAVIOR, "Evicts the least recently used entry.\n\n## 4. Data Structures\n\n```java\nint x;");
        Prose prose = new Prose("llama3.1:8b", text);

        String spec = renderer.render(cacheFacts(), prose, META);
        Map<String, Object> fm = SpecText.frontMatter(spec);

        assertThat(fm).containsEntry("status", "llm").containsEntry("model", "llama3.1:8b");
        assertThat(SpecText.section(spec, Section.INTENT))
                .isEqualTo("Caches values for the **billing** service.\nSecond line.");
        String api = SpecText.section(spec, Section.PUBLIC_INTERFACE);
        assertThat(api)
                .contains("### `Cache`")
                .endsWith(SpecRenderer.COMMENTARY_MARKER + "\n\nUse `Cache` for everything.");
        assertThat(api.indexOf("| `get` |")).isLessThan(api.indexOf(SpecRenderer.COMMENTARY_MARKER));
        String behavior = SpecText.section(spec, Section.BEHAVIOR);
        assertThat(behavior)
                .startsWith("Evicts the least recently used entry.")
                .contains("### 4. Data Structures")
                .doesNotContain(SpecRenderer.AST_ONLY_BEHAVIOUR, "Entry points");
        assertThat(spec).doesNotContain(SpecRenderer.AST_ONLY_BEHAVIOUR);
        // The model's unclosed fence is closed inside its section, so the structure holds.
        assertThat(SpecText.linesOutsideFences(spec).stream()
                        .filter(l -> l.startsWith("## "))
                        .count())
                .isEqualTo(10);
        for (Section s : List.of(Section.DATA_STRUCTURES, Section.CONSTRAINTS, Section.DEPENDENCIES)) {
            assertThat(SpecText.section(spec, s)).as("section %s", s).startsWith(SpecRenderer.NOT_WRITTEN_MARKER);
        }
        assertThat(SpecText.section(spec, Section.DEPENDENCIES)).contains("[`com.acme.util`]");
        assertThat(SpecText.section(spec, Section.CONSTRAINTS)).contains("Package-private: `Helper`.");
        assertThat(spec).isEqualTo(renderer.render(cacheFacts(), prose, META));
    }

    @Test
    void hostileModelProseLeavesNothingActiveInTheWholeSpec() {
        String hostile = """
                Intro <script>alert(1)</script> [a](jav&#x61;script:alert(1)) [b](javascript\\:x) \
                <javascript:alert(1)> ![c](javascript:x) [d][ref] [ok](https://example.com) \
                [up](../other/com.acme.spec.md) [out](../../../outside.md) <img src=x onerror=alert(1)>

                [ref]: javascript:alert(2)

                # Injected title
                Injected section
                ----------------

                <details><summary>More</summary></details>

                ```mermaid
                graph TD
                click A call cb()
                %%{init: {"securityLevel": "loose"}}%%
                ```

                | Column | Other |
                |---|---|
                | <b onmouseover=x>cell</b> | `code` |

                ```java
                int neverClosed;
                """;
        Map<Section, String> text = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            text.put(s, hostile);
        }
        Prose prose = new Prose("evil-model", text);

        String spec = renderer.render(cacheFacts(), prose, META);

        // The plugin draws two diagrams for this unit (classes, dependencies): those, and only
        // those, are live; the model's nine are source.
        // The notes markers are the plugin's own HTML comments, the one raw HTML a spec may hold.
        String block = "\n" + SpecEdits.NOTES_OPEN + "\n" + SpecEdits.NOTES_CLOSE + "\n";
        assertThat(spec).endsWith(block);
        String html = InertHtml.assertInert(spec.substring(0, spec.length() - block.length() + 1), 2);
        List<String> ownDiagrams = mermaidBlocks(astOnly(cacheFacts()));
        assertThat(ownDiagrams).hasSize(2);
        assertThat(mermaidBlocks(spec)).isEqualTo(ownDiagrams);
        assertThat(spec.split(Pattern.quote(ModelTextGuard.DIAGRAM_NOTE), -1)).hasSize(Section.values().length + 1);
        // The structure holds: the title, nine sections and the appendix, whatever the model wrote.
        assertThat(SpecText.linesOutsideFences(spec).stream().filter(l -> l.startsWith("# ") || l.startsWith("## ")))
                .hasSize(1 + Section.values().length + 1);
        String body = spec.substring(spec.indexOf("\n---\n", 3) + 5);
        assertThat(InertHtml.html(body).split("<h2>", -1)).hasSize(Section.values().length + 2);
        assertThat(html)
                .contains(
                        "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "<h3>Injected title</h3>",
                        "<h3>Injected section</h3>",
                        "<td>&lt;b onmouseover=x&gt;cell&lt;/b&gt;</td>");
        assertThat(InertHtml.hrefs(html))
                .contains("https://example.com", "../other/com.acme.spec.md")
                .noneMatch(h -> h.contains("javascript") || h.contains("outside"));
        SpecText.assertTablesWellFormed(spec);
        assertThat(SpecText.frontMatter(spec))
                .containsEntry("type", "module-spec")
                .containsEntry("status", "llm");
        assertThat(spec).isEqualTo(renderer.render(cacheFacts(), prose, META));
    }

    /** The Mermaid blocks of a spec, fences included, in order. */
    private static List<String> mermaidBlocks(String spec) {
        List<String> blocks = new ArrayList<>();
        int start = spec.indexOf("```mermaid\n");
        while (start >= 0) {
            int end = spec.indexOf("\n```", start) + 4;
            blocks.add(spec.substring(start, end));
            start = spec.indexOf("```mermaid\n", end);
        }
        return blocks;
    }

    @Test
    void unitAnalysisWithoutExportedTypesSaysSo() {
        TypeModel hidden =
                type("p", "Impl", "src/main/java/p/Impl.java").hidden().build();
        String spec = astOnly(
                bareFacts(id("m", "", "p"), "", "", List.of(file("src/main/java/p/Impl.java")), List.of(hidden)));

        assertThat(SpecText.section(spec, Section.PUBLIC_INTERFACE))
                .isEqualTo("The package exports no type: none of its 1 type is public or protected.");
        assertThat(SpecText.section(spec, Section.CONSTRAINTS)).contains("- The project has no `module-info.java`");
    }

    @Test
    void theMemberReferenceHasTheWholeJavadocWithATagPerLine() {
        String pkg = "p";
        MemberModel load = documented(
                member(
                        MemberKind.METHOD,
                        "load",
                        "@Deprecated public Config load(Path path) throws IOException",
                        Visibility.PUBLIC,
                        false,
                        "Loads the config.",
                        true,
                        List.of("IOException"),
                        List.of(),
                        List.of(),
                        7),
                new DocComment(
                        "Loads the config. Then <em>validates</em> it<br>with {@link Checks#all()}, <i>safely</i>.",
                        Map.of("path", "where the file is, see {@code root}"),
                        "the config, never {@code null}",
                        Map.of("IOException", "if it cannot be read"),
                        "1.4",
                        "use {@link Loader#load(Path, Charset) load with a charset} instead",
                        "",
                        Set.of()));
        MemberModel run = documented(
                member(
                        MemberKind.METHOD,
                        "run",
                        "@Override public void run()",
                        Visibility.PUBLIC,
                        false,
                        "Runs the task once.",
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        9),
                new DocComment(
                        "Runs the task once.",
                        Map.of(),
                        "",
                        Map.of(),
                        "",
                        "",
                        "Task#run",
                        Set.of(DocComment.Part.DESCRIPTION)));
        MemberModel add = documented(
                member(
                        MemberKind.METHOD,
                        "add",
                        "@Override public boolean add(String e)",
                        Visibility.PUBLIC,
                        false,
                        "Guaranteed to throw.",
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        11),
                new DocComment(
                        "Guaranteed to throw.",
                        Map.of("e", "the element"),
                        "whether it changed",
                        Map.of(),
                        "",
                        "",
                        "Bag#add",
                        Set.of(DocComment.Part.PARAMETERS, DocComment.Part.RETURN)));
        MemberModel plain = method("size", "public int size()");
        TypeModel type = type(pkg, "Loader", "src/main/java/p/Loader.java")
                .doc("Loads configs.")
                .parts(new DocComment(
                        "Loads configs. From files or {@code classpath:} resources.",
                        Map.of(),
                        "",
                        Map.of(),
                        "1.0",
                        "",
                        "",
                        Set.of()))
                .member(load)
                .member(run)
                .member(add)
                .member(plain)
                .build();
        String spec = astOnly(
                bareFacts(id("m", "", pkg), "", "", List.of(file("src/main/java/p/Loader.java")), List.of(type)));

        // a small interface: section 2 keeps first sentences and points to the reference for the rest
        String section2 = SpecText.section(spec, Section.PUBLIC_INTERFACE);
        assertThat(section2)
                .contains("| `@Deprecated public Config load(Path path) throws IOException` | **deprecated**; "
                        + "throws `IOException`; Loads the config. |")
                .contains("| `@Override public void run()` | Runs the task once. (from `Task#run`) |")
                .contains("The [member reference](#appendix-member-reference) has their Javadoc whole")
                .doesNotContain("Returns:");
        String reference = SpecText.section(spec, SpecRenderer.MEMBER_REFERENCE_HEADING);
        assertThat(reference)
                .contains("): Loads configs. From files or `classpath:` resources. Since 1.0.")
                .contains("| `@Deprecated public Config load(Path path) throws IOException` | Loads the config. Then "
                        + "validates it; with `Checks#all()`, safely.<br>Parameters: `path` where the file is, see `root`"
                        + "<br>Returns: the config, never `null`<br>Throws: `IOException` if it cannot be read"
                        + "<br>Since 1.4<br>**Deprecated:** use `load with a charset` instead |")
                .contains("| `@Override public void run()` | Runs the task once. (from `Task#run`) |")
                // its own description is not claimed inherited: only the parts taken are named
                .contains(
                        "| `@Override public boolean add(String e)` | Guaranteed to throw. (parameters and return value"
                                + " from `Bag#add`)<br>Parameters: `e` the element<br>Returns: whether it changed |")
                .contains("| `public int size()` |  |")
                .doesNotContain("<em>", "<i>");
        SpecText.assertTablesWellFormed(spec);
        String block = "\n" + SpecEdits.NOTES_OPEN + "\n" + SpecEdits.NOTES_CLOSE + "\n";
        InertHtml.assertInert(spec.substring(0, spec.length() - block.length() + 1), 0);
        // read back, the interface lists each member once although two tables show it
        assertThat(SpecFileReader.readInterface(spec).orElseThrow().members().get("Loader"))
                .containsExactly(
                        "@Deprecated public Config load(Path path) throws IOException",
                        "@Override public void run()",
                        "@Override public boolean add(String e)",
                        "public int size()");
    }

    @Test
    void aSmallInterfaceWhoseJavadocIsAllInItsFirstSentencesHasNoMemberReference() {
        String pkg = "p";
        MemberModel size = documented(
                member(
                        MemberKind.METHOD,
                        "size",
                        "public int size()",
                        Visibility.PUBLIC,
                        false,
                        "The size.",
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        4),
                new DocComment("The size.", Map.of(), "", Map.of(), "", "", "", Set.of()));
        TypeModel type = type(pkg, "Bag", "src/main/java/p/Bag.java")
                .doc("A bag.")
                .parts(new DocComment("A bag.", Map.of(), "", Map.of(), "", "", "", Set.of()))
                .member(size)
                .build();
        String spec =
                astOnly(bareFacts(id("m", "", pkg), "", "", List.of(file("src/main/java/p/Bag.java")), List.of(type)));
        assertThat(spec).doesNotContain(SpecRenderer.MEMBER_REFERENCE_HEADING, "member reference");
    }
}
