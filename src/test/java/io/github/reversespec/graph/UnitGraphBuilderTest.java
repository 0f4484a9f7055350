package io.github.reversespec.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.analysis.ImportRef;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.SourceLine;
import io.github.reversespec.analysis.TestClassFacts;
import io.github.reversespec.analysis.TypeKind;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitGraphBuilderTest {

    // ------------------------------------------------------------------ ordering

    @Test
    void chainIsOrderedDependenciesFirst() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("com.acme.c").type("C").imports("com.acme.b.B");
        p.unit("com.acme.a").type("A");
        p.unit("com.acme.b").type("B").imports("com.acme.a.A");

        UnitGraph graph = r.build();

        assertThat(packages(graph)).containsExactly("com.acme.a", "com.acme.b", "com.acme.c");
        assertThat(graph.order()).extracting(UnitNode::position).containsExactly(0, 1, 2);
        assertThat(graph.order()).extracting(UnitNode::level).containsExactly(0, 1, 2);
        assertThat(graph.order()).extracting(UnitNode::block).containsExactly(0, 1, 2);
        UnitNode b = node(graph, "com.acme.b");
        assertThat(b.dependencies()).containsExactly(p.id("com.acme.a"));
        assertThat(b.dependents()).containsExactly(p.id("com.acme.c"));
        assertThat(b.inCycle()).isFalse();
    }

    @Test
    void diamondTakesTheLongestPathForLevels() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("d.top").type("Top").imports("d.left.Left", "d.right.Right");
        p.unit("d.left").type("Left").imports("d.base.Base");
        p.unit("d.right").type("Right").imports("d.base.Base", "d.mid.Mid");
        p.unit("d.mid").type("Mid").imports("d.base.Base");
        p.unit("d.base").type("Base");

        UnitGraph graph = r.build();

        assertThat(packages(graph)).containsExactly("d.base", "d.left", "d.mid", "d.right", "d.top");
        assertThat(levels(graph))
                .containsExactly(
                        Map.entry("d.base", 0),
                        Map.entry("d.left", 1),
                        Map.entry("d.mid", 1),
                        Map.entry("d.right", 2),
                        Map.entry("d.top", 3));
        assertThat(node(graph, "d.base").dependents()).containsExactly(p.id("d.left"), p.id("d.mid"), p.id("d.right"));
        assertThat(node(graph, "d.top").dependencies()).containsExactly(p.id("d.left"), p.id("d.right"));
    }

    @Test
    void cycleIsOneBlockAndWhatUsesItComesRightAfter() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("a.base").type("Base");
        // x -> y -> z -> x, all on a.base
        p.unit("b.x").type("X").imports("b.y.Y", "a.base.Base");
        p.unit("b.y").type("Y").imports("b.z.Z");
        p.unit("b.z").type("Z").imports("b.x.X");
        // downstream of the cycle; sorts after the unrelated units by name, yet must come right
        // after the cycle rather than at the end
        p.unit("a.user").type("User").imports("b.z.Z");
        p.unit("c.free1").type("Free1");
        p.unit("c.free2").type("Free2").imports("c.free1.Free1");

        UnitGraph graph = r.build();

        assertThat(packages(graph)).containsExactly("a.base", "b.x", "b.y", "b.z", "a.user", "c.free1", "c.free2");
        UnitNode x = node(graph, "b.x");
        UnitNode y = node(graph, "b.y");
        UnitNode z = node(graph, "b.z");
        assertThat(List.of(x.block(), y.block(), z.block())).containsOnly(1);
        assertThat(List.of(x.level(), y.level(), z.level())).containsOnly(1);
        assertThat(x.cycle()).containsExactly(p.id("b.y"), p.id("b.z"));
        assertThat(y.cycle()).containsExactly(p.id("b.x"), p.id("b.z"));
        assertThat(node(graph, "a.user").block()).isEqualTo(2);
        assertThat(node(graph, "a.user").level()).isEqualTo(2);
        assertThat(node(graph, "a.user").inCycle()).isFalse();
        assertThat(graph.blocks()).hasSize(5);
        assertThat(graph.blocks().get(1))
                .extracting(UnitNode::id)
                .containsExactly(p.id("b.x"), p.id("b.y"), p.id("b.z"));
    }

    @Test
    void twoUnitCycleWithNothingElseIsLevelZero() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("q.a").type("A").imports("q.b.B");
        p.unit("q.b").type("B").imports("q.a.A");

        UnitGraph graph = r.build();

        assertThat(graph.order()).extracting(UnitNode::level).containsExactly(0, 0);
        assertThat(graph.order()).extracting(UnitNode::block).containsExactly(0, 0);
        assertThat(node(graph, "q.a").dependencies()).containsExactly(p.id("q.b"));
        assertThat(node(graph, "q.a").dependents()).containsExactly(p.id("q.b"));
    }

    @Test
    void earlierProjectsGoFirstWhenFree() {
        Reactor r = new Reactor();
        Proj later = r.project("aaa-later", 1);
        Proj earlier = r.project("zzz-earlier", 0);
        later.unit("a.first").type("First");
        earlier.unit("z.last").type("Last");

        UnitGraph graph = r.build();

        assertThat(graph.order()).extracting(UnitNode::id).containsExactly(earlier.id("z.last"), later.id("a.first"));
    }

    // ------------------------------------------------------------------ witnesses and cycles

    @Test
    void everyEdgeKeepsTheEarliestPlaceThatMakesIt() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("w.lib").type("A").type("B");
        p.unit("w.other").type("O");
        p.unit("w.user")
                .type("User")
                .imports("w.lib.A", "w.other.O")
                .refs("w.lib.B")
                .site("w.lib.A", "core/src/B.java", 3)
                .site("w.lib.B", "core/src/A.java", 9)
                .site("w.other.O", "core/src/B.java", 4);

        UnitNode user = node(r.build(), "w.user");

        // two names make the edge to w.lib: the earlier file wins over the earlier line
        assertThat(user.siteOf(p.id("w.lib"))).contains(new SourceLine("core/src/A.java", 9));
        assertThat(user.siteOf(p.id("w.other"))).contains(new SourceLine("core/src/B.java", 4));
        assertThat(user.dependencySites()).containsOnlyKeys(p.id("w.lib"), p.id("w.other"));
    }

    @Test
    void eachCycleIsClosedByTheEdgeBackToItsFirstMember() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("c.base").type("Base");
        // x -> y -> z -> x
        p.unit("c.x").type("X").imports("c.y.Y", "c.base.Base");
        p.unit("c.y").type("Y").imports("c.z.Z");
        p.unit("c.z").type("Z").imports("c.x.X").site("c.x.X", "core/src/main/java/c/z/Z.java", 7);
        p.unit("d.a").type("A").imports("d.b.B");
        p.unit("d.b").type("B").imports("d.a.A").site("d.a.A", "core/src/main/java/d/b/B.java", 3);

        List<UnitCycle> cycles = r.build().cycles();

        assertThat(cycles).hasSize(2);
        UnitCycle xyz = cycles.get(0);
        assertThat(xyz.members()).containsExactly(p.id("c.x"), p.id("c.y"), p.id("c.z"));
        assertThat(xyz.loop()).containsExactly(p.id("c.x"), p.id("c.y"), p.id("c.z"));
        assertThat(xyz.closingFrom()).isEqualTo(p.id("c.z"));
        assertThat(xyz.closingTo()).isEqualTo(p.id("c.x"));
        assertThat(xyz.site()).contains(new SourceLine("core/src/main/java/c/z/Z.java", 7));
        UnitCycle ab = cycles.get(1);
        assertThat(ab.loop()).containsExactly(p.id("d.a"), p.id("d.b"));
        assertThat(ab.closingSite()).hasToString("core/src/main/java/d/b/B.java:3");
    }

    @Test
    void theLoopIsAShortestOneThroughTheFirstMember() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        // a -> b -> c -> d -> a, and a -> c, d -> b: shortest loops through a are a c d a
        p.unit("s.a").type("A").imports("s.b.B", "s.c.C");
        p.unit("s.b").type("B").imports("s.c.C");
        p.unit("s.c").type("C").imports("s.d.D");
        p.unit("s.d").type("D").imports("s.a.A", "s.b.B").site("s.a.A", "D.java", 2);

        UnitCycle cycle = r.build().cycles().get(0);

        assertThat(cycle.members()).hasSize(4);
        assertThat(cycle.loop()).containsExactly(p.id("s.a"), p.id("s.c"), p.id("s.d"));
        assertThat(cycle.closingFrom()).isEqualTo(p.id("s.d"));
        assertThat(cycle.site()).contains(new SourceLine("D.java", 2));
        assertThat(new Reactor().build().cycles()).isEmpty();
    }

    @Test
    void usersFromTheOwnProjectComeFirst() {
        Reactor r = new Reactor();
        Proj core = r.project("core", 0);
        Proj app = r.project("app", 1, "core");
        core.unit("u.lib").type("Lib");
        core.unit("u.z").type("Z").imports("u.lib.Lib");
        app.unit("u.a").type("A").imports("u.lib.Lib");

        UnitNode lib = node(r.build(), "u.lib");

        // by UnitId alone app (directory "app") sorts before core
        assertThat(lib.dependents()).containsExactly(core.id("u.z"), app.id("u.a"));
    }

    @Test
    void declaredModuleDependencyThatNoCodeUsesIsReported() {
        Reactor r = new Reactor();
        Proj core = r.project("core", 0);
        Proj extras = r.project("extras", 1);
        Proj testkit = r.project("testkit", 2);
        Proj split = r.project("split", 3);
        Proj resources = r.project("resources", 4);
        Proj app = r.project("app", 5, "core", "extras", "testkit", "split", "resources");
        Proj dist = r.project("dist", 6, "app");
        core.unit("m.core").type("Core");
        extras.unit("m.extras").type("Extra");
        testkit.unit("m.testkit").type("Kit");
        split.unit("m.app").type("Helper");
        app.unit("m.app").type("App").imports("m.core.Core");
        app.test("m.app", List.of("m.testkit.Kit"), List.of());

        UnitGraph graph = r.build();
        List<UnusedDependency> unused = graph.unusedDeclaredDependencies(
                r.projects.stream().map(p -> p.model).toList());

        assertThat(graph.projectUses().get(app.model.key()))
                .containsExactly(core.model.key(), split.model.key(), testkit.model.key());
        assertThat(unused)
                .extracting(
                        u -> u.project().artifactId() + "->" + u.dependency().artifactId())
                .containsExactly("app->extras", "app->resources", "dist->app");
        assertThat(unused.get(0).dependencyHasCode()).isTrue();
        assertThat(unused.get(1).dependencyHasCode()).isFalse();
        assertThat(unused.get(2).projectHasCode()).isFalse();
    }

    // ------------------------------------------------------------------ edges

    @Test
    void selfImportMakesNoEdge() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("s.one").type("One").type("Two").imports("s.one.Two", "s.one.*").refs("s.one.One");

        UnitNode node = r.build().order().get(0);

        assertThat(node.dependencies()).isEmpty();
        assertThat(node.dependents()).isEmpty();
        assertThat(node.cycle()).isEmpty();
        assertThat(node.externalPackages()).isEmpty();
    }

    @Test
    void onDemandImportOfAPackageOrOfATypesMembers() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("o.pkg").type("Anything");
        p.unit("o.outer").type("Outer");
        p.unit("o.user").type("User").onDemand("o.pkg").onDemand("o.outer.Outer");

        UnitNode user = node(r.build(), "o.user");

        assertThat(user.dependencies()).containsExactly(p.id("o.outer"), p.id("o.pkg"));
    }

    @Test
    void staticImportsOfNestedMembersResolveToTheTopLevelTypesPackage() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("st.consts").type("Limits").type("Limits.Inner");
        p.unit("st.util").type("Strings");
        p.unit("st.user")
                .type("User")
                .staticImport("st.consts.Limits.Inner.MAX")
                .staticOnDemand("st.util.Strings");

        UnitNode user = node(r.build(), "st.user");

        assertThat(user.dependencies()).containsExactly(p.id("st.consts"), p.id("st.util"));
        assertThat(user.externalPackages()).isEmpty();
    }

    @Test
    void qualifiedReferenceMakesAnEdgeOnlyWhenItNamesAType() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("qr.lib").type("Helper");
        p.unit("qr.lib.sub").type("Deep");
        p.unit("qr.user").type("User").refs("qr.lib.sub.Deep.Nested", "qr.lib.Missing", "qr.lib.sub");

        UnitNode user = node(r.build(), "qr.user");

        // longest package prefix wins: qr.lib.sub, not qr.lib
        assertThat(user.dependencies()).containsExactly(p.id("qr.lib.sub"));
        // a reactor package with an unknown type is neither an edge nor external
        assertThat(user.externalPackages()).isEmpty();
    }

    @Test
    void namesOutsideTheReactorBecomeExternalPackages() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("ex.user")
                .type("User")
                .imports("java.util.List", "java.util.Map.Entry", "com.fasterxml.jackson.databind.ObjectMapper")
                .onDemand("java.util.concurrent")
                .staticImport("org.junit.jupiter.api.Assertions.assertEquals")
                .staticImport("java.lang.Math.max")
                .refs(
                        "java.lang.String",
                        "javax.annotation.processing.Generated",
                        "org.slf4j.LoggerFactory.getLogger",
                        "value.length");

        UnitNode user = node(r.build(), "ex.user");

        assertThat(user.dependencies()).isEmpty();
        assertThat(user.externalPackages())
                .containsExactly(
                        "com.fasterxml.jackson.databind",
                        "java.lang",
                        "java.util",
                        "java.util.concurrent",
                        "javax.annotation.processing",
                        "org.junit.jupiter.api",
                        "org.slf4j");
    }

    @Test
    void javaLangIsNotListedWhenOnlyUsedImplicitly() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("jl.user").type("User").refs("java.lang.Math", "java.lang.Integer.MAX_VALUE");

        assertThat(node(r.build(), "jl.user").externalPackages()).isEmpty();
    }

    @Test
    void externalPackageOfLowercaseImports() {
        assertThat(UnitGraphBuilder.externalPackageOfImport(new ImportRef("a.b.c", false, false)))
                .isEqualTo("a.b");
        assertThat(UnitGraphBuilder.externalPackageOfImport(new ImportRef("a.b.c.m", true, false)))
                .isEqualTo("a.b");
        assertThat(UnitGraphBuilder.externalPackageOfImport(new ImportRef("a.b", false, true)))
                .isEqualTo("a.b");
        assertThat(UnitGraphBuilder.externalPackageOfImport(new ImportRef("a.b.c", true, true)))
                .isEqualTo("a.b");
        assertThat(UnitGraphBuilder.externalPackageOfImport(new ImportRef("Top.Inner", false, false)))
                .isEmpty();
    }

    // ------------------------------------------------------------------ same package in two projects

    @Test
    void ownProjectWinsForASharedPackage() {
        Reactor r = new Reactor();
        Proj api = r.project("api", 0);
        Proj impl = r.project("impl", 1, "api");
        api.unit("sh.model").type("Thing");
        impl.unit("sh.model").type("Thing");
        impl.unit("sh.user").type("User").imports("sh.model.Thing");

        UnitNode user = node(r.build(), impl.id("sh.user"));

        assertThat(user.dependencies()).containsExactly(impl.id("sh.model"));
    }

    @Test
    void declaredDependencyWinsWhenTheOwnProjectLacksTheType() {
        Reactor r = new Reactor();
        Proj first = r.project("first", 0);
        Proj second = r.project("second", 1);
        Proj third = r.project("third", 2);
        Proj app = r.project("app", 3, "third:x", "third", "second");
        first.unit("sh.model").type("Thing");
        second.unit("sh.model").type("Thing");
        third.unit("sh.model").type("Thing");
        app.unit("sh.model").type("Other");
        app.unit("sh.app").type("App").imports("sh.model.Thing");

        UnitNode user = node(r.build(), app.id("sh.app"));

        // own project has the package but not the type; "third" is declared before "second"
        assertThat(user.dependencies()).containsExactly(third.id("sh.model"));
    }

    @Test
    void firstInReactorOrderWinsOtherwise() {
        Reactor r = new Reactor();
        Proj app = r.project("app", 2);
        Proj late = r.project("late", 1);
        Proj early = r.project("early", 0);
        late.unit("sh.model").type("Thing");
        early.unit("sh.model").type("Thing");
        // only the late project has Gadget: the type decides before reactor order does
        late.unit("sh.model2").type("Gadget");
        app.unit("sh.app").type("App").imports("sh.model.Thing").refs("sh.model2.Gadget");

        UnitNode user = node(r.build(), app.id("sh.app"));

        assertThat(user.dependencies()).containsExactly(early.id("sh.model"), late.id("sh.model2"));
    }

    @Test
    void typeDecidesAmongProjectsSharingAPackage() {
        Reactor r = new Reactor();
        Proj a = r.project("a", 0);
        Proj b = r.project("b", 1);
        Proj c = r.project("c", 2, "a");
        a.unit("sp.x").type("OnlyInA");
        b.unit("sp.x").type("OnlyInB");
        c.unit("sp.user").type("User").imports("sp.x.OnlyInB");

        UnitNode user = node(r.build(), c.id("sp.user"));

        assertThat(user.dependencies()).containsExactly(b.id("sp.x"));
    }

    // ------------------------------------------------------------------ determinism, scale, input checks

    @Test
    void orderDoesNotDependOnInputOrder() {
        Reactor r = new Reactor();
        Proj p0 = r.project("p0", 0);
        Proj p1 = r.project("p1", 1, "p0");
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            Proj p = i % 3 == 0 ? p1 : p0;
            Builder u = p.unit("det.u" + i).type("T" + i);
            for (int k = 0; k < 3; k++) {
                int j = random.nextInt(60);
                u.imports("det.u" + j + ".T" + j);
            }
        }
        List<UnitId> expected = r.build().order().stream().map(UnitNode::id).toList();
        assertThat(r.build().blocks().stream().anyMatch(b -> b.size() > 1)).isTrue();

        for (int round = 0; round < 5; round++) {
            Collections.shuffle(p0.units, random);
            Collections.shuffle(p1.units, random);
            Collections.shuffle(r.projects, random);
            assertThat(r.build().order()).extracting(UnitNode::id).containsExactlyElementsOf(expected);
        }
        assertThat(r.build()).isEqualTo(r.build());
    }

    @Test
    void longChainDoesNotOverflowTheStack() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            Builder u = p.unit(String.format("ch.p%05d", i)).type("T");
            if (i > 0) {
                u.imports(String.format("ch.p%05d.T", i - 1));
            }
        }
        // a ring is one long cycle: Tarjan walks it as deep as the chain (kept smaller because every
        // member lists all the others)
        int ring = 2_000;
        Reactor cyclic = new Reactor();
        Proj q = cyclic.project("core");
        for (int i = 0; i < ring; i++) {
            q.unit(String.format("cy.p%05d", i)).type("T").imports(String.format("cy.p%05d.T", (i + 1) % ring));
        }

        UnitGraph chain = r.build();
        UnitGraph cycle = cyclic.build();

        assertThat(chain.size()).isEqualTo(n);
        assertThat(chain.order().get(n - 1).level()).isEqualTo(n - 1);
        assertThat(chain.order().get(n - 1).id().packageName()).isEqualTo("ch.p04999");
        assertThat(chain.blocks()).hasSize(n);
        assertThat(cycle.blocks()).hasSize(1);
        assertThat(cycle.order().get(0).cycle()).hasSize(ring - 1);
        assertThat(cycle.order()).extracting(UnitNode::level).containsOnly(0);
    }

    @Test
    void duplicateUnitIsRejected() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("dup").type("A");
        p.unit("dup").type("B");

        assertThatThrownBy(r::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dup");
    }

    @Test
    void emptyReactorGivesAnEmptyGraph() {
        assertThat(new Reactor().build().order()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> packages(UnitGraph graph) {
        return graph.order().stream().map(n -> n.id().packageName()).toList();
    }

    private static List<Map.Entry<String, Integer>> levels(UnitGraph graph) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        graph.order().forEach(n -> levels.put(n.id().packageName(), n.level()));
        return new ArrayList<>(levels.entrySet());
    }

    private static UnitNode node(UnitGraph graph, String packageName) {
        return graph.order().stream()
                .filter(n -> n.id().packageName().equals(packageName))
                .reduce((a, b) -> {
                    throw new AssertionError("package in several projects: " + packageName);
                })
                .orElseThrow();
    }

    private static UnitNode node(UnitGraph graph, UnitId id) {
        return graph.node(id);
    }

    /** A reactor under construction: projects in the order they are listed to the builder. */
    static final class Reactor {
        final List<Proj> projects = new ArrayList<>();

        Proj project(String artifactId, int reactorIndex, String... reactorDependencies) {
            List<String> deps = Arrays.stream(reactorDependencies)
                    .map(d -> d.contains(":") ? d : "bench:" + d)
                    .toList();
            ProjectModel model = new ProjectModel(
                    "bench",
                    artifactId,
                    "1.0",
                    artifactId,
                    "",
                    Path.of("/r", artifactId),
                    artifactId,
                    reactorIndex,
                    List.of(),
                    List.of(),
                    deps,
                    List.of());
            Proj p = new Proj(model);
            projects.add(p);
            return p;
        }

        Proj project(String artifactId) {
            return project(artifactId, projects.size());
        }

        UnitGraph build() {
            return UnitGraphBuilder.build(analysis());
        }

        ReactorAnalysis analysis() {
            List<ProjectAnalysis> analyses = projects.stream()
                    .map(p -> new ProjectAnalysis(
                            p.model,
                            p.units.stream().map(Builder::build).toList(),
                            p.tests,
                            Optional.empty(),
                            List.of()))
                    .toList();
            ReactorModel reactor = new ReactorModel(
                    Path.of("/r"), projects.stream().map(p -> p.model).toList());
            return new ReactorAnalysis(reactor, analyses);
        }
    }

    /** One project and the units it will hold. */
    static final class Proj {
        final ProjectModel model;
        final List<Builder> units = new ArrayList<>();
        final List<TestClassFacts> tests = new ArrayList<>();

        Proj(ProjectModel model) {
            this.model = model;
        }

        UnitId id(String packageName) {
            return new UnitId(model.key(), model.artifactId(), model.moduleDir(), packageName);
        }

        Builder unit(String packageName) {
            Builder b = new Builder(id(packageName));
            units.add(b);
            return b;
        }

        /** A test file in the package that imports the names and references the qualified ones. */
        Proj test(String packageName, List<String> imports, List<String> qualified) {
            tests.add(new TestClassFacts(
                    model.key(),
                    model.moduleDir() + "/src/test/java/T" + tests.size() + ".java",
                    packageName,
                    "T" + tests.size(),
                    1,
                    imports.stream().map(i -> new ImportRef(i, false, false)).toList(),
                    Set.of(),
                    Set.copyOf(qualified)));
            return this;
        }
    }

    /** One unit's types, imports and qualified references. */
    static final class Builder {
        final UnitId id;
        final List<TypeModel> types = new ArrayList<>();
        final List<ImportRef> imports = new ArrayList<>();
        final List<String> refs = new ArrayList<>();
        final Map<String, SourceLine> sites = new LinkedHashMap<>();

        Builder(UnitId id) {
            this.id = id;
        }

        Builder type(String name) {
            String qualified = id.packageName().isEmpty() ? name : id.packageName() + "." + name;
            types.add(new TypeModel(
                    name,
                    qualified,
                    TypeKind.CLASS,
                    Visibility.PUBLIC,
                    true,
                    List.of(),
                    "public class " + name,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    "",
                    false,
                    "F.java",
                    1,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()));
            return this;
        }

        Builder imports(String... names) {
            for (String name : names) {
                if (name.endsWith(".*")) {
                    onDemand(name.substring(0, name.length() - 2));
                } else {
                    imports.add(new ImportRef(name, false, false));
                }
            }
            return this;
        }

        Builder onDemand(String name) {
            imports.add(new ImportRef(name, false, true));
            return this;
        }

        Builder staticImport(String name) {
            imports.add(new ImportRef(name, true, false));
            return this;
        }

        Builder staticOnDemand(String name) {
            imports.add(new ImportRef(name, true, true));
            return this;
        }

        Builder refs(String... names) {
            refs.addAll(Arrays.asList(names));
            return this;
        }

        /** Where the unit first names an import or reference. */
        Builder site(String name, String file, int line) {
            sites.put(name, new SourceLine(file, line));
            return this;
        }

        UnitAnalysis build() {
            return new UnitAnalysis(
                    id,
                    List.of(),
                    "",
                    types,
                    imports.stream().sorted().distinct().toList(),
                    Set.copyOf(refs),
                    List.of(),
                    "sha256:0",
                    sites);
        }
    }
}
