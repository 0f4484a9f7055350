package io.github.reversespec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchResult;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.CheckRequest;
import io.github.reversespec.batch.CheckResult;
import io.github.reversespec.batch.CheckRunner;
import io.github.reversespec.batch.CheckedUnit;
import io.github.reversespec.batch.DriftFinding;
import io.github.reversespec.batch.DriftKind;
import io.github.reversespec.batch.RecordingLog;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitResult;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.batch.UnitStatus;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.render.ProseNames;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.testing.FakeModelServer;
import io.github.reversespec.testing.OneProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model prose checked against the code, end to end: a fake that answers faithfully has nothing
 * flagged; one that invents names has every invention flagged, and only those; a check later
 * catches a name that existed when the spec was written and is gone.
 */
class VerifiedProseTest {

    @TempDir
    Path root;

    private final RecordingLog log = new RecordingLog();

    /** The store's prose (the first request, bottom-up) and the app's (the second). */
    private static String storeProse(String extra) {
        return FakeModelServer.NINE_SECTIONS.replace(
                "What happens, step by step.",
                "`Store#put(String)` keeps a value under `MAX_KEYS` keys; `evict()` drops the oldest, and "
                        + "`String#isBlank()` rejects empty keys. Run `mvn verify` or set `-Dstore.size=3`; "
                        + "`null` is refused." + extra);
    }

    private static String appProse(String extra) {
        return FakeModelServer.NINE_SECTIONS.replace(
                "How callers use it.",
                "`App#store()` hands out the `Store`, whose `put()` the app calls; see `java.util.List#of`." + extra);
    }

    @BeforeEach
    void sources() throws IOException {
        write("src/main/java/com/acme/store/Store.java", """
                package com.acme.store;

                /** Stores things. */
                public class Store {
                    public static final int MAX_KEYS = 100;

                    public void put(String key) {}

                    private void evict() {}
                }
                """);
        write("src/main/java/com/acme/app/App.java", """
                package com.acme.app;

                import com.acme.store.Store;

                /** The app. */
                public class App {
                    public Store store() {
                        return new Store();
                    }
                }
                """);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BatchResult batch(FakeModelServer server) throws Exception {
        BatchRequest request = new BatchRequest(
                OneProject.reactor(root),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.ALL,
                UnitSelector.all(),
                false,
                1,
                1,
                "reverse-spec-maven-plugin/test");
        ModelSettings settings = ModelBatchTest.settings("openai", server.baseUrl("/v1"), 1);
        try (GenerationStep step = GenerationSteps.create(settings, log)) {
            return new BatchRunner(step, log).run(request);
        }
    }

    private CheckResult check(java.util.Set<DriftKind> failOn) throws Exception {
        return new CheckRunner(log)
                .run(new CheckRequest(
                        OneProject.reactor(root),
                        UnitSelector.all(),
                        failOn,
                        1,
                        "reverse-spec-maven-plugin/test",
                        KnownSecrets.none()));
    }

    private SpecFileInfo spec(String pkg) throws IOException {
        return SpecFileReader.parse(Files.readString(root.resolve("specs/" + pkg + ".spec.md")))
                .orElseThrow();
    }

    private static UnitResult result(BatchResult r, String pkg) {
        return r.units().stream()
                .filter(u -> u.id().packageName().equals(pkg))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void faithfulProseHasEveryNameFoundAndNothingMarked() throws Exception {
        try (FakeModelServer server =
                new FakeModelServer(n -> FakeModelServer.answer(n == 1 ? storeProse("") : appProse("")))) {
            BatchResult result = batch(server);
            assertThat(result.units()).allMatch(u -> u.status() == UnitStatus.WRITTEN_LLM);

            SpecFileInfo store = spec("com.acme.store");
            assertThat(store.list(SpecFormat.PROSE_NAMES))
                    .containsExactly("Store#put()", "MAX_KEYS", "evict()", "String#isBlank()");
            assertThat(store.list(SpecFormat.UNRESOLVED_NAMES)).isEmpty();
            SpecFileInfo app = spec("com.acme.app");
            assertThat(app.list(SpecFormat.PROSE_NAMES))
                    .containsExactly("App#store()", "Store", "put()", "java.util.List#of");
            assertThat(app.list(SpecFormat.UNRESOLVED_NAMES)).isEmpty();
            assertThat(Files.readString(root.resolve("specs/com.acme.app.spec.md")))
                    .doesNotContain(ProseNames.MARK);
            assertThat(result(result, "com.acme.store").proseNamesResolved()).isEqualTo(4);

            String summary = Files.readString(root.resolve("specs/_batch-summary.md"));
            assertThat(summary).contains("names 8 code element(s); 8 exist in the code (existence ratio 100.0%)");
            JsonNode json = new ObjectMapper()
                    .readTree(root.resolve("specs/_batch-summary.json").toFile());
            assertThat(json.at("/totals/proseNames").asInt()).isEqualTo(8);
            assertThat(json.at("/totals/proseNamesResolved").asInt()).isEqualTo(8);
        }
    }

    @Test
    void everyInventedNameIsFlaggedWhereItStandsAndNoRealOneIs() throws Exception {
        String storeInvented = " Then `Store#delete()` and `Cache#flush()` tidy up, and `purge()` runs hourly;"
                + " `java.util.List#frobnicate` helps.";
        String appInvented = " It also calls `Store#rollback()` and keeps `App.Config`.";
        try (FakeModelServer server = new FakeModelServer(
                n -> FakeModelServer.answer(n == 1 ? storeProse(storeInvented) : appProse(appInvented)))) {
            BatchResult result = batch(server);

            SpecFileInfo store = spec("com.acme.store");
            assertThat(store.list(SpecFormat.UNRESOLVED_NAMES))
                    .containsExactly("Store#delete()", "Cache#flush()", "purge()", "java.util.List#frobnicate");
            assertThat(store.list(SpecFormat.PROSE_NAMES)).hasSize(8);
            assertThat(spec("com.acme.app").list(SpecFormat.UNRESOLVED_NAMES))
                    .containsExactly("Store#rollback()", "App.Config");

            String text = Files.readString(root.resolve("specs/com.acme.store.spec.md"));
            assertThat(text)
                    .contains("`Store#delete()`" + ProseNames.MARK)
                    .contains("`purge()`" + ProseNames.MARK)
                    .contains("`Store#put(String)` keeps") // real names are left as written
                    .contains("`evict()` drops");
            assertThat(result(result, "com.acme.store").unresolvedNames()).hasSize(4);
            assertThat(log.lines)
                    .anyMatch(l -> l.contains("com.acme.store")
                            && l.contains("4 of 8 code name(s) in the prose found in the code")
                            && l.contains(
                                    "not found: Store#delete(), Cache#flush(), purge(), java.util.List#frobnicate"));
            String summary = Files.readString(root.resolve("specs/_batch-summary.md"));
            assertThat(summary)
                    .contains("names 14 code element(s); 8 exist in the code (existence ratio 57.1%)")
                    .contains("| `acme:com.acme.app` | 6 | 4 | `Store#rollback()`, `App.Config` |");
        }
    }

    @Test
    void aCheckReportsProseNamingCodeThatHasSinceGone() throws Exception {
        String invented = " `Store#delete()` is invented.";
        try (FakeModelServer server =
                new FakeModelServer(n -> FakeModelServer.answer(n == 1 ? storeProse(invented) : appProse("")))) {
            batch(server);
        }
        // put() goes: the app's prose named it, and so did the store's; the invention was flagged
        // when written and is not reported again
        write("src/main/java/com/acme/store/Store.java", """
                package com.acme.store;

                /** Stores things. */
                public class Store {
                    public static final int MAX_KEYS = 100;

                    private void evict() {}
                }
                """);
        CheckResult check = check(EnumSet.of(DriftKind.PROSE));
        DriftFinding app = prose(check, "acme:com.acme.app");
        assertThat(app.names()).containsExactly("put()");
        assertThat(app.error()).isTrue();
        assertThat(app.detail()).contains("no longer exists: put()");
        assertThat(prose(check, "acme:com.acme.store").names()).containsExactly("Store#put()");
    }

    @Test
    void aCheckOnAnOlderJdkThanTheWritersReportsNoProseDrift() throws Exception {
        try (FakeModelServer server =
                new FakeModelServer(n -> FakeModelServer.answer(n == 1 ? storeProse("") : appProse("")))) {
            batch(server);
        }
        Path app = root.resolve("specs/com.acme.app.spec.md");
        String written = Files.readString(app);
        assertThat(written).contains("proseJdk: " + Runtime.version().feature() + "\n");
        // as if written on a newer JDK, whose types and members this one may not have
        Files.writeString(app, written.replaceFirst("(?m)^proseJdk: .*$", "proseJdk: 999"));
        write("src/main/java/com/acme/store/Store.java", """
                package com.acme.store;

                /** Stores things. */
                public class Store {
                    public static final int MAX_KEYS = 100;

                    private void evict() {}
                }
                """);
        CheckResult check = check(EnumSet.of(DriftKind.PROSE));
        assertThat(check.units().stream()
                        .filter(u -> u.unit().equals("acme:com.acme.app"))
                        .flatMap(u -> u.findings().stream()))
                .noneMatch(f -> f.kind() == DriftKind.PROSE);
        // the store's spec was written on this JDK: its drift is still caught
        assertThat(prose(check, "acme:com.acme.store").names()).containsExactly("Store#put()");
    }

    @Test
    void aNameStillInTheReactorIsNotGoneWhenTheUnitStopsDependingOnItsPackage() throws Exception {
        try (FakeModelServer server =
                new FakeModelServer(n -> FakeModelServer.answer(n == 1 ? storeProse("") : appProse("")))) {
            batch(server);
        }
        // the app no longer uses the store: its prose's Store and put() still exist in the reactor
        write("src/main/java/com/acme/app/App.java", """
                package com.acme.app;

                /** The app. */
                public class App {
                    public Object store() {
                        return null;
                    }
                }
                """);
        CheckResult check = check(EnumSet.allOf(DriftKind.class));
        assertThat(check.findings()).noneMatch(f -> f.kind() == DriftKind.PROSE);
        assertThat(check.findings()).anyMatch(f -> f.kind() == DriftKind.INTERFACE);
    }

    @Test
    void aCheckOfUnchangedCodePassesProseThatWasFlaggedWhenWritten() throws Exception {
        try (FakeModelServer server = new FakeModelServer(
                n -> FakeModelServer.answer(n == 1 ? storeProse(" `Store#delete()`.") : appProse("")))) {
            batch(server);
        }
        CheckResult check = check(EnumSet.allOf(DriftKind.class));
        assertThat(check.findings()).isEmpty();
    }

    private static DriftFinding prose(CheckResult check, String unit) {
        List<DriftFinding> findings = check.units().stream()
                .filter(u -> u.unit().equals(unit))
                .map(CheckedUnit::findings)
                .findFirst()
                .orElseThrow();
        return findings.stream()
                .filter(f -> f.kind() == DriftKind.PROSE)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no prose finding for " + unit + ": " + findings));
    }
}
