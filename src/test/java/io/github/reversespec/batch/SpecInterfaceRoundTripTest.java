package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.AstOnlyStep;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.SpecInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The old interface the check compares with is read back from a spec's tables: over this
 * project's own code (annotations, generics, records, nested types, constants), every spec reads
 * back as exactly the interface of the code it was written from, and every member's name is read
 * from its signature.
 */
class SpecInterfaceRoundTripTest {

    private static final Path PROJECT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    @TempDir
    Path copy;

    @Test
    void everySpecOfThisProjectReadsBackAsTheInterfaceOfItsCode() throws Exception {
        copyTree(PROJECT.resolve("src/main/java"), copy.resolve("src/main/java"));
        ProjectModel project = new ProjectModel(
                "io.github.reversespec",
                "reverse-spec-maven-plugin",
                "1",
                "reverse-spec-maven-plugin",
                "",
                copy,
                "",
                0,
                List.of(copy.resolve("src/main/java")),
                List.of(),
                List.of(),
                List.of());
        BatchRequest request = new BatchRequest(
                new ReactorModel(copy, List.of(project)),
                Path.of("specs/.reverse-spec-checkpoint.json"),
                RefreshMode.ALL,
                UnitSelector.all(),
                false,
                1,
                2,
                "reverse-spec-maven-plugin/test");
        new BatchRunner(new AstOnlyStep(), ProgressLog.SILENT).run(request);
        Plan plan = CheckRunner.plan(request, ProgressLog.SILENT);

        int members = 0;
        for (UnitNode node : plan.selected()) {
            UnitAnalysis unit = plan.unit(node.id());
            String text = Files.readString(plan.specFile(node.id()));
            SpecInterface now = SpecInterface.of(unit, UnaryOperator.identity());
            assertThat(SpecFileReader.readInterface(text))
                    .as(node.id().display())
                    .contains(now);
            assertThat(SpecFileReader.readInterface(text).orElseThrow().changesTo(now))
                    .isEmpty();
            for (TypeModel type : unit.exportedTypes()) {
                for (MemberModel m : type.members()) {
                    if (SpecInterface.listed(m)) {
                        members++;
                        assertThat(SpecInterface.memberName(m.signature()))
                                .as(m.signature())
                                .isEqualTo(m.name());
                    }
                }
            }
        }
        assertThat(members).isGreaterThan(300);
        assertThat(new DriftCheck(plan, DriftKind.parseList(DriftKind.DEFAULT_FAIL_ON), UnaryOperator.identity())
                        .check().stream().flatMap(u -> u.findings().stream()))
                .isEmpty();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
