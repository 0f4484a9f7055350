package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.member;
import static io.github.reversespec.analysis.SourceTree.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.MemberModel.MemberKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the analysis extracts from Java 21 declarations: types, members, signatures, Javadoc. */
class TypeExtractionTest {

    @TempDir
    static Path dir;

    static UnitAnalysis shapes;
    static ProjectAnalysis project;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("core", "core");
        String src = "core/src/main/java/com/acme/shapes/";
        tree.write(src + "package-info.java", """
                /**
                 * Geometric shapes and   their {@link com.acme.shapes.Shape#area() areas}.
                 *
                 * <p>All <b>immutable</b>.
                 * @since 1.0
                 */
                package com.acme.shapes;
                """);
        tree.write(src + "Shape.java", """
                package com.acme.shapes;

                /**
                 * A shape that can be measured, e.g. a circle. It is never null.
                 */
                public sealed interface Shape permits Circle, Square {
                    /** Sides of an unknown shape. */
                    int UNKNOWN = -1;

                    /** The area, in {@code cm²}: see {@link Circle#area()}. */
                    double area();

                    default String label() { return "shape"; }

                    private static void helper() {}

                    class Registry {
                        interface Listener { void added(Shape s); }
                    }
                }
                """);
        tree.write(src + "Circle.java", """
                package com.acme.shapes;

                /**
                 * A circle.
                 *
                 * @param radius the radius. Never negative.
                 */
                public record Circle(double radius) implements Shape, Comparable<Circle> {
                    public static final Circle UNIT = new Circle(1);

                    public Circle {
                        if (radius < 0) throw new IllegalArgumentException("radius < 0: " + radius);
                    }

                    @Override
                    public double area() { return Math.PI * radius * radius; }

                    @Override
                    public int compareTo(Circle o) { return Double.compare(radius, o.radius); }
                }
                """);
        tree.write(src + "Square.java", """
                package com.acme.shapes;

                import java.io.IOException;
                import java.util.*;
                import static java.util.Objects.requireNonNull;

                public final class Square implements Shape {
                    private final double side;
                    protected transient int a, b[];

                    /** Makes a square. */
                    public Square(double side) {
                        this.side = side;
                    }

                    Square() { this(1); }

                    public double area() { return side * side; }

                    /**
                     * Copies.
                     * @deprecated use {@link List#copyOf(Collection)}
                     */
                    public static <T extends Comparable<? super T>> List<T> copy(Collection<? extends T> src, final String... tags)
                            throws IOException, java.util.concurrent.TimeoutException {
                        java.util.Objects.requireNonNull(src, "src");
                        requireNonNull(tags);
                        if (src.isEmpty()) {
                            throw new IllegalStateException("empty");
                        }
                        if (tags.length > 3) throw new java.lang.IllegalArgumentException();
                        class Local {
                            void run() { throw new UnsupportedOperationException(); }
                        }
                        Runnable r = new Runnable() {
                            public void run() {}
                        };
                        throw new IOException("always");
                    }
                }
                """);
        tree.write(src + "Color.java", """
                package com.acme.shapes;

                /** Colours. */
                public enum Color {
                    RED("r", 1),
                    /** Old green. */
                    @Deprecated GREEN("g", 2),
                    BLUE("b", 3) {
                        @Override String code() { return "B"; }
                    };

                    private final String code;
                    private final int order;

                    Color(String code, int order) {
                        this.code = code;
                        this.order = order;
                    }

                    String code() { return code; }
                }
                """);
        tree.write(src + "Marker.java", """
                package com.acme.shapes;

                import java.lang.annotation.*;

                @Retention(RetentionPolicy.RUNTIME)
                @Target({ElementType.TYPE, ElementType.METHOD})
                @com.acme.meta.Stable
                public @interface Marker {
                    String value() default "";
                    int[] levels() default {1, 2};
                    Class<?> type();
                }
                """);
        tree.write(src + "Cache.java", """
                package com.acme.shapes;

                import java.util.function.Function;

                /**
                 * A <i>bounded</i> cache keeping at most {@code max}
                 * entries
                 *
                 * and more. Really.
                 */
                @Deprecated(since = "2")
                public abstract class Cache<K extends Comparable<K>, V> extends java.util.AbstractMap<K, V>
                        implements java.io.Closeable, Function<K, V> {

                    protected abstract V load(K key);

                    private static final Object LOCK = com.acme.util.Locks.create();

                    private int port(Config config) { return config.server.port; }

                    public static class Entry<K> {
                        protected static final class Node {}
                        private class Hidden {}
                    }

                    static class Internal {
                        public static class Visible {}
                    }
                }
                """);
        tree.write("core/src/main/java/module-info.java", """
                module com.acme.core {
                    requires transitive java.sql;
                    requires static com.acme.annotations;
                    exports com.acme.shapes;
                    exports com.acme.internal to com.acme.app, com.acme.cli;
                    opens com.acme.shapes;
                }
                """);
        ReactorAnalysis analysis = tree.analyze();
        project = analysis.projects().get(0);
        shapes = SourceTree.unit(analysis, "core", "com.acme.shapes");
    }

    @Test
    void unitHoldsEveryFileButModuleInfo() {
        assertThat(project.units()).extracting(u -> u.id().packageName()).containsExactly("com.acme.shapes");
        assertThat(shapes.files())
                .extracting(SourceFile::path)
                .containsExactly(
                        "core/src/main/java/com/acme/shapes/Cache.java",
                        "core/src/main/java/com/acme/shapes/Circle.java",
                        "core/src/main/java/com/acme/shapes/Color.java",
                        "core/src/main/java/com/acme/shapes/Marker.java",
                        "core/src/main/java/com/acme/shapes/Shape.java",
                        "core/src/main/java/com/acme/shapes/Square.java",
                        "core/src/main/java/com/acme/shapes/package-info.java");
        assertThat(shapes.files()).allMatch(SourceFile::parsed);
        assertThat(shapes.files().get(1).lines()).isEqualTo(20);
        assertThat(shapes.id().moduleDir()).isEqualTo("core");
        assertThat(shapes.sourceHash()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void typesInFileThenSourceOrderWithoutLocalOrAnonymousOnes() {
        assertThat(shapes.types())
                .extracting(TypeModel::name)
                .containsExactly(
                        "Cache",
                        "Cache.Entry",
                        "Cache.Entry.Node",
                        "Cache.Entry.Hidden",
                        "Cache.Internal",
                        "Cache.Internal.Visible",
                        "Circle",
                        "Color",
                        "Marker",
                        "Shape",
                        "Shape.Registry",
                        "Shape.Registry.Listener",
                        "Square");
        assertThat(type(shapes, "Cache.Entry.Node").qualifiedName()).isEqualTo("com.acme.shapes.Cache.Entry.Node");
    }

    @Test
    void packageJavadocIsKeptAsSourceWithItsPlainText() {
        assertThat(shapes.packageJavadoc())
                .isEqualTo("Geometric shapes and their {@link com.acme.shapes.Shape#area() areas}. <p>All"
                        + " <b>immutable</b>.");
        assertThat(shapes.packageDocText()).isEqualTo("Geometric shapes and their areas. All immutable.");
    }

    @Test
    void moduleInfoBecomesProjectFacts() {
        ModuleDescriptorFacts module = project.moduleDescriptor().orElseThrow();
        assertThat(module.name()).isEqualTo("com.acme.core");
        assertThat(module.file()).isEqualTo("core/src/main/java/module-info.java");
        assertThat(module.requires()).containsExactly("transitive java.sql", "static com.acme.annotations");
        assertThat(module.exports())
                .containsExactly("com.acme.shapes", "com.acme.internal to com.acme.app, com.acme.cli");
        assertThat(module.opens()).containsExactly("com.acme.shapes");
        assertThat(project.problems()).isEmpty();
    }

    @Test
    void sealedInterfaceWithImplicitlyPublicMembers() {
        TypeModel shape = type(shapes, "Shape");
        assertThat(shape.kind()).isEqualTo(TypeKind.INTERFACE);
        assertThat(shape.signature()).isEqualTo("public sealed interface Shape permits Circle, Square");
        assertThat(shape.modifiers()).containsExactly("sealed");
        assertThat(shape.permittedTypes()).containsExactly("Circle", "Square");
        assertThat(shape.javadocSummary()).isEqualTo("A shape that can be measured, e.g. a circle.");
        assertThat(shape.exported()).isTrue();
        assertThat(shape.file()).isEqualTo("core/src/main/java/com/acme/shapes/Shape.java");
        assertThat(shape.line()).isEqualTo(6);

        assertThat(shape.members())
                .extracting(MemberModel::signature)
                .containsExactly(
                        "int UNKNOWN = -1", "double area()", "default String label()", "private static void helper()");
        MemberModel unknown = member(shape, "UNKNOWN");
        assertThat(unknown.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(unknown.isStatic()).isTrue();
        assertThat(unknown.javadocSummary()).isEqualTo("Sides of an unknown shape.");
        assertThat(shape.fields()).singleElement().satisfies(f -> {
            assertThat(f.modifiers()).containsExactly("static", "final");
            assertThat(f.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(f.type()).isEqualTo("int");
        });
        assertThat(member(shape, "area").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(member(shape, "area").javadocSummary()).isEqualTo("The area, in cm²: see Circle#area().");
        assertThat(member(shape, "label").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(member(shape, "helper").visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(member(shape, "helper").isStatic()).isTrue();

        // member types of interfaces are implicitly public, so exported
        TypeModel registry = type(shapes, "Shape.Registry");
        assertThat(registry.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(registry.exported()).isTrue();
        assertThat(registry.signature()).isEqualTo("class Registry");
        // ...but a member of a class is package-private unless declared otherwise
        TypeModel listener = type(shapes, "Shape.Registry.Listener");
        assertThat(listener.visibility()).isEqualTo(Visibility.PACKAGE);
        assertThat(listener.exported()).isFalse();
        assertThat(member(listener, "added").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(member(listener, "added").signature()).isEqualTo("void added(Shape s)");
    }

    @Test
    void recordComponentsComeFirstInFields() {
        TypeModel circle = type(shapes, "Circle");
        assertThat(circle.kind()).isEqualTo(TypeKind.RECORD);
        assertThat(circle.signature())
                .isEqualTo("public record Circle(double radius) implements Shape, Comparable<Circle>");
        assertThat(circle.implementedTypes()).containsExactly("Shape", "Comparable<Circle>");
        assertThat(circle.recordComponents()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("radius");
            assertThat(c.type()).isEqualTo("double");
            assertThat(c.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(c.isFinal()).isTrue();
            assertThat(c.javadocSummary()).isEqualTo("the radius.");
        });
        assertThat(circle.fields()).extracting(FieldModel::name).containsExactly("radius", "UNIT");
        assertThat(circle.members())
                .extracting(MemberModel::signature)
                .containsExactly(
                        "public static final Circle UNIT",
                        "public Circle",
                        "@Override public double area()",
                        "@Override public int compareTo(Circle o)");
        MemberModel compact = circle.members().get(1);
        assertThat(compact.kind()).isEqualTo(MemberKind.CONSTRUCTOR);
        assertThat(compact.validations()).containsExactly("if (radius < 0) throw IllegalArgumentException");
        assertThat(compact.raisedTypes()).containsExactly("IllegalArgumentException");
    }

    @Test
    void classMembersWithExactSignatures() {
        TypeModel square = type(shapes, "Square");
        assertThat(square.signature()).isEqualTo("public final class Square implements Shape");
        assertThat(square.modifiers()).containsExactly("final");
        assertThat(square.javadocSummary()).isEmpty();
        assertThat(square.members())
                .extracting(MemberModel::signature)
                .containsExactly(
                        "private final double side",
                        "protected transient int a",
                        "protected transient int[] b",
                        "public Square(double side)",
                        "Square()",
                        "public double area()",
                        "public static <T extends Comparable<? super T>> List<T> copy(Collection<? extends T> src,"
                                + " String... tags) throws IOException, java.util.concurrent.TimeoutException");
        assertThat(square.fields())
                .extracting(FieldModel::name, FieldModel::type, FieldModel::visibility, FieldModel::modifiers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("side", "double", Visibility.PRIVATE, List.of("final")),
                        org.assertj.core.groups.Tuple.tuple("a", "int", Visibility.PROTECTED, List.of("transient")),
                        org.assertj.core.groups.Tuple.tuple("b", "int[]", Visibility.PROTECTED, List.of("transient")));
        MemberModel ctor = square.members().get(3);
        assertThat(ctor.kind()).isEqualTo(MemberKind.CONSTRUCTOR);
        assertThat(ctor.name()).isEqualTo("Square");
        assertThat(ctor.javadocSummary()).isEqualTo("Makes a square.");
        assertThat(ctor.line()).isEqualTo(12);
        assertThat(square.members().get(4).visibility()).isEqualTo(Visibility.PACKAGE);
    }

    @Test
    void throwsRaisedAndValidations() {
        MemberModel copy = member(type(shapes, "Square"), "copy");
        assertThat(copy.isStatic()).isTrue();
        assertThat(copy.deprecated()).isTrue();
        assertThat(copy.javadocSummary()).isEqualTo("Copies.");
        assertThat(copy.thrownTypes()).containsExactly("IOException", "java.util.concurrent.TimeoutException");
        // local and anonymous classes count for the method that holds them
        assertThat(copy.raisedTypes())
                .containsExactly(
                        "IOException",
                        "IllegalArgumentException",
                        "IllegalStateException",
                        "UnsupportedOperationException");
        assertThat(copy.validations())
                .containsExactly(
                        "java.util.Objects.requireNonNull(src, \"src\")",
                        "requireNonNull(tags)",
                        "if (src.isEmpty()) throw IllegalStateException",
                        "if (tags.length > 3) throw IllegalArgumentException");
        assertThat(member(type(shapes, "Square"), "area").raisedTypes()).isEmpty();
    }

    @Test
    void enumWithConstructorAndConstantArguments() {
        TypeModel color = type(shapes, "Color");
        assertThat(color.kind()).isEqualTo(TypeKind.ENUM);
        assertThat(color.signature()).isEqualTo("public enum Color");
        assertThat(color.enumConstants()).containsExactly("RED", "GREEN", "BLUE");
        assertThat(color.members())
                .extracting(MemberModel::kind, MemberModel::signature)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MemberKind.ENUM_CONSTANT, "RED(\"r\", 1)"),
                        org.assertj.core.groups.Tuple.tuple(MemberKind.ENUM_CONSTANT, "@Deprecated GREEN(\"g\", 2)"),
                        org.assertj.core.groups.Tuple.tuple(MemberKind.ENUM_CONSTANT, "BLUE(\"b\", 3)"),
                        org.assertj.core.groups.Tuple.tuple(MemberKind.FIELD, "private final String code"),
                        org.assertj.core.groups.Tuple.tuple(MemberKind.FIELD, "private final int order"),
                        org.assertj.core.groups.Tuple.tuple(MemberKind.CONSTRUCTOR, "Color(String code, int order)"),
                        org.assertj.core.groups.Tuple.tuple(MemberKind.METHOD, "String code()"));
        MemberModel green = member(color, "GREEN");
        assertThat(green.deprecated()).isTrue();
        assertThat(green.javadocSummary()).isEqualTo("Old green.");
        assertThat(green.isStatic()).isTrue();
        assertThat(green.visibility()).isEqualTo(Visibility.PUBLIC);
        // enum constructors are private; the constant body's method is not a member of Color
        assertThat(color.members().get(5).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(color.members()).filteredOn(m -> m.name().equals("code")).hasSize(2);
    }

    @Test
    void annotationElementsWithDefaults() {
        TypeModel marker = type(shapes, "Marker");
        assertThat(marker.kind()).isEqualTo(TypeKind.ANNOTATION);
        assertThat(marker.signature()).isEqualTo("public @interface Marker");
        assertThat(marker.annotations()).containsExactly("Retention", "Target", "Stable");
        assertThat(marker.members())
                .extracting(MemberModel::signature)
                .containsExactly("String value() default \"\"", "int[] levels() default { 1, 2 }", "Class<?> type()");
        assertThat(marker.members())
                .allMatch(m -> m.kind() == MemberKind.ANNOTATION_ELEMENT && m.visibility() == Visibility.PUBLIC);
    }

    @Test
    void genericsWithBoundsAndNestedVisibility() {
        TypeModel cache = type(shapes, "Cache");
        assertThat(cache.signature())
                .isEqualTo("public abstract class Cache<K extends Comparable<K>, V> extends java.util.AbstractMap<K, V>"
                        + " implements java.io.Closeable, Function<K, V>");
        assertThat(cache.typeParameters()).containsExactly("K extends Comparable<K>", "V");
        assertThat(cache.extendedTypes()).containsExactly("java.util.AbstractMap<K, V>");
        assertThat(cache.implementedTypes()).containsExactly("java.io.Closeable", "Function<K, V>");
        assertThat(cache.annotations()).containsExactly("Deprecated");
        assertThat(cache.deprecated()).isTrue();
        // the first paragraph ends at the blank line, before any period
        assertThat(cache.javadocSummary()).isEqualTo("A bounded cache keeping at most max entries");
        assertThat(member(cache, "load").signature()).isEqualTo("protected abstract V load(K key)");

        assertThat(type(shapes, "Cache.Entry").signature()).isEqualTo("public static class Entry<K>");
        assertThat(type(shapes, "Cache.Entry").exported()).isTrue();
        assertThat(type(shapes, "Cache.Entry.Node").exported()).isTrue();
        assertThat(type(shapes, "Cache.Entry.Node").modifiers()).containsExactly("static", "final");
        assertThat(type(shapes, "Cache.Entry.Hidden").exported()).isFalse();
        // public inside a package-private type is not reachable from other packages
        assertThat(type(shapes, "Cache.Internal.Visible").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(type(shapes, "Cache.Internal.Visible").exported()).isFalse();
        assertThat(shapes.exportedTypes())
                .extracting(TypeModel::name)
                .containsExactly(
                        "Cache",
                        "Cache.Entry",
                        "Cache.Entry.Node",
                        "Circle",
                        "Color",
                        "Marker",
                        "Shape",
                        "Shape.Registry",
                        "Square");
    }

    @Test
    void importsAndQualifiedReferences() {
        assertThat(shapes.imports())
                .containsExactly(
                        new ImportRef("java.io.IOException", false, false),
                        new ImportRef("java.lang.annotation", false, true),
                        new ImportRef("java.util", false, true),
                        new ImportRef("java.util.Objects.requireNonNull", true, false),
                        new ImportRef("java.util.function.Function", false, false));
        assertThat(shapes.qualifiedReferences())
                .containsExactlyInAnyOrder(
                        "java.util.AbstractMap",
                        "java.io.Closeable",
                        "java.util.concurrent.TimeoutException",
                        "java.util.Objects",
                        "java.lang.IllegalArgumentException",
                        "com.acme.util.Locks",
                        "com.acme.meta.Stable");
    }

    @Test
    void deprecatedElementsAreDebt() {
        assertThat(shapes.debt())
                .filteredOn(d -> d.kind().equals("DEPRECATED"))
                .extracting(DebtItem::file, DebtItem::line, DebtItem::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "core/src/main/java/com/acme/shapes/Cache.java", 12, "Cache"),
                        org.assertj.core.groups.Tuple.tuple(
                                "core/src/main/java/com/acme/shapes/Color.java", 7, "Color#GREEN"),
                        org.assertj.core.groups.Tuple.tuple(
                                "core/src/main/java/com/acme/shapes/Square.java",
                                24,
                                "Square#copy(Collection<? extends T>, String...)"));
    }

    @Test
    void javadocInPartsAndParametersForMatchingOverrides() {
        TypeModel shape = type(shapes, "Shape");
        assertThat(shape.doc().description())
                .isEqualTo("A shape that can be measured, e.g. a circle. It is never null.");
        assertThat(shape.javadocSummary()).isEqualTo("A shape that can be measured, e.g. a circle.");
        assertThat(member(shape, "area").doc().description())
                .isEqualTo("The area, in {@code cm²}: see {@link Circle#area()}.");
        assertThat(type(shapes, "Circle").doc().params()).containsEntry("radius", "the radius. Never negative.");

        MemberModel copy = member(type(shapes, "Square"), "copy");
        assertThat(copy.doc().deprecation()).isEqualTo("use {@link List#copyOf(Collection)}");
        assertThat(copy.parameterNames()).containsExactly("src", "tags");
        // erased as written, by simple name; the method's own type variable matches any type
        assertThat(copy.parameterTypes()).containsExactly("Collection", "String[]");
        MemberModel compareTo = member(type(shapes, "Circle"), "compareTo");
        assertThat(compareTo.parameterTypes()).containsExactly("Circle");
        assertThat(member(type(shapes, "Shape.Registry.Listener"), "added").parameterTypes())
                .containsExactly("Shape");
        assertThat(member(type(shapes, "Circle"), "area").doc().inheritedFrom()).isEqualTo("Shape#area");
    }
}
