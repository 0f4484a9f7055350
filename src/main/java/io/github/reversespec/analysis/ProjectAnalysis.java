package io.github.reversespec.analysis;

import io.github.reversespec.reactor.ProjectModel;
import java.util.List;
import java.util.Optional;

/**
 * The analysis of one reactor project.
 *
 * @param project the project
 * @param units one per package of its main sources, sorted by package name
 * @param tests facts of each of its test source files, sorted by path
 * @param moduleDescriptor its {@code module-info.java}, if it has one
 * @param problems problems that belong to no unit (a missing root, a symlink loop, an unreadable
 *     directory, an unparsable {@code module-info.java})
 */
public record ProjectAnalysis(
        ProjectModel project,
        List<UnitAnalysis> units,
        List<TestClassFacts> tests,
        Optional<ModuleDescriptorFacts> moduleDescriptor,
        List<ParseProblem> problems) {

    public ProjectAnalysis {
        units = List.copyOf(units);
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
    }
}
