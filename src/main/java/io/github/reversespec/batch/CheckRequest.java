package io.github.reversespec.batch;

import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.reactor.ReactorModel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * One check, as the Maven adapter (or any other front end) configured it.
 *
 * @param reactor the projects and the execution root ({@code -pl} marks those checked)
 * @param selector which units to check (includes/excludes)
 * @param failOn the finding kinds that are errors; the others are warnings
 * @param analysisThreads threads that parse sources
 * @param generator {@code reverse-spec-maven-plugin/<version>}, written into the reports
 * @param secrets the configured credentials, redacted as the specs were
 */
public record CheckRequest(
        ReactorModel reactor,
        UnitSelector selector,
        Set<DriftKind> failOn,
        int analysisThreads,
        String generator,
        KnownSecrets secrets) {

    public CheckRequest {
        failOn = failOn.isEmpty() ? EnumSet.noneOf(DriftKind.class) : EnumSet.copyOf(failOn);
        secrets = secrets == null ? KnownSecrets.none() : secrets;
    }

    /**
     * The batch request whose plan the check asks: {@code refresh=stale}, hand edits kept, so that
     * what the check calls stale is what that batch regenerates.
     */
    BatchRequest staleBatch() {
        return new BatchRequest(
                reactor,
                Path.of(io.github.reversespec.spec.SpecLayout.DEFAULT_CHECKPOINT),
                RefreshMode.STALE,
                selector,
                false,
                1,
                analysisThreads,
                generator,
                false,
                secrets);
    }

    public Path root() {
        return reactor.root();
    }
}
