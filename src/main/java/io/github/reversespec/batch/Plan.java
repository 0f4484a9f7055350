package io.github.reversespec.batch;

import io.github.reversespec.analysis.InterfaceHashes;
import io.github.reversespec.analysis.ProjectAnalysis;
import io.github.reversespec.analysis.ReactorAnalysis;
import io.github.reversespec.analysis.TestCoverageIndex;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.graph.TypeUsage;
import io.github.reversespec.graph.UnitGraph;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.CodeNames;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.SpecFacts;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything derived from the code before any spec is written, and the one place that decides what
 * a refresh mode regenerates: the run, the dry run and the check all ask it, never each other.
 */
public final class Plan {
    final BatchRequest request;
    final ReactorAnalysis analysis;
    final UnitGraph graph;
    final Map<UnitId, UnitAnalysis> units;
    final Map<UnitId, ProjectAnalysis> projectOf = new HashMap<>();
    final Map<UnitId, String> interfaceHashes = new HashMap<>();
    final TestCoverageIndex coverage;
    final TypeUsage typeUsage;
    final List<UnitNode> selected;
    private final List<String> problems;
    private final Map<UnitId, Optional<SpecFileInfo>> specs = new ConcurrentHashMap<>();
    private volatile Set<String> reactorPackages;

    Plan(BatchRequest request, ReactorAnalysis analysis, UnitGraph graph, List<String> problems) {
        this.request = request;
        this.problems = List.copyOf(problems);
        this.analysis = analysis;
        this.graph = graph;
        this.units = analysis.units().collect(Collectors.toMap(UnitAnalysis::id, Function.identity()));
        for (ProjectAnalysis p : analysis.projects()) {
            p.units().forEach(u -> projectOf.put(u.id(), p));
        }
        units.forEach((id, u) -> interfaceHashes.put(id, InterfaceHashes.of(u)));
        this.coverage = TestCoverageIndex.build(analysis);
        this.typeUsage = TypeUsage.of(analysis);
        // -pl chooses projects, includes/excludes packages; every other unit is context only
        this.selected = graph.order().stream()
                .filter(n -> analysis.reactor().selected(n.id().projectKey())
                        && request.selector().selects(n.id()))
                .toList();
    }

    List<io.github.reversespec.reactor.ProjectModel> projects() {
        return analysis.reactor().projects();
    }

    public int fileCount() {
        return units.values().stream().mapToInt(u -> u.files().size()).sum();
    }

    /** The hash of the interfaces this unit was written against. */
    public String dependencyHash(UnitNode node) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (UnitId dep : node.dependencies()) {
                sha.update(dep.key().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(interfaceHashes.get(dep).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * What the unit's prose may name: its own code, its dependencies' public interfaces, its
     * imports and the JDK. The same for the run that writes prose and the check that re-reads it.
     */
    public CodeNames codeNames(UnitNode node) {
        Set<String> packages = reactorPackages;
        if (packages == null) {
            packages = units.keySet().stream().map(UnitId::packageName).collect(Collectors.toUnmodifiableSet());
            reactorPackages = packages;
        }
        return CodeNames.of(
                units.get(node.id()),
                node.dependencies().stream().map(units::get).toList(),
                packages);
    }

    /** The code's facts for one unit, with its dependencies' summaries. */
    public SpecFacts facts(UnitNode node) {
        UnitAnalysis unit = units.get(node.id());
        ProjectAnalysis project = projectOf.get(node.id());
        return new SpecFacts(
                unit,
                node,
                project.project(),
                project.moduleDescriptor(),
                coverage.coverageFor(unit),
                coverage.testsFor(unit),
                node.dependencies().stream()
                        .map(d -> dependencySummary(node, d))
                        .toList(),
                node.dependents().stream().map(this::codeSummary).toList(),
                typeUsage.usersOf(node.id()),
                typeUsage.implementorsOf(node.id()));
    }

    /**
     * A dependency outside the unit's cycle is written before it, so its spec (as written now or
     * kept from earlier) gives its intent. Inside a cycle, and for dependents, whether a spec exists
     * yet depends on the run, so the code's own summary is used: a spec must not change because of
     * the order it was written in. Its exported types always come from the code.
     */
    private DependencySummary dependencySummary(UnitNode node, UnitId dependency) {
        UnitAnalysis unit = units.get(dependency);
        List<TypeModel> exported = unit == null ? List.of() : unit.exportedTypes();
        if (!node.cycle().contains(dependency)) {
            Optional<SpecFileInfo> spec = spec(dependency);
            if (spec.isPresent()) {
                return new DependencySummary(
                        dependency, spec.get().intent(), spec.get().status(), exported);
            }
        }
        DependencySummary code = codeSummary(dependency);
        return new DependencySummary(code.id(), code.intent(), code.status(), exported);
    }

    private DependencySummary codeSummary(UnitId id) {
        UnitAnalysis unit = units.get(id);
        String intent = unit == null ? "" : unit.packageDocText();
        int dot = intent.indexOf(". ");
        return new DependencySummary(id, dot > 0 ? intent.substring(0, dot + 1) : intent, "");
    }

    /** The unit's spec on disk (read once, then as this run wrote it). */
    public Optional<SpecFileInfo> spec(UnitId id) {
        return specs.computeIfAbsent(id, k -> SpecFileReader.read(specFile(k)));
    }

    /** Remembers the spec just written for a unit, for the units after it. */
    void remember(UnitId id, Optional<SpecFileInfo> spec) {
        specs.put(id, spec);
    }

    public Path specFile(UnitId id) {
        return request.reactor().root().resolve(SpecLayout.specPath(id));
    }

    /**
     * Why the refresh mode regenerates this unit's spec, or empty when the spec on disk is kept.
     * The one place that decides it, for the run and the dry run alike.
     */
    public Optional<String> regenerationReason(UnitNode node, Optional<SpecFileInfo> existing, boolean modelAvailable) {
        if (existing.isEmpty()) {
            return Optional.of(
                    Files.exists(specFile(node.id())) ? "the existing file is not a readable spec" : "no spec yet");
        }
        switch (request.refresh()) {
            case ALL:
                return Optional.of("refresh=all");
            case STALE:
                Optional<String> stale = staleness(node, existing.get());
                if (stale.isPresent()) {
                    return stale;
                }
                if (SpecFormat.STATUS_AST_ONLY.equals(existing.get().status()) && modelAvailable) {
                    return Optional.of("the spec is AST-only and a model is available");
                }
                return Optional.empty();
            case MISSING:
            default:
                return Optional.empty();
        }
    }

    /**
     * Whether a spec the refresh mode would regenerate is kept instead: it was edited by hand
     * outside its notes block, and the user did not ask to overwrite such edits.
     */
    public boolean keepsEdit(Optional<SpecFileInfo> existing) {
        return existing.isPresent() && existing.get().edited() && !request.overwriteEdited();
    }

    /** Why an existing spec no longer matches the code: what {@code refresh=stale} regenerates it for. */
    public enum StaleCause {
        /** The unit's own sources changed (its interface, or only its implementation). */
        SOURCES("sources changed"),
        /** The public interface of a unit it depends on changed, or its dependencies did. */
        DEPENDENCY("a dependency's public interface changed");

        private final String reason;

        StaleCause(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Every reason an existing spec no longer matches the code, empty when it does: the one test of
     * staleness that the run, the dry run and the check share.
     */
    public List<StaleCause> staleCauses(UnitNode node, SpecFileInfo spec) {
        UnitAnalysis unit = units.get(node.id());
        List<StaleCause> causes = new java.util.ArrayList<>(2);
        if (!unit.sourceHash().equals(spec.sourceHash())) {
            causes.add(StaleCause.SOURCES);
        }
        if (!dependencyHash(node).equals(spec.dependencyHash())) {
            causes.add(StaleCause.DEPENDENCY);
        }
        return causes;
    }

    /** Why an existing spec no longer matches the code, or empty when it does. */
    public Optional<String> staleness(UnitNode node, SpecFileInfo spec) {
        return staleCauses(node, spec).stream().findFirst().map(StaleCause::reason);
    }

    /** The request the plan was made for. */
    public BatchRequest request() {
        return request;
    }

    /** The units the run writes, in processing order. */
    public List<UnitNode> selected() {
        return selected;
    }

    /** The files and roots that could not be used, as the summary lists them. */
    List<String> problems() {
        return problems;
    }

    /** The reactor's package graph. */
    public UnitGraph graph() {
        return graph;
    }

    /** A unit's analysis; null for a unit the reactor does not have. */
    public UnitAnalysis unit(UnitId id) {
        return units.get(id);
    }

    /** The fingerprint of a unit's public interface now. */
    public String interfaceHash(UnitId id) {
        return interfaceHashes.get(id);
    }
}
