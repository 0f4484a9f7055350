package io.github.reversespec.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a {@code text/event-stream} as the HTML Living Standard's "server-sent events" section
 * parses it: lines end in LF, CR or CRLF; a blank line ends an event; {@code data:} fields of one
 * event are joined by LF; a line starting with {@code :} is a comment (a keep-alive) and ignored;
 * one space after the colon is dropped; {@code id} and {@code retry} mean nothing to a single
 * request and are ignored, as are unknown fields. An event the stream ends before its blank line is
 * dropped, as the standard says: a stream cut mid-event never yields half an event.
 */
final class SseReader {

    /**
     * One dispatched event.
     *
     * @param name the {@code event:} field, {@code message} when none was given
     * @param data the {@code data:} fields, joined by LF
     */
    record Event(String name, String data) {}

    private final BufferedReader lines;
    private boolean firstLine = true;

    SseReader(Reader in) {
        this.lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    }

    /** The next event, or {@code null} once the stream has ended. */
    Event next() throws IOException {
        String name = "";
        StringBuilder data = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (firstLine) {
                firstLine = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (data != null) {
                    data.setLength(data.length() - 1);
                    return new Event(name.isEmpty() ? "message" : name, data.toString());
                }
                name = "";
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                if (data == null) {
                    data = new StringBuilder();
                }
                data.append(value).append('\n');
            }
        }
        return null;
    }
}
