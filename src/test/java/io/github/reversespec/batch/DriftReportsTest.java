package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.AstOnlyStep;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three drift reports: the JSON format of PRODUCT.md, JUnit XML that parses, Markdown for people. */
class DriftReportsTest {

    @TempDir
    Path root;

    private static final CheckResult RESULT = new CheckResult(
            List.of(
                    new CheckedUnit(
                            "core:com.acme.base",
                            "specs/core/com.acme.base.spec.md",
                            List.of(
                                    new DriftFinding(
                                            DriftKind.INTERFACE,
                                            true,
                                            "the public interface changed: added Ids#count; changed Ids#<init> & \"more\"",
                                            List.of("Ids#count", "Ids#next")),
                                    new DriftFinding(DriftKind.EDITED, false, "edited by hand\u0001", List.of()))),
                    new CheckedUnit(
                            "app:com.acme.app",
                            "specs/app/com.acme.app.spec.md",
                            List.of(new DriftFinding(
                                    DriftKind.IMPLEMENTATION, false, "only non-public code changed", List.of()))),
                    new CheckedUnit("app:com.acme.util", "specs/app/com.acme.util.spec.md", List.of()),
                    new CheckedUnit(
                            "core:com.acme.gone",
                            "specs/core/com.acme.gone.spec.md",
                            List.of(new DriftFinding(
                                    DriftKind.ORPHAN,
                                    true,
                                    "a spec whose package is gone",
                                    List.of("core:com.acme.gone"))))),
            1234);

    private final DriftReports reports = new DriftReports(
            Path.of("/r"), "reverse-spec-maven-plugin/9.9", EnumSet.of(DriftKind.INTERFACE, DriftKind.ORPHAN));

    @Test
    void everyReportIsRedactedAsEveryOtherFileThePluginWrites() throws Exception {
        String key = "sk-configured-0123456789abcdef";
        CheckResult leaky = new CheckResult(
                List.of(new CheckedUnit(
                        "core:com.acme.base",
                        "specs/core/com.acme.base.spec.md",
                        List.of(new DriftFinding(
                                DriftKind.INTERFACE, true, "changed KEY = \"" + key + "\"", List.of(key))))),
                1);
        new DriftReports(root, "g", EnumSet.of(DriftKind.INTERFACE), t -> t.replace(key, "[REDACTED]")).write(leaky);
        for (String report : List.of(
                "drift-logs/drift-report.json",
                "drift-logs/drift-report.md",
                "drift-logs/TEST-reverse-spec-check.xml")) {
            assertThat(Files.readString(root.resolve(report)))
                    .contains("[REDACTED]")
                    .doesNotContain(key);
        }
    }

    @Test
    void jsonHasTheProductFormat() throws Exception {
        JsonNode json = new ObjectMapper().readTree(reports.json(RESULT));

        assertThat(json.get("format").asText()).isEqualTo("reverse-spec-drift");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("generator").asText()).isEqualTo("reverse-spec-maven-plugin/9.9");
        assertThat(json.get("findings")).hasSize(4);
        JsonNode first = json.get("findings").get(0);
        assertThat(first.get("unit").asText()).isEqualTo("core:com.acme.base");
        assertThat(first.get("spec").asText()).isEqualTo("specs/core/com.acme.base.spec.md");
        assertThat(first.get("kind").asText()).isEqualTo("interface");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("detail").asText()).startsWith("the public interface changed: added Ids#count");
        assertThat(first.get("names").toString()).isEqualTo("[\"Ids#count\",\"Ids#next\"]");
        assertThat(json.get("findings").get(1).get("severity").asText()).isEqualTo("warning");
        assertThat(json.get("findings").get(1).get("names")).isEmpty();
        assertThat(json.get("totals").toString()).isEqualTo("{\"units\":4,\"errors\":2,\"warnings\":2}");
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("format", "version", "generator", "findings", "totals");
        for (JsonNode finding : json.get("findings")) {
            // PRODUCT.md's keys, in its order, and no others.
            assertThat(finding.fieldNames())
                    .toIterable()
                    .containsExactly("unit", "spec", "kind", "severity", "detail", "names");
        }
    }

    @Test
    void junitXmlParsesWithOneCasePerUnitAFailurePerErrorAndWarningsAsSystemOut() throws Exception {
        Document doc = parse(reports.junit(RESULT));

        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element base = (Element) cases.item(0);
        assertThat(base.getAttribute("classname")).isEqualTo("reverse-spec.core");
        assertThat(base.getAttribute("name")).isEqualTo("com.acme.base");
        NodeList failures = base.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("interface");
        assertThat(failure.getAttribute("message")).contains("changed Ids#<init> & \"more\"");
        assertThat(failure.getTextContent())
                .contains("names: Ids#count, Ids#next")
                .contains("run: mvn reverse-spec:batch -Dreverse-spec.refresh=stale");
        assertThat(base.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("warning edited: edited by hand");
        Element app = (Element) cases.item(1);
        assertThat(app.getElementsByTagName("failure").getLength()).isZero();
        assertThat(app.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("implementation");
        Element util = (Element) cases.item(2);
        assertThat(util.getChildNodes().getLength()).isZero();
        Element gone = (Element) cases.item(3);
        assertThat(((Element) gone.getElementsByTagName("failure").item(0)).getAttribute("type"))
                .isEqualTo("orphan");
    }

    @Test
    void markdownGivesTheTotalsThenEachDriftedUnitWithItsFindings() {
        String md = reports.markdown(RESULT);

        assertThat(md)
                .startsWith("# Drift report\n")
                .contains("| 4 | 2 | 2 | 2 |")
                .contains("Run `mvn reverse-spec:batch -Dreverse-spec.refresh=stale` to regenerate the stale specs,"
                        + " and delete the orphaned ones.")
                .contains("## core:com.acme.base\n\nSpec: `specs/core/com.acme.base.spec.md`\n\n"
                        + "- **error** `interface`: the public interface changed")
                .contains("(`Ids#count`, `Ids#next`)")
                .contains("- **warning** `edited`")
                .contains("## core:com.acme.gone")
                .doesNotContain("## app:com.acme.util")
                .contains("1 other unit(s) hold.");
        assertThat(md.indexOf("| 4 | 2 |")).isLessThan(md.indexOf("## core:com.acme.base"));
    }

    @Test
    void aCheckWritesItsThreeReportsUnderDriftLogsAndNothingElse() throws Exception {
        TinyReactor tiny = new TinyReactor(root);
        new BatchRunner(new AstOnlyStep(), ProgressLog.SILENT).run(tiny.request(RefreshMode.MISSING));
        Map<String, String> specsBefore = specs();
        Map<String, String> sourcesBefore = TinyReactor.files(root.resolve("src"));

        new CheckRunner(ProgressLog.SILENT)
                .run(new CheckRequest(
                        tiny.reactor(),
                        UnitSelector.all(),
                        EnumSet.allOf(DriftKind.class),
                        1,
                        "g/1",
                        KnownSecrets.none()));

        assertThat(TinyReactor.files(root.resolve("drift-logs")).keySet())
                .containsExactlyInAnyOrder("drift-report.md", "drift-report.json", "TEST-reverse-spec-check.xml");
        assertThat(specs()).isEqualTo(specsBefore);
        assertThat(TinyReactor.files(root.resolve("src"))).isEqualTo(sourcesBefore);
        try (var top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("src", "specs", "drift-logs");
        }
        Document doc = parse(Files.readString(root.resolve("drift-logs/TEST-reverse-spec-check.xml")));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    /** The specs and summaries, without the working directory (the lock names its last holder). */
    private Map<String, String> specs() throws Exception {
        Map<String, String> files = TinyReactor.files(root.resolve("specs"));
        files.keySet().removeIf(k -> k.startsWith(".reverse-spec"));
        return files;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
