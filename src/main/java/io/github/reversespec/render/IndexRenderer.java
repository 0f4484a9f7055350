package io.github.reversespec.render;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.spec.SpecLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code specs/_index.spec.md}: the reactor's modules and how they depend on each other,
 * then every unit with a spec, per project, linked to its spec. Deterministic: the same input
 * gives the same bytes.
 */
public final class IndexRenderer {

    /** The index's path relative to the execution root. */
    public static final String INDEX_PATH = SpecLayout.INDEX_PATH;

    /** Up to this many units, one package diagram shows the whole reactor. */
    static final int MAX_UNITS_IN_ONE_DIAGRAM = 40;

    /** In a per-project package diagram, at most this many nodes. */
    static final int MAX_NODES_PER_PROJECT_DIAGRAM = 40;

    /** Links shown in a table's "Depends on" cell before it says "and N more". */
    private static final int MAX_DEPENDS_IN_CELL = 10;

    private static final String FROM_DIR = RelativeLinks.parent(INDEX_PATH);

    /**
     * Renders the index.
     *
     * @param input the units and projects
     * @return the whole file, {@code \n} line endings, ending with one newline
     */
    public String render(IndexInput input) {
        List<IndexEntry> current =
                input.entries().stream().filter(IndexEntry::inCurrentReactor).toList();
        List<IndexEntry> elsewhere = input.entries().stream()
                .filter(e -> !e.inCurrentReactor())
                .sorted(Comparator.comparing(IndexEntry::specPath))
                .toList();
        Map<String, IndexEntry> byDisplay = new HashMap<>();
        input.entries().forEach(e -> byDisplay.putIfAbsent(e.display(), e));
        Map<ProjectModel, List<IndexEntry>> groups = group(input.projects(), current);

        StringBuilder out = new StringBuilder(4096);
        out.append("---\n")
                .append("type: architecture-index\n")
                .append("generator: ")
                .append(Yaml.scalar(input.generator()))
                .append('\n')
                .append("units: ")
                .append(input.entries().size())
                .append('\n')
                .append("---\n")
                .append("# Architecture Index\n\n");
        out.append(summary(input, current, elsewhere)).append("\n\n");

        out.append("## Reactor modules\n\n");
        if (input.projects().size() > 1) {
            out.append(moduleDiagram(input.projects())).append("\n\n");
        }
        for (ProjectModel p : input.projects()) {
            out.append("### ").append(Markdown.code(p.artifactId())).append("\n\n");
            out.append(projectLine(p, groups.getOrDefault(p, List.of()).size())).append("\n\n");
            if (!p.description().isBlank()) {
                out.append(Markdown.text(p.description())).append("\n\n");
            }
            if (p.externalDependencies().isEmpty()) {
                out.append("Declared external libraries: none.\n\n");
            } else {
                out.append("Declared external libraries:\n\n");
                p.externalDependencies()
                        .forEach(d -> out.append("- ").append(Markdown.code(d)).append('\n'));
                out.append('\n');
            }
        }

        out.append("## Units\n\n");
        boolean oneDiagram = current.size() <= MAX_UNITS_IN_ONE_DIAGRAM;
        if (current.isEmpty()) {
            out.append("No unit of the current reactor has a spec.\n\n");
        } else if (oneDiagram) {
            out.append(reactorPackageDiagram(groups, byDisplay)).append("\n\n");
        } else {
            out.append(current.size())
                    .append(" units: too many for one readable diagram, so each project has its own" + " (at most ")
                    .append(MAX_NODES_PER_PROJECT_DIAGRAM)
                    .append(" packages each).\n\n");
        }
        for (Map.Entry<ProjectModel, List<IndexEntry>> g : groups.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            ProjectModel p = g.getKey();
            out.append("### ")
                    .append(Markdown.code(p.artifactId()))
                    .append(" (")
                    .append(Markdown.code(p.moduleDir().isEmpty() ? "." : p.moduleDir()))
                    .append(")\n\n");
            if (!oneDiagram) {
                out.append(projectPackageDiagram(g.getValue(), byDisplay)).append("\n\n");
            }
            out.append(unitTable(g.getValue(), byDisplay, false)).append("\n\n");
        }

        if (!elsewhere.isEmpty()) {
            out.append("## Specs on disk not in the current reactor\n\n");
            out.append("These specs were written by earlier runs for projects this build does not include"
                    + " (for example with `-pl`); they are kept as they are.\n\n");
            out.append(unitTable(elsewhere, byDisplay, true)).append("\n\n");
        }
        return out.toString().strip() + "\n";
    }

    /** Groups the entries by their project, projects in reactor order; entries of no project come last. */
    static Map<ProjectModel, List<IndexEntry>> group(List<ProjectModel> projects, List<IndexEntry> entries) {
        Map<ProjectModel, List<IndexEntry>> groups = new LinkedHashMap<>();
        projects.forEach(p -> groups.put(p, new ArrayList<>()));
        Map<String, ProjectModel> orphans = new TreeMap<>();
        for (IndexEntry e : entries) {
            ProjectModel owner = projects.stream()
                    .filter(p -> p.artifactId().equals(e.artifactId())
                            && p.moduleDir().equals(e.moduleDir()))
                    .findFirst()
                    .or(() -> projects.stream()
                            .filter(p -> p.artifactId().equals(e.artifactId()))
                            .findFirst())
                    .orElseGet(() -> orphans.computeIfAbsent(e.artifactId() + "|" + e.moduleDir(), k -> standIn(e)));
            groups.computeIfAbsent(owner, k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    /** A project the entries name but the input does not list: enough to head its table. */
    private static ProjectModel standIn(IndexEntry e) {
        return new ProjectModel(
                "",
                e.artifactId(),
                "",
                e.artifactId(),
                "",
                java.nio.file.Path.of(""),
                e.moduleDir(),
                Integer.MAX_VALUE,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private static String summary(IndexInput input, List<IndexEntry> current, List<IndexEntry> elsewhere) {
        Map<String, Long> byStatus = input.entries().stream()
                .collect(Collectors.groupingBy(
                        e -> e.status().isBlank() ? "unknown" : e.status(), TreeMap::new, Collectors.counting()));
        StringBuilder sb = new StringBuilder("**")
                .append(SpecRenderer.plural(input.entries().size(), "unit"))
                .append("** in ")
                .append(SpecRenderer.plural(input.projects().size(), "reactor module"));
        if (!byStatus.isEmpty()) {
            sb.append(": ")
                    .append(byStatus.entrySet().stream()
                            .map(e -> e.getValue() + " " + Markdown.text(e.getKey()))
                            .collect(Collectors.joining(", ")));
        }
        sb.append('.');
        if (!elsewhere.isEmpty()) {
            sb.append(' ')
                    .append(current.size())
                    .append(" in the current reactor, ")
                    .append(elsewhere.size())
                    .append(" on disk from projects not in it.");
        }
        return sb.toString();
    }

    private static String projectLine(ProjectModel p, int units) {
        String dir = p.moduleDir().isEmpty() ? "the root directory" : "directory " + Markdown.code(p.moduleDir());
        StringBuilder sb = new StringBuilder();
        if (!p.groupId().isEmpty()) {
            sb.append(Markdown.code(p.key() + (p.version().isEmpty() ? "" : ":" + p.version())))
                    .append(", ");
        }
        sb.append(dir).append(", ").append(SpecRenderer.plural(units, "unit")).append('.');
        if (!p.reactorDependencies().isEmpty()) {
            sb.append(" Depends on ")
                    .append(SpecRenderer.codeList(
                            p.reactorDependencies().stream()
                                    .map(IndexRenderer::artifactOf)
                                    .toList(),
                            Integer.MAX_VALUE))
                    .append('.');
        }
        return sb.toString();
    }

    private static String artifactOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(colon + 1);
    }

    /** Projects as nodes, clustered by their parent directory, with their reactor dependencies. */
    private static String moduleDiagram(List<ProjectModel> projects) {
        Mermaid.Ids ids = new Mermaid.Ids("m_");
        Mermaid.Ids clusterIds = new Mermaid.Ids("d_");
        Map<String, List<ProjectModel>> clusters = new TreeMap<>();
        for (ProjectModel p : projects) {
            clusters.computeIfAbsent(RelativeLinks.parent(p.moduleDir()), k -> new ArrayList<>())
                    .add(p);
        }
        StringBuilder sb = new StringBuilder("```mermaid\nflowchart LR\n");
        clusters.forEach((dir, members) -> {
            String indent = "    ";
            if (!dir.isEmpty()) {
                sb.append("    subgraph ")
                        .append(clusterIds.of(dir))
                        .append('[')
                        .append(Mermaid.label(dir + "/"))
                        .append("]\n");
                indent = "        ";
            }
            for (ProjectModel p : members) {
                String label = p.moduleDir().isEmpty() ? p.artifactId() + " (root)" : p.artifactId();
                sb.append(indent)
                        .append(ids.of(p.key()))
                        .append('[')
                        .append(Mermaid.label(label))
                        .append("]\n");
            }
            if (!dir.isEmpty()) {
                sb.append("    end\n");
            }
        });
        Map<String, ProjectModel> byKey = new HashMap<>();
        projects.forEach(p -> byKey.put(p.key(), p));
        for (ProjectModel p : projects) {
            for (String dep : p.reactorDependencies()) {
                if (byKey.containsKey(dep)) {
                    sb.append("    ")
                            .append(ids.of(p.key()))
                            .append(" --> ")
                            .append(ids.of(dep))
                            .append('\n');
                }
            }
        }
        return sb.append("```").toString();
    }

    /** Every unit of the reactor, one cluster per project, with the package dependencies. */
    private static String reactorPackageDiagram(
            Map<ProjectModel, List<IndexEntry>> groups, Map<String, IndexEntry> byDisplay) {
        Mermaid.Ids ids = new Mermaid.Ids("u_");
        Mermaid.Ids clusterIds = new Mermaid.Ids("p_");
        StringBuilder sb = new StringBuilder("```mermaid\nflowchart LR\n");
        List<IndexEntry> shown = new ArrayList<>();
        groups.forEach((p, entries) -> {
            if (entries.isEmpty()) {
                return;
            }
            sb.append("    subgraph ")
                    .append(clusterIds.of(p.artifactId() + "|" + p.moduleDir()))
                    .append('[')
                    .append(Mermaid.label(p.artifactId()))
                    .append("]\n");
            for (IndexEntry e : entries) {
                sb.append("        ")
                        .append(ids.of(e.display()))
                        .append('[')
                        .append(Mermaid.label(e.displayPackage()))
                        .append("]\n");
                shown.add(e);
            }
            sb.append("    end\n");
        });
        appendEdges(sb, shown, byDisplay, ids);
        return sb.append("```").toString();
    }

    /** One project's units (capped) and the dependencies between them. */
    private static String projectPackageDiagram(List<IndexEntry> entries, Map<String, IndexEntry> byDisplay) {
        Mermaid.Ids ids = new Mermaid.Ids("u_");
        List<IndexEntry> shown =
                entries.stream().limit(MAX_NODES_PER_PROJECT_DIAGRAM).toList();
        StringBuilder sb = new StringBuilder("```mermaid\nflowchart LR\n");
        for (IndexEntry e : shown) {
            sb.append("    ")
                    .append(ids.of(e.display()))
                    .append('[')
                    .append(Mermaid.label(e.displayPackage()))
                    .append("]\n");
        }
        int hidden = entries.size() - shown.size();
        if (hidden > 0) {
            sb.append("    more_units[")
                    .append(Mermaid.label("… and " + hidden + " more"))
                    .append("]\n");
        }
        appendEdges(sb, shown, byDisplay, ids);
        sb.append("```");
        if (hidden > 0) {
            sb.append("\n\nThe diagram shows the first ")
                    .append(shown.size())
                    .append(" of ")
                    .append(entries.size())
                    .append(" packages in processing order; the table lists them all.");
        }
        return sb.toString();
    }

    /** Edges between shown nodes only: an edge to a node not drawn would make Mermaid invent it. */
    private static void appendEdges(
            StringBuilder sb, List<IndexEntry> shown, Map<String, IndexEntry> byDisplay, Mermaid.Ids ids) {
        java.util.Set<String> drawn = shown.stream().map(IndexEntry::display).collect(Collectors.toSet());
        for (IndexEntry e : shown) {
            for (String dep : e.dependsOn()) {
                if (drawn.contains(dep) && byDisplay.containsKey(dep) && !dep.equals(e.display())) {
                    sb.append("    ")
                            .append(ids.of(e.display()))
                            .append(" --> ")
                            .append(ids.of(dep))
                            .append('\n');
                }
            }
        }
    }

    private static String unitTable(List<IndexEntry> entries, Map<String, IndexEntry> byDisplay, boolean withModule) {
        List<String> rows = new ArrayList<>();
        rows.add(
                withModule
                        ? Markdown.tableHead("Module", "Package", "Level", "Status", "Depends on", "Intent")
                        : Markdown.tableHead("Package", "Level", "Status", "Depends on", "Intent"));
        for (IndexEntry e : entries) {
            List<String> cells = new ArrayList<>();
            if (withModule) {
                cells.add(Markdown.code(e.artifactId()));
            }
            cells.add(Markdown.codeLink(e.displayPackage(), link(e.specPath())));
            cells.add(e.level() < 0 ? "?" : Integer.toString(e.level()));
            cells.add(e.status().isBlank() ? "unknown" : Markdown.text(e.status()));
            cells.add(dependsOn(e, byDisplay));
            cells.add(Markdown.text(e.intent()));
            rows.add(Markdown.row(cells));
        }
        return String.join("\n", rows);
    }

    private static String dependsOn(IndexEntry e, Map<String, IndexEntry> byDisplay) {
        if (e.dependsOn().isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (String dep : e.dependsOn().stream().limit(MAX_DEPENDS_IN_CELL).toList()) {
            IndexEntry target = byDisplay.get(dep);
            parts.add(target == null ? Markdown.code(dep) : Markdown.codeLink(dep, link(target.specPath())));
        }
        String more = e.dependsOn().size() > MAX_DEPENDS_IN_CELL
                ? " and " + (e.dependsOn().size() - MAX_DEPENDS_IN_CELL) + " more"
                : "";
        return String.join(", ", parts) + more;
    }

    private static String link(String specPath) {
        return Markdown.linkTarget(RelativeLinks.relative(FROM_DIR, specPath));
    }
}
