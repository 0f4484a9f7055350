package io.github.reversespec.llm;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections that never write request headers or raw bytes to HttpClient's {@code headers} and
 * {@code wire} loggers. Inside Maven those loggers print at {@code -X}, and the request headers
 * carry the API key ({@code Authorization}, {@code x-api-key}); the key must appear in no log.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("reverse-spec-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A connection whose request-header logging and wire logging are off whatever the log level. */
    static final class QuietConnection extends DefaultManagedHttpClientConnection {

        QuietConnection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            // The parent wraps the socket in a wire-logging holder when debug logging is on.
            bind(new SocketHolder(socket));
            setSocketTimeout(Timeout.ofMilliseconds(socket.getSoTimeout()));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
            setSocketTimeout(Timeout.ofMilliseconds(sslSocket.getSoTimeout()));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // The parent logs every request header here, the credential among them.
        }
    }
}
