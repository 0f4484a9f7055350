package io.github.reversespec.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP exchange shared by the providers: one POST of a JSON body asking for a streamed answer,
 * a bounded read of the answer and a classification of every way it can fail. Subclasses supply
 * the path, headers, body, the reading of their event stream and of a successful answer.
 *
 * <p>The answer is read as server-sent events when it comes as {@code text/event-stream}, and as
 * one JSON body otherwise (some local servers ignore {@code stream}); both are judged alike.
 *
 * <p>Guarantees: no retry and no redirect (the retry layer decides); {@link
 * ClientConfig#requestTimeout()} bounds every silence (connecting, waiting for the answer to start,
 * between two pieces of it) and {@link ClientConfig#requestTotalTimeout()} the whole exchange, so a
 * slow model that keeps streaming is not cut off and a silent or endless one is; the answer is read
 * through a cap and the connection dropped as soon as the cap is passed, streamed or not, so an
 * endless answer costs no more memory than the cap; a stream that ends, breaks or falls silent
 * before its terminal event is a failed attempt, never a complete answer; the answer must be strict
 * UTF-8; the proxy, if any, applies to this client alone; the key is sent but never logged, and
 * scrubbed from every message.
 */
public abstract class HttpModelClient implements ModelClient {

    /** Shared: an ObjectMapper is thread-safe once configured. */
    protected static final ObjectMapper JSON = new ObjectMapper();

    private static final int ERROR_BODY_READ_LIMIT = 16 * 1024;
    private static final int EXCERPT_CHARS = 200;
    private static final int READ_BUFFER = 16 * 1024;

    private final ClientConfig config;
    private final String credentialHint;
    private final URI endpoint;
    private final String endpointText;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;

    /**
     * @param config where and how to connect
     * @param operationPath the path appended to the base URL ({@code /chat/completions})
     * @param clock the clock for HTTP-date {@code Retry-After} values
     * @param defaultCredentialHint where the key is set for this provider, used in 401/403 messages
     *     when the configuration names no place
     */
    protected HttpModelClient(ClientConfig config, String operationPath, Clock clock, String defaultCredentialHint) {
        this.config = config;
        this.credentialHint = config.credentialHint() != null ? config.credentialHint() : defaultCredentialHint;
        this.endpoint = Endpoints.resolve(config.baseUrl(), operationPath);
        this.endpointText = Endpoints.withoutUserInfo(endpoint);
        this.clock = clock;
        this.http = buildHttpClient(config);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "reverse-spec-model-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every deadline is cancelled; without this they would queue for the whole timeout.
        scheduler.setRemoveOnCancelPolicy(true);
        this.deadlines = scheduler;
    }

    private static CloseableHttpClient buildHttpClient(ClientConfig config) {
        Timeout timeout = Timeout.of(config.requestTimeout());
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(timeout)
                .setSocketTimeout(timeout)
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(new QuietConnectionFactory())
                        .setDefaultConnectionConfig(connectionConfig)
                        .setMaxConnTotal(ClientConfig.MAX_CONNECTIONS)
                        .setMaxConnPerRoute(ClientConfig.MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("reverse-spec-maven-plugin");
        // No useSystemProperties(): JVM-wide proxy and TLS properties belong to the whole build.
        ProxyConfig proxy = config.proxy();
        if (proxy != null) {
            ProxyRoutePlanner planner = new ProxyRoutePlanner(proxy);
            builder.setRoutePlanner(planner);
            if (proxy.authenticates()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                        new AuthScope(planner.proxyHost()),
                        new UsernamePasswordCredentials(
                                proxy.user(), proxy.password().reveal().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }

    /** The configuration this client was built with. */
    protected ClientConfig config() {
        return config;
    }

    @Override
    public String modelId() {
        return config.model();
    }

    /** The full URL requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** Adds the provider's headers, the credential among them when {@code apiKey} is present. */
    protected abstract void addHeaders(HttpPost post, Secret apiKey);

    /** The provider's JSON body for {@code request}. */
    protected abstract ObjectNode requestBody(ModelRequest request);

    /**
     * Reads a 2xx answer.
     *
     * @throws ModelException when it holds no complete text (empty, cut off, refused, an error object)
     */
    protected abstract Completion readCompletion(JsonNode answer, ModelRequest request) throws ModelException;

    /** A reader for one streamed answer in the provider's event shapes. */
    abstract StreamedAnswer streamedAnswer();

    /**
     * One answer as it streams in: takes the provider's events one by one and rebuilds the body a
     * request without streaming would have got, so that {@link #readCompletion} judges both alike
     * (a cut-off, refused or empty answer is the same failure either way).
     */
    abstract static class StreamedAnswer {

        /**
         * Takes one event.
         *
         * @return the characters of answer text it brought
         * @throws ModelException when the event is an error or not the provider's
         */
        abstract int take(SseReader.Event event) throws ModelException;

        /** Whether the stream's terminal event has come. */
        abstract boolean ended();

        /**
         * Whether a stream that closed cleanly, between events, without its terminal event still
         * holds a whole answer: the model said it had finished ({@code finish_reason}, {@code
         * stop_reason}). Some OpenAI-compatible local servers end the stream there, without {@code
         * [DONE]}; a stream cut before the model finished stays a failed attempt.
         */
        abstract boolean finished();

        /** The answer as a request without streaming would have got it. */
        abstract ObjectNode answer();

        /**
         * Tokens the server reported for the whole exchange so far, 0 until its final usage came (a
         * stream cut before it is then charged its whole reservation, never too little).
         */
        abstract long reportedTokens();
    }

    /** The request body as sent, for tests and dry runs. */
    public final String requestJson(ModelRequest request) {
        try {
            return JSON.writeValueAsString(requestBody(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    @Override
    public final Completion complete(ModelRequest request) throws ModelException {
        return complete(request, new AnswerProgress());
    }

    @Override
    public final Completion complete(ModelRequest request, AnswerProgress progress) throws ModelException {
        HttpPost post = new HttpPost(endpoint);
        addHeaders(post, config.apiKey());
        post.setEntity(new ByteArrayEntity(
                requestJson(request).getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        // The socket timeout bounds each silence; this bounds the whole exchange, so a server that
        // trickles a byte at a time, or streams without end, cannot hold a unit forever.
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    deadlinePassed.set(true);
                    post.cancel();
                },
                config.requestTotalTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        JsonNode answer;
        try {
            answer = http.execute(post, response -> readAnswer(response, post, progress, deadlinePassed));
        } catch (AnswerFailure failure) {
            throw failure.exception;
        } catch (IOException e) {
            throw transportFailure(e, deadlinePassed.get());
        } finally {
            deadline.cancel(false);
        }
        return readCompletion(answer, request);
    }

    private JsonNode readAnswer(
            ClassicHttpResponse response, HttpPost post, AnswerProgress progress, AtomicBoolean deadlinePassed)
            throws IOException {
        int status = response.getCode();
        if (status < 200 || status >= 300) {
            String said = errorExcerpt(readErrorBody(response.getEntity(), post));
            throw new AnswerFailure(statusFailure(response, said));
        }
        HttpEntity entity = response.getEntity();
        if (entity != null && isEventStream(entity)) {
            return readStream(entity, post, progress, deadlinePassed);
        }
        // A server that ignores "stream" (some local ones do) answers with one JSON body.
        return parseAnswer(readCapped(entity, post));
    }

    private static boolean isEventStream(HttpEntity entity) {
        String type = entity.getContentType();
        if (type == null) {
            return false;
        }
        ContentType parsed = ContentType.parseLenient(type);
        return parsed != null && "text/event-stream".equalsIgnoreCase(parsed.getMimeType());
    }

    private JsonNode parseAnswer(String body) throws AnswerFailure {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AnswerFailure(failure(
                    FailureKind.RETRYABLE,
                    "the answer from " + endpointText + " is not JSON" + quoted(excerpt(body)),
                    200,
                    null,
                    0,
                    null));
        }
        if (answer == null || !answer.isObject()) {
            throw new AnswerFailure(failure(
                    FailureKind.RETRYABLE,
                    "the answer from " + endpointText + " is not a JSON object",
                    200,
                    null,
                    0,
                    null));
        }
        return answer;
    }

    /**
     * Reads an event stream into the answer a request without streaming would have had. The cap
     * counts the stream's bytes as they arrive; a stream that ends, breaks or falls silent before
     * its terminal event is an incomplete answer, whatever text it brought.
     */
    private JsonNode readStream(HttpEntity entity, HttpPost post, AnswerProgress progress, AtomicBoolean deadlinePassed)
            throws IOException {
        StreamedAnswer answer = streamedAnswer();
        int events = 0;
        InputStream content = entity.getContent();
        try {
            SseReader reader = new SseReader(new InputStreamReader(
                    new CappedInputStream(content, config.maxResponseBytes()),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            for (SseReader.Event event = reader.next(); event != null; event = reader.next()) {
                events++;
                progress.received(answer.take(event));
                if (answer.ended()) {
                    closeAfterTheEnd(content);
                    return answer.answer();
                }
            }
        } catch (ModelException e) {
            post.cancel();
            throw new AnswerFailure(e);
        } catch (CapPassed e) {
            // Drop the connection instead of draining it: draining would read the rest.
            post.cancel();
            throw new AnswerFailure(oversized("more than " + config.maxResponseBytes() + " bytes received"));
        } catch (CharacterCodingException e) {
            post.cancel();
            throw new AnswerFailure(failure(
                    FailureKind.RETRYABLE,
                    "the answer stream from " + endpointText + " is not valid UTF-8",
                    200,
                    null,
                    answer.reportedTokens(),
                    null));
        } catch (IOException e) {
            post.cancel();
            throw new AnswerFailure(brokenStream(e, deadlinePassed.get(), events, answer.reportedTokens()));
        }
        closeAfterTheEnd(content);
        if (answer.finished()) {
            return answer.answer();
        }
        throw new AnswerFailure(failure(
                FailureKind.RETRYABLE,
                "the answer stream from " + endpointText + " ended after " + events
                        + " events without its final one; the answer is incomplete",
                200,
                null,
                answer.reportedTokens(),
                null));
    }

    /**
     * Closes a stream whose answer is whole: closing reads what little follows (the last chunk), so
     * the connection can be kept; a failure there costs the connection, not the answer.
     */
    private static void closeAfterTheEnd(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            // The connection is discarded by the client; the answer is already read.
        }
    }

    /**
     * A stream that broke off after its 200: the answer was (partly) given, so it counts as an
     * unusable answer, charged what the server reported or else its whole reservation.
     */
    private ModelException brokenStream(IOException e, boolean deadlinePassed, int events, long tokens) {
        String after = " after " + events + " events";
        String problem;
        if (deadlinePassed) {
            problem = "did not end within " + config.requestTotalTimeout().toSeconds()
                    + " s (reverse-spec.requestTotalTimeout)" + after;
        } else if (e instanceof SocketTimeoutException) {
            problem = "fell silent for " + config.requestTimeout().toSeconds() + " s (reverse-spec.requestTimeout)"
                    + after;
        } else {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problem = "broke off" + after + " (" + detail + ")";
        }
        return failure(
                FailureKind.RETRYABLE,
                "the answer stream from " + endpointText + " " + problem + "; the answer is incomplete",
                200,
                null,
                tokens,
                e);
    }

    private String readCapped(HttpEntity entity, HttpPost post) throws IOException {
        if (entity == null) {
            return "";
        }
        long cap = config.maxResponseBytes();
        long declared = entity.getContentLength();
        if (declared > cap) {
            post.cancel();
            throw new AnswerFailure(oversized(declared + " bytes announced"));
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : 8192, cap));
        byte[] chunk = new byte[READ_BUFFER];
        try (InputStream in = entity.getContent()) {
            for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
                if (buffer.size() + (long) read > cap) {
                    // Drop the connection instead of draining it: draining would read the rest.
                    post.cancel();
                    throw new AnswerFailure(oversized("more than " + cap + " bytes received"));
                }
                buffer.write(chunk, 0, read);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AnswerFailure(failure(
                    FailureKind.RETRYABLE,
                    "the answer from " + endpointText + " is not valid UTF-8",
                    200,
                    null,
                    0,
                    null));
        }
    }

    private ModelException oversized(String detail) {
        return failure(
                FailureKind.REQUEST_REJECTED,
                "the answer from " + endpointText + " exceeds the " + config.maxResponseBytes() + "-byte limit ("
                        + detail + "); it was refused unread",
                200,
                null,
                0,
                null);
    }

    /** At most {@link #ERROR_BODY_READ_LIMIT} bytes of an error body, decoded leniently: it is only quoted. */
    private static String readErrorBody(HttpEntity entity, HttpPost post) {
        if (entity == null) {
            return "";
        }
        byte[] head = new byte[ERROR_BODY_READ_LIMIT];
        int filled = 0;
        try (InputStream in = entity.getContent()) {
            while (filled < head.length) {
                int read = in.read(head, filled, head.length - filled);
                if (read == -1) {
                    break;
                }
                filled += read;
            }
            if (filled == head.length) {
                post.cancel();
            }
        } catch (IOException e) {
            // A broken error body still leaves the status to act on.
            post.cancel();
        }
        return new String(head, 0, filled, StandardCharsets.UTF_8);
    }

    private ModelException statusFailure(ClassicHttpResponse response, String said) {
        int status = response.getCode();
        Optional<Duration> retryAfter =
                RetryAfter.parse(headerValue(response, "Retry-After"), headerValue(response, "retry-after-ms"), clock);
        String reason = response.getReasonPhrase();
        if (reason == null || reason.isBlank()) {
            reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, null);
        }
        String where = status + (reason == null ? "" : " " + reason) + " from " + endpointText;
        String model = "'" + config.model() + "'";
        FailureKind kind;
        String advice;
        switch (status) {
            case 401 -> {
                kind = FailureKind.FATAL;
                advice = "check " + credentialHint;
            }
            case 403 -> {
                kind = FailureKind.FATAL;
                advice = "the key may not use model " + model + " or this endpoint; check " + credentialHint
                        + " and reverse-spec.model";
            }
            case 404 -> {
                kind = FailureKind.FATAL;
                advice = "unknown model " + model + " or wrong endpoint; check reverse-spec.model and "
                        + "reverse-spec.baseUrl";
            }
            case 405 -> {
                kind = FailureKind.FATAL;
                advice = "this URL takes no chat requests; check reverse-spec.baseUrl and reverse-spec.provider";
            }
            case 407 -> {
                kind = FailureKind.FATAL;
                advice = "the proxy refused the credentials; check the <proxy> in settings.xml";
            }
            case 413 -> {
                kind = FailureKind.REQUEST_REJECTED;
                advice = "the request is too large for this server; lower reverse-spec.contextTokens";
            }
            case 408, 409, 425 -> {
                kind = FailureKind.RETRYABLE;
                advice = "a passing conflict or timeout on the server; will retry";
            }
            case 429 -> {
                kind = FailureKind.RETRYABLE;
                advice = "rate limited"
                        + retryAfter
                                .map(d -> ", the server asks to wait " + d.toSeconds() + " s")
                                .orElse("")
                        + "; lower reverse-spec.concurrency if this persists";
            }
            case 529 -> {
                kind = FailureKind.RETRYABLE;
                advice = "the provider is overloaded; will retry";
            }
            default -> {
                if (status >= 500) {
                    kind = FailureKind.RETRYABLE;
                    advice = "a server-side failure; will retry";
                } else if (status >= 300 && status < 400) {
                    kind = FailureKind.FATAL;
                    advice = "redirected"
                            + Optional.ofNullable(headerValue(response, "Location"))
                                    .map(location -> " to " + excerpt(location))
                                    .orElse("")
                            + "; set reverse-spec.baseUrl to the final address";
                } else {
                    kind = FailureKind.REQUEST_REJECTED;
                    advice = "the server rejected this request; the unit is written from the code alone";
                }
            }
        }
        return failure(kind, where + ": " + advice + quoted(said), status, retryAfter.orElse(null), 0, null);
    }

    private ModelException transportFailure(IOException e, boolean deadlinePassed) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (deadlinePassed) {
            return failure(
                    FailureKind.RETRYABLE,
                    "no complete answer from " + endpointText + " within "
                            + config.requestTotalTimeout().toSeconds() + " s (reverse-spec.requestTotalTimeout)",
                    0,
                    null,
                    0,
                    e);
        }
        if (e instanceof InterruptedIOException && !(e instanceof ConnectException)) {
            return failure(
                    FailureKind.RETRYABLE,
                    "nothing received from " + endpointText + " for "
                            + config.requestTimeout().toSeconds() + " s (reverse-spec.requestTimeout)",
                    0,
                    null,
                    0,
                    e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return failure(
                    FailureKind.FATAL,
                    "the TLS handshake with " + endpointText + " failed (" + detail + "); if a proxy inspects "
                            + "TLS, add its certificate to the JVM's truststore",
                    0,
                    null,
                    0,
                    e);
        }
        if (e instanceof ConnectException) {
            return failure(
                    FailureKind.RETRYABLE,
                    "cannot connect to " + endpointText + " (" + detail + "); is the server running and "
                            + "reverse-spec.baseUrl right?",
                    0,
                    null,
                    0,
                    e);
        }
        if (e instanceof UnknownHostException) {
            return failure(
                    FailureKind.RETRYABLE,
                    "unknown host in " + endpointText + "; check reverse-spec.baseUrl and the network",
                    0,
                    null,
                    0,
                    e);
        }
        return failure(
                FailureKind.RETRYABLE,
                "the exchange with " + endpointText + " broke off (" + detail + "); the answer is incomplete",
                0,
                null,
                0,
                e);
    }

    /** A failure whose message is scrubbed of the key, the one exit for every message. */
    protected final ModelException failure(
            FailureKind kind, String message, int status, Duration retryAfter, long tokens, Throwable cause) {
        return new ModelException(kind, config.apiKey().scrub(message), status, retryAfter, tokens, cause);
    }

    /** A failure of a 2xx answer that holds no usable text. */
    protected final ModelException unusableAnswer(FailureKind kind, String problem, long tokens) {
        return failure(kind, "the answer from " + endpointText + " " + problem, 200, null, tokens, null);
    }

    /**
     * A completion from what the server reported; missing token counts are estimated by {@link
     * TokenEstimator} (the request's messages and framing, the answer's text) and flagged.
     */
    protected static Completion completion(
            String text, String finishReason, JsonNode promptTokens, JsonNode completionTokens, ModelRequest request) {
        boolean reported = promptTokens != null
                && promptTokens.canConvertToLong()
                && completionTokens != null
                && completionTokens.canConvertToLong();
        String reason = finishReason == null || finishReason.isBlank() ? "unknown" : finishReason;
        if (reported) {
            return new Completion(text, reason, promptTokens.asLong(), completionTokens.asLong(), false);
        }
        // No usage reported: the same conservative estimate the prompts were sized by, so the run's
        // token count errs high, never low.
        return new Completion(
                text,
                reason,
                TokenEstimator.estimateRequest(request.system(), request.user()),
                TokenEstimator.estimate(text),
                true);
    }

    /** Tokens reported in a usage object, 0 when it is absent. */
    protected static long reportedTokens(JsonNode usage, String promptField, String completionField) {
        if (usage == null || !usage.isObject()) {
            return 0;
        }
        return usage.path(promptField).asLong(0) + usage.path(completionField).asLong(0);
    }

    /** A text node's value, {@code null} for anything else. */
    protected static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** The error message an error body carries ({@code error.message}, {@code error}, {@code message}), else the body. */
    private static String errorExcerpt(String body) {
        String message = body;
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                JsonNode error = json.get("error");
                if (error != null && error.isObject() && error.path("message").isTextual()) {
                    message = error.path("message").asText();
                } else if (error != null && error.isTextual()) {
                    message = error.asText();
                } else if (json.path("message").isTextual()) {
                    message = json.path("message").asText();
                }
            }
        } catch (JsonProcessingException e) {
            // Not JSON (an HTML page from a proxy, plain text): quote it as it is.
        }
        return message;
    }

    /** Whitespace collapsed, control characters dropped, at most {@link #EXCERPT_CHARS} characters. */
    protected final String excerpt(String text) {
        if (text == null) {
            return "";
        }
        // Scrub before cutting, so a key straddling the cut cannot leave a readable prefix.
        String flat =
                config.apiKey().scrub(text).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "...";
    }

    private String quoted(String excerpt) {
        return excerpt == null || excerpt.isBlank() ? "" : "; the server said: \"" + excerpt(excerpt) + "\"";
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    /** The stream passed the size cap. */
    private static final class CapPassed extends IOException {

        private static final long serialVersionUID = 1L;

        CapPassed() {
            super("the size cap was passed");
        }
    }

    /** Counts the bytes read through it and fails once they pass the cap, before handing them on. */
    private static final class CappedInputStream extends FilterInputStream {

        private final long cap;
        private long count;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1 && ++count > cap) {
                throw new CapPassed();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
                if (count > cap) {
                    throw new CapPassed();
                }
            }
            return read;
        }
    }

    /** Carries a classified failure out of the response handler, which may only throw IOException. */
    private static final class AnswerFailure extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient ModelException exception;

        AnswerFailure(ModelException exception) {
            super(exception.getMessage());
            this.exception = exception;
        }
    }
}
