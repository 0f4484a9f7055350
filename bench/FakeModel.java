import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible chat-completions endpoint for the latency benchmark: every request
 * waits a fixed latency, then gets a valid completion whose content has the nine spec sections.
 *
 * <p>Usage: {@code java FakeModel.java <port> <latencyMs> [portFile]}; port 0 picks a free one,
 * written to {@code portFile} (and printed) once the server listens. Loopback only.
 *
 * <ul>
 *   <li>{@code POST .../chat/completions}: the answer, after {@code latencyMs};
 *   <li>{@code GET /stats}: what was received since the start or the last reset, as JSON:
 *       requests, request bytes, prompt tokens estimated as the plugin does (system and user
 *       each: ASCII characters / 3 rounded up, plus one per other code point), the largest prompt
 *       and the largest request (prompt plus the {@code max_tokens} it reserves), the usage tokens
 *       answered, the most requests in flight at once, the busy span, and the wall-clock time
 *       (Unix ms) the timeline's times count from;
 *   <li>{@code GET /timeline}: one CSV line per request (start and end in ms since the reset,
 *       prompt tokens, max_tokens, the unit named in the prompt's {@code <unit>} block);
 *   <li>{@code POST /reset}: forget everything received.
 * </ul>
 */
public final class FakeModel {

    private static final Pattern UNIT_PACKAGE = Pattern.compile("<unit>\\npackage: ([^\\n]*)\\nmodule: ([^\\s]*)");

    private final long latencyMs;
    private final Object lock = new Object();
    private long epochNanos = System.nanoTime();
    private long epochUnixMs = System.currentTimeMillis();
    private final List<Request> requests = new ArrayList<>();
    private long requestBytes;
    private int inFlight;
    private int maxInFlight;

    private record Request(long startMs, long endMs, long promptTokens, long maxTokens, long usageTokens,
            String unit) {}

    private FakeModel(long latencyMs) {
        this.latencyMs = latencyMs;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java FakeModel.java <port> <latencyMs> [portFile]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        // Without TCP_NODELAY the answer's body waits for the ACK of its headers, which the client
        // may delay by 40 ms: a latency the benchmark would wrongly charge to the plugin.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        FakeModel fake = new FakeModel(Long.parseLong(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        // One thread per request in flight: a request's latency must never wait for a thread.
        ExecutorService executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                fake.handle(exchange);
            } catch (RuntimeException | IOException e) {
                e.printStackTrace();
                send(exchange, 500, "{\"error\":{\"message\":\"fake: " + e.getClass().getSimpleName() + "\"}}");
            } finally {
                exchange.close();
            }
        });
        server.start();
        int bound = server.getAddress().getPort();
        if (args.length > 2) {
            Path file = Path.of(args[2]);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, bound + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("fake model on http://127.0.0.1:" + bound + "/v1, latency " + args[1] + " ms");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals("/stats")) {
            send(exchange, 200, stats());
        } else if (method.equals("GET") && path.equals("/timeline")) {
            send(exchange, 200, timeline());
        } else if (method.equals("POST") && path.equals("/reset")) {
            synchronized (lock) {
                requests.clear();
                requestBytes = 0;
                maxInFlight = inFlight;
                epochNanos = System.nanoTime();
                epochUnixMs = System.currentTimeMillis();
            }
            send(exchange, 200, "{}");
        } else if (method.equals("POST") && path.endsWith("/chat/completions")) {
            complete(exchange);
        } else {
            send(exchange, 404, "{\"error\":{\"message\":\"fake: no " + method + " " + path + "\"}}");
        }
    }

    private void complete(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        synchronized (lock) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
        }
        try {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Object parsed = new Json(new String(raw, StandardCharsets.UTF_8)).parse();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) parsed;
            long promptTokens = 0;
            String unit = "?";
            for (Object m : (List<?>) body.get("messages")) {
                String content = (String) ((Map<?, ?>) m).get("content");
                promptTokens += estimate(content);
                Matcher unitLine = UNIT_PACKAGE.matcher(content);
                if (unit.equals("?") && unitLine.find()) {
                    unit = unitLine.group(2) + ":" + unitLine.group(1);
                }
            }
            Object max = body.containsKey("max_tokens") ? body.get("max_tokens") : body.get("max_completion_tokens");
            long maxTokens = max instanceof Number n ? n.longValue() : 0;

            sleep(latencyMs);

            String content = answer(unit);
            long completionTokens = estimate(content);
            String answer = "{\"id\":\"fake-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":"
                    + Json.quote(String.valueOf(body.get("model"))) + ",\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":" + Json.quote(content) + "},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                    + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
            send(exchange, 200, answer);
            long end = System.nanoTime();
            synchronized (lock) {
                requestBytes += raw.length;
                requests.add(new Request(
                        Math.max(0, (start - epochNanos) / 1_000_000), (end - epochNanos) / 1_000_000,
                        promptTokens, maxTokens, promptTokens + completionTokens, unit));
            }
        } finally {
            synchronized (lock) {
                inFlight--;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The plugin's estimator (TokenEstimator): ASCII characters / 3 rounded up, plus one per other code point. */
    static long estimate(String text) {
        long ascii = 0;
        long other = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                ascii++;
            } else if (!Character.isLowSurrogate(c)) {
                other++;
            }
        }
        return (ascii + 2) / 3 + other;
    }

    private static String answer(String unit) {
        return "## 1. Intent\nThe " + unit + " package keeps its entries consistent and hands them on in a stable "
                + "order.\n\n## 2. Public Interface\nThe exported types are the entry points; see the signatures "
                + "below.\n\n## 3. Behavior\nEntries are collected, labelled, filtered and ranked; limits below one "
                + "are refused.\n\n## 4. Data Structures\nRecords are immutable snapshots; classes keep a revision "
                + "counter.\n\n## 5. Constraints\nNot thread-safe unless stated.\n\n## 6. Edge Cases and Errors\n"
                + "Blank entries and negative counts are refused with IllegalArgumentException.\n\n"
                + "## 7. Technical Debt\nSeveral TODOs about copying and ordering.\n\n## 8. Test Coverage\n"
                + "One test class per six types.\n\n## 9. Dependencies\nEarlier packages of the same module and of "
                + "the module before.\n";
    }

    private String stats() {
        synchronized (lock) {
            long prompt = 0;
            long usage = 0;
            long maxPrompt = 0;
            long maxRequest = 0;
            String maxUnit = "";
            long first = Long.MAX_VALUE;
            long last = 0;
            long busy = 0;
            for (Request r : requests) {
                prompt += r.promptTokens;
                usage += r.usageTokens;
                if (r.promptTokens + r.maxTokens > maxRequest) {
                    maxRequest = r.promptTokens + r.maxTokens;
                    maxUnit = r.unit;
                }
                maxPrompt = Math.max(maxPrompt, r.promptTokens);
                first = Math.min(first, r.startMs);
                last = Math.max(last, r.endMs);
                busy += r.endMs - r.startMs;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("requests", requests.size());
            s.put("requestBytes", requestBytes);
            s.put("promptTokens", prompt);
            s.put("usageTokens", usage);
            s.put("maxPromptTokens", maxPrompt);
            s.put("maxRequestTokens", maxRequest);
            s.put("maxRequestUnit", maxUnit);
            s.put("maxInFlight", maxInFlight);
            s.put("firstStartMs", requests.isEmpty() ? 0 : first);
            s.put("lastEndMs", last);
            s.put("busyMs", busy);
            s.put("latencyMs", latencyMs);
            s.put("epochUnixMs", epochUnixMs);
            StringBuilder json = new StringBuilder("{");
            s.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(Json.quote(k)).append(':')
                    .append(v instanceof String str ? Json.quote(str) : String.valueOf(v)));
            return json.append("}\n").toString();
        }
    }

    private String timeline() {
        synchronized (lock) {
            StringBuilder csv = new StringBuilder("start_ms,end_ms,prompt_tokens,max_tokens,unit\n");
            requests.stream()
                    .sorted(java.util.Comparator.comparingLong(Request::startMs))
                    .forEach(r -> csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%s%n",
                            r.startMs, r.endMs, r.promptTokens, r.maxTokens, r.unit)));
            return csv.toString();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            space();
            if (i != s.length()) {
                throw error("trailing characters");
            }
            return v;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        space();
                        String k = string();
                        space();
                        expect(':');
                        m.put(k, value());
                        space();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int from = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (from == i) {
                        throw error("unexpected '" + c + "'");
                    }
                    return Double.parseDouble(s.substring(from, i));
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at " + i + ": " + what);
        }

        static String quote(String text) {
            StringBuilder b = new StringBuilder("\"");
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
