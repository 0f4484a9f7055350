package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.AstOnlyStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each finding kind of the check, and that batch refresh=stale regenerates exactly what it calls stale. */
class CheckRunnerTest {

    @TempDir
    Path root;

    private TinyReactor tiny;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void freshSpecs() throws Exception {
        tiny = new TinyReactor(root);
        new BatchRunner(new AstOnlyStep(), ProgressLog.SILENT).run(tiny.request(RefreshMode.MISSING));
    }

    private CheckResult check() throws Exception {
        return check(DriftKind.parseList(DriftKind.DEFAULT_FAIL_ON));
    }

    private CheckResult check(Set<DriftKind> failOn) throws Exception {
        return new CheckRunner(log)
                .run(new CheckRequest(
                        tiny.reactor(),
                        UnitSelector.all(),
                        failOn,
                        1,
                        "reverse-spec-maven-plugin/test",
                        KnownSecrets.none()));
    }

    private static CheckedUnit unit(CheckResult result, String pkg) {
        return result.units().stream()
                .filter(u -> u.unit().equals("acme:" + pkg))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + pkg + " in " + result.units()));
    }

    private static List<DriftKind> kinds(CheckedUnit unit) {
        return unit.findings().stream().map(DriftFinding::kind).toList();
    }

    @Test
    void aFreshSpecSetHolds() throws Exception {
        CheckResult result = check();

        assertThat(result.units()).hasSize(2);
        assertThat(result.findings()).isEmpty();
        assertThat(result.failed()).isFalse();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("reverse-spec check: 2 unit(s), 0 failing"));
    }

    @Test
    void anAddedPublicMethodIsAnInterfaceErrorNamingItAndTheDependentWarns() throws Exception {
        tiny.write("src/main/java/com/acme/base/Ids.java", """
                package com.acme.base;

                /** Identifiers. */
                public final class Ids {
                    private Ids() {}

                    public static String next(String prefix) {
                        return prefix + 1;
                    }

                    public static int count() {
                        return 1;
                    }
                }
                """);

        CheckResult result = check();

        CheckedUnit base = unit(result, "com.acme.base");
        assertThat(kinds(base)).containsExactly(DriftKind.INTERFACE);
        DriftFinding f = base.findings().get(0);
        assertThat(f.error()).isTrue();
        assertThat(f.names()).containsExactly("Ids#count");
        assertThat(f.detail()).contains("added Ids#count");
        CheckedUnit app = unit(result, "com.acme.app");
        assertThat(kinds(app)).containsExactly(DriftKind.DEPENDENCY);
        assertThat(app.findings().get(0).error()).isFalse();
        assertThat(app.findings().get(0).names()).containsExactly("acme:com.acme.base");
        assertThat(result.failed()).isTrue();
        assertThat(log.at("ERROR")).singleElement().asString().contains("acme:com.acme.base", "Ids#count");
    }

    @Test
    void aChangedAndARemovedMemberAreNamed() throws Exception {
        String ids = Files.readString(root.resolve("src/main/java/com/acme/base/Ids.java"));
        tiny.write(
                "src/main/java/com/acme/base/Ids.java",
                ids.replace("next(String prefix)", "next(String prefix, int n)"));

        DriftFinding changed = unit(check(), "com.acme.base").findings().get(0);

        assertThat(changed.kind()).isEqualTo(DriftKind.INTERFACE);
        assertThat(changed.names()).containsExactly("Ids#next");
        assertThat(changed.detail()).isEqualTo("the public interface changed: changed Ids#next");

        tiny.write("src/main/java/com/acme/base/Ids.java", ids.replace("next(String prefix)", "make(String prefix)"));

        DriftFinding renamed = unit(check(), "com.acme.base").findings().get(0);

        assertThat(renamed.names()).containsExactly("Ids#make", "Ids#next");
        assertThat(renamed.detail()).isEqualTo("the public interface changed: added Ids#make; removed Ids#next");
    }

    @Test
    void aPrivateChangeIsAnImplementationWarning() throws Exception {
        tiny.write("src/main/java/com/acme/base/Ids.java", """
                package com.acme.base;

                /** Identifiers. */
                public final class Ids {
                    private Ids() {}

                    public static String next(String prefix) {
                        return prefix + 2;
                    }

                    private static void helper() {}
                }
                """);

        CheckResult result = check();

        CheckedUnit base = unit(result, "com.acme.base");
        assertThat(kinds(base)).containsExactly(DriftKind.IMPLEMENTATION);
        assertThat(base.findings().get(0).error()).isFalse();
        assertThat(unit(result, "com.acme.app").findings()).isEmpty();
        assertThat(result.failed()).isFalse();
        assertThat(result.warnings()).isEqualTo(1);
    }

    @Test
    void aRemovedPackageIsAnOrphanAndANewOneIsMissing() throws Exception {
        Files.delete(root.resolve("src/main/java/com/acme/app/Main.java"));
        tiny.write("src/main/java/com/acme/extra/Extra.java", "package com.acme.extra;\n\npublic class Extra {}\n");

        CheckResult result = check();

        assertThat(kinds(unit(result, "com.acme.extra"))).containsExactly(DriftKind.MISSING);
        CheckedUnit orphan = unit(result, "com.acme.app");
        assertThat(kinds(orphan)).containsExactly(DriftKind.ORPHAN);
        assertThat(orphan.spec()).isEqualTo("specs/com.acme.app.spec.md");
        assertThat(orphan.findings().get(0).detail()).contains("delete specs/com.acme.app.spec.md");
        assertThat(result.errors()).isEqualTo(2);
    }

    @Test
    void aHandEditWarnsAndAnUnreadableSpecIsAFormatFinding() throws Exception {
        Path base = root.resolve("specs/com.acme.base.spec.md");
        Files.writeString(
                base, Files.readString(base).replace("## 7. Technical Debt\n", "## 7. Technical Debt\n\nMine.\n"));
        Files.writeString(root.resolve("specs/com.acme.app.spec.md"), "not a spec\n");

        CheckResult result = check();

        assertThat(kinds(unit(result, "com.acme.base"))).containsExactly(DriftKind.EDITED);
        assertThat(unit(result, "com.acme.base").failed()).isFalse();
        assertThat(kinds(unit(result, "com.acme.app"))).containsExactly(DriftKind.FORMAT);
    }

    @Test
    void aSpecWithoutItsSourceHashIsOnlyAFormatFindingWhateverElseChanged() throws Exception {
        Path app = root.resolve("specs/com.acme.app.spec.md");
        Files.writeString(app, Files.readString(app).replaceFirst("(?m)^sourceHash: .*\n", ""));
        // the dependency's public interface changes too: with no hashes, nothing can be compared
        tiny.write("src/main/java/com/acme/base/Extra.java", "package com.acme.base;\n\npublic class Extra {}\n");

        CheckResult result = check();

        // (removing the line is a hand edit, and is reported as one; no dependency finding)
        assertThat(kinds(unit(result, "com.acme.app"))).containsExactly(DriftKind.FORMAT, DriftKind.EDITED);
    }

    @Test
    void failOnDecidesWhatIsAnError() throws Exception {
        tiny.write(
                "src/main/java/com/acme/base/Ids.java",
                Files.readString(root.resolve("src/main/java/com/acme/base/Ids.java"))
                        .replace("prefix + 1", "prefix + 3"));

        CheckResult result = check(EnumSet.of(DriftKind.IMPLEMENTATION));

        assertThat(result.failed()).isTrue();
        assertThat(result.failedUnits()).extracting(CheckedUnit::unit).containsExactly("acme:com.acme.base");
        assertThat(check(Set.of()).failed()).isFalse();
    }

    @Test
    void failOnIsParsedAndAnUnknownKindNamesTheParameterAndTheValidKinds() throws Exception {
        assertThat(DriftKind.parseList(DriftKind.DEFAULT_FAIL_ON))
                .containsExactlyInAnyOrder(DriftKind.MISSING, DriftKind.ORPHAN, DriftKind.INTERFACE, DriftKind.PROSE);
        assertThat(DriftKind.parseList(" Interface , edited"))
                .containsExactlyInAnyOrder(DriftKind.INTERFACE, DriftKind.EDITED);
        assertThat(DriftKind.parseList("")).isEmpty();
        assertThatThrownBy(() -> DriftKind.parseList("interface,stale"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("reverse-spec.failOn")
                .hasMessageContaining("'stale'")
                .hasMessageContaining("missing, orphan, interface, dependency, implementation, prose, edited, format");
    }

    @Test
    void aCheckBesideAWritingBatchStopsBeforeWritingAnything() throws Exception {
        try (RunLock batch = RunLock.exclusive(root.resolve("specs/.reverse-spec"), "batch")) {
            assertThatThrownBy(this::check)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Another reverse-spec run is using");
        }
        assertThat(root.resolve("drift-logs")).doesNotExist();
    }

    @Test
    void aCheckBesideAnotherCheckStopsAtOnce() throws Exception {
        try (RunLock other = RunLock.exclusive(root.resolve("specs/.reverse-spec"), "check")) {
            assertThatThrownBy(this::check)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reverse-spec:check pid");
        }
        assertThat(root.resolve("drift-logs")).doesNotExist();
    }

    @Test
    void aRootWithoutSpecsGetsNothingCreatedUnderSpecs() throws Exception {
        try (var files = Files.walk(root.resolve("specs"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        CheckResult result = check();

        assertThat(result.findings()).extracting(DriftFinding::kind).containsOnly(DriftKind.MISSING);
        assertThat(root.resolve("specs")).doesNotExist();
        assertThat(root.resolve("drift-logs/drift-report.json")).exists();
    }

    @Test
    void aFileThatCannotBeParsedIsNamedAsInABatch() throws Exception {
        tiny.write("src/main/java/com/acme/base/Broken.java", "package com.acme.base;\n\npublic class Broken {\n");
        check();

        assertThat(log.at("WARN")).anyMatch(l -> l.startsWith("Cannot use ") && l.contains("Broken.java"));
    }

    /**
     * A reactor with every kind of drift at once: what the check calls stale is what a
     * refresh=stale batch regenerates, and a hand-edited stale spec is kept by both.
     */
    @Test
    void batchRefreshStaleRegeneratesExactlyWhatCheckCallsStale() throws Exception {
        tiny.write("src/main/java/com/acme/lone/Lone.java", "package com.acme.lone;\n\npublic class Lone {}\n");
        tiny.write("src/main/java/com/acme/edited/Ed.java", "package com.acme.edited;\n\npublic class Ed {}\n");
        tiny.write(
                "src/main/java/com/acme/impl/Impl.java",
                "package com.acme.impl;\n\npublic class Impl {\n    private int a;\n}\n");
        tiny.write("src/main/java/com/acme/broken/Broken.java", "package com.acme.broken;\n\npublic class Broken {}\n");
        new BatchRunner(new AstOnlyStep(), ProgressLog.SILENT).run(tiny.request(RefreshMode.MISSING));
        // base: public change (app: dependency); impl: private change; edited: hand edit and a change;
        // broken: unreadable; fresh: new; lone: untouched
        tiny.write("src/main/java/com/acme/base/Extra.java", "package com.acme.base;\n\npublic class Extra {}\n");
        tiny.write(
                "src/main/java/com/acme/impl/Impl.java",
                "package com.acme.impl;\n\npublic class Impl {\n    private long a;\n}\n");
        Path edited = root.resolve("specs/com.acme.edited.spec.md");
        Files.writeString(
                edited, Files.readString(edited).replace("## 7. Technical Debt\n", "## 7. Technical Debt\n\nMine.\n"));
        tiny.write("src/main/java/com/acme/edited/Ed2.java", "package com.acme.edited;\n\npublic class Ed2 {}\n");
        Files.writeString(root.resolve("specs/com.acme.broken.spec.md"), "---\ntype: other\n---\n");
        tiny.write("src/main/java/com/acme/fresh/Fresh.java", "package com.acme.fresh;\n\npublic class Fresh {}\n");

        CheckResult check = check();
        BatchResult batch = new BatchRunner(new AstOnlyStep(), ProgressLog.SILENT).run(tiny.request(RefreshMode.STALE));

        Set<String> stale = check.units().stream()
                .filter(CheckedUnit::stale)
                .filter(u -> !u.has(DriftKind.EDITED))
                .map(CheckedUnit::unit)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> regenerated = batch.units().stream()
                .filter(u -> u.status() != UnitStatus.SKIPPED && u.status() != UnitStatus.EDITED)
                .map(u -> u.id().display())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(stale)
                .containsExactly(
                        "acme:com.acme.app",
                        "acme:com.acme.base",
                        "acme:com.acme.broken",
                        "acme:com.acme.fresh",
                        "acme:com.acme.impl");
        assertThat(regenerated).isEqualTo(stale);
        assertThat(batch.withStatus(UnitStatus.EDITED))
                .extracting(u -> u.id().display())
                .containsExactly("acme:com.acme.edited");
        assertThat(unit(check, "com.acme.edited").stale()).isTrue();
        // And afterwards, only the kept hand edit is left to report.
        CheckResult after = check();
        assertThat(after.units().stream().filter(CheckedUnit::stale).map(CheckedUnit::unit))
                .containsExactly("acme:com.acme.edited");
    }
}
