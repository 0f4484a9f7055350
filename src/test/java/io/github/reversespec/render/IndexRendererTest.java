package io.github.reversespec.render;

import static io.github.reversespec.render.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.reactor.ProjectModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                        "m_com_acme_parent[\"parent (root)\"]");
        assertThat(modules).contains("- `com.fasterxml.jackson.core:jackson-databind:2.21.3`", "Core | stuff.");
        assertThat(modules).contains("Depends on `core`, `billing`.");
        // Small reactor: one package diagram with a cluster per project.
        assertThat(units)
                .contains(
                        "flowchart LR",
                        "u_core_com_acme_cache --> u_core_com_acme_util",
                        "u_billing_com_acme_billing --> u_core_com_acme_cache");
        assertThat(units).doesNotContain("ext_gone");
    }

    @Test
    void bigReactorGetsOneCappedDiagramPerProject() {
        List<IndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            entries.add(entry(
                    "core",
                    "core",
                    "p" + i,
                    "ast-only",
                    i,
                    i == 0 ? List.of() : List.of("core:p" + (i - 1)),
                    "",
                    true));
        }
        for (int i = 0; i < 3; i++) {
            entries.add(entry("app", "app", "q" + i, "llm", 50, List.of("core:p0"), "", true));
        }
        IndexInput input = new IndexInput(
                GEN,
                entries,
                List.of(
                        project("core", "core", "", List.of(), List.of()),
                        project("app", "app", "", List.of("com.acme:core"), List.of())));

        String index = renderer.render(input);
        String units = SpecText.section(index, "## Units");

        assertThat(units.split("```mermaid", -1)).hasSize(3);
        String coreDiagram =
                units.substring(units.indexOf("```mermaid"), units.indexOf("```", units.indexOf("```mermaid") + 3));
        long nodes = coreDiagram
                .lines()
                .filter(l -> l.matches("\\s+u_\\w+\\[\".*\"]"))
                .count();
        assertThat(nodes).isEqualTo(IndexRenderer.MAX_NODES_PER_PROJECT_DIAGRAM);
        assertThat(coreDiagram).contains("more_units[\"… and 5 more\"]").doesNotContain("u_core_p40");
        assertThat(units).contains("The diagram shows the first 40 of 45 packages");
        assertThat(units).contains("| [`p44`](core/p44.spec.md) | 44 |");
        assertThat(index).isEqualTo(renderer.render(input));
        SpecText.assertTablesWellFormed(index);
    }

    @Test
    void deterministicAndWellEnded() {
        String a = renderer.render(sample());
        String b = new IndexRenderer().render(sample());

        assertThat(a).isEqualTo(b).endsWith("|\n").doesNotEndWith("\n\n").doesNotContain("\r", "/abs/root");
    }
}
