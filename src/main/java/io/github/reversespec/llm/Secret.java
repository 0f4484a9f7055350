package io.github.reversespec.llm;

import java.util.Objects;

/**
 * A credential (API key, proxy password) that must never reach a log, an exception or a file. Its
 * {@link #toString()} is {@code ****}, so a secret that slips into string concatenation or a
 * debugger view shows nothing; only {@link #reveal()} hands out the value, at the one place that
 * sends it.
 */
public final class Secret {

    private static final Secret NONE = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret holding {@code value}; {@code null} or blank gives {@link #none()}. */
    public static Secret of(String value) {
        return value == null || value.isBlank() ? NONE : new Secret(value.strip());
    }

    /** The absent secret: local servers (Ollama, llama.cpp) need no key. */
    public static Secret none() {
        return NONE;
    }

    /** Whether a value is present. */
    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** The value itself; call only where it is put on the wire. */
    public String reveal() {
        return value;
    }

    /**
     * {@code text} with every occurrence of the secret replaced by {@code ****}. Server error
     * bodies sometimes echo the credential they refused, and such text ends up in exceptions.
     */
    public String scrub(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, "****");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
