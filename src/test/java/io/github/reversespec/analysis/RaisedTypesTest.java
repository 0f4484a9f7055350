package io.github.reversespec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a body raises: {@code throw new X(...)}, and {@code throw e;} of a variable whose declared type the syntax gives. */
class RaisedTypesTest {

    @TempDir
    static Path dir;

    static UnitAnalysis unit;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("core", "core");
        String src = "core/src/main/java/com/acme/errors/";
        tree.write(src + "Rethrows.java", """
                package com.acme.errors;

                class Rethrows {
                    private static final RuntimeException FAILURE = new RuntimeException();

                    void parameter(IllegalStateException e) { throw e; }

                    void caught(Error e) {
                        try {
                            run();
                        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
                            throw e;
                        }
                    }

                    void local() {
                        ArithmeticException failure = new ArithmeticException();
                        throw failure;
                    }

                    void field() { throw FAILURE; }

                    void call() { throw make(); }

                    void inferred() {
                        var v = new ArithmeticException();
                        throw v;
                    }

                    RuntimeException make() { return FAILURE; }

                    void run() {}

                    <X extends java.io.IOException> void rethrow(X e) throws X, Failure { throw e; }

                    static class Box<E extends RuntimeException> {
                        void open() throws E {}
                    }

                    static class Failure extends Exception {}

                    enum Policy {
                        THROW {
                            @Override
                            void handle(IllegalMonitorStateException e) { throw e; }
                        },
                        IGNORE;

                        void handle(IllegalMonitorStateException e) {}
                    }
                }
                """);
        unit = SourceTree.unit(tree.analyze(), "core", "com.acme.errors");
    }

    private static TypeModel type(String name) {
        return unit.types().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static MemberModel member(TypeModel t, String name) {
        return t.members().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRethrownVariableRaisesItsDeclaredType() {
        TypeModel rethrows = type("Rethrows");
        assertThat(member(rethrows, "parameter").raisedTypes()).containsExactly("IllegalStateException");
        // the innermost declaration: the catch parameter, not the method's of the same name
        assertThat(member(rethrows, "caught").raisedTypes())
                .containsExactly("IllegalArgumentException", "UncheckedIOException");
        assertThat(member(rethrows, "local").raisedTypes()).containsExactly("ArithmeticException");
        // a field, a call's result and a var are not known from the syntax
        assertThat(member(rethrows, "field").raisedTypes()).isEmpty();
        assertThat(member(rethrows, "call").raisedTypes()).isEmpty();
        assertThat(member(rethrows, "inferred").raisedTypes()).isEmpty();
        // guava's CycleDetectingLockFactory.Policies.THROW: a constant's body raises for the constant
        TypeModel policy = type("Rethrows.Policy");
        assertThat(member(policy, "THROW").raisedTypes()).containsExactly("IllegalMonitorStateException");
        assertThat(member(policy, "IGNORE").raisedTypes()).isEmpty();
        assertThat(policy.enumConstants()).containsExactly("THROW", "IGNORE");
    }

    @Test
    void aTypeVariableThrownNamesItsBound() {
        TypeModel rethrows = type("Rethrows");
        MemberModel rethrow = member(rethrows, "rethrow");
        assertThat(rethrow.typeParameters()).containsExactly("X extends java.io.IOException");
        assertThat(rethrow.thrownTypes()).containsExactly("X", "Failure");
        assertThat(rethrow.raisedTypes()).containsExactly("X");
        assertThat(rethrow.exceptionName("X", rethrows)).isEqualTo("IOException");
        // a class of that name is no variable
        assertThat(rethrow.exceptionName("Failure", rethrows)).isEqualTo("Failure");
        TypeModel box = type("Rethrows.Box");
        MemberModel open = member(box, "open");
        assertThat(open.exceptionName("E", box)).isEqualTo("RuntimeException");
        // E is Box's, not Rethrows': elsewhere it is just a name
        assertThat(rethrow.exceptionName("E", rethrows)).isEqualTo("E");
    }
}
