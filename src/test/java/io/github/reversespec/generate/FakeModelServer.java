package io.github.reversespec.generate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An in-process model endpoint on loopback, scripted per test; records every request. Requests are
 * answered concurrently, so a script that sleeps simulates a slow model without serialising the
 * callers. Public for the batch tests that run the plugin in a child JVM against it.
 */
public final class FakeModelServer implements AutoCloseable {

    /** A scripted reply. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }
    }

    /** What the fake received. */
    public record Received(String path, Map<String, List<String>> headers, String body) {}

    public static final String NINE_SECTIONS = "## 1. Intent\\nKeeps the books.\\n## 2. Public Interface\\nUse it.\\n"
            + "## 3. Behavior\\nIt books.\\n## 4. Data Structures\\nRecords.\\n## 5. Constraints\\nNone.\\n"
            + "## 6. Edge Cases and Errors\\nNone.\\n## 7. Technical Debt\\nNone.\\n## 8. Test Coverage\\nSome.\\n"
            + "## 9. Dependencies\\nFew.";

    public static String openAiAnswer(String markdownJsonEscaped) {
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + markdownJsonEscaped
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,"
                + "\"total_tokens\":120}}";
    }

    static String anthropicAnswer(String markdownJsonEscaped) {
        return "{\"id\":\"x\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"" + markdownJsonEscaped
                + "\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":90,"
                + "\"output_tokens\":10}}";
    }

    /** Every request in arrival order; lock it to iterate. */
    public final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model-server");
        t.setDaemon(true);
        return t;
    });

    /** @param script the reply to the n-th request (1-based); it may sleep to play a slow model */
    public FakeModelServer(Function<Integer, Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, script);
            } catch (IOException e) {
                // The client went away mid-exchange (a killed process): nothing to answer.
            }
        });
        server.setExecutor(handlers); // concurrent requests are served concurrently, as a real endpoint does
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Integer, Reply> script) throws IOException {
        // A request cut off by a dying client throws here and is not recorded: it never arrived whole.
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n;
        synchronized (received) {
            received.add(
                    new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            n = received.size();
        }
        Reply reply = script.apply(n);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code suffix}. */
    public String baseUrl(String suffix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + suffix;
    }

    String allBodies() {
        synchronized (received) {
            return received.stream().map(Received::body).reduce("", String::concat);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
