package io.github.reversespec.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies between the stages (ARCHITECTURE.md), enforced on the plugin's classes:
 * imports follow the data's journey, no package cycle, and only the Maven adapter touches Maven.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.reversespec";

    /** The plugin's own classes, tests left out. */
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Top to bottom: a layer may use the layers below it, never one above. {@code context} and
     * {@code render} are peers that do not use each other; {@code spec} is the spec model every
     * stage that reads or writes specs shares; {@code core} is what every stage shares with a front
     * end (progress, configuration errors).
     */
    static ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("maven")
                .definedBy(ROOT + ".maven..")
                .layer("batch")
                .definedBy(ROOT + ".batch..")
                .layer("generate")
                .definedBy(ROOT + ".generate..")
                .layer("context")
                .definedBy(ROOT + ".context..")
                .layer("render")
                .definedBy(ROOT + ".render..")
                .layer("llm")
                .definedBy(ROOT + ".llm..")
                .layer("spec")
                .definedBy(ROOT + ".spec..")
                .layer("graph")
                .definedBy(ROOT + ".graph..")
                .layer("analysis")
                .definedBy(ROOT + ".analysis..")
                .layer("reactor")
                .definedBy(ROOT + ".reactor..")
                .layer("core")
                .definedBy(ROOT + ".core..")
                .whereLayer("maven")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("batch")
                .mayOnlyBeAccessedByLayers("maven")
                .whereLayer("generate")
                .mayOnlyBeAccessedByLayers("maven", "batch")
                .whereLayer("context")
                .mayOnlyBeAccessedByLayers("maven", "batch", "generate")
                .whereLayer("render")
                .mayOnlyBeAccessedByLayers("maven", "batch", "generate")
                .whereLayer("llm")
                .mayOnlyBeAccessedByLayers("maven", "batch", "generate", "context")
                .whereLayer("spec")
                .mayOnlyBeAccessedByLayers("maven", "batch", "generate", "context", "render")
                .whereLayer("graph")
                .mayOnlyBeAccessedByLayers("maven", "batch", "generate", "context", "render", "spec")
                .whereLayer("analysis")
                .mayOnlyBeAccessedByLayers("maven", "batch", "generate", "context", "render", "spec", "graph")
                .whereLayer("reactor")
                .mayOnlyBeAccessedByLayers(
                        "maven", "batch", "generate", "context", "render", "spec", "graph", "analysis");
    }

    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule onlyTheAdapterUsesMaven() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".maven..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..");
    }

    @Test
    void importsFollowTheJourney() {
        layers().check(PLUGIN);
    }

    @Test
    void noPackageCycle() {
        noCycles().check(PLUGIN);
    }

    @Test
    void onlyTheMavenAdapterImportsMaven() {
        onlyTheAdapterUsesMaven().check(PLUGIN);
    }

    @Test
    void theRulesCatchAWrongImport() throws Exception {
        JavaClasses withWrongWay = new ClassFileImporter().importPackages(ROOT + ".analysis", ROOT + ".batch");
        EvaluationResult layering = layers().evaluate(withWrongWay);
        assertThat(layering.hasViolation()).isTrue();
        assertThat(layering.getFailureReport().toString())
                .contains("WrongWayFixture")
                .contains("BatchRunner");
        // analysis -> batch -> analysis is also a cycle.
        assertThat(noCycles().evaluate(withWrongWay).getFailureReport().toString())
                .contains("WrongWayFixture");

        JavaClasses withMaven = new ClassFileImporter()
                .importClasses(
                        Class.forName(ROOT + ".render.MavenInTheCoreFixture"),
                        org.apache.maven.plugin.logging.Log.class);
        EvaluationResult maven = onlyTheAdapterUsesMaven().evaluate(withMaven);
        assertThat(maven.getFailureReport().toString())
                .contains("MavenInTheCoreFixture")
                .contains("org.apache.maven.plugin.logging.Log");
    }
}
