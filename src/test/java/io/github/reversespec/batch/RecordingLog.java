package io.github.reversespec.batch;

import io.github.reversespec.core.ProgressLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A progress log for tests: keeps every line as {@code LEVEL message}, thread-safe. */
public final class RecordingLog implements ProgressLog {

    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERROR " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    /** Lines of one level, without the level. */
    public List<String> at(String level) {
        synchronized (lines) {
            return lines.stream()
                    .filter(l -> l.startsWith(level + " "))
                    .map(l -> l.substring(level.length() + 1))
                    .toList();
        }
    }
}
