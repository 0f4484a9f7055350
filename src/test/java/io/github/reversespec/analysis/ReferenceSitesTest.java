package io.github.reversespec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a unit first names an import or a qualified reference: the witness of a graph edge. */
class ReferenceSitesTest {

    @TempDir
    Path dir;

    @Test
    void firstFileInPathOrderThenFirstLineKeepsTheSite() {
        SourceTree tree = new SourceTree(dir).project("core", "core");
        String src = "core/src/main/java/com/acme/app/";
        tree.write(src + "B.java", """
                package com.acme.app;

                import com.acme.lib.Tool;
                import static com.acme.lib.Consts.MAX;

                class B {
                    Object o = com.acme.other.Thing.make();
                }
                """);
        // A.java sorts first, so its later line wins over B.java's earlier one.
        tree.write(src + "A.java", """
                package com.acme.app;


                import com.acme.lib.Tool;

                class A {
                    @com.acme.other.Marker
                    void run() {
                        com.acme.other.Thing t = null;
                        Object x = com.acme.other.Thing.make();
                    }
                }
                """);

        UnitAnalysis app = SourceTree.unit(tree.analyze(), "core", "com.acme.app");

        assertThat(app.siteOf("com.acme.lib.Tool")).contains(new SourceLine(src + "A.java", 4));
        assertThat(app.siteOf("com.acme.lib.Consts.MAX")).contains(new SourceLine(src + "B.java", 4));
        assertThat(app.siteOf("com.acme.other.Marker")).contains(new SourceLine(src + "A.java", 7));
        // a type, then a field access on the same name: the first line counts
        assertThat(app.siteOf("com.acme.other.Thing")).contains(new SourceLine(src + "A.java", 9));
        assertThat(app.siteOf("com.acme.nowhere.Gone")).isEmpty();
        assertThat(new SourceLine(src + "A.java", 9)).hasToString(src + "A.java:9");
        assertThat(app.nameSites().keySet()).containsAll(app.qualifiedReferences());
        assertThat(app.nameSites().keySet())
                .containsAll(app.imports().stream().map(ImportRef::name).toList());
    }
}
