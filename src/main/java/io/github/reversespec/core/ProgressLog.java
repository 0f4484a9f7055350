package io.github.reversespec.core;

/** Where the run reports progress; the Maven adapter forwards it to Maven's log. */
public interface ProgressLog {

    void info(String message);

    void warn(String message);

    void error(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /**
     * A log that passes every line through {@code redact} first: the configured credentials must
     * reach no log line, whatever a server answered or a file held.
     */
    static ProgressLog redacting(ProgressLog log, java.util.function.UnaryOperator<String> redact) {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                log.info(redact.apply(message));
            }

            @Override
            public void warn(String message) {
                log.warn(redact.apply(message));
            }

            @Override
            public void error(String message) {
                log.error(redact.apply(message));
            }

            @Override
            public void debug(String message) {
                log.debug(redact.apply(message));
            }

            @Override
            public boolean isDebugEnabled() {
                return log.isDebugEnabled();
            }
        };
    }

    /** A log that drops everything (for tests and embedding). */
    ProgressLog SILENT = new ProgressLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };
}
