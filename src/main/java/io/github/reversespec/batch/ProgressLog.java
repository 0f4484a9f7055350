package io.github.reversespec.batch;

/** Where the run reports progress; the Maven adapter forwards it to Maven's log. */
public interface ProgressLog {

    void info(String message);

    void warn(String message);

    void error(String message);

    void debug(String message);

    boolean isDebugEnabled();

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
