package io.github.reversespec.render;

import io.github.reversespec.analysis.SourceLine;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.UnitCycle;
import io.github.reversespec.graph.UnusedDependency;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.spec.SpecLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@code specs/_index.spec.md}: the reactor's modules and how they depend on each other (one
 * diagram), every dependency cycle with the import or reference that closes it, the declared module
 * dependencies no code uses, then per project its package diagrams ({@link PackageDiagrams}: at
 * most 60 nodes each, every package drawn) and every unit with a spec, linked to it, and last every
 * unit alphabetically. Deterministic: the same input gives the same bytes.
 */
public final class IndexRenderer {

    /** The index's path relative to the execution root. */
    public static final String INDEX_PATH = SpecLayout.INDEX_PATH;

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
            out.append(moduleDiagram(input.projects(), groups, input.unusedDependencies()))
                    .append("\n\n");
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

        if (!current.isEmpty() || !input.cycles().isEmpty()) {
            out.append("## Dependency cycles\n\n")
                    .append(cycles(input.cycles(), byDisplay))
                    .append("\n\n");
        }
        if (input.projects().size() > 1) {
            out.append("## Module dependencies no code uses\n\n")
                    .append(unused(input.unusedDependencies()))
                    .append("\n\n");
        }

        out.append("## Units\n\n");
        if (current.isEmpty()) {
            out.append("No unit of the current reactor has a spec.\n\n");
        } else {
            out.append("Per module: a diagram of its packages (at most ")
                    .append(PackageDiagrams.MAX_NODES)
                    .append(" nodes each; a bigger module gets an overview of its package groups, then a diagram"
                            + " per group), then every package in processing order.\n\n");
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
            String diagrams = PackageDiagrams.render("####", g.getValue());
            if (!diagrams.isEmpty()) {
                out.append(diagrams).append("\n\n");
            }
            out.append(unitTable(g.getValue(), byDisplay, false)).append("\n\n");
        }

        if (!elsewhere.isEmpty()) {
            out.append("## Specs on disk not in the current reactor\n\n");
            out.append("These specs were written by earlier runs for projects this build does not include"
                    + " (for example with `-pl`); they are kept as they are.\n\n");
            out.append(unitTable(elsewhere, byDisplay, true)).append("\n\n");
        }

        if (!input.entries().isEmpty()) {
            out.append("## Packages A–Z\n\n")
                    .append(alphabetical(input.entries()))
                    .append("\n\n");
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

    /**
     * Projects as nodes (with their number of units), clustered by their parent directory, with
     * their declared reactor dependencies; one that no code uses is dashed and labelled.
     */
    private static String moduleDiagram(
            List<ProjectModel> projects,
            Map<ProjectModel, List<IndexEntry>> groups,
            List<UnusedDependency> unusedDependencies) {
        Mermaid.Ids ids = new Mermaid.Ids("m_");
        Mermaid.Ids clusterIds = new Mermaid.Ids("d_");
        Map<String, List<ProjectModel>> clusters = new TreeMap<>();
        for (ProjectModel p : projects) {
            clusters.computeIfAbsent(RelativeLinks.parent(p.moduleDir()), k -> new ArrayList<>())
                    .add(p);
        }
        Set<String> unused = new HashSet<>();
        unusedDependencies.forEach(
                u -> unused.add(u.project().key() + ">" + u.dependency().key()));
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
                int units = groups.getOrDefault(p, List.of()).size();
                String label = (p.moduleDir().isEmpty() ? p.artifactId() + " (root)" : p.artifactId())
                        + (units == 0 ? "" : " · " + SpecRenderer.plural(units, "package"));
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
                            .append(unused.contains(p.key() + ">" + dep) ? " -.->|\"unused\"| " : " --> ")
                            .append(ids.of(dep))
                            .append('\n');
                }
            }
        }
        sb.append("```\n\nAn arrow points from a module to a reactor module its pom declares a dependency on");
        if (!unused.isEmpty()) {
            sb.append("; a dashed one marked unused is declared but no code uses it (see below)");
        }
        return sb.append('.').toString();
    }

    /** Every cycle: its members, one loop through it and the import or reference that closes the loop. */
    private static String cycles(List<UnitCycle> cycles, Map<String, IndexEntry> byDisplay) {
        if (cycles.isEmpty()) {
            return "None: no package depends, directly or through others, on a package that depends on it.";
        }
        StringBuilder sb = new StringBuilder()
                .append(SpecRenderer.plural(cycles.size(), "cycle"))
                .append(" between packages (the packages of a cycle are written as one block). Each lists its"
                        + " members, a shortest loop from the first member back to it, and the import or reference"
                        + " that makes the loop's last edge.\n");
        int n = 0;
        for (UnitCycle c : cycles) {
            boolean oneModule =
                    c.members().stream().map(UnitId::projectKey).distinct().count() == 1;
            Function<UnitId, String> name = id -> oneModule ? id.displayPackage() : id.display();
            sb.append('\n').append(++n).append(". ");
            if (oneModule) {
                sb.append(Markdown.code(c.members().get(0).artifactId())).append(", ");
            }
            sb.append(SpecRenderer.plural(c.members().size(), "package"))
                    .append(": ")
                    .append(c.members().stream()
                            .map(id -> unitLink(id, name.apply(id), byDisplay))
                            .collect(Collectors.joining(", ")))
                    .append(".\n   Loop: ")
                    .append(c.loop().stream()
                            .map(id -> Markdown.code(name.apply(id)))
                            .collect(Collectors.joining(" → ")))
                    .append(" → ")
                    .append(Markdown.code(name.apply(c.closingTo())))
                    .append(".\n   Closed by ")
                    .append(Markdown.code(name.apply(c.closingFrom())))
                    .append(" → ")
                    .append(Markdown.code(name.apply(c.closingTo())));
            sb.append(c.site()
                    .map(site -> " at " + Markdown.codeLink(site.toString(), sourceLink(site)) + ".")
                    .orElse(" (the place in the code is not known)."));
        }
        return sb.toString();
    }

    private static String unitLink(UnitId id, String label, Map<String, IndexEntry> byDisplay) {
        IndexEntry e = byDisplay.get(id.display());
        return e == null ? Markdown.code(label) : Markdown.codeLink(label, link(e.specPath()));
    }

    private static String sourceLink(SourceLine site) {
        return Markdown.linkTarget(RelativeLinks.relative(FROM_DIR, site.file()))
                + (site.line() > 0 ? "#L" + site.line() : "");
    }

    /** The declared reactor module dependencies that no code uses, or a sentence that there is none. */
    private static String unused(List<UnusedDependency> unused) {
        if (unused.isEmpty()) {
            return "None: the code of every module uses each reactor module its pom declares.";
        }
        StringBuilder sb = new StringBuilder("Declared in a pom, but no main or test file of the declaring module"
                + " imports or names a type of the dependency (it may still be needed at run time, or only"
                + " bring in its own dependencies):\n");
        for (UnusedDependency u : unused) {
            sb.append("\n- ")
                    .append(Markdown.code(u.project().artifactId()))
                    .append(" declares ")
                    .append(Markdown.code(u.dependency().artifactId()));
            List<String> why = new ArrayList<>();
            if (!u.projectHasCode()) {
                why.add(Markdown.code(u.project().artifactId()) + " has no Java sources");
            }
            if (!u.dependencyHasCode()) {
                why.add(Markdown.code(u.dependency().artifactId())
                        + " has no Java sources: it may serve packaging or resources");
            }
            if (!why.isEmpty()) {
                sb.append(" (").append(String.join("; ", why)).append(')');
            }
            sb.append('.');
        }
        return sb.toString();
    }

    /** Every unit by package name, then module: a link to its spec, its module and its intent. */
    private static String alphabetical(List<IndexEntry> entries) {
        List<IndexEntry> sorted = entries.stream()
                .sorted(Comparator.comparing(IndexEntry::displayPackage)
                        .thenComparing(IndexEntry::artifactId)
                        .thenComparing(IndexEntry::moduleDir)
                        .thenComparing(IndexEntry::specPath))
                .toList();
        List<String> rows = new ArrayList<>();
        rows.add(Markdown.tableHead("Package", "Module", "Intent"));
        for (IndexEntry e : sorted) {
            rows.add(Markdown.row(List.of(
                    Markdown.codeLink(e.displayPackage(), link(e.specPath())),
                    Markdown.code(e.artifactId()) + (e.inCurrentReactor() ? "" : " (not in the reactor)"),
                    Markdown.text(e.intent()))));
        }
        return String.join("\n", rows);
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

    /** Its dependencies, those of its own module first (by package name alone), then the others. */
    private static String dependsOn(IndexEntry e, Map<String, IndexEntry> byDisplay) {
        if (e.dependsOn().isEmpty()) {
            return "—";
        }
        String own = e.artifactId() + ":";
        List<String> ordered = new ArrayList<>();
        e.dependsOn().stream().filter(d -> d.startsWith(own)).forEach(ordered::add);
        e.dependsOn().stream().filter(d -> !d.startsWith(own)).forEach(ordered::add);
        List<String> parts = new ArrayList<>();
        for (String dep : ordered.stream().limit(MAX_DEPENDS_IN_CELL).toList()) {
            IndexEntry target = byDisplay.get(dep);
            String label = dep.startsWith(own) ? dep.substring(own.length()) : dep;
            parts.add(target == null ? Markdown.code(label) : Markdown.codeLink(label, link(target.specPath())));
        }
        String more =
                ordered.size() > MAX_DEPENDS_IN_CELL ? " and " + (ordered.size() - MAX_DEPENDS_IN_CELL) + " more" : "";
        return String.join(", ", parts) + more;
    }

    private static String link(String specPath) {
        return Markdown.linkTarget(RelativeLinks.relative(FROM_DIR, specPath));
    }
}
