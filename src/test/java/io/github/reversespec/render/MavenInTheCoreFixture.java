package io.github.reversespec.render;

import org.apache.maven.plugin.logging.Log;

/** A deliberately wrong import, for ArchitectureTest: only the Maven adapter may use Maven's API. */
final class MavenInTheCoreFixture {

    private MavenInTheCoreFixture() {}

    static Class<?> maven() {
        return Log.class;
    }
}
