package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static List<SseReader.Event> events(String stream) throws IOException {
        SseReader reader = new SseReader(new StringReader(stream));
        List<SseReader.Event> events = new ArrayList<>();
        for (SseReader.Event e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        return events;
    }

    @Test
    void readsNamedAndUnnamedEvents() throws IOException {
        assertThat(events("event: ping\ndata: {}\n\ndata: [DONE]\n\n"))
                .containsExactly(new SseReader.Event("ping", "{}"), new SseReader.Event("message", "[DONE]"));
    }

    @Test
    void joinsDataLinesOfOneEventAndDropsOnlyOneLeadingSpace() throws IOException {
        assertThat(events("data: {\"a\":\ndata:  1}\n\n"))
                .containsExactly(new SseReader.Event("message", "{\"a\":\n 1}"));
    }

    @Test
    void toleratesCrLfAndLoneCrLineEnds() throws IOException {
        assertThat(events("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r"))
                .containsExactly(new SseReader.Event("a", "1"), new SseReader.Event("b", "2"));
    }

    @Test
    void ignoresCommentsUnknownFieldsAndEmptyEvents() throws IOException {
        assertThat(events(": keep-alive\n\nid: 7\nretry: 10\n\n: again\nevent: x\n\ndata\n\n"))
                .containsExactly(new SseReader.Event("message", ""));
    }

    @Test
    void anEventNameDoesNotCarryOverToTheNextEvent() throws IOException {
        assertThat(events("event: first\ndata: 1\n\ndata: 2\n\n"))
                .containsExactly(new SseReader.Event("first", "1"), new SseReader.Event("message", "2"));
    }

    @Test
    void dropsAnEventTheStreamEndsInTheMiddleOf() throws IOException {
        assertThat(events("data: whole\n\ndata: half")).containsExactly(new SseReader.Event("message", "whole"));
    }

    @Test
    void skipsAByteOrderMarkAtTheStart() throws IOException {
        assertThat(events("\uFEFFdata: x\n\n")).containsExactly(new SseReader.Event("message", "x"));
    }
}
