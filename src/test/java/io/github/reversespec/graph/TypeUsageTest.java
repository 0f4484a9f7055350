package io.github.reversespec.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.graph.UnitGraphBuilderTest.Proj;
import io.github.reversespec.graph.UnitGraphBuilderTest.Reactor;
import org.junit.jupiter.api.Test;

class TypeUsageTest {

    @Test
    void importsStaticImportsNestedImportsAndQualifiedReferencesCountOncePerUsingUnit() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("a.base").type("Store").type("Helper").type("Unused");
        p.unit("a.one").type("One").imports("a.base.Store", "a.base.Store.Entry");
        p.unit("a.two").type("Two").staticImport("a.base.Helper.trim").refs("a.base.Store");
        p.unit("a.three").type("Three").onDemand("a.base");

        TypeUsage usage = TypeUsage.of(r.analysis());

        assertThat(usage.usersOf(p.id("a.base")))
                .containsOnlyKeys("Store", "Helper")
                .containsEntry("Store", java.util.List.of(p.id("a.one"), p.id("a.two")))
                .containsEntry("Helper", java.util.List.of(p.id("a.two")));
        // An on-demand import alone names no type (the names its files write do); an unused type is absent.
        assertThat(usage.usersOf(p.id("a.three"))).isEmpty();
    }

    @Test
    void aUnitDoesNotUseItsOwnTypesAndANestedOnDemandImportUsesTheOuterType() {
        Reactor r = new Reactor();
        Proj p = r.project("core");
        p.unit("a.base").type("Outer").imports("a.base.Outer");
        p.unit("a.user").type("User").onDemand("a.base.Outer");

        TypeUsage usage = TypeUsage.of(r.analysis());

        assertThat(usage.usersOf(p.id("a.base"))).containsOnlyKeys("Outer");
        assertThat(usage.usersOf(p.id("a.base")).get("Outer")).containsExactly(p.id("a.user"));
    }

    @Test
    void theUsersOwnModuleComesFirstAndTheSamePackageInTwoProjectsResolvesLikeTheGraph() {
        Reactor r = new Reactor();
        Proj api = r.project("api");
        Proj impl = r.project("impl", 1, "api");
        Proj other = r.project("other", 2);
        api.unit("x.shared").type("Thing");
        other.unit("x.shared").type("Thing");
        api.unit("x.a").type("A").imports("x.shared.Thing");
        impl.unit("x.b").type("B").imports("x.shared.Thing");
        other.unit("x.c").type("C").imports("x.shared.Thing");

        TypeUsage usage = TypeUsage.of(r.analysis());

        // impl declares api: its import lands in api's package; other's own project wins for x.c.
        assertThat(usage.usersOf(api.id("x.shared")).get("Thing")).containsExactly(api.id("x.a"), impl.id("x.b"));
        assertThat(usage.usersOf(other.id("x.shared")).get("Thing")).containsExactly(other.id("x.c"));
    }

    @Test
    void ownModuleUsersAreListedBeforeOthers() {
        Reactor r = new Reactor();
        Proj lib = r.project("zlib");
        Proj app = r.project("aapp", 1, "zlib");
        lib.unit("l.core").type("Core");
        lib.unit("l.z").type("Z").imports("l.core.Core");
        app.unit("a.a").type("A").imports("l.core.Core");

        TypeUsage usage = TypeUsage.of(r.analysis());

        assertThat(usage.usersOf(lib.id("l.core")).get("Core")).containsExactly(lib.id("l.z"), app.id("a.a"));
        assertThat(TypeUsage.none().usersOf(lib.id("l.core"))).isEmpty();
    }
}
