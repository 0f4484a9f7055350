package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.member;
import static io.github.reversespec.analysis.SourceTree.type;
import static io.github.reversespec.analysis.SourceTree.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Javadoc a method inherits from the method it overrides elsewhere in the reactor. */
class InheritedDocsTest {

    @TempDir
    static Path dir;

    static ReactorAnalysis analysis;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("api", "api").project("impl", "impl", "api");
        tree.write("api/src/main/java/com/acme/api/Task.java", """
                package com.acme.api;

                import java.io.IOException;
                import java.util.List;

                /** Work to do. */
                public interface Task<T> {
                    /**
                     * Runs the task once.
                     *
                     * @param input what to work on
                     * @param retries how often to retry
                     * @return the result
                     * @throws IOException if the input cannot be read
                     */
                    String run(T input, int retries) throws IOException;

                    /**
                     * Names the task.
                     *
                     * @return a short name
                     */
                    String name();

                    /** Parts of the task. @return never null */
                    List<String> parts(List<String> given);
                }
                """);
        tree.write("api/src/main/java/com/acme/api/Base.java", """
                package com.acme.api;

                /** A base. */
                public abstract class Base implements Task<String> {
                    /**
                     * Closes the base; idempotent.
                     *
                     * @param force close even when busy
                     * @since 2.0
                     */
                    public void close(boolean force) {}

                    /** Base's own name. */
                    @Override
                    public String name() { return "base"; }
                }
                """);
        tree.write("impl/src/main/java/com/acme/impl/Worker.java", """
                package com.acme.impl;

                import com.acme.api.*;
                import java.io.IOException;
                import java.util.ArrayList;

                /** Does the work. */
                public class Worker extends Base implements Comparable<Worker> {
                    @Override
                    public String run(String line, int times) throws IOException { return line; }

                    /**
                     * {@inheritDoc} Also logs.
                     *
                     * @param force {@inheritDoc}; logged
                     * @since 3.0
                     */
                    @Override
                    public void close(boolean force) {}

                    @Override
                    public String name() { return "worker"; }

                    /** Own parts. */
                    @Override
                    public java.util.List<String> parts(java.util.List<String> given) { return new ArrayList<>(); }

                    /** Not an override: other parameter types. */
                    public String run(String line, long times) { return ""; }

                    @Override
                    public int compareTo(Worker o) { return 0; }
                }
                """);
        tree.write("impl/src/main/java/com/acme/impl/Lazy.java", """
                package com.acme.impl;

                public class Lazy extends Worker {
                    @Override
                    public String run(String line, int times) { return line; }
                }
                """);
        tree.write("api/src/main/java/com/acme/api/Store.java", """
                package com.acme.api;

                public interface Store {
                    /** Returns a view of the entries as a map. Changes write through. */
                    java.util.Map<String, String> asMap();

                    /**
                     * Adds an element.
                     *
                     * @param element the element to add
                     * @return whether the store changed
                     */
                    boolean add(String element);
                }
                """);
        tree.write("impl/src/main/java/com/acme/impl/LoadingStore.java", """
                package com.acme.impl;

                public interface LoadingStore extends com.acme.api.Store {
                    /**
                     * {@inheritDoc}
                     *
                     * <p><b>No method on the returned map will ever load entries.</b>
                     *
                     * <p>A third paragraph.
                     */
                    @Override
                    java.util.Map<String, String> asMap();

                    /** Guaranteed to throw an exception and leave the store unmodified. */
                    @Override
                    boolean add(String element);
                }
                """);
        // not valid Java, but a reactor may hold anything: a cycle of supertypes must end
        tree.write("impl/src/main/java/com/acme/impl/Loop.java", """
                package com.acme.impl;

                interface Loop extends Round { void go(); }

                interface Round extends Loop {
                    /** Goes round. */
                    void go();
                }
                """);
        analysis = tree.analyze();
    }

    private static MemberModel worker(String signaturePart) {
        TypeModel w = type(unit(analysis, "impl", "com.acme.impl"), "Worker");
        return w.members().stream()
                .filter(m -> m.signature().contains(signaturePart))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMethodWithoutJavadocTakesItFromTheInterfaceInAnotherPackageAndProject() {
        MemberModel run = worker("run(String line, int");
        DocComment d = run.doc();
        assertThat(d.description()).isEqualTo("Runs the task once.");
        // parameters are matched by position: the override names them differently
        assertThat(d.params()).containsExactly(entry("line", "what to work on"), entry("times", "how often to retry"));
        assertThat(d.returns()).isEqualTo("the result");
        assertThat(d.throwsDocs()).containsExactly(entry("IOException", "if the input cannot be read"));
        assertThat(d.inheritedFrom()).isEqualTo("Task#run");
        assertThat(run.javadocSummary()).isEqualTo("Runs the task once.");
    }

    @Test
    void theSuperclassComesBeforeTheInterfaces() {
        MemberModel name = worker("name()");
        assertThat(name.doc().description()).isEqualTo("Base's own name.");
        // Base#name has no @return of its own: it inherits Task's, and Worker gets both
        assertThat(name.doc().returns()).isEqualTo("a short name");
        assertThat(name.doc().inheritedFrom()).isEqualTo("Base#name");
    }

    @Test
    void inheritDocInTheTextAndInATagIsReplaced() {
        DocComment d = worker("close(").doc();
        assertThat(d.description()).isEqualTo("Closes the base; idempotent. Also logs.");
        assertThat(d.params()).containsExactly(entry("force", "close even when busy; logged"));
        assertThat(d.since()).isEqualTo("3.0");
        assertThat(d.inheritedFrom()).isEqualTo("Base#close");
    }

    @Test
    void ownTextIsKeptAndNothingMarkedInheritedWhenNothingIsTaken() {
        DocComment d = worker("parts(").doc();
        assertThat(d.description()).isEqualTo("Own parts.");
        // Task#parts has nothing Worker lacks (its "@return" sits in the description line, not a tag)
        assertThat(d.returns()).isEmpty();
        assertThat(d.inheritedFrom()).isEmpty();
    }

    @Test
    void aMethodThatOverridesNothingInTheReactorKeepsItsOwn() {
        assertThat(worker("run(String line, long").doc().description())
                .isEqualTo("Not an override: other parameter types.");
        assertThat(worker("run(String line, long").doc().inheritedFrom()).isEmpty();
        MemberModel compareTo = worker("compareTo(");
        assertThat(compareTo.doc()).isEqualTo(DocComment.EMPTY);
        assertThat(compareTo.javadocSummary()).isEmpty();
    }

    @Test
    void theTypeKeepsItsOwnParts() {
        TypeModel base = type(unit(analysis, "api", "com.acme.api"), "Base");
        assertThat(base.doc().description()).isEqualTo("A base.");
        assertThat(member(base, "close").doc().since()).isEqualTo("2.0");
    }

    @Test
    void aCycleOfSupertypesEnds() {
        TypeModel loop = type(unit(analysis, "impl", "com.acme.impl"), "Loop");
        assertThat(member(loop, "go").doc().description()).isEqualTo("Goes round.");
        assertThat(member(loop, "go").doc().inheritedFrom()).isEqualTo("Round#go");
    }

    @Test
    void textInheritedTwiceNamesWhereItIsWritten() {
        TypeModel lazy = type(unit(analysis, "impl", "com.acme.impl"), "Lazy");
        DocComment d = member(lazy, "run").doc();
        assertThat(d.description()).isEqualTo("Runs the task once.");
        // Worker#run has no Javadoc of its own: the text is Task's
        assertThat(d.inheritedFrom()).isEqualTo("Task#run");
    }

    private static MemberModel loadingStore(String name) {
        return member(type(unit(analysis, "impl", "com.acme.impl"), "LoadingStore"), name);
    }

    @Test
    void inheritDocAloneInTheFirstParagraphIsReplacedInPlaceAndTheOwnTextAfterItKept() {
        DocComment d = loadingStore("asMap").doc();
        assertThat(d.description())
                .isEqualTo("Returns a view of the entries as a map. Changes write through. <p><b>No method on the "
                        + "returned map will ever load entries.</b>");
        assertThat(d.inheritedFrom()).isEqualTo("Store#asMap");
        assertThat(d.inheritedParts()).containsExactly(DocComment.Part.INHERIT_DOC);
        assertThat(d.allShownInherited()).isFalse();
        assertThat(loadingStore("asMap").javadocSummary()).isEqualTo("Returns a view of the entries as a map.");
    }

    @Test
    void onlyTheTagsTakenAreMarkedInheritedWhenTheDescriptionIsOwn() {
        DocComment d = loadingStore("add").doc();
        assertThat(d.description()).isEqualTo("Guaranteed to throw an exception and leave the store unmodified.");
        assertThat(d.params()).containsEntry("element", "the element to add");
        assertThat(d.returns()).isEqualTo("whether the store changed");
        assertThat(d.inheritedParts()).containsExactly(DocComment.Part.PARAMETERS, DocComment.Part.RETURN);
        assertThat(d.allShownInherited()).isFalse();
        // a method with no Javadoc of its own took everything it shows
        assertThat(worker("run(String line, int").doc().allShownInherited()).isTrue();
    }
}
