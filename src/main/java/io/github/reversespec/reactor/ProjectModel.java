package io.github.reversespec.reactor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One reactor project as the core sees it: where its sources are, how they are encoded and what it
 * depends on. Built by the Maven adapter; the core never sees a {@code MavenProject}.
 *
 * @param groupId the project's groupId
 * @param artifactId the project's artifactId
 * @param version the project's version
 * @param name the project's display name (may equal the artifactId)
 * @param description the pom's description on one line (whitespace runs collapsed), or empty
 * @param baseDir the project's base directory (absolute, normalised)
 * @param moduleDir the base directory relative to the execution root, with '/' separators; empty
 *     for the root project
 * @param reactorIndex position of the project in Maven's reactor order (0 first)
 * @param sourceRoots the main compile source roots that are not generated; the adapter leaves out
 *     the conventional {@code src/main/java} when it is missing, so a root listed here that does
 *     not exist was configured and is reported
 * @param testSourceRoots the test compile source roots, likewise
 * @param reactorDependencies keys ({@code groupId:artifactId}) of reactor projects this one
 *     declares a dependency on, in declaration order
 * @param externalDependencies {@code groupId:artifactId:version} of every other declared
 *     dependency, with {@code :scope} appended when not compile
 * @param sourceEncoding the charset its source files are decoded with ({@code
 *     project.build.sourceEncoding}, UTF-8 when unset)
 * @param selected whether the run writes this project's specs ({@code -pl}); every project is
 *     analysed and serves as context either way, so a spec is the same bytes whatever is selected
 * @param resourceRoots the main resource directories ({@code <resources>}), absolute or relative to
 *     {@code baseDir}; the analysis reads their {@code META-INF/services} files. A root that does
 *     not exist is skipped silently: most projects have no resources
 */
public record ProjectModel(
        String groupId,
        String artifactId,
        String version,
        String name,
        String description,
        Path baseDir,
        String moduleDir,
        int reactorIndex,
        List<Path> sourceRoots,
        List<Path> testSourceRoots,
        List<String> reactorDependencies,
        List<String> externalDependencies,
        Charset sourceEncoding,
        boolean selected,
        List<Path> resourceRoots) {

    /** Maven's default resource directory, what a project without {@code <resources>} has. */
    public static final Path DEFAULT_RESOURCE_ROOT = Path.of("src/main/resources");

    public ProjectModel {
        resourceRoots = List.copyOf(resourceRoots);
        description = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        sourceRoots = List.copyOf(sourceRoots);
        testSourceRoots = List.copyOf(testSourceRoots);
        reactorDependencies = List.copyOf(reactorDependencies);
        externalDependencies = List.copyOf(externalDependencies);
        Objects.requireNonNull(sourceEncoding, "sourceEncoding");
    }

    /**
     * A selected project with UTF-8 sources: what a reactor without {@code -pl} and without a
     * {@code project.build.sourceEncoding} holds, and what most tests need.
     */
    public ProjectModel(
            String groupId,
            String artifactId,
            String version,
            String name,
            String description,
            Path baseDir,
            String moduleDir,
            int reactorIndex,
            List<Path> sourceRoots,
            List<Path> testSourceRoots,
            List<String> reactorDependencies,
            List<String> externalDependencies) {
        this(
                groupId,
                artifactId,
                version,
                name,
                description,
                baseDir,
                moduleDir,
                reactorIndex,
                sourceRoots,
                testSourceRoots,
                reactorDependencies,
                externalDependencies,
                StandardCharsets.UTF_8,
                true);
    }

    /** A project whose resources are in the default {@code src/main/resources}. */
    public ProjectModel(
            String groupId,
            String artifactId,
            String version,
            String name,
            String description,
            Path baseDir,
            String moduleDir,
            int reactorIndex,
            List<Path> sourceRoots,
            List<Path> testSourceRoots,
            List<String> reactorDependencies,
            List<String> externalDependencies,
            Charset sourceEncoding,
            boolean selected) {
        this(
                groupId,
                artifactId,
                version,
                name,
                description,
                baseDir,
                moduleDir,
                reactorIndex,
                sourceRoots,
                testSourceRoots,
                reactorDependencies,
                externalDependencies,
                sourceEncoding,
                selected,
                List.of(DEFAULT_RESOURCE_ROOT));
    }

    /** The key other projects use to name this one: {@code groupId:artifactId}. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** This project with another charset for its sources. */
    public ProjectModel withSourceEncoding(Charset sourceEncoding) {
        return new ProjectModel(
                groupId,
                artifactId,
                version,
                name,
                description,
                baseDir,
                moduleDir,
                reactorIndex,
                sourceRoots,
                testSourceRoots,
                reactorDependencies,
                externalDependencies,
                sourceEncoding,
                selected,
                resourceRoots);
    }

    /** This project, selected or not for writing. */
    public ProjectModel withSelected(boolean selected) {
        return new ProjectModel(
                groupId,
                artifactId,
                version,
                name,
                description,
                baseDir,
                moduleDir,
                reactorIndex,
                sourceRoots,
                testSourceRoots,
                reactorDependencies,
                externalDependencies,
                sourceEncoding,
                selected,
                resourceRoots);
    }
}
