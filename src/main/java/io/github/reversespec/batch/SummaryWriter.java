package io.github.reversespec.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Writes {@code specs/_batch-summary.md} and {@code specs/_batch-summary.json}. */
final class SummaryWriter {

    static final String MARKDOWN = SpecLayout.SUMMARY_MARKDOWN;
    static final String JSON_FILE = SpecLayout.SUMMARY_JSON;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BatchRequest request;
    private final String model;

    SummaryWriter(BatchRequest request, String model) {
        this.request = request;
        this.model = model;
    }

    void write(BatchResult result) throws IOException {
        // Error texts come from servers and files: the configured key must not reach the summary.
        AtomicFiles.replace(
                request.reactor().root().resolve(JSON_FILE),
                request.secrets().redact(json(result) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AtomicFiles.replace(
                request.reactor().root().resolve(MARKDOWN),
                request.secrets().redact(markdown(result)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String json(BatchResult r) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "reverse-spec-batch-summary");
        root.put("version", 1);
        root.put("generator", request.generator());
        root.put("refresh", request.refresh().label());
        root.put("model", model);
        root.put("totalModules", r.units().size());
        root.put("notSelected", r.notSelected());
        root.put("durationMs", r.durationMs());
        root.put("indexGenerated", r.indexGenerated());
        root.put("summaryLogPath", r.summaryPath());
        root.put("stopReason", r.stopReason());
        root.put("staleSpecs", r.staleSpecs());
        ObjectNode totals = root.putObject("totals");
        for (UnitStatus s : UnitStatus.values()) {
            totals.put(s.label(), r.count(s));
        }
        totals.put("requests", r.attempts());
        totals.put("tokens", r.tokens());
        totals.put("proseNames", proseNames(r));
        totals.put("proseNamesResolved", proseNamesResolved(r));
        names(root.putArray("successful"), r, UnitStatus.WRITTEN_LLM, UnitStatus.WRITTEN_AST, UnitStatus.UNCHANGED);
        names(root.putArray("skipped"), r, UnitStatus.SKIPPED, UnitStatus.RESUMED);
        names(root.putArray("degraded"), r, UnitStatus.DEGRADED);
        names(root.putArray("edited"), r, UnitStatus.EDITED);
        ArrayNode failed = root.putArray("failed");
        for (UnitResult u : r.failed()) {
            failed.addObject().put("module", u.id().display()).put("error", u.error());
        }
        names(root.putArray("pending"), r, UnitStatus.PENDING);
        ArrayNode units = root.putArray("units");
        for (UnitResult u : r.units()) {
            ObjectNode n = units.addObject();
            n.put("unit", u.id().display());
            n.put("module", u.id().artifactId());
            n.put("moduleDir", u.id().moduleDir());
            n.put("package", u.id().displayPackage());
            n.put("spec", SpecLayout.specPath(u.id()));
            n.put("status", u.status().label());
            n.put("specStatus", u.specStatus());
            n.put("level", u.level());
            n.put("durationMs", u.durationMs());
            n.put("attempts", u.attempts());
            n.put("tokens", u.tokens());
            n.put("error", u.error());
            n.put("proseNames", u.proseNames());
            n.put("proseNamesResolved", u.proseNamesResolved());
            ArrayNode unresolved = n.putArray("unresolvedNames");
            u.unresolvedNames().forEach(unresolved::add);
        }
        ArrayNode problems = root.putArray("problems");
        r.problems().forEach(problems::add);
        return JSON.writeValueAsString(root);
    }

    private static int proseNames(BatchResult r) {
        return r.units().stream().mapToInt(UnitResult::proseNames).sum();
    }

    private static int proseNamesResolved(BatchResult r) {
        return r.units().stream().mapToInt(UnitResult::proseNamesResolved).sum();
    }

    private static void names(ArrayNode array, BatchResult r, UnitStatus... statuses) {
        for (UnitResult u : r.units()) {
            for (UnitStatus s : statuses) {
                if (u.status() == s) {
                    array.add(u.id().display());
                }
            }
        }
    }

    String markdown(BatchResult r) {
        StringBuilder md = new StringBuilder();
        md.append("# reverse-spec batch summary\n\n");
        long written = r.count(UnitStatus.WRITTEN_LLM) + r.count(UnitStatus.WRITTEN_AST);
        String outcome;
        if (!r.failed().isEmpty()) {
            outcome = "**" + r.failed().size() + " unit(s) failed**";
        } else if (r.stoppedEarly()) {
            outcome = "**Stopped early**: " + escape(r.stopReason());
        } else {
            outcome = "**Complete**";
        }
        md.append(outcome)
                .append(" — ")
                .append(r.units().size())
                .append(" unit(s) in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.durationMs() / 1000.0))
                .append(", refresh=")
                .append(request.refresh().label())
                .append(", model ")
                .append(model.equals("none") ? "none (AST-only)" : "`" + model + "`")
                .append(".\n\n");

        md.append("| written | unchanged | skipped | resumed | degraded | failed | pending | requests | tokens |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append("| ")
                .append(written)
                .append(" | ")
                .append(r.count(UnitStatus.UNCHANGED))
                .append(" | ")
                .append(r.count(UnitStatus.SKIPPED))
                .append(" | ")
                .append(r.count(UnitStatus.RESUMED))
                .append(" | ")
                .append(r.count(UnitStatus.DEGRADED))
                .append(" | ")
                .append(r.failed().size())
                .append(" | ")
                .append(r.count(UnitStatus.PENDING))
                .append(" | ")
                .append(r.attempts())
                .append(" | ")
                .append(r.tokens())
                .append(" |\n\n");
        if (r.notSelected() > 0) {
            md.append(r.notSelected())
                    .append(" unit(s) were not selected by -pl or includes/excludes (used as context only).\n\n");
        }

        md.append("## What to do next\n\n");
        List<String> next = new java.util.ArrayList<>();
        if (!r.failed().isEmpty()) {
            next.add(
                    "Fix the errors listed under *Failed* and run the same command again: finished units are not redone.");
        }
        if (r.stoppedEarly()) {
            next.add("Address the stop reason above, then run the same command again to resume.");
        }
        List<String> overBudget =
                r.overBudget().stream().map(u -> "`" + u.id().display() + "`").toList();
        if (!overBudget.isEmpty()) {
            next.add(overBudget.size() + " unit(s) alone need more than the whole token budget and were left pending ("
                    + String.join(", ", overBudget) + "; sizes in *Units*): raise `-Dreverse-spec.tokenBudget` and "
                    + "run again to write them.");
        }
        if (r.count(UnitStatus.DEGRADED) > 0) {
            next.add(
                    "Degraded units were written AST-only; run again with `-Dreverse-spec.refresh=stale` once the model "
                            + "is reachable to give them prose.");
        }
        if (r.count(UnitStatus.EDITED) > 0) {
            next.add(r.count(UnitStatus.EDITED) + " spec(s) edited by hand outside their notes block were kept, not "
                    + "regenerated (see *Edited by hand*): move the text into the notes block, or run with "
                    + "`-Dreverse-spec.overwriteEdited=true` to replace the edits.");
        }
        if (r.staleSpecs() > 0) {
            next.add(r.staleSpecs()
                    + " kept spec(s) are stale; run with `-Dreverse-spec.refresh=stale` to refresh them.");
        }
        if (!r.problems().isEmpty()) {
            next.add(
                    "Some source files could not be used (see *File problems*); their units were documented from the rest.");
        }
        if (next.isEmpty()) {
            next.add("Nothing: every selected unit has a current spec. Start from [the index](_index.spec.md).");
        }
        next.forEach(s -> md.append("- ").append(s).append('\n'));
        md.append('\n');

        if (!r.failed().isEmpty()) {
            md.append("## Failed\n\n| Unit | Error |\n|---|---|\n");
            r.failed()
                    .forEach(u -> md.append("| `")
                            .append(u.id().display())
                            .append("` | ")
                            .append(escape(u.error()))
                            .append(" |\n"));
            md.append('\n');
        }
        if (r.count(UnitStatus.DEGRADED) > 0) {
            md.append("## Degraded to AST-only\n\n| Unit | Reason |\n|---|---|\n");
            r.withStatus(UnitStatus.DEGRADED)
                    .forEach(u -> md.append("| `")
                            .append(u.id().display())
                            .append("` | ")
                            .append(escape(u.error()))
                            .append(" |\n"));
            md.append('\n');
        }

        if (r.count(UnitStatus.EDITED) > 0) {
            md.append(
                    "## Edited by hand (kept)\n\n| Unit | Spec | Would have been regenerated because |\n|---|---|---|\n");
            r.withStatus(UnitStatus.EDITED)
                    .forEach(u -> md.append("| `")
                            .append(u.id().display())
                            .append("` | [")
                            .append(SpecLayout.specPath(u.id()))
                            .append("](")
                            .append(SpecLayout.underSpecs(SpecLayout.specPath(u.id())))
                            .append(") | ")
                            .append(escape(u.error()))
                            .append(" |\n"));
            md.append('\n');
        }
        int used = proseNames(r);
        if (used > 0) {
            int resolved = proseNamesResolved(r);
            md.append("## Code names in the prose\n\n")
                    .append("The prose written in this run names ")
                    .append(used)
                    .append(" code element(s); ")
                    .append(resolved)
                    .append(" exist in the code (existence ratio ")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * resolved / used))
                    .append("). A name that does not is marked where it appears and listed in its spec's `")
                    .append(SpecFormat.UNRESOLVED_NAMES)
                    .append("`.\n\n");
            List<UnitResult> withProse =
                    r.units().stream().filter(u -> u.proseNames() > 0).toList();
            md.append("| Unit | Names | Found | Not found in the code |\n|---|---:|---:|---|\n");
            for (UnitResult u : withProse) {
                md.append("| `")
                        .append(u.id().display())
                        .append("` | ")
                        .append(u.proseNames())
                        .append(" | ")
                        .append(u.proseNamesResolved())
                        .append(" | ")
                        .append(
                                u.unresolvedNames().isEmpty()
                                        ? "—"
                                        : escape(u.unresolvedNames().stream()
                                                .map(n -> "`" + n + "`")
                                                .collect(java.util.stream.Collectors.joining(", "))))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Units\n\n| # | Unit | Level | Status | Spec | Time (ms) | Attempts | Tokens | Note |\n");
        md.append("|---:|---|---:|---|---|---:|---:|---:|---|\n");
        int i = 0;
        for (UnitResult u : r.units()) {
            i++;
            String link = u.specStatus().isEmpty()
                    ? "—"
                    : "[" + u.specStatus() + "](" + SpecLayout.underSpecs(SpecLayout.specPath(u.id())) + ")";
            md.append("| ")
                    .append(i)
                    .append(" | `")
                    .append(u.id().display())
                    .append("` | ")
                    .append(u.level())
                    .append(" | ")
                    .append(u.status().label())
                    .append(" | ")
                    .append(link)
                    .append(" | ")
                    .append(u.durationMs())
                    .append(" | ")
                    .append(u.attempts())
                    .append(" | ")
                    .append(u.tokens())
                    .append(" | ")
                    .append(escape(u.error()))
                    .append(" |\n");
        }
        md.append('\n');
        if (!r.problems().isEmpty()) {
            md.append("## File problems\n\n");
            r.problems().forEach(p -> md.append("- ").append(escape(p)).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\r", " ")
                .replace("\n", " ");
    }
}
