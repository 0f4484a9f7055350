package io.github.reversespec.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.reversespec.llm.TokenEstimator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one fake model endpoint of the build: the unit tests start it in-process, the invoker ITs
 * from their setup scripts (through {@code src/it/common/fake-model.groovy}, the test class path
 * on the scripts' class path), and {@code bench/latency.sh} as a process of its own ({@link
 * #main}). It listens on loopback only, speaks both providers (OpenAI's {@code
 * .../chat/completions} and Anthropic's {@code .../messages}, told apart by the request path),
 * answers requests concurrently as a real endpoint does, and records every request that arrived
 * whole.
 *
 * <p>Answers are whole JSON bodies unless a reply says otherwise ({@link #streamed}: server-sent
 * events in the provider's shapes), so the plain replies stand for a server that ignores {@code
 * stream}.
 *
 * <p>What a request gets: the next {@linkplain #then queued} reply if any (once the queue is
 * empty, the last queued reply again, as a stuck server repeats itself); otherwise what the script
 * given at construction returns for the n-th request (1-based); by default {@link #NINE_SECTIONS}
 * in the request's provider shape. {@code GET /stats}, {@code GET /timeline} and {@code POST
 * /reset} are the benchmark's, answered by the fake itself and never recorded.
 *
 * <p>JDK only apart from the plugin's own {@link TokenEstimator}, so {@code java -cp
 * target/classes:target/test-classes} runs it.
 */
public final class FakeModelServer implements AutoCloseable {

    /** The default answer: valid prose under the nine headings a spec needs. */
    public static final String NINE_SECTIONS = """
            ## 1. Intent
            Model-written intent for the package.

            ## 2. Public Interface
            How callers use it.

            ## 3. Behavior
            What happens, step by step.

            ## 4. Data Structures
            The records matter.

            ## 5. Constraints
            Invariants hold.

            ## 6. Edge Cases and Errors
            Failures are reported.

            ## 7. Technical Debt
            Some.

            ## 8. Test Coverage
            Partial.

            ## 9. Dependencies
            A few.
            """;

    /** The prompt tokens an {@link #answer(String)} reports. */
    public static final int PROMPT_TOKENS = 100;

    /** The completion tokens an {@link #answer(String)} reports. */
    public static final int COMPLETION_TOKENS = 50;

    /** How one request is answered. */
    @FunctionalInterface
    public interface Reply {
        /** Answers {@code request}, whose body has been read from {@code exchange} already. */
        void answer(HttpExchange exchange, Received request) throws IOException;
    }

    /**
     * A request as received: {@code uri} as sent (absolute when it came through as a proxy
     * request), {@code path} its path alone, {@code headers} with the JDK's names ({@code
     * Authorization}, {@code X-api-key}).
     */
    public record Received(String method, String uri, String path, Map<String, List<String>> headers, String body) {

        /** The first value of header {@code name} (any case), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** Whether the request is Anthropic's ({@code .../messages}), not OpenAI's. */
        public boolean anthropic() {
            return path.endsWith("/messages");
        }

        /** The request as the request log shows it: method and path, headers, body, a {@code ----} line. */
        public String logEntry() {
            StringBuilder entry =
                    new StringBuilder(method).append(' ').append(path).append('\n');
            headers.forEach((k, v) ->
                    entry.append(k).append(": ").append(String.join(",", v)).append('\n'));
            return entry.append(body).append("\n----\n").toString();
        }
    }

    /**
     * A request answered: the status sent (-1 for none: the connection was dropped), the start (on
     * arrival) and end (the reply done) on {@link System#nanoTime()}, and the first {@value
     * #RESPONSE_HEAD} bytes of the response body.
     */
    public record Answered(Received request, int status, long startNanos, long endNanos, String responseHead) {}

    private static final int RESPONSE_HEAD = 64 * 1024;
    private static final Pattern UNIT_PACKAGE = Pattern.compile("<unit>\\npackage: ([^\\n]*)\\nmodule: ([^\\s]*)");

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model-server");
        t.setDaemon(true);
        return t;
    });
    private final IntFunction<Reply> script;
    private final long latencyMs;
    private final Deque<Reply> queued = new ArrayDeque<>();
    private Reply lastQueued;

    private final Object lock = new Object();
    private final List<Received> received = new ArrayList<>();
    private final List<Answered> answered = new ArrayList<>();
    private int arrivals;
    private int inFlight;
    private int maxInFlight;
    private long epochNanos = System.nanoTime();
    private long epochUnixMs = System.currentTimeMillis();
    private Path log;

    /** Bytes an {@link #endless} reply wrote before the client dropped the connection. */
    public final AtomicLong bytesWritten = new AtomicLong();

    /** Whether an {@link #endless} reply's write failed because the client closed the connection. */
    public final AtomicBoolean writeAborted = new AtomicBoolean();

    /** A fake on a free port answering every request with {@link #NINE_SECTIONS}. */
    public FakeModelServer() throws IOException {
        this(n -> answer(NINE_SECTIONS));
    }

    /** A fake on a free port; {@code script} gives the reply to the n-th request (1-based) and may sleep. */
    public FakeModelServer(IntFunction<Reply> script) throws IOException {
        this(0, 0, script);
    }

    private FakeModelServer(int port, long latencyMs, IntFunction<Reply> script) throws IOException {
        this.script = script;
        this.latencyMs = latencyMs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/", this::handle);
        // One thread per request in flight: concurrent requests are served concurrently, and a
        // scripted latency never waits for a thread.
        server.setExecutor(handlers);
        server.start();
    }

    /** Queues replies, answered in order before the script; the last one repeats once they are used up. */
    public FakeModelServer then(Reply... replies) {
        synchronized (queued) {
            queued.addAll(List.of(replies));
        }
        return this;
    }

    /** Appends every request to {@code file} as it arrives, in {@link Received#logEntry()} form. */
    public FakeModelServer logTo(Path file) throws IOException {
        synchronized (lock) {
            Files.writeString(file, "");
            log = file;
        }
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code suffix}. */
    public String baseUrl(String suffix) {
        return "http://127.0.0.1:" + port() + suffix;
    }

    public URI baseUri(String suffix) {
        return URI.create(baseUrl(suffix));
    }

    /** Every request that arrived whole, in arrival order. */
    public List<Received> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** Every request answered so far, in the order their replies ended. */
    public List<Answered> answered() {
        settle();
        synchronized (lock) {
            return List.copyOf(answered);
        }
    }

    /**
     * Waits (a second at most) until every request received is also recorded as answered: a
     * client may have read its whole answer, and its caller asked here, before the handler that
     * sent it has recorded it. A request still hanging by design just ends the wait.
     */
    private void settle() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline) {
            synchronized (lock) {
                if (answered.size() >= received.size()) {
                    return;
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The bodies of every request, concatenated. */
    public String allBodies() {
        return String.join("", received().stream().map(Received::body).toList());
    }

    /** The most requests that were in flight at once since the fake started (or was reset). */
    public int maxInFlight() {
        synchronized (lock) {
            return maxInFlight;
        }
    }

    /**
     * The tokens the answers so far reported in their {@code usage}, added up: what a provider
     * would have billed (an error reply reports none).
     */
    public long usageTokens() {
        return timed().stream().mapToLong(Timed::usageTokens).sum();
    }

    /** Every request in {@link Received#logEntry()} form. */
    public String requestLog() {
        return String.join("", received().stream().map(Received::logEntry).toList());
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        try (exchange) {
            if (control(exchange)) {
                return;
            }
            synchronized (lock) {
                maxInFlight = Math.max(maxInFlight, ++inFlight);
            }
            // A request leaves the count as its answer starts to go out, not once the handler
            // returns: by then the client may have read the answer and sent its next request.
            java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
            Runnable leave = () -> {
                if (counted.compareAndSet(true, false)) {
                    synchronized (lock) {
                        inFlight--;
                    }
                }
            };
            try {
                serve(exchange, start, leave);
            } finally {
                leave.run();
            }
        } catch (IOException e) {
            // The client went away mid-exchange, or a scripted hang-up: nothing more to answer.
        }
    }

    private void serve(HttpExchange exchange, long start, Runnable answering) throws IOException {
        // A request cut off by a dying client throws here and is not recorded: it never arrived whole.
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        Received request = new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                exchange.getRequestURI().getPath(),
                Map.copyOf(headers),
                body);
        int n;
        synchronized (lock) {
            received.add(request);
            n = ++arrivals;
            if (log != null) {
                Files.writeString(log, request.logEntry(), StandardOpenOption.APPEND);
            }
        }
        Capture capture = new Capture(exchange.getResponseBody(), answering);
        exchange.setStreams(null, capture);
        try {
            replyTo(n).answer(exchange, request);
        } catch (RuntimeException e) {
            e.printStackTrace();
            if (exchange.getResponseCode() == -1) {
                json(500, "{\"error\":{\"message\":" + TinyJson.quote("fake: " + e) + "}}")
                        .answer(exchange, request);
            }
        } finally {
            synchronized (lock) {
                answered.add(
                        new Answered(request, exchange.getResponseCode(), start, System.nanoTime(), capture.head()));
            }
        }
    }

    private Reply replyTo(int n) {
        synchronized (queued) {
            if (!queued.isEmpty()) {
                lastQueued = queued.poll();
            }
            if (lastQueued != null) {
                return lastQueued;
            }
        }
        return script.apply(n);
    }

    /** Keeps the first bytes of a response body for {@link Answered#responseHead()}. */
    private static final class Capture extends FilterOutputStream {
        private final byte[] head = new byte[RESPONSE_HEAD];
        private final Runnable answering;
        private int length;

        Capture(OutputStream out, Runnable answering) {
            super(out);
            this.answering = answering;
        }

        @Override
        public void write(int b) throws IOException {
            answering.run();
            out.write(b);
            if (length < head.length) {
                head[length++] = (byte) b;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            answering.run();
            out.write(b, off, len);
            int keep = Math.min(len, head.length - length);
            System.arraycopy(b, off, head, length, keep);
            length += keep;
        }

        String head() {
            return new String(head, 0, length, StandardCharsets.UTF_8);
        }
    }

    // ---- replies ----

    /** {@code markdown} in the request's provider shape, finished, with the fixed usage. */
    public static Reply answer(String markdown) {
        return answer(markdown, PROMPT_TOKENS, COMPLETION_TOKENS);
    }

    /** {@code markdown} in the request's provider shape, finished, reporting the usage given. */
    public static Reply answer(String markdown, long promptTokens, long completionTokens) {
        return (exchange, request) -> json(200, answerBody(request, markdown, false, promptTokens, completionTokens))
                .answer(exchange, request);
    }

    /**
     * {@code markdown} in the request's provider shape, with the usage the plugin's own estimator
     * gives the request's messages and the answer (as a real model reports its real counts).
     */
    public static Reply estimatedAnswer(String markdown) {
        return (exchange, request) -> json(
                        200, answerBody(request, markdown, false, promptTokens(request), estimate(markdown)))
                .answer(exchange, request);
    }

    /**
     * {@code markdown} cut off at the output limit: {@code finish_reason: length} (OpenAI) or
     * {@code stop_reason: max_tokens} (Anthropic).
     */
    public static Reply cutOff(String markdown) {
        return (exchange, request) -> json(200, answerBody(request, markdown, true, PROMPT_TOKENS, COMPLETION_TOKENS))
                .answer(exchange, request);
    }

    /** An error status with the provider's error body around {@code message}; header name-value pairs follow. */
    public static Reply error(int status, String message, String... headerPairs) {
        return (exchange, request) -> json(
                        status,
                        request.anthropic()
                                ? "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
                                        + TinyJson.quote(message) + "}}"
                                : "{\"error\":{\"message\":" + TinyJson.quote(message) + "}}",
                        headerPairs)
                .answer(exchange, request);
    }

    private static String answerBody(
            Received request, String markdown, boolean cut, long promptTokens, long completionTokens) {
        if (request.anthropic()) {
            return "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"fake\","
                    + "\"content\":[{\"type\":\"text\",\"text\":" + TinyJson.quote(markdown) + "}],"
                    + "\"stop_reason\":\"" + (cut ? "max_tokens" : "end_turn") + "\",\"usage\":{\"input_tokens\":"
                    + promptTokens + ",\"output_tokens\":" + completionTokens + "}}";
        }
        return "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + TinyJson.quote(markdown) + "},\"finish_reason\":\"" + (cut ? "length" : "stop") + "\"}],"
                + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
    }

    /** {@code status} with a JSON body as given; header name-value pairs follow. */
    public static Reply json(int status, String body, String... headerPairs) {
        return (exchange, request) ->
                send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    /** {@code status} with any bytes (not JSON, not UTF-8, oversized) as {@code contentType}. */
    public static Reply raw(int status, String contentType, byte[] body) {
        return (exchange, request) -> send(exchange, status, contentType, body);
    }

    /** {@code then} after {@code millis} (a slow model, or one long past a request timeout). */
    public static Reply delayed(long millis, Reply then) {
        return (exchange, request) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            then.answer(exchange, request);
        };
    }

    /**
     * {@code markdown} streamed as server-sent events in the request's provider shape, finished, with
     * the fixed usage in the final events; adjust with the {@link Streamed} methods.
     */
    public static Streamed streamed(String markdown) {
        return new Streamed(markdown);
    }

    /**
     * An answer streamed as a real endpoint streams it: OpenAI's {@code chat.completion.chunk}
     * events (the usage in a last chunk without choices when the request asked for it with {@code
     * stream_options.include_usage}, then {@code [DONE]}), or Anthropic's {@code message_start} ...
     * {@code content_block_delta} ... {@code message_delta} (stop reason, output usage) {@code
     * message_stop}. The text goes out in pieces, one event each, at a cadence; the stream can be cut
     * off at the output limit, dropped mid-way, left without its final event, or fall silent.
     * Immutable: each method returns an adjusted copy, so a queued reply can repeat.
     */
    public static final class Streamed implements Reply {
        private final String markdown;
        private int pieceChars = 16;
        private long cadenceMs;
        private boolean atLength;
        private boolean usage = true;
        private int dropAfter = -1;
        private boolean withoutEnd;
        private boolean withoutFinish;
        private int silentAfter = -1;
        private long silenceMs;
        private String lineEnd = "\n";
        private boolean keepAlive;
        private boolean splitData;

        private Streamed(String markdown) {
            this.markdown = markdown;
        }

        private Streamed copy() {
            Streamed c = new Streamed(markdown);
            c.pieceChars = pieceChars;
            c.cadenceMs = cadenceMs;
            c.atLength = atLength;
            c.usage = usage;
            c.dropAfter = dropAfter;
            c.withoutEnd = withoutEnd;
            c.withoutFinish = withoutFinish;
            c.silentAfter = silentAfter;
            c.silenceMs = silenceMs;
            c.lineEnd = lineEnd;
            c.keepAlive = keepAlive;
            c.splitData = splitData;
            return c;
        }

        /** The text in pieces of {@code chars} characters, one event each (default 16). */
        public Streamed pieces(int chars) {
            Streamed c = copy();
            c.pieceChars = chars;
            return c;
        }

        /** {@code millis} between two events. */
        public Streamed every(long millis) {
            Streamed c = copy();
            c.cadenceMs = millis;
            return c;
        }

        /** Stopped at the output limit: {@code finish_reason: length} / {@code stop_reason: max_tokens}. */
        public Streamed atLength() {
            Streamed c = copy();
            c.atLength = true;
            return c;
        }

        /** No usage in the stream at all. */
        public Streamed withoutUsage() {
            Streamed c = copy();
            c.usage = false;
            return c;
        }

        /** The whole stream's length announced, the connection dropped after {@code events} events. */
        public Streamed droppedAfter(int events) {
            Streamed c = copy();
            c.dropAfter = events;
            return c;
        }

        /** The terminal event ({@code [DONE]}, {@code message_stop}) left out; the stream ends cleanly. */
        public Streamed withoutEnd() {
            Streamed c = copy();
            c.withoutEnd = true;
            return c;
        }

        /**
         * The model's finishing event left out too ({@code finish_reason}, the {@code message_delta}
         * with its {@code stop_reason}): the stream closes cleanly in the middle of the answer.
         */
        public Streamed withoutFinish() {
            Streamed c = copy();
            c.withoutFinish = true;
            return c;
        }

        /** Nothing sent for {@code millis} after {@code events} events, then the rest. */
        public Streamed silentAfter(int events, long millis) {
            Streamed c = copy();
            c.silentAfter = events;
            c.silenceMs = millis;
            return c;
        }

        /** CRLF line ends instead of LF. */
        public Streamed crlf() {
            Streamed c = copy();
            c.lineEnd = "\r\n";
            return c;
        }

        /** A {@code : keep-alive} comment before every event. */
        public Streamed keepAlive() {
            Streamed c = copy();
            c.keepAlive = true;
            return c;
        }

        /** Each event's JSON split over two {@code data:} lines (after its opening brace). */
        public Streamed splitData() {
            Streamed c = copy();
            c.splitData = true;
            return c;
        }

        @Override
        public void answer(HttpExchange exchange, Received request) throws IOException {
            List<String> events = events(request);
            List<byte[]> wire = new ArrayList<>();
            long length = 0;
            for (String event : events) {
                byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
                wire.add(bytes);
                length += bytes.length;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, dropAfter >= 0 ? length : 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < wire.size(); i++) {
                if (i == dropAfter) {
                    out.flush();
                    // Closing short of the announced length makes the server drop the connection.
                    exchange.close();
                    return;
                }
                if (i > 0 && !pause(i == silentAfter ? silenceMs : cadenceMs)) {
                    exchange.close();
                    return;
                }
                out.write(wire.get(i));
                out.flush();
            }
            out.close();
        }

        private static boolean pause(long millis) {
            if (millis <= 0) {
                return true;
            }
            try {
                Thread.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private List<String> events(Received request) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < markdown.length(); i += pieceChars) {
                pieces.add(markdown.substring(i, Math.min(markdown.length(), i + pieceChars)));
            }
            List<String> events = new ArrayList<>();
            if (request.anthropic()) {
                events.add(event(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\","
                                + "\"role\":\"assistant\",\"model\":\"fake\",\"content\":[],\"stop_reason\":null,"
                                + (usage
                                        ? "\"usage\":{\"input_tokens\":" + PROMPT_TOKENS + ",\"output_tokens\":1}"
                                        : "\"usage\":{}")
                                + "}}"));
                events.add(event(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
                                + "\"text\":\"\"}}"));
                events.add(event("ping", "{\"type\": \"ping\"}"));
                for (String piece : pieces) {
                    events.add(event(
                            "content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                                    + "\"text\":" + TinyJson.quote(piece) + "}}"));
                }
                events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
                if (withoutFinish) {
                    return events;
                }
                events.add(event(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                                + (atLength ? "max_tokens" : "end_turn") + "\",\"stop_sequence\":null}"
                                + (usage ? ",\"usage\":{\"output_tokens\":" + COMPLETION_TOKENS + "}" : "")
                                + "}"));
                if (!withoutEnd) {
                    events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
                }
                return events;
            }
            String head = "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                    + "\"model\":\"fake\",";
            events.add(event(
                    null,
                    head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                            + "\"finish_reason\":null}]}"));
            for (String piece : pieces) {
                events.add(event(
                        null,
                        head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + TinyJson.quote(piece)
                                + "},\"finish_reason\":null}]}"));
            }
            if (withoutFinish) {
                return events;
            }
            events.add(event(
                    null,
                    head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
                            + (atLength ? "length" : "stop") + "\"}]}"));
            if (usage && request.body().replace(" ", "").contains("\"include_usage\":true")) {
                events.add(event(
                        null,
                        head + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
                                + ",\"completion_tokens\":" + COMPLETION_TOKENS + ",\"total_tokens\":"
                                + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}}"));
            }
            if (!withoutEnd) {
                events.add(event(null, "[DONE]"));
            }
            return events;
        }

        private String event(String name, String data) {
            StringBuilder event = new StringBuilder();
            if (keepAlive) {
                event.append(": keep-alive").append(lineEnd).append(lineEnd);
            }
            if (name != null) {
                event.append("event: ").append(name).append(lineEnd);
            }
            if (splitData && data.startsWith("{")) {
                event.append("data: {").append(lineEnd).append("data: ").append(data.substring(1));
            } else {
                event.append("data: ").append(data);
            }
            return event.append(lineEnd).append(lineEnd).toString();
        }
    }

    /** Announces the whole body's length, sends its first {@code sent} bytes, then drops the connection. */
    public static Reply truncated(String body, int sent) {
        return (exchange, request) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, sent);
            out.flush();
            // Closing short of the announced length makes the server drop the connection.
            exchange.close();
        };
    }

    /** Closes the connection without any response. */
    public static Reply hangUp() {
        return (exchange, request) -> {
            throw new IOException("scripted hang-up");
        };
    }

    /**
     * Streams {@code total} bytes of a JSON string, chunked (no length announced), recording in
     * {@link #bytesWritten} and {@link #writeAborted} how far it got before the client closed the
     * connection.
     */
    public Reply endless(long total) {
        return (exchange, request) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"choices\":[{\"message\":{\"content\":\"".getBytes(StandardCharsets.UTF_8));
                for (long written = 0; written < total; written += chunk.length) {
                    out.write(chunk);
                    out.flush();
                    bytesWritten.addAndGet(chunk.length);
                }
                out.write("\"}}]}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                writeAborted.set(true);
            }
        };
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, String... headerPairs)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    // ---- the benchmark's view ----

    private boolean control(HttpExchange exchange) throws IOException {
        String route =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String body;
        switch (route) {
            case "GET /stats" -> body = stats();
            case "GET /timeline" -> body = timeline();
            case "POST /reset" -> {
                synchronized (lock) {
                    received.clear();
                    answered.clear();
                    maxInFlight = inFlight;
                    epochNanos = System.nanoTime();
                    epochUnixMs = System.currentTimeMillis();
                }
                body = "{}";
            }
            default -> {
                return false;
            }
        }
        exchange.getRequestBody().readAllBytes();
        send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** The plugin's own estimate of a text's tokens. */
    static long estimate(String text) {
        return TokenEstimator.estimate(text);
    }

    /** The estimated tokens of a request's system prompt and messages; 0 when its body is not JSON. */
    static long promptTokens(Received request) {
        long tokens = 0;
        for (String text : promptTexts(request)) {
            tokens += estimate(text);
        }
        return tokens;
    }

    private static List<String> promptTexts(Received request) {
        List<String> texts = new ArrayList<>();
        if (!(parse(request.body()) instanceof Map<?, ?> body)) {
            return texts;
        }
        if (body.get("system") instanceof String system) {
            texts.add(system);
        }
        if (body.get("messages") instanceof List<?> messages) {
            for (Object m : messages) {
                if (m instanceof Map<?, ?> message) {
                    Object content = message.get("content");
                    if (content instanceof String text) {
                        texts.add(text);
                    } else if (content instanceof List<?> blocks) {
                        for (Object b : blocks) {
                            if (b instanceof Map<?, ?> block && block.get("text") instanceof String text) {
                                texts.add(text);
                            }
                        }
                    }
                }
            }
        }
        return texts;
    }

    private static Object parse(String body) {
        try {
            return TinyJson.parse(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the benchmark reads of one answered request. */
    private record Timed(long startMs, long endMs, long promptTokens, long maxTokens, long usageTokens, String unit) {}

    private static final Pattern TOTAL_TOKENS = Pattern.compile("\"total_tokens\"\\s*:\\s*(\\d+)");
    private static final Pattern INPUT_TOKENS = Pattern.compile("\"input_tokens\"\\s*:\\s*(\\d+)");
    private static final Pattern OUTPUT_TOKENS = Pattern.compile("\"output_tokens\"\\s*:\\s*(\\d+)");

    private List<Timed> timed() {
        settle();
        List<Answered> all;
        long epoch;
        synchronized (lock) {
            all = List.copyOf(answered);
            epoch = epochNanos;
        }
        List<Timed> out = new ArrayList<>();
        for (Answered a : all) {
            String unit = "?";
            for (String text : promptTexts(a.request())) {
                Matcher m = UNIT_PACKAGE.matcher(text);
                if (m.find()) {
                    unit = m.group(2) + ":" + m.group(1);
                    break;
                }
            }
            long maxTokens = 0;
            if (parse(a.request().body()) instanceof Map<?, ?> body) {
                Object max =
                        body.containsKey("max_tokens") ? body.get("max_tokens") : body.get("max_completion_tokens");
                maxTokens = max instanceof Number number ? number.longValue() : 0;
            }
            long usage = number(TOTAL_TOKENS, a.responseHead());
            if (usage == 0) {
                // A stream reports output_tokens twice (message_start, message_delta): the last counts.
                usage = number(INPUT_TOKENS, a.responseHead()) + lastNumber(OUTPUT_TOKENS, a.responseHead());
            }
            out.add(new Timed(
                    Math.max(0, (a.startNanos() - epoch) / 1_000_000),
                    Math.max(0, (a.endNanos() - epoch) / 1_000_000),
                    promptTokens(a.request()),
                    maxTokens,
                    usage,
                    unit));
        }
        return out;
    }

    private static long number(Pattern field, String json) {
        Matcher m = field.matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long lastNumber(Pattern field, String json) {
        Matcher m = field.matcher(json);
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /**
     * What was answered since the start or the last reset, as JSON: requests, request bytes, prompt
     * tokens estimated as the plugin does, the usage tokens answered, the largest prompt and the
     * largest request (prompt plus the {@code max_tokens} it reserves), the most requests in flight
     * at once, the first start, last end and busy time (ms since the reset), the latency, and the
     * wall-clock time (Unix ms) the times count from.
     */
    String stats() {
        List<Timed> requests = timed();
        long requestBytes;
        int mostInFlight;
        long epochMs;
        synchronized (lock) {
            requestBytes = answered.stream()
                    .mapToLong(a -> a.request().body().getBytes(StandardCharsets.UTF_8).length)
                    .sum();
            mostInFlight = maxInFlight;
            epochMs = epochUnixMs;
        }
        long prompt = 0;
        long usage = 0;
        long maxPrompt = 0;
        long maxRequest = 0;
        String maxUnit = "";
        long first = Long.MAX_VALUE;
        long last = 0;
        long busy = 0;
        for (Timed r : requests) {
            prompt += r.promptTokens();
            usage += r.usageTokens();
            if (r.promptTokens() + r.maxTokens() > maxRequest) {
                maxRequest = r.promptTokens() + r.maxTokens();
                maxUnit = r.unit();
            }
            maxPrompt = Math.max(maxPrompt, r.promptTokens());
            first = Math.min(first, r.startMs());
            last = Math.max(last, r.endMs());
            busy += r.endMs() - r.startMs();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests.size());
        out.put("requestBytes", requestBytes);
        out.put("promptTokens", prompt);
        out.put("usageTokens", usage);
        out.put("maxPromptTokens", maxPrompt);
        out.put("maxRequestTokens", maxRequest);
        out.put("maxRequestUnit", maxUnit);
        out.put("maxInFlight", mostInFlight);
        out.put("firstStartMs", requests.isEmpty() ? 0 : first);
        out.put("lastEndMs", last);
        out.put("busyMs", busy);
        out.put("latencyMs", latencyMs);
        out.put("epochUnixMs", epochMs);
        StringBuilder json = new StringBuilder("{");
        out.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                .append(TinyJson.quote(k))
                .append(':')
                .append(v instanceof String str ? TinyJson.quote(str) : String.valueOf(v)));
        return json.append("}\n").toString();
    }

    /** One CSV line per answered request: start and end in ms since the reset, prompt tokens, max_tokens, unit. */
    String timeline() {
        StringBuilder csv = new StringBuilder("start_ms,end_ms,prompt_tokens,max_tokens,unit\n");
        timed().stream()
                .sorted(Comparator.comparingLong(Timed::startMs))
                .forEach(r -> csv.append(String.format(
                        Locale.ROOT,
                        "%d,%d,%d,%d,%s%n",
                        r.startMs(),
                        r.endMs(),
                        r.promptTokens(),
                        r.maxTokens(),
                        r.unit())));
        return csv.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The benchmark's fake: {@code <port> <latencyMs> [portFile]}. Every request waits {@code
     * latencyMs}, then gets {@link #NINE_SECTIONS} with the usage the plugin's estimator gives it.
     * Port 0 picks a free one, written to {@code portFile} (and printed) once the server listens.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java -cp target/classes:target/test-classes " + FakeModelServer.class.getName()
                    + " <port> <latencyMs> [portFile]");
            System.exit(2);
        }
        // Without TCP_NODELAY the answer's body waits for the ACK of its headers, which the client
        // may delay by 40 ms: a latency the benchmark would wrongly charge to the plugin.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long latency = Long.parseLong(args[1]);
        Reply reply = delayed(latency, estimatedAnswer(NINE_SECTIONS));
        FakeModelServer fake = new FakeModelServer(Integer.parseInt(args[0]), latency, n -> reply);
        if (args.length > 2) {
            Path file = Path.of(args[2]);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try {
                Files.writeString(tmp, fake.port() + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                fake.close();
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("fake model on " + fake.baseUrl("/v1") + ", latency " + latency + " ms");
    }
}
