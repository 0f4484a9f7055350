package io.github.reversespec.render;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.spec.SpecLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code specs/llms.txt}: the spec set as a coding agent looks for it, in the llms.txt format
 * (llmstxt.org): an H1 title, a one-paragraph {@code >} summary, a short note, then {@code ##} sections
 * of {@code - [name](url): notes} link lists. One section per reactor module lists its specs with their
 * one-line intents; an "Optional" section (the format's name for what an agent may skip) lists specs on
 * disk from projects this reactor no longer holds. Built from the same input as the index, so the two
 * always agree; deterministic: the same input gives the same bytes.
 */
public final class LlmsTxtRenderer {

    /** The file's path relative to the execution root. */
    public static final String PATH = SpecLayout.LLMS_TXT_PATH;

    private static final String FROM_DIR = RelativeLinks.parent(PATH);

    /**
     * Renders the file.
     *
     * @param input the units and projects, as the index gets them
     * @return the whole file, {@code \n} line endings, ending with one newline
     */
    public String render(IndexInput input) {
        List<IndexEntry> current =
                input.entries().stream().filter(IndexEntry::inCurrentReactor).toList();
        List<IndexEntry> elsewhere = input.entries().stream()
                .filter(e -> !e.inCurrentReactor())
                .sorted(Comparator.comparing(IndexEntry::specPath))
                .toList();
        ProjectModel root = rootProject(input.projects());

        StringBuilder out = new StringBuilder(2048);
        out.append("# ").append(Markdown.text(title(root))).append("\n\n");
        out.append("> ")
                .append(summary(root, input.projects().size(), current.size()))
                .append("\n\n");
        out.append("Design specs written from the code by ")
                .append(Markdown.code(input.generator()))
                .append(", one Markdown file per Java package of every reactor module: intent, public interface with"
                        + " exact signatures, behaviour, data structures, constraints, edge cases, technical debt,"
                        + " test coverage and dependencies. Links are relative to this file. Read a package's spec"
                        + " before changing its code; start from the architecture index for the big picture.\n\n");

        out.append("## Architecture\n\n");
        out.append(item(
                        "Architecture index",
                        SpecLayout.INDEX_PATH,
                        "the reactor's modules and how they depend on each other, every package with its level, status,"
                                + " dependencies and intent"))
                .append("\n\n");

        for (Map.Entry<ProjectModel, List<IndexEntry>> g :
                IndexRenderer.group(input.projects(), current).entrySet()) {
            if (g.getValue().isEmpty()) {
                continue; // a project without Java packages (a parent pom) has nothing to link
            }
            out.append("## ").append(Markdown.text(heading(g.getKey()))).append("\n\n");
            g.getValue()
                    .forEach(e -> out.append(item(e.displayPackage(), e.specPath(), e.intent()))
                            .append('\n'));
            out.append('\n');
        }

        if (!elsewhere.isEmpty()) {
            out.append("## Optional\n\n");
            for (IndexEntry e : elsewhere) {
                String note = "module " + e.artifactId() + ", not in the current reactor (written by an earlier run)";
                out.append(item(
                                e.displayPackage(),
                                e.specPath(),
                                e.intent().isEmpty() ? note : note + ": " + e.intent()))
                        .append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    /** The project at the execution root; a reactor whose root holds no project is named by its first. */
    private static ProjectModel rootProject(List<ProjectModel> projects) {
        return projects.stream()
                .filter(p -> p.moduleDir().isEmpty())
                .findFirst()
                .orElse(projects.isEmpty() ? null : projects.get(0));
    }

    private static String title(ProjectModel root) {
        if (root == null) {
            return "Design specs";
        }
        return root.name().isBlank() ? root.artifactId() : root.name();
    }

    /** The root project's description, or a sentence built from the reactor's size. */
    private static String summary(ProjectModel root, int modules, int packages) {
        if (root != null && !root.description().isBlank()) {
            return Markdown.text(root.description());
        }
        return "Design specs of a Java reactor of " + SpecRenderer.plural(modules, "module") + " and "
                + SpecRenderer.plural(packages, "package") + ", one spec per package.";
    }

    /** The artifactId, and the directory when it says something the artifactId does not. */
    private static String heading(ProjectModel p) {
        if (p.moduleDir().isEmpty()) {
            return p.artifactId() + " (root)";
        }
        return p.moduleDir().equals(p.artifactId()) ? p.artifactId() : p.artifactId() + " (" + p.moduleDir() + ")";
    }

    /**
     * One link line: {@code - [name](url): notes}. Name and notes are folded onto the line and
     * escaped as text ({@code [}, {@code ]}, {@code <}, emphasis), the name's parentheses too, so
     * nothing in them can end the link early, open another or split the line; the URL is
     * percent-encoded. The notes keep their parentheses: with every bracket escaped, a {@code (}
     * there cannot form a link.
     */
    static String item(String name, String rootRelativePath, String notes) {
        String label = Markdown.text(name).replace("(", "\\(").replace(")", "\\)");
        String line =
                "- [" + label + "](" + Markdown.linkTarget(RelativeLinks.relative(FROM_DIR, rootRelativePath)) + ")";
        String text = Markdown.text(notes);
        return text.isEmpty() ? line : line + ": " + text;
    }
}
