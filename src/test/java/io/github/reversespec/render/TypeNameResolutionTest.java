package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.TypeUsage;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which type a simple or qualified name in real sources means, as the spec's type relations and
 * use counts tell it: the false facts a reviewer found reading specs of commons-lang3, guava and
 * jackson-databind against their code, reproduced in small.
 */
class TypeNameResolutionTest {

    @TempDir
    static Path root;

    static ReactorAnalysis analysis;
    static TypeUsage usage;

    @BeforeAll
    static void analyse() throws IOException {
        String main = "core/src/main/java/";
        // commons-lang3: DiffBuilder implements the top-level Builder, not its own member Builder.
        write(main + "p/builder/Builder.java", """
                package p.builder;
                public interface Builder<T> { T build(); }
                """);
        write(main + "p/builder/DiffBuilder.java", """
                package p.builder;
                public class DiffBuilder<T> implements Builder<String> {
                    public static final class Builder<T> {
                        public DiffBuilder<T> build() { return null; }
                    }
                    public static <T> Builder<T> builder() { return new Builder<>(); }
                    public String build() { return ""; }
                }
                """);
        write(main + "p/builder/ReflectionDiffBuilder.java", """
                package p.builder;
                public class ReflectionDiffBuilder<T> implements Builder<String> {
                    public static final class Builder<T> { }
                    public static <T> Builder<T> builder() { return new Builder<>(); }
                    public String build() { return ""; }
                }
                """);
        // guava: Entry under "import java.util.Map.Entry" is Map.Entry, not the package's Multiset.Entry.
        write(main + "p/collect/Multiset.java", """
                package p.collect;
                public interface Multiset<E> {
                    interface Entry<E> { E getElement(); }
                    java.util.Set<Entry<E>> entrySet();
                }
                """);
        write(main + "p/collect/AbstractMapEntry.java", """
                package p.collect;
                import java.util.Map.Entry;
                public abstract class AbstractMapEntry<K, V> implements Entry<K, V> {
                    public boolean sameAs(Entry<K, V> other) { return false; }
                }
                """);
        write(main + "p/collect/Maps.java", """
                package p.collect;
                import java.util.Map.Entry;
                public final class Maps {
                    public static <K, V> Entry<K, V> entry(K k, V v) { return null; }
                }
                """);
        write(main + "p/collect/Multisets.java", """
                package p.collect;
                public final class Multisets {
                    public static <E> Multiset.Entry<E> immutableEntry(E e) { return null; }
                }
                """);
        write(main + "p/collect/ImmutableList.java", """
                package p.collect;
                public abstract class ImmutableList<E> {
                    public static final class Builder<E> { }
                }
                """);
        // guava's reflect: ImmutableList.Builder is used by qualified name; its Entry is Map.Entry.
        write(main + "p/reflect/Types.java", """
                package p.reflect;
                import java.util.Map.Entry;
                import p.collect.*;
                import p.collect.ImmutableList;
                import p.tree.Base.*;
                public final class Types {
                    ImmutableList.Builder<String> names = new ImmutableList.Builder<>();
                    Node root;
                    abstract static class Pair implements Entry<String, String> { }
                }
                """);
        // jackson-databind: annotations used through "import ....annotation.*".
        write(main + "p/annotation/JsonDeserialize.java", """
                package p.annotation;
                public @interface JsonDeserialize { }
                """);
        write(main + "p/annotation/JsonNaming.java", """
                package p.annotation;
                public @interface JsonNaming { }
                """);
        write(main + "p/annotation/Local.java", """
                package p.annotation;
                public class Local { }
                """);
        write(main + "p/introspect/Local.java", """
                package p.introspect;
                public class Local { }
                """);
        write(main + "p/introspect/Introspector.java", """
                package p.introspect;
                import p.annotation.*;
                public class Introspector {
                    @JsonNaming
                    Object find(Local local) { return JsonDeserialize.class; }
                }
                """);
        // A member type inherited from a supertype of the package is in scope in the subtype's body.
        write(main + "p/tree/Base.java", """
                package p.tree;
                public class Base {
                    public static class Node { }
                }
                """);
        write(main + "p/tree/Derived.java", """
                package p.tree;
                import p.collect.*;
                public class Derived extends Base {
                    public static class Leaf extends Node { }
                    public Node root() { return null; }
                }
                """);
        Path base = root.resolve("core");
        ProjectModel core = new ProjectModel(
                "com.acme",
                "core",
                "1.0",
                "core",
                "",
                base,
                "core",
                0,
                List.of(base.resolve("src/main/java")),
                List.of(),
                List.of(),
                List.of());
        analysis = new ReactorAnalyzer(1).analyze(new ReactorModel(root, List.of(core)));
        usage = TypeUsage.of(analysis);
    }

    @Test
    void aClassesOwnMemberTypeIsNotInScopeInItsImplementsClause() {
        String behavior = SpecText.section(spec("p.builder"), Section.BEHAVIOR);

        assertThat(behavior)
                .contains("- `Builder` is implemented or extended by `DiffBuilder`, `ReflectionDiffBuilder`.")
                .doesNotContain(
                        "`DiffBuilder.Builder` is implemented", "`ReflectionDiffBuilder.Builder` is implemented");
        // Each nested Builder is named only inside its own top-level type, which does not count.
        assertThat(ranked("p.builder", "DiffBuilder.Builder").inPackage()).isZero();
        assertThat(ranked("p.builder", "ReflectionDiffBuilder.Builder").inPackage())
                .isZero();
        assertThat(ranked("p.builder", "Builder").inPackage()).isEqualTo(2);
    }

    @Test
    void aSingleTypeImportShadowsANestedTypeOfThePackageWithTheSameSimpleName() {
        String behavior = SpecText.section(spec("p.collect"), Section.BEHAVIOR);

        assertThat(behavior).doesNotContain("`Multiset.Entry` is implemented or extended by");
        String outside = behavior.substring(behavior.indexOf("**Supertypes from outside the package**"));
        assertThat(outside).contains("- `Entry`: `AbstractMapEntry`");
        // Only Multisets names Multiset.Entry; AbstractMapEntry and Maps name java.util.Map.Entry.
        assertThat(ranked("p.collect", "Multiset.Entry").inPackage()).isEqualTo(1);
        // An on-demand import of p.collect brings in no nested Entry: Types.Pair implements Map.Entry.
        assertThat(usage.implementorsOf(unit("p.collect").id())).doesNotContainKey("Multiset.Entry");
    }

    @Test
    void typesUsedThroughAnOnDemandImportCountAsUsedUnlessThePackageShadowsThem() {
        UnitId introspect = unit("p.introspect").id();

        assertThat(usage.usersOf(unit("p.annotation").id()))
                .containsEntry("JsonDeserialize", List.of(introspect))
                .containsEntry("JsonNaming", List.of(introspect))
                // Local is p.introspect's own Local: a type of the package beats an on-demand import.
                .doesNotContainKey("Local");
        assertThat(ranked("p.annotation", "JsonDeserialize").users()).containsExactly(introspect);
    }

    @Test
    void aQualifiedUseOfANestedTypeCountsForTheNestedTypeAndItsOuterType() {
        UnitId reflect = unit("p.reflect").id();

        assertThat(usage.usersOf(unit("p.collect").id()))
                .containsEntry("ImmutableList", List.of(reflect))
                .containsEntry("ImmutableList.Builder", List.of(reflect))
                .doesNotContainKey("Multiset.Entry");
        assertThat(ranked("p.collect", "ImmutableList.Builder").users()).containsExactly(reflect);
        assertThat(ranked("p.collect", "ImmutableList.Builder").shortUsePhrase())
                .isEqualTo("1 pkg");
        // import p.tree.Base.*; then Node: the member type an on-demand import of a type brings in
        assertThat(usage.usersOf(unit("p.tree").id()))
                .containsEntry("Base", List.of(reflect))
                .containsEntry("Base.Node", List.of(reflect));
    }

    @Test
    void aMemberTypeInheritedFromASupertypeOfThePackageIsInScopeInTheSubtype() {
        String behavior = SpecText.section(spec("p.tree"), Section.BEHAVIOR);

        assertThat(behavior).contains("- `Base.Node` is subclassed by `Derived.Leaf`.");
        // Derived names it in root(), Derived.Leaf in its extends clause
        assertThat(ranked("p.tree", "Base.Node").inPackage()).isEqualTo(2);
    }

    private static TypeRanking.Ranked ranked(String pkg, String type) {
        return TypeRanking.rank(facts(pkg)).stream()
                .filter(r -> r.type().name().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no type " + type));
    }

    private static String spec(String pkg) {
        return new SpecRenderer().render(facts(pkg), Prose.NONE, Fixtures.META);
    }

    private static SpecFacts facts(String pkg) {
        UnitAnalysis u = unit(pkg);
        ProjectAnalysis p = analysis.projects().get(0);
        UnitNode node = new UnitNode(u.id(), 0, 0, 0, List.of(), List.of(), List.of(), List.of());
        return new SpecFacts(
                u,
                node,
                p.project(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                usage.usersOf(u.id()),
                usage.implementorsOf(u.id()));
    }

    private static UnitAnalysis unit(String pkg) {
        return analysis.projects().get(0).units().stream()
                .filter(u -> u.id().packageName().equals(pkg))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + pkg));
    }

    private static void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
