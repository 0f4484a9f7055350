package io.github.reversespec.render;

import java.util.List;

/**
 * One unit in the architecture index: from this run's graph, or from a spec found on disk.
 *
 * @param artifactId the owning project's artifactId
 * @param moduleDir the owning project's directory relative to the root, empty for the root project
 * @param packageName the package name; empty or {@code _default} for the default package
 * @param specPath the spec file relative to the execution root ({@code specs/...})
 * @param status the spec's status ({@code llm}, {@code ast-only}), or empty when unknown
 * @param level the unit's level in the graph, -1 when unknown
 * @param dependsOn {@code artifactId:package} of its direct dependencies
 * @param intent its one-line intent, or empty
 * @param inCurrentReactor whether the unit belongs to a project of this run's reactor
 */
public record IndexEntry(
        String artifactId,
        String moduleDir,
        String packageName,
        String specPath,
        String status,
        int level,
        List<String> dependsOn,
        String intent,
        boolean inCurrentReactor) {

    public IndexEntry {
        moduleDir = moduleDir == null ? "" : moduleDir;
        packageName = packageName == null ? "" : packageName;
        status = status == null ? "" : status;
        dependsOn = List.copyOf(dependsOn);
        intent = intent == null ? "" : intent;
    }

    /** The package as shown: {@code _default} for the default package. */
    public String displayPackage() {
        return packageName.isEmpty() ? "_default" : packageName;
    }

    /** {@code artifactId:package}, the form {@link #dependsOn} uses. */
    public String display() {
        return artifactId + ":" + displayPackage();
    }
}
