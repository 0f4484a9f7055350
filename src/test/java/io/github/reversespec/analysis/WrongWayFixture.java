package io.github.reversespec.analysis;

import io.github.reversespec.batch.BatchRunner;

/**
 * A deliberately wrong import, for ArchitectureTest to show that its rules catch one: the analysis
 * stage must not reach up into the batch run. Test code only; never part of the plugin.
 */
final class WrongWayFixture {

    private WrongWayFixture() {}

    static Class<?> reachUp() {
        return BatchRunner.class;
    }
}
