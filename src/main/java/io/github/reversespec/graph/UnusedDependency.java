package io.github.reversespec.graph;

import io.github.reversespec.reactor.ProjectModel;

/**
 * A reactor module dependency declared in a pom that no code of the declaring module uses: no main
 * or test file of it imports or names a type of the dependency, and no package of it shares a name
 * with one of the dependency's (code in the same package needs no import, so such a dependency is
 * never reported).
 *
 * @param project the project whose pom declares the dependency
 * @param dependency the declared reactor project
 * @param dependencyHasCode whether the dependency has main Java sources at all (one without may
 *     serve packaging, resources or run time)
 * @param projectHasCode whether the declaring project has main Java sources at all
 */
public record UnusedDependency(
        ProjectModel project, ProjectModel dependency, boolean dependencyHasCode, boolean projectHasCode) {}
