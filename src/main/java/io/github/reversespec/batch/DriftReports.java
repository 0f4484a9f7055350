package io.github.reversespec.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes what {@code check} found into {@code drift-logs/}, each file atomically: {@code
 * drift-report.md} for people, {@code drift-report.json} for scripts (docs/spec-format.md), and
 * {@code TEST-reverse-spec-check.xml}, JUnit XML in the shape Surefire writes, so that CI test
 * reporters show each drifted unit as a failed test case.
 */
final class DriftReports {

    static final String MARKDOWN = SpecLayout.DRIFT_REPORT_MARKDOWN;
    static final String JSON = SpecLayout.DRIFT_REPORT_JSON;
    static final String JUNIT = SpecLayout.DRIFT_REPORT_JUNIT;

    /** The JSON report's {@code format}. */
    static final String FORMAT = "reverse-spec-drift";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final String generator;
    private final Set<DriftKind> failOn;
    private final UnaryOperator<String> redact;

    DriftReports(Path root, String generator, Set<DriftKind> failOn) {
        this(root, generator, failOn, UnaryOperator.identity());
    }

    /**
     * @param redact what every report passes through before it is written (the configured
     *     credentials, as for every other file the plugin writes)
     */
    DriftReports(Path root, String generator, Set<DriftKind> failOn, UnaryOperator<String> redact) {
        this.root = root;
        this.generator = generator;
        this.failOn = failOn;
        this.redact = redact;
    }

    void write(CheckResult result) throws IOException {
        AtomicFiles.replace(
                root.resolve(JSON), redact.apply(json(result) + "\n").getBytes(StandardCharsets.UTF_8));
        AtomicFiles.replace(root.resolve(JUNIT), redact.apply(junit(result)).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.replace(
                root.resolve(MARKDOWN), redact.apply(markdown(result)).getBytes(StandardCharsets.UTF_8));
    }

    String json(CheckResult result) throws IOException {
        ObjectNode top = MAPPER.createObjectNode();
        top.put("format", FORMAT);
        top.put("version", 1);
        top.put("generator", generator);
        ArrayNode findings = top.putArray("findings");
        for (CheckedUnit unit : result.units()) {
            for (DriftFinding f : unit.findings()) {
                ObjectNode n = findings.addObject();
                n.put("unit", unit.unit());
                n.put("spec", unit.spec());
                n.put("kind", f.kind().label());
                n.put("severity", f.severity());
                n.put("detail", f.detail());
                ArrayNode names = n.putArray("names");
                f.names().forEach(names::add);
            }
        }
        ObjectNode totals = top.putObject("totals");
        totals.put("units", result.units().size());
        totals.put("errors", result.errors());
        totals.put("warnings", result.warnings());
        return MAPPER.writeValueAsString(top);
    }

    String markdown(CheckResult result) {
        StringBuilder md = new StringBuilder("# Drift report\n\n");
        md.append("Written by ")
                .append(generator)
                .append(" (`reverse-spec:check`). Fails the build: ")
                .append(
                        failOn.isEmpty()
                                ? "nothing"
                                : failOn.stream()
                                        .map(k -> "`" + k.label() + "`")
                                        .collect(Collectors.joining(", ")))
                .append("; the other kinds warn.\n\n");
        md.append("| units checked | failing | errors | warnings |\n|---|---|---|---|\n");
        md.append("| ")
                .append(result.units().size())
                .append(" | ")
                .append(result.failedUnits().size())
                .append(" | ")
                .append(result.errors())
                .append(" | ")
                .append(result.warnings())
                .append(" |\n\n");
        List<CheckedUnit> drifted =
                result.units().stream().filter(u -> !u.findings().isEmpty()).toList();
        if (drifted.isEmpty()) {
            md.append("Every spec holds: no drift found.\n");
            return md.toString();
        }
        String advice = result.advice(false);
        if (!advice.isEmpty()) {
            md.append(advice).append("\n\n");
        }
        for (CheckedUnit unit : drifted) {
            md.append("## ")
                    .append(unit.unit())
                    .append("\n\n")
                    .append("Spec: `")
                    .append(unit.spec())
                    .append("`\n\n");
            for (DriftFinding f : unit.findings()) {
                md.append("- **")
                        .append(f.severity())
                        .append("** `")
                        .append(f.kind().label())
                        .append("`: ")
                        .append(f.detail().replace("\n", " "));
                if (!f.names().isEmpty()) {
                    md.append(" (")
                            .append(f.names().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")))
                            .append(')');
                }
                md.append('\n');
            }
            md.append('\n');
        }
        int clean = result.units().size() - drifted.size();
        md.append(clean).append(" other unit(s) hold.\n");
        return md.toString();
    }

    /**
     * JUnit XML: one test case per unit checked (class name {@code reverse-spec.<artifactId>}, name
     * the package), a {@code <failure>} per failing finding, warnings as the case's system-out.
     */
    String junit(CheckResult result) {
        long failures = result.failedUnits().size();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"reverse-spec-check\" tests=\"")
                .append(result.units().size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", result.durationMs() / 1000.0))
                .append("\">\n");
        for (CheckedUnit unit : result.units()) {
            int colon = unit.unit().indexOf(':');
            String artifact = colon < 0 ? unit.unit() : unit.unit().substring(0, colon);
            String pkg = colon < 0 ? unit.unit() : unit.unit().substring(colon + 1);
            x.append("  <testcase classname=\"")
                    .append(xml("reverse-spec." + artifact))
                    .append("\" name=\"")
                    .append(xml(pkg))
                    .append("\" file=\"")
                    .append(xml(unit.spec()))
                    .append("\" time=\"0\"");
            if (unit.findings().isEmpty()) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n");
            for (DriftFinding f : unit.findings()) {
                if (!f.error()) {
                    continue;
                }
                x.append("    <failure type=\"")
                        .append(xml(f.kind().label()))
                        .append("\" message=\"")
                        .append(xml(f.kind().label() + ": " + f.detail()))
                        .append("\">")
                        .append(xml(body(unit, f)).replace("&#10;", "\n"))
                        .append("</failure>\n");
            }
            String warnings = unit.findings().stream()
                    .filter(f -> !f.error())
                    .map(f -> "warning " + f.kind().label() + ": " + f.detail())
                    .collect(Collectors.joining("\n"));
            if (!warnings.isEmpty()) {
                x.append("    <system-out>")
                        .append(xml(warnings).replace("&#10;", "\n"))
                        .append("</system-out>\n");
            }
            x.append("  </testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String body(CheckedUnit unit, DriftFinding f) {
        StringBuilder b = new StringBuilder(unit.unit())
                .append(" (")
                .append(unit.spec())
                .append("): ")
                .append(f.kind().label())
                .append(": ")
                .append(f.detail());
        if (!f.names().isEmpty()) {
            b.append("\nnames: ").append(String.join(", ", f.names()));
        }
        if (f.kind().stale()) {
            b.append("\nrun: ").append(CheckResult.REMEDY);
        }
        return b.toString();
    }

    /** Text for an attribute or element: markup escaped, characters XML 1.0 cannot hold dropped. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                case '\r' -> out.append("&#13;");
                default -> {
                    boolean allowed = (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
