package io.github.reversespec.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK's packages are those its modules hold, whatever their prefix. */
class JdkPackagesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java.util",
                "java.util.concurrent",
                "javax.annotation.processing",
                "javax.sql",
                "org.w3c.dom",
                "org.xml.sax",
                "jdk.jfr",
                "sun.misc",
                "com.sun.net.httpserver"
            })
    void packagesOfJdkModulesAreTheJdk(String pkg) {
        assertThat(JdkPackages.contains(pkg)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javax.money",
                "javax.inject",
                "javax.annotation",
                "javax.servlet",
                "jakarta.inject",
                "org.w3c",
                "com.fasterxml.jackson.databind",
                "jdk",
                "org.junit.jupiter.api"
            })
    void packagesOfLibrariesAreNot(String pkg) {
        assertThat(JdkPackages.contains(pkg)).isFalse();
    }
}
