package io.github.reversespec.analysis;

import java.util.List;

/**
 * The facts of a project's {@code module-info.java}.
 *
 * @param name the module name
 * @param file the descriptor relative to the execution root
 * @param exports exported packages (qualified exports as {@code pkg to m1, m2})
 * @param opens opened packages, likewise
 * @param requires required modules, with {@code transitive}/{@code static} as written
 */
public record ModuleDescriptorFacts(
        String name, String file, List<String> exports, List<String> opens, List<String> requires) {

    public ModuleDescriptorFacts {
        exports = List.copyOf(exports);
        opens = List.copyOf(opens);
        requires = List.copyOf(requires);
    }

    /** Whether the package is exported to every module (not only to named ones). */
    public boolean exportsPackage(String pkg) {
        return exports.contains(pkg);
    }

    /** Whether the package is exported only to the named modules ({@code exports pkg to m1, m2}). */
    public boolean exportsPackageQualified(String pkg) {
        return exports.stream().anyMatch(e -> e.startsWith(pkg + " to "));
    }
}
