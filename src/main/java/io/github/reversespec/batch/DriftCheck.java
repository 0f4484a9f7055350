package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.CodeNames;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecInterface;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Compares the code with the specs on disk, unit by unit, and names what no longer holds. Whether a
 * spec is stale is {@link Plan}'s to say (the same test {@code refresh=stale} regenerates by); this
 * class only tells the kinds apart and names the members concerned.
 */
public final class DriftCheck {

    private final Plan plan;
    private final Set<DriftKind> failOn;
    private final UnaryOperator<String> redact;

    /**
     * @param plan the plan of a {@code refresh=stale} batch over the same reactor and selection
     * @param failOn the kinds that are errors
     * @param redact what the specs' writer passed every line through
     */
    public DriftCheck(Plan plan, Set<DriftKind> failOn, UnaryOperator<String> redact) {
        this.plan = plan;
        this.failOn = Set.copyOf(failOn);
        this.redact = redact;
    }

    /** Every selected unit in processing order, then the orphaned specs in path order. */
    public List<CheckedUnit> check() {
        List<CheckedUnit> out = new ArrayList<>();
        for (UnitNode node : plan.selected()) {
            out.add(new CheckedUnit(node.id().display(), SpecLayout.specPath(node.id()), findings(node)));
        }
        out.addAll(orphans());
        return out;
    }

    /** What is wrong with one unit's spec, empty when it holds. */
    public List<DriftFinding> findings(UnitNode node) {
        UnitId id = node.id();
        Optional<SpecFileInfo> spec = plan.spec(id);
        List<DriftFinding> findings = new ArrayList<>();
        if (spec.isEmpty()) {
            if (Files.exists(plan.specFile(id))) {
                findings.add(finding(
                        DriftKind.FORMAT,
                        SpecLayout.specPath(id) + " is not a spec this version reads (no " + SpecFormat.MODULE_SPEC
                                + " front matter); batch with refresh=stale writes it anew",
                        List.of()));
            } else {
                findings.add(finding(DriftKind.MISSING, "no spec yet: " + SpecLayout.specPath(id), List.of()));
            }
            return findings;
        }
        SpecFileInfo info = spec.get();
        if (info.sourceHash().isEmpty()) {
            findings.add(finding(
                    DriftKind.FORMAT,
                    "the front matter has no " + SpecFormat.SOURCE_HASH + ", so the spec cannot be compared "
                            + "with the code; batch with refresh=stale writes it anew",
                    List.of()));
        }
        // without its hashes the spec cannot be compared: the format finding says all there is
        List<Plan.StaleCause> causes = info.sourceHash().isEmpty() ? List.of() : plan.staleCauses(node, info);
        for (Plan.StaleCause cause : causes) {
            if (cause == Plan.StaleCause.SOURCES) {
                findings.add(sourcesChanged(node, info));
            } else if (cause == Plan.StaleCause.DEPENDENCY) {
                findings.add(dependencyChanged(node, info));
            }
        }
        List<String> gone = proseNamesGone(node, info);
        if (!gone.isEmpty()) {
            findings.add(finding(
                    DriftKind.PROSE, "the prose names code that no longer exists: " + String.join(", ", gone), gone));
        }
        if (info.edited()) {
            findings.add(finding(
                    DriftKind.EDITED,
                    "edited by hand outside its notes block"
                            + (findings.isEmpty()
                                    ? ""
                                    : "; batch keeps it rather than regenerate it, unless "
                                            + "-Dreverse-spec.overwriteEdited=true"),
                    List.of()));
        }
        return findings;
    }

    /** Whether the spec's prose names were looked up on a newer JDK than this check runs on. */
    static boolean olderJdk(SpecFileInfo info) {
        try {
            return Integer.parseInt(info.string(SpecFormat.PROSE_JDK).strip())
                    > Runtime.version().feature();
        } catch (NumberFormatException e) {
            return false; // written before the key, or by hand: looked up as usual
        }
    }

    private CodeNames reactorWide;

    /** Every unit's public interface, built once per check, when a name first fails the unit's own lookup. */
    private CodeNames reactorWide() {
        if (reactorWide == null) {
            reactorWide = CodeNames.reactorWide(plan.analysis.units().toList());
        }
        return reactorWide;
    }

    /**
     * The names the spec's prose used that resolved when it was written and no longer do: the same
     * lookup as the run's ({@link Plan#codeNames}), against today's code, and, for a name that
     * fails it, every reactor unit's public interface (the unit may have stopped depending on the
     * package, which still has it).
     */
    private List<String> proseNamesGone(UnitNode node, SpecFileInfo info) {
        List<String> used = info.list(SpecFormat.PROSE_NAMES);
        if (used.isEmpty()) {
            return List.of();
        }
        if (olderJdk(info)) {
            // the JDK's types and members were looked up on a newer JDK: this one cannot tell a
            // name that is gone from one it simply does not have, so it reports none
            return List.of();
        }
        Set<String> unresolvedThen = new HashSet<>(info.list(SpecFormat.UNRESOLVED_NAMES));
        CodeNames code = plan.codeNames(node);
        List<String> gone = new ArrayList<>();
        for (String name : used) {
            if (!unresolvedThen.contains(name)
                    && CodeNames.parse(name)
                            .map(n -> !code.resolves(n) && !reactorWide().resolves(n))
                            .orElse(false)) {
                gone.add(name);
            }
        }
        return gone;
    }

    /** The unit's sources changed: its public interface too ({@code interface}), or not ({@code implementation}). */
    private DriftFinding sourcesChanged(UnitNode node, SpecFileInfo info) {
        if (plan.interfaceHash(node.id()).equals(info.interfaceHash())) {
            return finding(
                    DriftKind.IMPLEMENTATION,
                    "only non-public code changed (the public interface is as the spec describes it)",
                    List.of());
        }
        List<SpecInterface.Change> changes = interfaceChanges(node.id());
        if (changes.isEmpty()) {
            return finding(
                    DriftKind.INTERFACE,
                    "the public interface changed since the spec was written (its member tables do not tell "
                            + "which members)",
                    List.of());
        }
        List<String> parts = new ArrayList<>();
        for (SpecInterface.ChangeKind kind : SpecInterface.ChangeKind.values()) {
            List<String> names = changes.stream()
                    .filter(c -> c.kind() == kind)
                    .map(SpecInterface.Change::name)
                    .toList();
            if (!names.isEmpty()) {
                parts.add(kind.label() + " " + String.join(", ", names));
            }
        }
        return finding(
                DriftKind.INTERFACE,
                "the public interface changed: " + String.join("; ", parts),
                changes.stream().map(SpecInterface.Change::name).toList());
    }

    /** The changes from the interface the spec lists to the code's, empty when the spec cannot be read. */
    private List<SpecInterface.Change> interfaceChanges(UnitId id) {
        return SpecFileReader.readText(plan.specFile(id))
                .flatMap(SpecFileReader::readInterface)
                .map(old -> old.changesTo(SpecInterface.of(plan.unit(id), redact)))
                .orElse(List.of());
    }

    /**
     * A dependency's public interface changed: the dependencies named are those added or removed
     * since the spec was written, and those whose own spec no longer matches their interface.
     */
    private DriftFinding dependencyChanged(UnitNode node, SpecFileInfo info) {
        Set<String> before = new TreeSet<>(info.dependsOn());
        Set<String> now =
                node.dependencies().stream().map(UnitId::display).collect(Collectors.toCollection(TreeSet::new));
        List<String> names = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> added = now.stream().filter(d -> !before.contains(d)).toList();
        List<String> removed = before.stream().filter(d -> !now.contains(d)).toList();
        List<String> changed = new ArrayList<>();
        for (UnitId dep : node.dependencies()) {
            Optional<SpecFileInfo> depSpec = plan.spec(dep);
            if (before.contains(dep.display())
                    && depSpec.isPresent()
                    && !depSpec.get().interfaceHash().equals(plan.interfaceHash(dep))) {
                changed.add(dep.display());
            }
        }
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        if (!changed.isEmpty()) {
            parts.add("changed " + String.join(", ", changed));
        }
        names.addAll(added);
        names.addAll(removed);
        names.addAll(changed);
        return finding(
                DriftKind.DEPENDENCY,
                "a dependency's public interface changed since the spec was written"
                        + (parts.isEmpty() ? "" : ": " + String.join("; ", parts)),
                names);
    }

    /**
     * Specs under {@code specs/} whose unit the reactor no longer has, among the projects and
     * packages checked: a spec of a removed module counts when every project is checked.
     */
    List<CheckedUnit> orphans() {
        ReactorModel reactor = plan.request().reactor();
        Path root = reactor.root();
        Path specs = SpecLayout.specsDir(root);
        if (!Files.isDirectory(specs)) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        plan.graph().order().forEach(n -> known.add(SpecLayout.specPath(n.id())));
        boolean everyProject = reactor.projects().stream().allMatch(ProjectModel::selected);
        List<Path> files;
        try {
            files = SpecFiles.list(specs);
        } catch (IOException e) {
            // A check that cannot see every spec cannot say none is orphaned: it stops, naming the directory.
            throw new java.io.UncheckedIOException(e);
        }
        List<CheckedUnit> out = new ArrayList<>();
        for (Path file : files) {
            String path = root.relativize(file).toString().replace('\\', '/');
            if (known.contains(path)) {
                continue;
            }
            Optional<SpecFileInfo> info = SpecFileReader.read(file);
            String moduleDir = specs.relativize(file.getParent()).toString().replace('\\', '/');
            String fileName = file.getFileName().toString();
            String pkg = info.map(SpecFileInfo::packageName)
                    .filter(p -> !p.isEmpty())
                    .orElse(fileName.substring(0, fileName.length() - SpecLayout.SPEC_SUFFIX.length()));
            Optional<ProjectModel> project = reactor.projects().stream()
                    .filter(p -> p.moduleDir().equals(moduleDir))
                    .findFirst();
            String artifactId = info.map(SpecFileInfo::module)
                    .filter(m -> !m.isEmpty())
                    .orElse(project.map(ProjectModel::artifactId).orElse(moduleDir));
            UnitId id = new UnitId(
                    project.map(ProjectModel::key).orElse(""),
                    artifactId,
                    moduleDir,
                    pkg.equals(SpecLayout.DEFAULT_PACKAGE) ? "" : pkg);
            boolean checked = project.map(ProjectModel::selected).orElse(everyProject)
                    && plan.request().selector().selects(id);
            if (!checked) {
                continue;
            }
            String why = project.isPresent()
                    ? "the package " + id.displayPackage() + " is gone from "
                            + project.get().artifactId()
                    : "no project of the reactor lives in " + (moduleDir.isEmpty() ? "the root" : moduleDir + "/");
            out.add(new CheckedUnit(
                    id.display(),
                    path,
                    List.of(finding(
                            DriftKind.ORPHAN,
                            "a spec whose package is gone (" + why + "); delete " + path,
                            List.of(id.display())))));
        }
        return out;
    }

    private DriftFinding finding(DriftKind kind, String detail, List<String> names) {
        return new DriftFinding(kind, failOn.contains(kind), detail, names);
    }
}
