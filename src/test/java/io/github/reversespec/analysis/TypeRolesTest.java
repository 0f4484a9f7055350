package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each role's rule, with a type that fits it and one that just misses it. */
class TypeRolesTest {

    @TempDir
    static Path dir;

    static UnitAnalysis unit;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("core", "core");
        String src = "core/src/main/java/com/acme/roles/";
        write(
                tree,
                src,
                "Strings",
                "public final class Strings { private Strings() {} public static String trim(String s) { return s; } }");
        write(
                tree,
                src,
                "NotUtil",
                "public final class NotUtil { public NotUtil(int seed) {} public static int one() { return 1; } }");
        write(tree, src, "LangUtils", """
                public class LangUtils {
                    public static boolean isEmpty(String s) { return s == null; }
                    /** @deprecated instances should NOT be constructed. */
                    @Deprecated
                    public LangUtils() {}
                }""");
        write(tree, src, "Checks", "public class Checks { public static void check(boolean b) {} public Checks() {} }");
        write(tree, src, "Constants", "public final class Constants { public static final int ONE = 1; }");
        write(tree, src, "Futures", """
                public final class Futures extends FuturesBridge {
                    private Futures() {}
                    public static void get() {}
                }""");
        write(tree, src, "FuturesBridge", "abstract class FuturesBridge {}");
        write(
                tree,
                src,
                "OpenFutures",
                "public class OpenFutures extends FuturesBridge { public static void get() {} }");
        write(tree, src, "Strategies", """
                public abstract class Strategies implements java.io.Serializable {
                    public static final Object SNAKE = null;
                }""");
        write(tree, src, "Comparing", """
                public abstract class Comparing implements java.util.Comparator<String> {
                    public static final Object NATURAL = null;
                }""");
        write(tree, src, "Matchers", """
                public abstract class Matchers {
                    public abstract boolean matches(char c);
                    static final class Digit extends Matchers {
                        static final Digit INSTANCE = new Digit();
                        private Digit() {}
                        public boolean matches(char c) { return false; }
                    }
                    abstract static class Ascii extends Matchers {
                        public static boolean isAscii(char c) { return c < 128; }
                    }
                    static final class Lone {
                        static final Lone INSTANCE = Lone.create();
                        private Lone() {}
                        static Lone create() { return new Lone(); }
                    }
                }""");
        write(tree, src, "Request", """
                public final class Request {
                    public static Builder builder() { return new Builder(); }
                    public static final class Builder {
                        public Builder url(String u) { return this; }
                        public Request build() { return new Request(); }
                    }
                }""");
        write(
                tree,
                src,
                "HalfBuilder",
                "public class HalfBuilder { public void url(String u) {} public Request build() { return null; } }");
        write(
                tree,
                src,
                "Names",
                "public final class Names { public static String of(int i) { return \"\"; } private Names() {} }");
        write(tree, src, "Point", "public record Point(int x, int y) {}");
        write(tree, src, "Money", """
                public final class Money {
                    private final long cents;
                    public Money(long c) { cents = c; }
                    @Override public boolean equals(Object o) { return o == this; }
                    @Override public int hashCode() { return 1; }
                }""");
        write(tree, src, "Counter", """
                public final class Counter {
                    private long n;
                    @Override public boolean equals(Object o) { return o == this; }
                    @Override public int hashCode() { return 1; }
                }""");
        write(tree, src, "RoleException", "public class RoleException extends RuntimeException {}");
        write(tree, src, "DeepFailure", "public class DeepFailure extends RoleException {}");
        write(tree, src, "NotAnError", "public class NotAnError extends Object {}");
        write(tree, src, "Cached", "public @interface Cached {}");
        write(tree, src, "Plugin", "public interface Plugin { void run(); }");
        write(tree, src, "Unplugged", "public interface Unplugged { void run(); }");
        write(tree, src, "ChangeListener", "public interface ChangeListener { void changed(); }");
        write(tree, src, "Watcher", "public interface Watcher extends java.util.EventListener {}");
        write(tree, src, "RequestHandlerImpl", "public class RequestHandlerImpl { }");
        write(tree, src, "Service", """
                public interface Service {
                    abstract class Listener { public void running() {} }
                }""");
        write(tree, src, "PrintListener", "public class PrintListener { public void running() {} }");
        write(tree, src, "AbstractHandler", "public abstract class AbstractHandler { public void handle() {} }");
        write(
                tree,
                src,
                "ChangeEvent",
                "public class ChangeEvent extends java.util.EventObject { public ChangeEvent(Object s) { super(s); } }");
        write(tree, src, "ServerConfig", "public class ServerConfig { public int getPort() { return 1; } }");
        write(tree, src, "AppSettings", "@ConfigurationProperties(prefix = \"app\") public class AppSettings {}");
        write(tree, src, "ConfigWriter", "public class ConfigWriter { public void write(String s) {} }");
        write(tree, src, "Engine", """
                public class Engine {
                    private final Strings strings = null;
                    private final Plugin plugin = null;
                    private final Point origin = null;
                    public void run() {}
                }""");
        write(tree, src, "Loner", """
                public class Loner {
                    private final Plugin plugin = null;
                    private final Point origin = null;
                }""");
        unit = unit(tree.analyze(), "core", "com.acme.roles");
    }

    private static void write(SourceTree tree, String src, String name, String body) {
        tree.write(src + name + ".java", "package com.acme.roles;\n" + body + "\n");
    }

    private static Map<String, List<TypeRole>> roles() {
        return TypeRoles.of(unit, Set.of("Engine"), Set.of("Plugin"));
    }

    private static TypeModel type(String name) {
        return unit.types().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<TypeRole> rolesOf(String type) {
        return roles().getOrDefault(type, List.of());
    }

    @Test
    void utilityNeedsOnlyStaticMembersAndNoWayToInstantiate() {
        assertThat(rolesOf("Strings")).contains(TypeRole.UTILITY);
        assertThat(rolesOf("NotUtil")).doesNotContain(TypeRole.UTILITY);
    }

    @Test
    void aNoArgPlaceholderConstructorOrNoneLeavesAClassOfStaticMembersAUtility() {
        // commons-lang3's StringUtils: "instances should NOT be constructed", deprecated or not
        assertThat(rolesOf("LangUtils")).containsExactly(TypeRole.UTILITY);
        assertThat(rolesOf("Checks")).containsExactly(TypeRole.UTILITY);
        assertThat(rolesOf("Constants")).containsExactly(TypeRole.UTILITY);
        // a constructor with parameters makes instances that hold something
        assertThat(rolesOf("NotUtil")).doesNotContain(TypeRole.UTILITY);
    }

    @Test
    void aClassThatNoOneElseCanConstructMayExtendABridgeAndStayAUtility() {
        // guava's Futures extends GwtFuturesCatchingSpecialization, with a private constructor
        assertThat(rolesOf("Futures")).contains(TypeRole.UTILITY);
        // the same class constructible by anyone is an instance of its base
        assertThat(rolesOf("OpenFutures")).doesNotContain(TypeRole.UTILITY);
        // jackson's PropertyNamingStrategies: Serializable says nothing of what it is; a Comparator does
        assertThat(rolesOf("Strategies")).contains(TypeRole.UTILITY);
        assertThat(rolesOf("Comparing")).doesNotContain(TypeRole.UTILITY);
    }

    @Test
    void aSubclassOrAClassItsFileInstantiatesIsNoUtility() {
        // guava's CharMatcher.Digit: a singleton of its base class
        assertThat(rolesOf("Matchers.Digit")).doesNotContain(TypeRole.UTILITY);
        // only static members, but a Matchers that a subclass may construct
        assertThat(rolesOf("Matchers.Ascii")).doesNotContain(TypeRole.UTILITY);
        // no supertype, but a static factory of its own makes one
        assertThat(rolesOf("Matchers.Lone")).doesNotContain(TypeRole.UTILITY);
        assertThat(type("Matchers.Lone").behaviour().instantiated()).isTrue();
        assertThat(type("Matchers").behaviour().instantiated()).isFalse();
    }

    @Test
    void builderNeedsBuildAndAFluentMethod() {
        assertThat(rolesOf("Request.Builder")).containsExactly(TypeRole.BUILDER);
        assertThat(rolesOf("HalfBuilder")).doesNotContain(TypeRole.BUILDER);
    }

    @Test
    void factoryNeedsAPublicStaticMethodReturningATypeOfThePackage() {
        assertThat(rolesOf("Request")).contains(TypeRole.FACTORY);
        // Names.of returns a String: a helper, not a factory.
        assertThat(rolesOf("Names")).containsExactly(TypeRole.UTILITY);
    }

    @Test
    void valueIsARecordOrAFinalClassOfFinalFieldsWithEqualsAndHashCode() {
        assertThat(rolesOf("Point")).contains(TypeRole.VALUE);
        assertThat(rolesOf("Money")).contains(TypeRole.VALUE);
        assertThat(rolesOf("Counter")).doesNotContain(TypeRole.VALUE);
    }

    @Test
    void exceptionsAreFoundThroughOtherExceptionsOfThePackage() {
        assertThat(rolesOf("RoleException")).containsExactly(TypeRole.EXCEPTION);
        assertThat(rolesOf("DeepFailure")).containsExactly(TypeRole.EXCEPTION);
        assertThat(rolesOf("NotAnError")).isEmpty();
    }

    @Test
    void annotationsExtensionPointsListenersAndEvents() {
        assertThat(rolesOf("Cached")).containsExactly(TypeRole.ANNOTATION);
        assertThat(rolesOf("Plugin")).containsExactly(TypeRole.EXTENSION_POINT);
        assertThat(rolesOf("Unplugged")).isEmpty();
        assertThat(rolesOf("ChangeListener")).containsExactly(TypeRole.LISTENER);
        assertThat(rolesOf("Watcher")).containsExactly(TypeRole.LISTENER);
        assertThat(rolesOf("RequestHandlerImpl")).isEmpty();
        // an abstract class named Listener, as guava's Service.Listener, is one too; a concrete one is not
        assertThat(rolesOf("Service.Listener")).containsExactly(TypeRole.LISTENER);
        assertThat(rolesOf("PrintListener")).isEmpty();
        assertThat(rolesOf("AbstractHandler")).isEmpty();
        assertThat(rolesOf("ChangeEvent")).containsExactly(TypeRole.EVENT);
    }

    @Test
    void configurationHoldersHaveAConfigNameAndGettersOrAConfigAnnotation() {
        assertThat(rolesOf("ServerConfig")).containsExactly(TypeRole.CONFIGURATION);
        assertThat(rolesOf("AppSettings")).containsExactly(TypeRole.CONFIGURATION);
        assertThat(rolesOf("ConfigWriter")).isEmpty();
    }

    @Test
    void aFacadeIsUsedOutsideAndHoldsTwoOtherTypesOfThePackage() {
        assertThat(rolesOf("Engine")).containsExactly(TypeRole.FACADE);
        // Loner holds two types but no other package uses it.
        assertThat(rolesOf("Loner")).isEmpty();
    }
}
