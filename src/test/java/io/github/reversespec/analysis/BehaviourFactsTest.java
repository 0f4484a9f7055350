package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.member;
import static io.github.reversespec.analysis.SourceTree.type;
import static io.github.reversespec.analysis.SourceTree.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour facts the single visitor pass records: configuration lookups, concurrency
 * constructs, members' annotations and return types, and {@code META-INF/services} registrations.
 */
class BehaviourFactsTest {

    @TempDir
    static Path dir;

    static ReactorAnalysis analysis;
    static UnitAnalysis server;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("api", "api").project("impl", "impl", "com.acme:api");
        tree.write("api/src/main/java/com/acme/spi/Codec.java", """
                package com.acme.spi;
                public interface Codec { String name(); }
                """);
        String src = "impl/src/main/java/com/acme/server/";
        tree.write(src + "Server.java", """
                package com.acme.server;

                import java.util.Properties;
                import java.util.concurrent.Executors;
                import static java.lang.System.getenv;

                @org.springframework.stereotype.Service
                public class Server implements AutoCloseable {
                    static final String PORT_KEY = "server.port";
                    @org.springframework.beans.factory.annotation.Value("${server.name:main}")
                    private String name;
                    @Value("not a placeholder")
                    private String plain;
                    private final Object lock = new Object();
                    private final Properties props = new Properties();

                    public int port() {
                        return Integer.parseInt(System.getProperty(PORT_KEY, "8080"));
                    }

                    String home() { return getenv("HOME") + System.getenv(Keys.USER); }

                    String fromProps(String key) {
                        return props.getProperty("server.mode") + props.getProperty(key);
                    }

                    @javax.annotation.PostConstruct
                    public void start() {
                        Executors.newFixedThreadPool(2);
                        new Thread(() -> {}).start();
                        synchronized (lock) {
                            Runnable r = new Runnable() {
                                public void run() { Boolean.getBoolean("server.debug"); }
                            };
                        }
                    }

                    @Override
                    public void close() {}

                    public Server copy() { return this; }

                    static final class Keys { static final String USER = "USER"; }
                }
                """);
        tree.write(src + "Pools.java", """
                package com.acme.server;
                import static java.util.concurrent.CompletableFuture.*;
                import static java.util.concurrent.Executors.*;
                import static java.util.concurrent.Executors.newCachedThreadPool;
                import java.util.concurrent.ThreadFactory;
                class Pools {
                    private static final Object SHARED = newCachedThreadPool(Thread::new);
                    void run(ThreadFactory factory) {
                        supplyAsync(() -> 1);
                        factory.newThread(() -> {});
                        newWorkStealingPool();
                        newWorker();
                    }
                    Object newWorker() { return null; }
                }
                """);
        tree.write(src + "JsonCodec.java", """
                package com.acme.server;
                public class JsonCodec implements com.acme.spi.Codec {
                    public String name() { return "json"; }
                    public static class Inner implements com.acme.spi.Codec { public String name() { return "i"; } }
                }
                """);
        tree.write("impl/src/main/resources/META-INF/services/com.acme.spi.Codec", """
                # the codecs
                com.acme.server.JsonCodec
                com.acme.server.JsonCodec$Inner  # nested

                com.acme.elsewhere.Missing
                """);
        tree.write("impl/src/test/java/com/acme/server/ServerTest.java", """
                package com.acme.server;
                class ServerTest { void t() { System.getProperty("test.only"); new Thread(); } }
                """);
        analysis = tree.analyze();
        server = unit(analysis, "impl", "com.acme.server");
    }

    @Test
    void configurationLookupsKeepTheKeyAsWrittenAndSkipKeysNobodyCanLookUp() {
        TypeModel t = type(server, "Server");
        assertThat(t.behaviour().configReads())
                .extracting(c -> c.member() + "|" + c.what() + "|" + c.detail())
                .containsExactly(
                        "name|@Value|\"${server.name:main}\"",
                        "port|System.getProperty|PORT_KEY",
                        "home|System.getenv|\"HOME\"",
                        "home|System.getenv|Keys.USER",
                        "fromProps|props.getProperty|\"server.mode\"",
                        "start|Boolean.getBoolean|\"server.debug\"");
        CodeSite port = t.behaviour().configReads().get(1);
        assertThat(port.line()).isEqualTo(18);
    }

    @Test
    void concurrencyConstructsAreRecordedForTheEnclosingModelTypeAndMember() {
        assertThat(type(server, "Server").behaviour().concurrency())
                .extracting(c -> c.member() + "|" + c.what() + "|" + c.detail())
                .containsExactly("start|Executors.newFixedThreadPool|", "start|new Thread|", "start|synchronized|lock");
        // Test files contribute no types, so their lookups and threads are nobody's.
        assertThat(analysis.units().flatMap(u -> u.types().stream()))
                .noneMatch(t -> t.name().equals("ServerTest"));
    }

    @Test
    void executorFactoriesCountThroughAStaticImportAndAThreadFactoryToo() {
        // guava's JdkFutureAdapters: newCachedThreadPool(threadFactory) through import static
        assertThat(type(server, "Pools").behaviour().concurrency())
                .extracting(c -> c.member() + "|" + c.what())
                .containsExactly(
                        "SHARED|Executors.newCachedThreadPool",
                        "run|CompletableFuture.supplyAsync",
                        "run|ThreadFactory.newThread",
                        "run|Executors.newWorkStealingPool");
    }

    @Test
    void membersKeepTheirAnnotationsAsWrittenAndMethodsTheirReturnType() {
        TypeModel t = type(server, "Server");
        assertThat(t.behaviour().annotations()).containsExactly("@org.springframework.stereotype.Service");
        MemberModel start = member(t, "start");
        assertThat(start.annotations()).containsExactly("@javax.annotation.PostConstruct");
        assertThat(start.hasAnnotation("PostConstruct")).isTrue();
        assertThat(start.returnType()).isEqualTo("void");
        assertThat(member(t, "copy").returnType()).isEqualTo("Server");
        assertThat(member(t, "name").annotations())
                .containsExactly("@org.springframework.beans.factory.annotation.Value(\"${server.name:main}\")");
        assertThat(member(t, "lock").returnType()).isEmpty();
    }

    @Test
    void aRegistrationIsPartOfTheSourceHashOfTheUnitsItNames() {
        SourceTree tree = new SourceTree(dir.resolve("hash")).project("core", "core");
        tree.write("core/src/main/java/com/acme/a/Impl.java", "package com.acme.a;\npublic class Impl {}\n");
        tree.write("core/src/main/java/com/acme/b/Other.java", "package com.acme.b;\npublic class Other {}\n");
        String before = unit(tree.analyze(), "core", "com.acme.a").sourceHash();
        String other = unit(tree.analyze(), "core", "com.acme.b").sourceHash();
        tree.write("core/src/main/resources/META-INF/services/com.acme.Spi", "com.acme.a.Impl\n");
        ReactorAnalysis after = tree.analyze();
        assertThat(unit(after, "core", "com.acme.a").sourceHash()).isNotEqualTo(before);
        assertThat(unit(after, "core", "com.acme.b").sourceHash()).isEqualTo(other);
    }

    @Test
    void servicesFilesNameProvidersOfTheirProjectAndServicesOfAnyProject() {
        assertThat(server.services())
                .containsExactly(
                        new ServiceEntry(
                                "com.acme.spi.Codec",
                                "com.acme.server.JsonCodec",
                                "impl/src/main/resources/META-INF/services/com.acme.spi.Codec",
                                2),
                        new ServiceEntry(
                                "com.acme.spi.Codec",
                                "com.acme.server.JsonCodec.Inner",
                                "impl/src/main/resources/META-INF/services/com.acme.spi.Codec",
                                3));
        // The service's own unit, in another project, learns of every provider line.
        assertThat(unit(analysis, "api", "com.acme.spi").services())
                .extracting(ServiceEntry::provider)
                .containsExactly(
                        "com.acme.elsewhere.Missing", "com.acme.server.JsonCodec", "com.acme.server.JsonCodec.Inner");
    }
}
