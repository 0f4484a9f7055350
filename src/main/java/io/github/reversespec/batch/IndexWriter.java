package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.graph.UnitGraph;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.render.IndexEntry;
import io.github.reversespec.render.IndexInput;
import io.github.reversespec.render.IndexRenderer;
import io.github.reversespec.render.LlmsTxtRenderer;
import io.github.reversespec.render.SpecFileReader;
import io.github.reversespec.spec.SpecFileInfo;
import io.github.reversespec.spec.SpecLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes {@code specs/_index.spec.md} from every spec on disk: the units of the current reactor in
 * processing order (also those skipped or written by earlier runs), then specs on disk that belong
 * to no unit of the current reactor. Writes {@code specs/llms.txt}, the same spec set for coding
 * agents, from the same entries, so the two never disagree about what is on disk. A unit's spec
 * is taken as the run knows it (read once, or as written), not read again.
 */
final class IndexWriter {

    static final String INDEX = SpecLayout.INDEX_FILE;

    static final String LLMS_TXT = SpecLayout.LLMS_TXT_FILE;

    private final BatchRequest request;
    private final UnitGraph graph;
    private final List<ProjectModel> projects;
    private final Function<UnitId, Optional<SpecFileInfo>> unitSpecs;
    private final ProgressLog log;

    /**
     * @param unitSpecs a unit's spec on disk, as {@link Plan#spec} knows it: the run has read or
     *     written every selected unit's spec already, so the index reads only the others again
     */
    IndexWriter(
            BatchRequest request,
            UnitGraph graph,
            List<ProjectModel> projects,
            Function<UnitId, Optional<SpecFileInfo>> unitSpecs,
            ProgressLog log) {
        this.request = request;
        this.graph = graph;
        this.projects = projects;
        this.unitSpecs = unitSpecs;
        this.log = log;
    }

    /**
     * Writes the index and {@code llms.txt}, each only when its bytes changed.
     *
     * @return whether the index is on disk and current (a failure to write {@code llms.txt} is
     *     logged as an error of its own)
     */
    boolean write() {
        Path root = request.reactor().root();
        Map<String, Path> onDisk = listSpecsOnDisk(root);
        List<IndexEntry> entries = new ArrayList<>();
        for (UnitNode node : graph.order()) {
            UnitId id = node.id();
            Path file = onDisk.remove(SpecLayout.specPath(id));
            SpecFileInfo spec = file == null ? null : unitSpecs.apply(id).orElse(null);
            if (spec != null) {
                entries.add(new IndexEntry(
                        id.artifactId(),
                        id.moduleDir(),
                        id.displayPackage(),
                        SpecLayout.specPath(id),
                        spec.status(),
                        node.level(),
                        node.dependencies().stream().map(UnitId::display).toList(),
                        spec.intent(),
                        true));
            }
        }
        onDisk.forEach((path, file) -> SpecFileReader.read(file).ifPresent(spec -> {
            String underSpecs = SpecLayout.underSpecs(path);
            String dir = underSpecs.substring(0, Math.max(0, underSpecs.lastIndexOf('/')));
            entries.add(new IndexEntry(
                    spec.module(),
                    dir,
                    spec.packageName(),
                    path,
                    spec.status(),
                    spec.level(),
                    spec.dependsOn(),
                    spec.intent(),
                    false));
        }));
        IndexInput input = new IndexInput(
                request.generator(), entries, projects, graph.cycles(), graph.unusedDeclaredDependencies(projects));
        boolean indexWritten = write(INDEX, new IndexRenderer().render(input), "the index");
        write(LLMS_TXT, new LlmsTxtRenderer().render(input), "the agents' file");
        return indexWritten;
    }

    /** Writes one file under {@code specs/}, redacted, only when changed; logs a failure. */
    private boolean write(String file, String text, String what) {
        try {
            AtomicFiles.writeIfChanged(
                    request.specsDir().resolve(file), request.secrets().redact(text));
            return true;
        } catch (IOException e) {
            log.error("Cannot write " + what + " specs/" + file + ": " + BatchRunner.describe(e));
            return false;
        }
    }

    /** The spec files under {@code specs/}, keyed by their root-relative path, sorted. */
    private Map<String, Path> listSpecsOnDisk(Path root) {
        Map<String, Path> specs = new TreeMap<>();
        Path dir = request.specsDir();
        if (!Files.isDirectory(dir)) {
            return specs;
        }
        try {
            for (Path p : SpecFiles.list(dir)) {
                specs.put(root.relativize(p).toString().replace('\\', '/'), p);
            }
        } catch (IOException e) {
            log.warn("Could not list every spec under " + dir + " for the index: " + e.getMessage());
        }
        return specs;
    }
}
