package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.SourceLine;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.UnitCycle;
import io.github.reversespec.graph.UnusedDependency;
import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IndexRendererTest {

    private static final String GEN = "reverse-spec-maven-plugin/0.1.0-SNAPSHOT";

    private final IndexRenderer renderer = new IndexRenderer();

    static IndexEntry entry(
            String artifactId,
            String moduleDir,
            String pkg,
            String status,
            int level,
            List<String> dependsOn,
            String intent,
            boolean current) {
        String display = pkg.isEmpty() ? "_default" : pkg;
        String specPath = moduleDir.isEmpty()
                ? "specs/" + display + ".spec.md"
                : "specs/" + moduleDir + "/" + display + ".spec.md";
        return new IndexEntry(artifactId, moduleDir, pkg, specPath, status, level, dependsOn, intent, current);
    }

    private static IndexInput sample() {
        List<ProjectModel> projects = List.of(
                project("parent", "", "The parent.", List.of(), List.of()),
                project(
                        "core",
                        "core",
                        "Core | stuff.",
                        List.of(),
                        List.of("com.fasterxml.jackson.core:jackson-databind:2.21.3")),
                project("billing", "services/billing", "", List.of("com.acme:core"), List.of()),
                project("web", "services/web", "", List.of("com.acme:core", "com.acme:billing"), List.of()));
        List<IndexEntry> entries = List.of(
                entry("core", "core", "com.acme.util", "ast-only", 0, List.of(), "Helpers | misc.", true),
                entry("core", "core", "com.acme.cache", "llm", 1, List.of("core:com.acme.util"), "Caching.", true),
                entry("parent", "", "", "ast-only", 0, List.of(), "", true),
                entry(
                        "billing",
                        "services/billing",
                        "com.acme.billing",
                        "llm",
                        2,
                        List.of("core:com.acme.cache", "core:com.acme.util", "ext:gone"),
                        "Bills <customers>.",
                        true),
                entry("old", "legacy/old", "com.acme.old", "", -1, List.of(), "Old stuff.", false));
        return new IndexInput(GEN, entries, projects);
    }

    @Test
    void frontMatterAndSummary() {
        String index = renderer.render(sample());
        Map<String, Object> fm = SpecText.frontMatter(index);

        assertThat(fm)
                .containsEntry("type", "architecture-index")
                .containsEntry("generator", GEN)
                .containsEntry("units", 5);
        assertThat(index)
                .contains("\n---\n# Architecture Index\n\n**5 units** in 4 reactor modules: 2 ast-only, 2 llm,"
                        + " 1 unknown. 4 in the current reactor, 1 on disk from projects not in it.\n");
    }

    @Test
    void linksAreRelativeToTheSpecsDirectoryAndResolve() {
        String index = renderer.render(sample());

        assertThat(index)
                .contains("| [`com.acme.util`](core/com.acme.util.spec.md) | 0 | ast-only | — | Helpers \\| misc. |");
        assertThat(index).contains("| [`_default`](_default.spec.md) | 0 | ast-only | — |  |");
        assertThat(index)
                .contains("[`core:com.acme.cache`](core/com.acme.cache.spec.md), "
                        + "[`core:com.acme.util`](core/com.acme.util.spec.md), `ext:gone`");
        assertThat(index).contains("Bills \\<customers\\>.");
        List<String> specPaths =
                sample().entries().stream().map(IndexEntry::specPath).toList();
        for (String link : SpecText.relativeLinks(index)) {
            assertThat(specPaths).contains(SpecText.resolve("specs", link));
        }
        SpecText.assertTablesWellFormed(index);
    }

    @Test
    void unitsAreGroupedPerProjectInReactorOrderAndOthersListedApart() {
        String index = renderer.render(sample());
        String units = SpecText.section(index, "## Units");

        int parent = units.indexOf("### `parent` (`.`)");
        int core = units.indexOf("### `core` (`core`)");
        int billing = units.indexOf("### `billing` (`services/billing`)");
        assertThat(parent).isNotNegative().isLessThan(core);
        assertThat(core).isLessThan(billing);
        assertThat(units).doesNotContain("### `web`");
        String coreTable = units.substring(core, billing);
        assertThat(coreTable.indexOf("com.acme.util")).isLessThan(coreTable.indexOf("com.acme.cache"));
        assertThat(units).doesNotContain("com.acme.old");

        String others = SpecText.section(index, "## Specs on disk not in the current reactor");
        assertThat(others)
                .contains("| `old` | [`com.acme.old`](legacy/old/com.acme.old.spec.md) | ? | unknown | — |"
                        + " Old stuff. |");

        String modules = SpecText.section(index, "## Reactor modules");
        assertThat(modules)
                .contains(
                        "subgraph d_services[\"services/\"]",
                        "m_com_acme_web --> m_com_acme_billing",
                        "m_com_acme_billing --> m_com_acme_core",
                        "m_com_acme_parent[\"parent (root) · 1 package\"]",
                        "m_com_acme_core[\"core · 2 packages\"]");
        assertThat(modules).contains("- `com.fasterxml.jackson.core:jackson-databind:2.21.3`", "Core | stuff.");
        assertThat(modules).contains("Depends on `core`, `billing`.");
        // One diagram per module of two packages or more, edges inside the module only.
        assertThat(units).contains("flowchart TB", "p_com_acme_cache --> p_com_acme_util");
        assertThat(units.split("```mermaid", -1)).hasSize(2);
        assertThat(units).doesNotContain("ext_gone", "p_com_acme_billing");
    }

    @Test
    void deterministicAndWellEnded() {
        String a = renderer.render(sample());
        String b = new IndexRenderer().render(sample());

        assertThat(a).isEqualTo(b).endsWith("|\n").doesNotEndWith("\n\n").doesNotContain("\r", "/abs/root");
    }

    /**
     * 150 packages in 3 modules, under a few sub-prefixes ("areas") layered bottom-up: a package
     * uses two utility packages most others use, a few packages of its own area or of lower areas
     * (seeded random), sometimes a package of an earlier module; one area has a cycle.
     */
    static IndexInput synthetic() {
        Random random = new Random(12);
        String[][] modules = {{"core", "90"}, {"service", "35"}, {"web", "25"}};
        String[] areas = {"io", "model", "util", "text", "time", "store", "net", "sec"};
        List<IndexEntry> entries = new ArrayList<>();
        List<ProjectModel> projects = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (String[] m : modules) {
            String module = m[0];
            int count = Integer.parseInt(m[1]);
            projects.add(project(
                    module, module, "", projects.stream().map(ProjectModel::key).toList(), List.of()));
            List<List<String>> byArea = new ArrayList<>();
            for (int a = 0; a < areas.length; a++) {
                byArea.add(new ArrayList<>());
            }
            List<String> own = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int area = i % areas.length;
                String pkg = "com.acme." + module + "." + areas[area] + (i < areas.length ? "" : ".p" + i);
                String display = module + ":" + pkg;
                List<String> deps = new ArrayList<>();
                if (i >= 2) {
                    deps.add(module + ":com.acme." + module + ".io");
                    deps.add(module + ":com.acme." + module + ".model");
                }
                for (int k = 0; k < 3; k++) {
                    List<String> from =
                            random.nextInt(3) < 2 || area == 0 ? byArea.get(area) : byArea.get(random.nextInt(area));
                    if (!from.isEmpty()) {
                        deps.add(from.get(random.nextInt(from.size())));
                    }
                }
                if (!earlier.isEmpty() && random.nextInt(4) == 0) {
                    deps.add(earlier.get(random.nextInt(earlier.size())));
                }
                if (module.equals("core") && pkg.equals("com.acme.core.net.p14")) {
                    deps.add("core:com.acme.core.net.p86"); // closes a cycle: p86 uses p14 (below)
                }
                if (module.equals("core") && pkg.equals("com.acme.core.net.p86")) {
                    deps.add("core:com.acme.core.net.p14");
                }
                entries.add(entry(
                        module,
                        module,
                        pkg,
                        "ast-only",
                        i,
                        deps.stream().distinct().filter(d -> !d.equals(display)).toList(),
                        "Package " + i + " of " + module + ".",
                        true));
                byArea.get(area).add(display);
                own.add(display);
            }
            earlier.addAll(own);
        }
        return new IndexInput(GEN, entries, projects);
    }

    /** The mermaid blocks between a heading and the next heading of the same level. */
    private static List<String> diagrams(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static final Pattern NODE = Pattern.compile("^\\s+(\\w+)\\[\"[^\"]*\"]$", Pattern.MULTILINE);

    private static List<String> nodes(String diagram) {
        List<String> out = new ArrayList<>();
        Matcher m = NODE.matcher(diagram);
        while (m.find()) {
            if (!m.group(1).equals(PackageDiagrams.SHARED_ID)) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The part of the Units section about one module: from its heading to the next module's. */
    private static String moduleSection(String index, String artifactId) {
        String units = SpecText.section(index, "## Units");
        int start = units.indexOf("\n### `" + artifactId + "`");
        assertThat(start).as("section of %s", artifactId).isNotNegative();
        int end = units.indexOf("\n### ", start + 1);
        return units.substring(start, end < 0 ? units.length() : end);
    }

    @Test
    void noDiagramHasMoreThanSixtyNodesAndEveryPackageIsDrawnInItsModule() {
        IndexInput input = synthetic();
        String index = renderer.render(input);

        for (ProjectModel p : input.projects()) {
            String section = moduleSection(index, p.artifactId());
            List<String> diagrams = diagrams(section);
            Set<String> drawn = new TreeSet<>();
            for (String d : diagrams) {
                assertThat(nodes(d)).hasSizeLessThanOrEqualTo(PackageDiagrams.MAX_NODES);
                drawn.addAll(nodes(d));
            }
            for (IndexEntry e : input.entries()) {
                if (e.artifactId().equals(p.artifactId())) {
                    assertThat(drawn)
                            .as("%s drawn in a diagram of its module", e.display())
                            .contains("p_" + Mermaid.sanitise(e.displayPackage()));
                }
            }
        }
        // core (90 packages) is too big for one diagram: an overview of its groups, then one per group
        String core = moduleSection(index, "core");
        assertThat(diagrams(core)).hasSizeGreaterThan(2);
        assertThat(core)
                .contains("g_com_acme_core_util[\"util.* (11 packages)\"]", "#### `com.acme.core.util.*` (11 packages)")
                .containsPattern("names without `com\\.acme\\.core\\.model\\.`\\. .*Its packages' 9 dependencies on the"
                        + " module's other packages outside `com\\.acme\\.core\\.model\\.\\*` are drawn between the groups"
                        + " above\\. Its packages' 22 dependencies on the shared layer are not drawn\\.")
                .contains("Not drawn one by one here: each group below is one node, with a diagram of its own further"
                        + " down.\n\n- `com.acme.core.io.*` (11 packages): `io.p8`, `io.p16`, ");
        assertThat(diagrams(moduleSection(index, "web"))).hasSize(1);
        SpecText.assertTablesWellFormed(index);
    }

    @Test
    void aFlatModuleTooBigForOneDiagramIsSplitIntoRunsOfPackages() {
        List<IndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            entries.add(entry(
                    "flat",
                    "flat",
                    String.format("com.acme.p%03d", i),
                    "ast-only",
                    i,
                    i == 0 ? List.of() : List.of(String.format("flat:com.acme.p%03d", i - 1)),
                    "",
                    true));
        }
        String section = moduleSection(
                renderer.render(
                        new IndexInput(GEN, entries, List.of(project("flat", "flat", "", List.of(), List.of())))),
                "flat");
        List<String> diagrams = diagrams(section);

        assertThat(diagrams.get(0))
                .contains("r_com_acme_p000[\"p000 to p059 (60 packages)\"]")
                .contains("r_com_acme_p060 --> r_com_acme_p000", "r_com_acme_p120 --> r_com_acme_p060");
        Set<String> drawn = new TreeSet<>();
        for (String d : diagrams) {
            assertThat(nodes(d)).hasSizeLessThanOrEqualTo(PackageDiagrams.MAX_NODES);
            drawn.addAll(nodes(d));
        }
        assertThat(drawn).contains("p_com_acme_p000", "p_com_acme_p129").hasSize(130 + 3);
        assertThat(section).contains("#### `com.acme.p060` to `com.acme.p119` (60 packages)");
    }

    @Test
    void packagesMostOthersUseAreDrawnOnceAsASharedLayerWithoutTheEdgesIntoIt() {
        List<IndexEntry> entries = new ArrayList<>();
        entries.add(entry("core", "core", "com.acme.util", "ast-only", 0, List.of(), "", true));
        entries.add(entry("core", "core", "com.acme.base", "ast-only", 0, List.of(), "", true));
        for (int i = 0; i < 10; i++) {
            entries.add(entry(
                    "core",
                    "core",
                    "com.acme.p" + i,
                    "ast-only",
                    1,
                    i == 0 ? List.of("core:com.acme.util") : List.of("core:com.acme.util", "core:com.acme.p0"),
                    "",
                    true));
        }
        String index = renderer.render(
                new IndexInput(GEN, entries, List.of(project("core", "core", "", List.of(), List.of()))));
        String diagram = diagrams(moduleSection(index, "core")).get(0);

        assertThat(diagram)
                .contains(
                        "    subgraph shared[\"shared: used by most packages\"]\n"
                                + "        p_com_acme_util[\"util\"]\n"
                                + "        p_com_acme_p0[\"p0\"]\n    end\n",
                        "p_com_acme_base[\"base\"]")
                .contains("p_com_acme_p0 --> p_com_acme_util") // inside the shared layer, edges stay
                .doesNotContain("p_com_acme_p1 -->", "p_com_acme_p9 -->", "--> p_com_acme_p0");
        assertThat(diagram.split("\n"))
                .filteredOn(l -> l.contains("p_com_acme_util["))
                .hasSize(1);
        assertThat(moduleSection(index, "core"))
                .contains("Shared layer: `util`, `p0`, each used by at least 4 of the module's packages, drawn once"
                        + " without the 18 edges that lead into it");
    }

    @Test
    void edgesALongerPathImpliesAreLeftOutAndSaidSo() {
        List<IndexEntry> entries = List.of(
                entry("core", "core", "a.c", "ast-only", 0, List.of(), "", true),
                entry("core", "core", "a.b", "ast-only", 1, List.of("core:a.c"), "", true),
                entry("core", "core", "a.a", "ast-only", 2, List.of("core:a.b", "core:a.c"), "", true));
        String index = renderer.render(
                new IndexInput(GEN, entries, List.of(project("core", "core", "", List.of(), List.of()))));
        String section = moduleSection(index, "core");

        assertThat(diagrams(section).get(0))
                .contains("p_a_a --> p_a_b", "p_a_b --> p_a_c")
                .doesNotContain("p_a_a --> p_a_c");
        assertThat(section).contains("3 nodes, 2 edges", "1 edge left out because a longer path already leads there");
        // the table still lists every dependency
        assertThat(section)
                .contains("| [`a.a`](core/a.a.spec.md) | 2 | ast-only | [`a.b`](core/a.b.spec.md),"
                        + " [`a.c`](core/a.c.spec.md) |");
    }

    @Test
    void transitiveReductionKeepsReachabilityInsideAndAcrossCycles() {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        edges.put("a", new java.util.LinkedHashSet<>(List.of("b", "c")));
        edges.put("b", new java.util.LinkedHashSet<>(List.of("c")));
        edges.put("c", new java.util.LinkedHashSet<>(List.of("b", "d")));
        edges.put("d", new java.util.LinkedHashSet<>());
        Map<String, Set<String>> kept = PackageDiagrams.reduce(edges);

        // b and c are one cycle: both edges between them stay, a reaches it by both, d by c only
        assertThat(kept.get("b")).containsExactly("c");
        assertThat(kept.get("c")).containsExactly("b", "d");
        assertThat(kept.get("a")).containsExactly("b", "c");
    }

    @Test
    void everyCycleIsListedWithTheImportThatClosesIt() {
        UnitId a = new UnitId("com.acme:core", "core", "core", "com.acme.a");
        UnitId b = new UnitId("com.acme:core", "core", "core", "com.acme.b");
        List<IndexEntry> entries = List.of(
                entry("core", "core", "com.acme.a", "ast-only", 0, List.of("core:com.acme.b"), "", true),
                entry("core", "core", "com.acme.b", "ast-only", 0, List.of("core:com.acme.a"), "", true));
        UnitCycle cycle =
                new UnitCycle(List.of(a, b), List.of(a, b), new SourceLine("core/src/main/java/com/acme/b/B.java", 7));
        UnitCycle unknown = new UnitCycle(List.of(b, a), List.of(b, a), null);
        String index = renderer.render(new IndexInput(
                GEN,
                entries,
                List.of(project("core", "core", "", List.of(), List.of())),
                List.of(cycle, unknown),
                List.of()));
        String cycles = SpecText.section(index, "## Dependency cycles");

        assertThat(cycles)
                .startsWith("2 cycles between packages (the packages of a cycle are written as one block).")
                .contains("1. `core`, 2 packages: [`com.acme.a`](core/com.acme.a.spec.md),"
                        + " [`com.acme.b`](core/com.acme.b.spec.md).\n"
                        + "   Loop: `com.acme.a` → `com.acme.b` → `com.acme.a`.\n"
                        + "   Closed by `com.acme.b` → `com.acme.a` at"
                        + " [`core/src/main/java/com/acme/b/B.java:7`](../core/src/main/java/com/acme/b/B.java#L7).")
                .contains("Closed by `com.acme.a` → `com.acme.b` (the place in the code is not known).");
        assertThat(SpecText.section(renderer.render(sample()), "## Dependency cycles"))
                .startsWith("None:");
    }

    @Test
    void ownModuleDependenciesComeFirstInTheTable() {
        List<IndexEntry> entries = List.of(
                entry("app", "app", "com.acme.app.z", "ast-only", 0, List.of(), "", true),
                entry(
                        "app",
                        "app",
                        "com.acme.app",
                        "ast-only",
                        1,
                        List.of("base:com.acme.a", "base:com.acme.b", "app:com.acme.app.z"),
                        "",
                        true));
        String index =
                renderer.render(new IndexInput(GEN, entries, List.of(project("app", "app", "", List.of(), List.of()))));

        assertThat(index)
                .contains("| [`com.acme.app`](app/com.acme.app.spec.md) | 1 | ast-only |"
                        + " [`com.acme.app.z`](app/com.acme.app.z.spec.md), `base:com.acme.a`, `base:com.acme.b` |");
    }

    @Test
    void aDeclaredModuleDependencyNoCodeUsesIsFlagged() {
        IndexInput base = sample();
        ProjectModel web = base.projects().get(3);
        ProjectModel billing = base.projects().get(2);
        ProjectModel parent = base.projects().get(0);
        IndexInput input = new IndexInput(
                GEN,
                base.entries(),
                base.projects(),
                List.of(),
                List.of(
                        new UnusedDependency(web, billing, true, false),
                        new UnusedDependency(billing, parent, false, true)));
        String index = renderer.render(input);

        assertThat(SpecText.section(index, "## Module dependencies no code uses"))
                .contains("- `web` declares `billing` (`web` has no Java sources).")
                .contains("- `billing` declares `parent` (`parent` has no Java sources: it may serve packaging or"
                        + " resources).");
        assertThat(SpecText.section(index, "## Reactor modules"))
                .contains("m_com_acme_web -.->|\"unused\"| m_com_acme_billing", "m_com_acme_web --> m_com_acme_core")
                .contains("a dashed one marked unused is declared but no code uses it");
        assertThat(SpecText.section(renderer.render(sample()), "## Module dependencies no code uses"))
                .startsWith("None:");
    }

    @Test
    void everyUnitIsInTheAlphabeticalListWithItsModuleAndIntent() {
        String list = SpecText.section(renderer.render(sample()), "## Packages A–Z");

        assertThat(list.split("\n"))
                .containsExactly(
                        "| Package | Module | Intent |",
                        "|---|---|---|",
                        "| [`_default`](_default.spec.md) | `parent` |  |",
                        "| [`com.acme.billing`](services/billing/com.acme.billing.spec.md) | `billing` |"
                                + " Bills \\<customers\\>. |",
                        "| [`com.acme.cache`](core/com.acme.cache.spec.md) | `core` | Caching. |",
                        "| [`com.acme.old`](legacy/old/com.acme.old.spec.md) | `old` (not in the reactor) |"
                                + " Old stuff. |",
                        "| [`com.acme.util`](core/com.acme.util.spec.md) | `core` | Helpers \\| misc. |");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(renderer.render(synthetic())).isEqualTo(new IndexRenderer().render(synthetic()));
    }
}
