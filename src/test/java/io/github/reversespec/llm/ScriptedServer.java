package io.github.reversespec.llm;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server answering each request with the next scripted reply and recording what it
 * received. Replies past the script repeat the last one.
 */
final class ScriptedServer implements AutoCloseable {

    /** One scripted answer. */
    @FunctionalInterface
    interface Reply {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A request as received. */
    record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Reply last;

    /** Bytes an oversized reply managed to write before the client dropped the connection. */
    final AtomicLong bytesWritten = new AtomicLong();

    /** Whether an oversized reply's write failed because the client closed the connection. */
    final AtomicBoolean writeAborted = new AtomicBoolean();

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Queues replies, answered in order. */
    ScriptedServer then(Reply... replies) {
        synchronized (script) {
            script.addAll(List.of(replies));
        }
        return this;
    }

    URI baseUri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        received.add(new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        Reply reply;
        synchronized (script) {
            reply = script.isEmpty() ? last : script.poll();
            last = reply;
        }
        if (reply == null) {
            throw new IllegalStateException("no reply scripted");
        }
        reply.answer(exchange);
    }

    // ---- replies ----

    static Reply json(int status, String body, String... headerPairs) {
        return exchange ->
                send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    static Reply raw(int status, String contentType, byte[] body) {
        return exchange -> send(exchange, status, contentType, body);
    }

    /** Answers only after {@code millis}, long past a short request timeout. */
    static Reply delayed(long millis, Reply then) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            then.answer(exchange);
        };
    }

    /** Announces the whole body's length, sends its first {@code sent} bytes, then drops the connection. */
    static Reply truncated(String body, int sent) {
        return exchange -> {
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

    /** Closes the connection without any response (the server does so when a handler throws). */
    static Reply hangUp() {
        return exchange -> {
            throw new IOException("scripted hang-up");
        };
    }

    /**
     * Streams {@code total} bytes of a JSON string, chunked (no length announced), recording how far
     * it got before the client closed the connection.
     */
    Reply endless(long total) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
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

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
