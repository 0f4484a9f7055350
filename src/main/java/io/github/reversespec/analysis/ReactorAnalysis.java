package io.github.reversespec.analysis;

import io.github.reversespec.reactor.ReactorModel;
import java.util.List;
import java.util.stream.Stream;

/**
 * The analysis of the whole reactor.
 *
 * @param reactor what was analysed
 * @param projects one per reactor project, in reactor order
 */
public record ReactorAnalysis(ReactorModel reactor, List<ProjectAnalysis> projects) {

    public ReactorAnalysis {
        projects = List.copyOf(projects);
    }

    public Stream<UnitAnalysis> units() {
        return projects.stream().flatMap(p -> p.units().stream());
    }

    public Stream<TestClassFacts> tests() {
        return projects.stream().flatMap(p -> p.tests().stream());
    }
}
