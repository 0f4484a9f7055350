package io.github.reversespec.maven;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectSorter;

/**
 * Turns Maven's reactor into the plain {@link ReactorModel} the core works on: every project of the
 * reactor in reactor order, with its source roots, source encoding and declared dependencies, each
 * marked selected when the session builds it ({@code -pl}). The projects {@code -pl} leaves out are
 * kept as context, so that a spec is the same bytes with or without {@code -pl}. Reads the model
 * only — no dependency resolution, no compiled classes.
 */
final class MavenReactorReader {

    /** The pom property that names the sources' charset. */
    static final String SOURCE_ENCODING = "project.build.sourceEncoding";

    private MavenReactorReader() {}

    /**
     * @throws MojoFailureException when a project's {@code project.build.sourceEncoding} names no
     *     charset this Java runtime knows, naming the project and the value
     */
    static ReactorModel read(MavenSession session) throws MojoFailureException {
        Path root = executionRoot(session);
        List<MavenProject> selected = session.getProjects();
        List<MavenProject> all = buildOrder(session.getAllProjects() != null ? session.getAllProjects() : selected);
        Set<String> reactorKeys = new LinkedHashSet<>();
        for (MavenProject p : all) {
            reactorKeys.add(key(p));
        }
        Set<String> selectedKeys = new HashSet<>();
        for (MavenProject p : selected) {
            selectedKeys.add(key(p));
        }
        List<ProjectModel> projects = new ArrayList<>();
        int index = 0;
        for (MavenProject project : all) {
            projects.add(toModel(project, root, index++, reactorKeys, selectedKeys.contains(key(project))));
        }
        return new ReactorModel(root, projects);
    }

    /**
     * The projects in Maven's build order. {@code getAllProjects()} keeps the order the modules were
     * collected in (app, core, parent for a parent pom listing app first), while the order units,
     * the index and the summary follow is the build order, the same with or without {@code -pl}.
     */
    static List<MavenProject> buildOrder(List<MavenProject> projects) {
        try {
            return new ProjectSorter(projects).getSortedProjects();
        } catch (Exception e) {
            // A cycle or a duplicate (Maven refuses such a reactor before any goal runs). Caught as
            // Exception: the cycle's class is plexus-utils', which Maven 3.9 no longer gives plugins.
            return projects;
        }
    }

    /**
     * The directory Maven was started for (the {@code -f} pom's directory, else the working
     * directory). Not the top-level project: with {@code -pl} that is the first selected module.
     */
    static Path executionRoot(MavenSession session) {
        return Paths.get(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
    }

    private static String key(MavenProject p) {
        return p.getGroupId() + ":" + p.getArtifactId();
    }

    private static ProjectModel toModel(
            MavenProject project, Path root, int index, Set<String> reactorKeys, boolean selected)
            throws MojoFailureException {
        Path baseDir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path buildDir =
                Paths.get(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        String moduleDir = baseDir.startsWith(root)
                ? root.relativize(baseDir).toString().replace('\\', '/')
                : project.getArtifactId();

        List<Path> sources = roots(
                project.getCompileSourceRoots(),
                project.getBuild().getSourceDirectory(),
                baseDir.resolve("src/main/java"),
                baseDir,
                buildDir);
        List<Path> tests = roots(
                project.getTestCompileSourceRoots(),
                project.getBuild().getTestSourceDirectory(),
                baseDir.resolve("src/test/java"),
                baseDir,
                buildDir);

        List<String> reactorDeps = new ArrayList<>();
        List<String> externalDeps = new ArrayList<>();
        for (Dependency d : project.getDependencies()) {
            String key = d.getGroupId() + ":" + d.getArtifactId();
            if (reactorKeys.contains(key)) {
                if (!reactorDeps.contains(key)) {
                    reactorDeps.add(key);
                }
            } else {
                String gav = key + ":" + (d.getVersion() == null ? "?" : d.getVersion());
                String scope = d.getScope();
                externalDeps.add(scope == null || scope.isEmpty() || scope.equals("compile") ? gav : gav + ":" + scope);
            }
        }
        String name =
                project.getName() == null || project.getName().isBlank() ? project.getArtifactId() : project.getName();
        return new ProjectModel(
                project.getGroupId(),
                project.getArtifactId(),
                project.getVersion(),
                name,
                project.getDescription(),
                baseDir,
                moduleDir,
                index,
                sources,
                tests,
                reactorDeps,
                externalDeps,
                sourceEncoding(project, root),
                selected,
                resourceRoots(project, baseDir, buildDir));
    }

    /**
     * The main resource directories outside the build directory (generated resources stay out),
     * those with a {@code <targetPath>} left out: their files do not land where the JDK's {@code
     * ServiceLoader} looks. Whether they exist is the analysis's to find out.
     */
    static List<Path> resourceRoots(MavenProject project, Path baseDir, Path buildDir) {
        Set<Path> roots = new LinkedHashSet<>();
        for (Resource r : project.getBuild().getResources()) {
            if (r.getDirectory() == null
                    || (r.getTargetPath() != null && !r.getTargetPath().isBlank())) {
                continue;
            }
            Path p = baseDir.resolve(r.getDirectory()).toAbsolutePath().normalize();
            if (!p.startsWith(buildDir)) {
                roots.add(p);
            }
        }
        return List.copyOf(roots);
    }

    /**
     * The project's {@code project.build.sourceEncoding}, UTF-8 when unset or blank (Maven's own
     * plugins warn and fall back to the platform's charset there; UTF-8 is what the contract
     * promises and what almost every codebase is).
     */
    static Charset sourceEncoding(MavenProject project, Path root) throws MojoFailureException {
        String value = project.getProperties().getProperty(SOURCE_ENCODING);
        if (value == null || value.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(value.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MojoFailureException("reverse-spec: project " + project.getArtifactId() + " ("
                    + pom(project, root) + ") sets " + SOURCE_ENCODING + " to '" + value
                    + "', which is not a charset this Java runtime knows; set it to the encoding of its sources, "
                    + "such as UTF-8 or ISO-8859-1.");
        }
    }

    private static String pom(MavenProject project, Path root) {
        if (project.getFile() == null) {
            return "its pom";
        }
        Path pom = project.getFile().toPath().toAbsolutePath().normalize();
        return (pom.startsWith(root) ? root.relativize(pom) : pom).toString().replace('\\', '/');
    }

    /**
     * The registered roots that lie outside the build directory (generated sources stay out), or
     * the pom's source directory when no root was registered yet. The conventional directory
     * ({@code src/main/java}, {@code src/test/java}) is dropped when it is missing: most projects
     * without Java code (aggregators, resource modules) simply have none. Any other missing root
     * was configured ({@code <sourceDirectory>}, a plugin such as build-helper) and is kept, so
     * that the core reports it. "Conventional" is the default path, not the pom's source
     * directory: that one is the configured value.
     */
    private static List<Path> roots(
            List<String> registered, String pomDir, Path conventional, Path baseDir, Path buildDir) {
        Set<Path> roots = new LinkedHashSet<>();
        if (registered != null) {
            for (String r : registered) {
                Path p = baseDir.resolve(r).toAbsolutePath().normalize();
                if (!p.startsWith(buildDir)) {
                    roots.add(p);
                }
            }
        }
        if (roots.isEmpty() && pomDir != null) {
            Path p = baseDir.resolve(pomDir).toAbsolutePath().normalize();
            if (!p.startsWith(buildDir)) {
                roots.add(p);
            }
        }
        Path defaultRoot = conventional.toAbsolutePath().normalize();
        roots.removeIf(p -> p.equals(defaultRoot) && !Files.exists(p));
        return List.copyOf(roots);
    }
}
