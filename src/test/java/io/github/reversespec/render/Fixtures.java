package io.github.reversespec.render;

import io.github.reversespec.analysis.DebtItem;
import io.github.reversespec.analysis.DocComment;
import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.MemberModel.MemberKind;
import io.github.reversespec.analysis.ModuleDescriptorFacts;
import io.github.reversespec.analysis.ParseProblem;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TestClassFacts;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.TypeKind;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.SpecFacts;
import io.github.reversespec.spec.SpecMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small factories for the records the renderer consumes. */
final class Fixtures {

    static final SpecMetadata META =
            new SpecMetadata("reverse-spec-maven-plugin/0.1.0-SNAPSHOT", "sha256:aaaa", "sha256:bbbb");

    private Fixtures() {}

    static ProjectModel project(
            String artifactId,
            String moduleDir,
            String description,
            List<String> reactorDeps,
            List<String> externalDeps) {
        return new ProjectModel(
                "com.acme",
                artifactId,
                "1.0",
                artifactId,
                description,
                Path.of("/abs/root")
                        .resolve(moduleDir.isEmpty() ? "." : moduleDir)
                        .normalize(),
                moduleDir,
                0,
                List.of(),
                List.of(),
                reactorDeps,
                externalDeps);
    }

    static UnitId id(String artifactId, String moduleDir, String pkg) {
        return new UnitId("com.acme:" + artifactId, artifactId, moduleDir, pkg);
    }

    static MemberModel method(String name, String signature) {
        return new MemberModel(
                MemberKind.METHOD,
                name,
                signature,
                Visibility.PUBLIC,
                false,
                "",
                false,
                List.of(),
                List.of(),
                List.of(),
                10);
    }

    static MemberModel member(
            MemberKind kind,
            String name,
            String signature,
            Visibility v,
            boolean isStatic,
            String javadoc,
            boolean deprecated,
            List<String> thrown,
            List<String> raised,
            List<String> validations,
            int line) {
        return new MemberModel(
                kind, name, signature, v, isStatic, javadoc, deprecated, thrown, raised, validations, line);
    }

    /** The member with Javadoc in parts. */
    static MemberModel documented(MemberModel m, DocComment doc) {
        return new MemberModel(
                m.kind(),
                m.name(),
                m.signature(),
                m.visibility(),
                m.isStatic(),
                m.javadocSummary(),
                m.deprecated(),
                m.thrownTypes(),
                m.raisedTypes(),
                m.validations(),
                m.line(),
                doc,
                List.of(),
                List.of(),
                m.returnType(),
                m.annotations());
    }

    static FieldModel field(String name, String type, Visibility v, String... modifiers) {
        return new FieldModel(name, type, v, List.of(modifiers), "", 5);
    }

    /** A type builder with plain defaults. */
    static final class T {
        String pkg;
        String name;
        TypeKind kind = TypeKind.CLASS;
        Visibility visibility = Visibility.PUBLIC;
        boolean exported = true;
        List<String> modifiers = new ArrayList<>();
        String signature;
        List<String> extendsTypes = new ArrayList<>();
        List<String> implementsTypes = new ArrayList<>();
        List<String> permits = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        String javadoc = "";
        DocComment parts = DocComment.EMPTY;
        boolean deprecated;
        String file;
        int line = 3;
        List<MemberModel> members = new ArrayList<>();
        List<FieldModel> fields = new ArrayList<>();
        List<String> constants = new ArrayList<>();
        List<FieldModel> components = new ArrayList<>();

        T(String pkg, String name, String file) {
            this.pkg = pkg;
            this.name = name;
            this.file = file;
            this.signature = "public class " + name;
        }

        T kind(TypeKind k) {
            kind = k;
            return this;
        }

        T hidden() {
            visibility = Visibility.PACKAGE;
            exported = false;
            return this;
        }

        T mods(String... m) {
            modifiers.addAll(List.of(m));
            return this;
        }

        T sig(String s) {
            signature = s;
            return this;
        }

        T ext(String... s) {
            extendsTypes.addAll(List.of(s));
            return this;
        }

        T impl(String... s) {
            implementsTypes.addAll(List.of(s));
            return this;
        }

        T permits(String... s) {
            permits.addAll(List.of(s));
            return this;
        }

        T doc(String s) {
            javadoc = s;
            return this;
        }

        T parts(DocComment d) {
            parts = d;
            return this;
        }

        T deprecated() {
            deprecated = true;
            return this;
        }

        T annotated(String... a) {
            annotations.addAll(List.of(a));
            return this;
        }

        T member(MemberModel m) {
            members.add(m);
            return this;
        }

        T field(FieldModel f) {
            fields.add(f);
            return this;
        }

        T constants(String... c) {
            constants.addAll(List.of(c));
            return this;
        }

        T component(FieldModel f) {
            components.add(f);
            fields.add(f);
            return this;
        }

        TypeModel build() {
            String qn = pkg.isEmpty() ? name : pkg + "." + name;
            return new TypeModel(
                    name,
                    qn,
                    kind,
                    visibility,
                    exported,
                    modifiers,
                    signature,
                    List.of(),
                    extendsTypes,
                    implementsTypes,
                    permits,
                    annotations,
                    javadoc,
                    deprecated,
                    file,
                    line,
                    members,
                    fields,
                    constants,
                    components,
                    parts,
                    null);
        }
    }

    static T type(String pkg, String name, String file) {
        return new T(pkg, name, file);
    }

    /** The rich sample: package com.acme.cache of project core in directory core. */
    static SpecFacts cacheFacts() {
        return cacheFacts("core");
    }

    static SpecFacts cacheFacts(String moduleDir) {
        String pkg = "com.acme.cache";
        String base = (moduleDir.isEmpty() ? "" : moduleDir + "/") + "src/main/java/com/acme/cache/";
        UnitId id = id("core", moduleDir, pkg);
        List<TypeModel> types = List.of(
                type(pkg, "Cache", base + "Cache.java")
                        .mods("final")
                        .sig("public final class Cache<K, V> implements Store<K, V>")
                        .impl("Store<K, V>", "java.io.Closeable")
                        .doc("A bounded LRU cache; see {@link Store}.")
                        .member(member(
                                MemberKind.CONSTRUCTOR,
                                "Cache",
                                "public Cache(int capacity)",
                                Visibility.PUBLIC,
                                false,
                                "Creates a cache holding at most {@code capacity} entries.",
                                false,
                                List.of(),
                                List.of("IllegalArgumentException"),
                                List.of("if (capacity < 0) throw IllegalArgumentException"),
                                12))
                        .member(member(
                                MemberKind.METHOD,
                                "get",
                                "public V get(K key) throws IOException",
                                Visibility.PUBLIC,
                                false,
                                "The value for <b>key</b>, or null.",
                                false,
                                List.of("IOException"),
                                List.of(),
                                List.of("Objects.requireNonNull(key)"),
                                20))
                        .member(member(
                                MemberKind.METHOD,
                                "copyOf",
                                "public static <T> Map<String, List<? extends T>> copyOf(Map<String, T> src)",
                                Visibility.PUBLIC,
                                true,
                                "",
                                true,
                                List.of(),
                                List.of(),
                                List.of(),
                                30))
                        .member(member(
                                MemberKind.METHOD,
                                "evict",
                                "protected void evict()",
                                Visibility.PROTECTED,
                                false,
                                "",
                                false,
                                List.of(),
                                List.of(),
                                List.of(),
                                35))
                        .member(member(
                                MemberKind.METHOD,
                                "secret",
                                "private void secret()",
                                Visibility.PRIVATE,
                                false,
                                "",
                                false,
                                List.of(),
                                List.of("IllegalStateException"),
                                List.of(),
                                38))
                        .field(field("capacity", "int", Visibility.PRIVATE, "final"))
                        .field(field("map", "Map<K, V>", Visibility.PRIVATE, "final"))
                        .build(),
                type(pkg, "Cache.Entry", base + "Cache.java")
                        .mods("static")
                        .sig("public static final class Entry")
                        .field(field("key", "Object", Visibility.PUBLIC))
                        .build(),
                type(pkg, "Store", base + "Store.java")
                        .kind(TypeKind.INTERFACE)
                        .sig("public interface Store<K, V>")
                        .doc("Key-value storage.")
                        .member(method("get", "V get(K key) throws IOException"))
                        .build(),
                type(pkg, "Point", base + "Point.java")
                        .kind(TypeKind.RECORD)
                        .sig("public record Point(int x, int y)")
                        .component(field("x", "int", Visibility.PRIVATE, "final"))
                        .component(field("y", "int", Visibility.PRIVATE, "final"))
                        .field(field("ORIGIN", "Point", Visibility.PUBLIC, "static", "final"))
                        .build(),
                type(pkg, "Mode", base + "Mode.java")
                        .kind(TypeKind.ENUM)
                        .sig("public enum Mode")
                        .constants("READ", "WRITE")
                        .member(member(
                                MemberKind.ENUM_CONSTANT,
                                "READ",
                                "READ",
                                Visibility.PUBLIC,
                                true,
                                "",
                                false,
                                List.of(),
                                List.of(),
                                List.of(),
                                4))
                        .build(),
                type(pkg, "Flags", base + "Flags.java")
                        .kind(TypeKind.ANNOTATION)
                        .sig("public @interface Flags")
                        .member(member(
                                MemberKind.ANNOTATION_ELEMENT,
                                "value",
                                "int value() default READ | WRITE",
                                Visibility.PUBLIC,
                                false,
                                "",
                                false,
                                List.of(),
                                List.of(),
                                List.of(),
                                6))
                        .build(),
                type(pkg, "Shape", base + "Shape.java")
                        .kind(TypeKind.INTERFACE)
                        .mods("sealed")
                        .sig("public sealed interface Shape permits Circle")
                        .permits("Circle")
                        .build(),
                type(pkg, "Circle", base + "Circle.java")
                        .kind(TypeKind.RECORD)
                        .sig("public record Circle(double r) implements Shape")
                        .impl("Shape")
                        .component(field("r", "double", Visibility.PRIVATE, "final"))
                        .build(),
                type(pkg, "Cli", base + "Cli.java")
                        .mods("final")
                        .sig("public final class Cli")
                        .deprecated()
                        .member(member(
                                MemberKind.METHOD,
                                "main",
                                "public static void main(String[] args)",
                                Visibility.PUBLIC,
                                true,
                                "",
                                false,
                                List.of(),
                                List.of(),
                                List.of(),
                                7))
                        .build(),
                type(pkg, "Helper", base + "Helper.java")
                        .hidden()
                        .sig("class Helper")
                        .build());
        List<SourceFile> files = List.of(
                new SourceFile(
                        base + "Broken.java",
                        9,
                        Optional.of(new ParseProblem(base + "Broken.java", 3, 5, "'}' expected"))),
                new SourceFile(base + "Cache.java", 120, Optional.empty()),
                new SourceFile(base + "Circle.java", 5, Optional.empty()),
                new SourceFile(base + "Cli.java", 15, Optional.empty()),
                new SourceFile(base + "Flags.java", 8, Optional.empty()),
                new SourceFile(base + "Helper.java", 4, Optional.empty()),
                new SourceFile(base + "Mode.java", 6, Optional.empty()),
                new SourceFile(base + "Point.java", 9, Optional.empty()),
                new SourceFile(base + "Shape.java", 3, Optional.empty()),
                new SourceFile(base + "Store.java", 10, Optional.empty()));
        UnitAnalysis unit = new UnitAnalysis(
                id,
                files,
                "",
                types,
                List.of(),
                Set.of(),
                List.of(
                        new DebtItem("TODO", base + "Cache.java", 40, "handle <null> keys | values"),
                        new DebtItem("DEPRECATED", base + "Cli.java", 7, "Cli")),
                "sha256:0123abcd");
        UnitId util = id("core", moduleDir, "com.acme.util");
        UnitId app = id("app", "apps/app", "com.acme.app");
        UnitNode node = new UnitNode(
                id,
                3,
                1,
                3,
                List.of(util),
                List.of(app),
                List.of(),
                List.of("com.fasterxml.jackson.databind", "java.io", "java.util", "javax.inject"));
        ProjectModel project = project(
                "core",
                moduleDir,
                "Core library.",
                List.of(),
                List.of(
                        "com.fasterxml.jackson.core:jackson-databind:2.21.3",
                        "org.junit.jupiter:junit-jupiter:5.14.4:test"));
        List<TypeCoverage> coverage = List.of(
                new TypeCoverage("Cache", List.of("com.acme.cache.CacheTest")),
                new TypeCoverage("Circle", List.of()),
                new TypeCoverage("Store", List.of("com.acme.cache.CacheTest", "com.acme.cache.StoreTest")));
        String testBase = (moduleDir.isEmpty() ? "" : moduleDir + "/") + "src/test/java/com/acme/cache/";
        List<TestClassFacts> tests = List.of(
                new TestClassFacts(
                        "com.acme:core",
                        testBase + "CacheTest.java",
                        pkg,
                        "CacheTest",
                        4,
                        List.of(),
                        Set.of("Cache"),
                        Set.of()),
                new TestClassFacts(
                        "com.acme:core",
                        testBase + "StoreTest.java",
                        pkg,
                        "StoreTest",
                        1,
                        List.of(),
                        Set.of("Store"),
                        Set.of()));
        return new SpecFacts(
                unit,
                node,
                project,
                Optional.of(new ModuleDescriptorFacts(
                        "com.acme.core",
                        (moduleDir.isEmpty() ? "" : moduleDir + "/") + "src/main/java/module-info.java",
                        List.of("com.acme.cache to com.acme.app, com.acme.web"),
                        List.of(),
                        List.of())),
                coverage,
                tests,
                List.of(new DependencySummary(util, "String and collection helpers.", "ast-only")),
                List.of(new DependencySummary(app, "", "")));
    }

    /** A bare unit: given files and types, no edges. */
    static SpecFacts bareFacts(
            UnitId id, String packageJavadoc, String description, List<SourceFile> files, List<TypeModel> types) {
        UnitAnalysis unit =
                new UnitAnalysis(id, files, packageJavadoc, types, List.of(), Set.of(), List.of(), "sha256:ffff");
        UnitNode node = new UnitNode(id, 0, 0, 0, List.of(), List.of(), List.of(), List.of());
        ProjectModel project = project(id.artifactId(), id.moduleDir(), description, List.of(), List.of());
        return new SpecFacts(unit, node, project, Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    static SourceFile file(String path) {
        return new SourceFile(path, 10, Optional.empty());
    }
}
