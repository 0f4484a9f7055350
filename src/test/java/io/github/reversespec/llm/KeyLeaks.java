package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Asserts that a planted API key shows up nowhere an exception can be printed. */
final class KeyLeaks {

    /** Distinctive, so any leak is unmistakable. */
    static final String PLANTED_KEY = "sk-PLANTED-7f3a9c1e5b2d4680-reverse-spec";

    private KeyLeaks() {}

    static void assertKeyAbsent(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as("stack trace with causes").doesNotContain(PLANTED_KEY);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(PLANTED_KEY);
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PLANTED_KEY);
        }
    }
}
