package io.github.reversespec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.ReactorAnalyzer;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.testing.OneProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeNamesTest {

    @TempDir
    Path root;

    private CodeNames names;

    @BeforeEach
    void reactor() throws IOException {
        write("com/acme/store/Store.java", """
                package com.acme.store;

                import java.util.Map;
                import org.slf4j.Logger;

                /** Stores things. */
                public class Store extends Thread implements AutoCloseable {
                    public static final int MAX_SIZE = 10;
                    private Map<String, String> data;

                    public void put(String key) {}

                    private void evict() {}

                    @Override
                    public void close() {}

                    /** A stored value. */
                    public record Entry(String key, long size) {}

                    enum Mode { FAST, SAFE }
                }
                """);
        write("com/acme/base/Base.java", """
                package com.acme.base;

                /** A base. */
                public class Base {
                    public void run() {}

                    private void secret() {}
                }
                """);
        write("com/acme/base/Hidden.java", "package com.acme.base;\nclass Hidden { public void x() {} }\n");
        write("com/acme/store/Uses.java", """
                package com.acme.store;

                import com.acme.base.Base;
                import static java.util.Objects.requireNonNull;

                class Uses {
                    Base base;
                }
                """);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(OneProject.reactor(root));
        UnitAnalysis store = unit(analysis, "com.acme.store");
        UnitAnalysis base = unit(analysis, "com.acme.base");
        Set<String> packages = analysis.units().map(u -> u.id().packageName()).collect(Collectors.toSet());
        names = CodeNames.of(store, List.of(base), packages);
    }

    private static UnitAnalysis unit(ReactorAnalysis analysis, String pkg) {
        return analysis.units()
                .filter(u -> u.id().packageName().equals(pkg))
                .findFirst()
                .orElseThrow();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private boolean resolves(String code) {
        CodeNames.Name name = CodeNames.parse(code).orElseThrow(() -> new AssertionError(code + " is not a name"));
        return names.counts(name) && names.resolves(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Store",
                "Store#put",
                "Store#put(String)",
                "Store.put()",
                "put()",
                "evict()", // private ones too
                "Store#MAX_SIZE",
                "MAX_SIZE",
                "Store.Entry",
                "Entry#size()", // a record's accessor
                "Store.Mode#FAST",
                "Mode.values()",
                "Store#start()", // inherited from java.lang.Thread
                "Store#hashCode()",
                "@Override",
                "Store.class",
                "Base#run()", // a dependency's public member
                "com.acme.base.Base",
                "String#isBlank()",
                "java.util.List#of",
                "java.util.Map.Entry",
                "Map#computeIfAbsent", // imported from the JDK
                "Objects#requireNonNull()",
                "requireNonNull()", // statically imported
                "Logger",
                "Logger#info()", // a library's type cannot be looked into
                "List<String>",
                "Entry[]",
            })
    void realNamesResolve(String code) {
        assertThat(resolves(code)).as(code).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Store#delete()",
                "Store#MIN_SIZE",
                "Cache",
                "flush()",
                "Entry#color()",
                "Base#secret()", // private to the dependency
                "Hidden", // package-private in the dependency
                "com.acme.base.Missing",
                "com.acme.store.Store#gone",
                "java.util.List#frobnicate",
                "java.util.Frobnicator",
                "String#shout()",
                "TOTAL_COUNT",
            })
    void inventedNamesDoNot(String code) {
        assertThat(resolves(code)).as(code).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "true",
                "\"spring.aot.enabled\"",
                "42",
                "src/main/java",
                "-Dreverse-spec.refresh=stale",
                "mvn reverse-spec:batch",
                "pom.xml",
                "Store.java",
                "reverse-spec.failOn",
                "java.util",
                "list.add()",
                "map.get(key)",
                "T",
                "if()",
                "a + b",
                "x -> x",
                "@",
                "",
                "Foo()",
                "Map<String",
                "new Store()",
            })
    void textThatIsNoNameIsNotOne(String code) {
        assertThat(CodeNames.parse(code)).as(code).isEmpty();
    }

    @Test
    void aLibraryPackageImportedOnDemandCouldHoldAnyTypeSoNoneIsCalledInvented() throws IOException {
        write("com/acme/lib/UsesLib.java", """
                package com.acme.lib;

                import org.apache.commons.lang3.*;

                class UsesLib {}
                """);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(OneProject.reactor(root));
        CodeNames lib = CodeNames.of(unit(analysis, "com.acme.lib"), List.of(), Set.of("com.acme.lib"));
        assertThat(lib.resolves(CodeNames.parse("StringUtils#isEmpty()").orElseThrow()))
                .isTrue();
        // a JDK package on demand is asked, not guessed
        assertThat(lib.resolves(CodeNames.parse("flush()").orElseThrow())).isFalse();
    }

    @Test
    void twoTypesOfOneSimpleNameAreBothAsked() throws IOException {
        write("com/acme/web/Request.java", """
                package com.acme.web;

                public class Request {
                    public static class Builder { public Builder path(String p) { return this; } }
                }
                """);
        write("com/acme/web/Response.java", """
                package com.acme.web;

                public class Response {
                    public static class Builder { public Builder status(int s) { return this; } }
                }
                """);
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(OneProject.reactor(root));
        CodeNames web = CodeNames.of(unit(analysis, "com.acme.web"), List.of(), Set.of("com.acme.web"));
        assertThat(web.resolves(CodeNames.parse("Builder#status()").orElseThrow()))
                .isTrue();
        assertThat(web.resolves(CodeNames.parse("Builder#path()").orElseThrow()))
                .isTrue();
        assertThat(web.resolves(CodeNames.parse("Builder#header()").orElseThrow()))
                .isFalse();
    }

    @Test
    void theReactorWideLookupFindsAnyUnitsPublicInterface() throws IOException {
        ReactorAnalysis analysis = new ReactorAnalyzer(1).analyze(OneProject.reactor(root));
        CodeNames all = CodeNames.reactorWide(analysis.units().toList());
        assertThat(all.resolves(CodeNames.parse("Base#run()").orElseThrow())).isTrue();
        assertThat(all.resolves(CodeNames.parse("Store#put()").orElseThrow())).isTrue();
        assertThat(all.resolves(CodeNames.parse("Base#secret()").orElseThrow())).isFalse();
        assertThat(all.resolves(CodeNames.parse("Store#delete()").orElseThrow()))
                .isFalse();
    }

    @Test
    void anAcronymAloneCountsOnlyWhenItResolves() {
        assertThat(names.counts(CodeNames.parse("JSON").orElseThrow())).isFalse();
        assertThat(names.counts(CodeNames.parse("HTTP").orElseThrow())).isFalse();
        // but a constant-looking name with an underscore is a name, and one the code lacks is unresolved
        assertThat(names.counts(CodeNames.parse("NOT_THERE").orElseThrow())).isTrue();
    }

    @Test
    void namesAreListedAsTheyAreLookedUp() {
        assertThat(CodeNames.parse("Store#put(String, int)").orElseThrow().display())
                .isEqualTo("Store#put()");
        assertThat(CodeNames.parse("Store.put()").orElseThrow().display()).isEqualTo("Store#put()");
        assertThat(CodeNames.parse("java.util.List#of").orElseThrow().display()).isEqualTo("java.util.List#of");
        assertThat(CodeNames.parse("@Override").orElseThrow().display()).isEqualTo("Override");
        assertThat(CodeNames.parse("flush()").orElseThrow().display()).isEqualTo("flush()");
        // a listed name reads back as the same name
        for (String listed : List.of("Store#put()", "java.util.List#of", "flush()", "MAX_SIZE", "Store.Entry")) {
            assertThat(CodeNames.parse(listed).orElseThrow().display()).isEqualTo(listed);
        }
    }
}
