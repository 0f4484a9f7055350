package io.github.reversespec.batch;

import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.spec.SpecLayout;
import java.nio.file.Path;

/**
 * One batch run, as the Maven adapter (or any other front end) configured it.
 *
 * @param reactor the projects to document and the execution root
 * @param checkpointPath where resume state lives; must lie under {@code specs/} or {@code
 *     drift-logs/} of the root (relative paths are resolved against the root)
 * @param refresh which existing specs to regenerate
 * @param selector which units to write (the rest still serve as context)
 * @param dryRun print the plan, write nothing
 * @param concurrency units in flight at once (1 to {@link #MAX_CONCURRENCY}), never before their
 *     dependencies are written
 * @param analysisThreads threads that parse sources
 * @param generator {@code reverse-spec-maven-plugin/<version>}, written into every spec
 * @param overwriteEdited regenerate specs edited by hand outside their notes block (else they are
 *     kept and named)
 * @param secrets the configured credentials, redacted from every file the run writes
 */
public record BatchRequest(
        ReactorModel reactor,
        Path checkpointPath,
        RefreshMode refresh,
        UnitSelector selector,
        boolean dryRun,
        int concurrency,
        int analysisThreads,
        String generator,
        boolean overwriteEdited,
        KnownSecrets secrets) {

    public BatchRequest {
        secrets = secrets == null ? KnownSecrets.none() : secrets;
    }

    /** A request that keeps edited specs and knows no credential. */
    public BatchRequest(
            ReactorModel reactor,
            Path checkpointPath,
            RefreshMode refresh,
            UnitSelector selector,
            boolean dryRun,
            int concurrency,
            int analysisThreads,
            String generator) {
        this(
                reactor,
                checkpointPath,
                refresh,
                selector,
                dryRun,
                concurrency,
                analysisThreads,
                generator,
                false,
                KnownSecrets.none());
    }

    /**
     * The most units in flight. The model client keeps at least as many connections (a test holds
     * the two together), so no request queues unseen for one.
     */
    public static final int MAX_CONCURRENCY = 64;

    /** The execution root. */
    public Path root() {
        return reactor.root();
    }

    /** The {@code specs/} directory of the root. */
    public Path specsDir() {
        return SpecLayout.specsDir(reactor.root());
    }

    /** The {@code drift-logs/} directory of the root. */
    public Path driftLogsDir() {
        return SpecLayout.driftLogsDir(reactor.root());
    }

    /** The plugin's own working files: the run lock and the facts cache. */
    public Path workDir() {
        return SpecLayout.workDir(reactor.root());
    }

    /** The checkpoint path made absolute against the root. */
    public Path resolvedCheckpointPath() {
        return reactor.root().resolve(checkpointPath).toAbsolutePath().normalize();
    }
}
