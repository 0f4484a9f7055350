package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.analysis.UnitAnalysis;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section 3 of AST-only specs, rendered from the facts the real analyser gives for a small
 * two-project reactor: an API with an extension point, and an implementation with a web layer.
 */
class BehaviourSectionTest {

    @TempDir
    static Path root;

    static ReactorAnalysis analysis;
    static TypeUsage usage;

    @BeforeAll
    static void analyse() throws IOException {
        write("api/src/main/java/com/acme/spi/Codec.java", """
                package com.acme.spi;
                public interface Codec { String name(); }
                """);
        write("api/src/main/java/com/acme/spi/Unused.java", """
                package com.acme.spi;
                public interface Unused { }
                """);
        write("api/src/main/java/com/acme/spi/CodecException.java", """
                package com.acme.spi;
                public class CodecException extends RuntimeException {
                    public static CodecException of(String m) { return new CodecException(); }
                }
                """);
        write("api/src/main/java/com/acme/spi/Codecs.java", """
                package com.acme.spi;
                public final class Codecs {
                    private Codecs() {}
                    public static Codec byName(String n) {
                        if (n == null) throw new CodecException();
                        return null;
                    }
                }
                """);
        write("api/src/main/java/com/acme/values/Money.java", """
                package com.acme.values;
                @Immutable public final class Money { }
                """);
        write("api/src/main/java/com/acme/values/Rate.java", """
                package com.acme.values;
                @Immutable public final class Rate { }
                """);
        write("api/src/main/java/com/acme/values/Ledger.java", """
                package com.acme.values;
                @ThreadSafe public class Ledger {
                    public void post(Money m) { if (m == null) throw new LimitException(); }
                }
                """);
        write("api/src/main/java/com/acme/values/LimitException.java", """
                package com.acme.values;
                public class LimitException extends RuntimeException { }
                """);
        write("api/src/main/java/com/acme/values/LedgerException.java", """
                package com.acme.values;
                public class LedgerException extends RuntimeException { }
                """);
        write("api/src/main/java/com/acme/values/AuditException.java", """
                package com.acme.values;
                public class AuditException extends LedgerException { }
                """);
        write("impl/src/main/java/com/acme/json/JsonCodec.java", """
                package com.acme.json;
                import com.acme.spi.Codec;
                public class JsonCodec implements Codec, AutoCloseable {
                    static final String PRETTY_KEY = "json.pretty";
                    private volatile boolean pretty = Boolean.parseBoolean(System.getProperty(PRETTY_KEY));
                    private final java.util.concurrent.ConcurrentHashMap<String, String> cache = null;
                    public String name() { return "json"; }
                    public synchronized void reset() {}
                    @Override public void close() {}
                }
                """);
        write("impl/src/main/resources/META-INF/services/com.acme.spi.Codec", "com.acme.json.JsonCodec\n");
        write("impl/src/main/java/com/acme/json/XmlCodec.java", """
                package com.acme.json;
                import com.acme.spi.*;
                public class XmlCodec implements Codec { public String name() { return "xml"; } }
                """);
        write("impl/src/main/java/com/acme/json/RawCodec.java", """
                package com.acme.json;
                public class RawCodec implements com.acme.spi.Codec { public String name() { return "raw"; } }
                """);
        write("impl/src/main/java/com/acme/web/UserController.java", """
                package com.acme.web;
                @RestController
                @RequestMapping("/users")
                public class UserController {
                    @GetMapping("/{id}")
                    public String get(String id) { return id; }
                    private String helper() { return ""; }
                    @javax.annotation.PostConstruct
                    void warm() {}
                }
                """);
        write("impl/src/main/java/com/acme/web/ItemResource.java", """
                package com.acme.web;
                @jakarta.ws.rs.Path("/items")
                public class ItemResource {
                    @GET
                    @Path("{id}")
                    public String item(String id) { return id; }
                }
                """);
        write("impl/src/main/java/com/acme/run/Runner.java", """
                package com.acme.run;
                public abstract class Runner {
                    public abstract int start();
                    public abstract Runner startAsync();
                    public abstract void awaitRunning();
                    public abstract void awaitRunning(long timeout, java.util.concurrent.TimeUnit unit);
                    public abstract boolean stop(String reason);
                    public abstract void init(int size);
                    public synchronized int read() { return 0; }
                    public synchronized int read(char[] into) { return 0; }
                    public <X extends java.io.IOException, Y extends X> void check(Class<X> type) throws X, Y {}
                }
                """);
        write("impl/src/main/java/com/acme/web/User.java", """
                package com.acme.web;
                @Entity
                public class User { }
                """);
        StringBuilder many = new StringBuilder("package com.acme.web;\npublic class Settings {\n");
        for (int i = 0; i < 11; i++) {
            many.append("  String k")
                    .append(i)
                    .append("() { return System.getenv(\"K")
                    .append(i)
                    .append("\"); }\n");
        }
        write(
                "impl/src/main/java/com/acme/web/Settings.java",
                many.append("}\n").toString());
        ProjectModel api = project("api", 0, List.of());
        ProjectModel impl = project("impl", 1, List.of("com.acme:api"));
        analysis = new ReactorAnalyzer(1).analyze(new ReactorModel(root, List.of(api, impl)));
        usage = TypeUsage.of(analysis);
    }

    private static void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static ProjectModel project(String artifactId, int index, List<String> deps) {
        Path base = root.resolve(artifactId);
        return new ProjectModel(
                "com.acme",
                artifactId,
                "1.0",
                artifactId,
                "",
                base,
                artifactId,
                index,
                List.of(base.resolve("src/main/java")),
                List.of(),
                deps,
                List.of());
    }

    private static String behaviour(String artifactId, String pkg) {
        return SpecText.section(spec(artifactId, pkg), Section.BEHAVIOR);
    }

    private static String spec(String artifactId, String pkg) {
        for (ProjectAnalysis p : analysis.projects()) {
            for (UnitAnalysis u : p.units()) {
                if (p.project().artifactId().equals(artifactId)
                        && u.id().packageName().equals(pkg)) {
                    UnitNode node = new UnitNode(u.id(), 0, 0, 0, List.of(), List.of(), List.of(), List.of());
                    SpecFacts facts = new SpecFacts(
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
                    return new SpecRenderer().render(facts, Prose.NONE, Fixtures.META);
                }
            }
        }
        throw new AssertionError("no unit " + pkg);
    }

    @Test
    void typesImplementedElsewhereAreExtensionPointsAndEntryPoints() {
        assertThat(usage.implementorsOf(
                        analysis.projects().get(0).units().get(0).id()))
                .containsOnlyKeys("Codec")
                .containsEntry(
                        "Codec",
                        List.of("com.acme.json.JsonCodec", "com.acme.json.RawCodec", "com.acme.json.XmlCodec"));
        String s = behaviour("api", "com.acme.spi");
        assertThat(s)
                .contains("| SPI / extension point | `Codec` |")
                .contains("| utility | `Codecs` |")
                .contains("| exception | `CodecException` |")
                .contains("- Used most by other packages: `Codec` (1 package).")
                .contains("- Extended or implemented outside the package: `Codec` (by `com.acme.json.JsonCodec`,"
                        + " `com.acme.json.RawCodec`, `com.acme.json.XmlCodec`).")
                .contains("- Public static factories: `CodecException.of`, `Codecs.byName`.")
                .doesNotContain("`Unused` (");
        assertThat(s).startsWith(SpecRenderer.AST_ONLY_BEHAVIOUR).containsOnlyOnce("not from a run");
    }

    @Test
    void theErrorModelNamesWhereThePackagesOwnExceptionsAreThrown() {
        assertThat(behaviour("api", "com.acme.spi"))
                .contains("**Errors defined here:**")
                .contains("CodecException.java#L2) (extends `RuntimeException`): thrown by `Codecs#byName`.");
    }

    @Test
    void exceptionsNothingHereThrowsShareOneLineAndThreadSafetyIsListedByAnnotation() {
        String s = behaviour("api", "com.acme.values");
        assertThat(s)
                .contains("LimitException.java#L2) (extends `RuntimeException`): thrown by `Ledger#post`.")
                .contains("- Not thrown or declared in this package: `AuditException`, `LedgerException`.")
                .doesNotContain("LedgerException.java#L")
                .contains("- Declared thread-safety `@Immutable`: `Money`, `Rate`.")
                .contains("- Declared thread-safety `@ThreadSafe`: `Ledger`.");
    }

    @Test
    void providersRegisteredInMetaInfServicesAreEntryPoints() {
        String s = behaviour("impl", "com.acme.json");
        assertThat(s)
                .contains(
                        "- Registered in `META-INF/services`: `JsonCodec` provides `com.acme.spi.Codec` ([`com.acme.spi.Codec`](")
                .contains("META-INF/services/com.acme.spi.Codec#L1)");
    }

    @Test
    void threadingLifecycleAndAConfigurationKeyReadThroughAConstant() {
        String s = behaviour("impl", "com.acme.json");
        assertThat(s)
                .contains("- `synchronized` methods: `JsonCodec#reset`.")
                .contains("- `volatile` fields: `JsonCodec.pretty`.")
                .contains("executors): `JsonCodec.cache` (`ConcurrentHashMap`).")
                .contains("- Lifecycle interfaces: `JsonCodec` (`AutoCloseable`).")
                .contains("`JsonCodec#close`")
                .contains("| `PRETTY_KEY` = `\"json.pretty\"` | `System.getProperty` | [`JsonCodec#pretty`](");
    }

    @Test
    void lifecycleStepsReturnNoNumberAndOverloadsAreNamedOnce() {
        String s = behaviour("impl", "com.acme.run");
        // start() returning an int is a position (guava's CommonMatcher#start); stop and init with a parameter are
        // no steps, a wait with a timeout is
        assertThat(s)
                .contains("- Lifecycle methods: `Runner#startAsync`, `Runner#awaitRunning`.\n")
                .endsWith("- `synchronized` methods: `Runner#read`.");
    }

    @Test
    void aThrownTypeVariableIsListedAsItsBoundAndAMemberOnce() {
        // guava's Throwables#throwIfInstanceOf: <X extends Throwable> ... throws X
        String s = SpecText.section(spec("impl", "com.acme.run"), Section.EDGE_CASES);
        assertThat(s)
                .contains(
                        "- `IOException`: declared by [`Runner#check`](../../impl/src/main/java/com/acme/run/Runner.java#L11).")
                .doesNotContain("`X`")
                .doesNotContain("`Y`");
    }

    @Test
    void frameworkAnnotationsMakeEntryPointsAndLongListsSayWhereTheRestIs() {
        String s = behaviour("impl", "com.acme.web");
        assertThat(s)
                .contains("- Framework entry points:")
                .contains("  - `UserController` `@RestController` `@RequestMapping(\"/users\")`")
                .contains("  - `UserController#get` `@GetMapping(\"/{id}\")`")
                .contains("  - `User` `@Entity`")
                .contains("  - `ItemResource` `@jakarta.ws.rs.Path(\"/items\")`")
                .contains("  - `ItemResource#item` `@GET` `@Path(\"{id}\")`")
                .doesNotContain("UserController#helper")
                .contains("- Lifecycle methods: `UserController#warm` `@javax.annotation.PostConstruct`.");
        // 11 lookups: the table shows 8 and names the file of the other 3.
        List<String> rows =
                new ArrayList<>(s.lines().filter(l -> l.startsWith("| `\"K")).toList());
        assertThat(rows).hasSize(SpecRenderer.BEHAVIOUR_LIMIT);
        assertThat(s).contains("And 3 more, in `Settings.java`.");
    }

    @Test
    void aModelSpecWhoseBehaviourSectionIsMissingGetsTheFactsAndTheirLimitsOnce() {
        SpecFacts facts = Fixtures.bareFacts(Fixtures.id("core", "", "com.acme.empty"), "", "", List.of(), List.of());
        String spec = new SpecRenderer()
                .render(facts, new Prose("m", java.util.Map.of(Section.INTENT, "Does things.")), Fixtures.META);
        String behaviour = SpecText.section(spec, Section.BEHAVIOR);
        assertThat(behaviour)
                .startsWith(SpecRenderer.NOT_WRITTEN_MARKER)
                .doesNotContain(SpecRenderer.AST_ONLY_BEHAVIOUR)
                .endsWith(SpecRenderer.AST_CANNOT_TELL)
                .containsOnlyOnce("not from a run");
    }

    @Test
    void aPackageWithoutBehaviourFactsSaysSoOnce() {
        String s = new SpecRenderer()
                .render(
                        Fixtures.bareFacts(Fixtures.id("core", "", "com.acme.empty"), "", "", List.of(), List.of()),
                        Prose.NONE,
                        Fixtures.META);
        String behaviour = SpecText.section(s, Section.BEHAVIOR);
        assertThat(behaviour)
                .contains("The code gives no further behaviour hints")
                .containsOnlyOnce("not from a run");
    }
}
