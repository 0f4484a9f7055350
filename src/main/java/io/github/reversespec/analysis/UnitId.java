package io.github.reversespec.analysis;

import java.util.Comparator;

/**
 * Names one unit: one Java package of one reactor project. The same package name in two projects
 * is two units.
 *
 * @param projectKey {@code groupId:artifactId} of the owning project
 * @param artifactId the owning project's artifactId (what the spec and the log show)
 * @param moduleDir the owning project's directory relative to the execution root ('/'-separated,
 *     empty for the root project)
 * @param packageName the package name, empty for the default package
 */
public record UnitId(String projectKey, String artifactId, String moduleDir, String packageName)
        implements Comparable<UnitId> {

    /** File-name stand-in for the default package. */
    public static final String DEFAULT_PACKAGE = "_default";

    private static final Comparator<UnitId> ORDER = Comparator.comparing(UnitId::moduleDir)
            .thenComparing(UnitId::projectKey)
            .thenComparing(UnitId::packageName);

    /** The package name as shown to people: {@code _default} for the default package. */
    public String displayPackage() {
        return packageName.isEmpty() ? DEFAULT_PACKAGE : packageName;
    }

    /** {@code artifactId:package}, as progress lines and summaries show it. */
    public String display() {
        return artifactId + ":" + displayPackage();
    }

    /** A stable string key, unique in a reactor: {@code projectKey|package}. */
    public String key() {
        return projectKey + "|" + packageName;
    }

    @Override
    public int compareTo(UnitId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return display();
    }
}
