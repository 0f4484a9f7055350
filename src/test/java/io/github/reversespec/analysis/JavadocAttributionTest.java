package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.member;
import static io.github.reversespec.analysis.SourceTree.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Javadoc a declaration gets when a line comment stands between them (as in Guava's {@code Ints.BYTES}). */
class JavadocAttributionTest {

    @TempDir
    static Path dir;

    static TypeModel ints;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("core", "core");
        tree.write("core/src/main/java/com/acme/Ints.java", """
                package com.acme;

                /**
                 * Static utilities for ints.
                 */
                // a line comment between the type's Javadoc and the type
                public final class Ints {
                  private Ints() {}

                  /**
                   * The number of bytes required to represent a primitive {@code int} value.
                   *
                   * <p>Prefer {@link Integer#BYTES} instead.
                   */
                  // The constants value gets inlined here.
                  @SuppressWarnings("AndroidJdkLibsChecker")
                  public static final int BYTES = Integer.BYTES;

                  /** Documents FIRST. */
                  // line comment
                  public static final int FIRST = 1;

                  // only a line comment
                  public static final int UNDOCUMENTED = 2;

                  /**
                   * Returns the hash code.
                   */
                  // why it is written this way
                  /* and a block comment too */
                  public static int hashCode(int value) {
                    return value;
                  }
                }
                """);
        ints = type(SourceTree.unit(tree.analyze(), "core", "com.acme"), "Ints");
    }

    @Test
    void javadocSeparatedByLineCommentsStillDocumentsTheDeclaration() {
        MemberModel bytes = member(ints, "BYTES");
        assertThat(bytes.javadocSummary())
                .isEqualTo("The number of bytes required to represent a primitive int value.");
        assertThat(bytes.doc().description()).contains("{@code int}");
        assertThat(member(ints, "hashCode").javadocSummary()).isEqualTo("Returns the hash code.");
        assertThat(ints.javadocSummary()).isEqualTo("Static utilities for ints.");
    }

    @Test
    void javadocBeforeThePreviousMemberIsNotBorrowed() {
        assertThat(member(ints, "FIRST").javadocSummary()).isEqualTo("Documents FIRST.");
        // FIRST (code) stands between UNDOCUMENTED and the nearest orphan Javadoc
        assertThat(member(ints, "UNDOCUMENTED").javadocSummary()).isEmpty();
        assertThat(member(ints, "UNDOCUMENTED").doc().isEmpty()).isTrue();
    }
}
