package io.github.reversespec.llm;

import static io.github.reversespec.llm.KeyLeaks.PLANTED_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.testing.FakeModelServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The proxy applies to this client only and honours nonProxyHosts; no name is ever resolved. */
class ProxyTest {

    @Test
    void sendsThroughTheProxyAndAnswersItsChallenge() throws Exception {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("alice:proxy-pw".getBytes(StandardCharsets.UTF_8));
        try (FakeModelServer proxy = new FakeModelServer()) {
            proxy.then((exchange, request) -> {
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"corp\"");
                    exchange.sendResponseHeaders(407, -1);
                    exchange.close();
                } else {
                    FakeModelServer.json(200, OpenAiClientTest.ANSWER).answer(exchange, request);
                }
            });
            // A name no resolver knows: only a proxied request can reach "it".
            ClientConfig config = ClientConfig.of(
                            URI.create("http://models.example.invalid/v1"), "gpt-test", Secret.of(PLANTED_KEY))
                    .withProxy(new ProxyConfig(
                            "127.0.0.1", proxy.port(), "alice", Secret.of("proxy-pw"), "localhost|*.internal"));

            try (OpenAiClient client = new OpenAiClient(config)) {
                Completion completion = client.complete(OpenAiClientTest.REQUEST);

                assertThat(completion.text()).isEqualTo("## 1. Intent\nKeeps orders.");
            }
            FakeModelServer.Received last =
                    proxy.received().get(proxy.received().size() - 1);
            assertThat(last.uri()).isEqualTo("http://models.example.invalid/v1/chat/completions");
            assertThat(last.header("Host")).isEqualTo("models.example.invalid");
            assertThat(last.header("Proxy-Authorization")).isEqualTo(expected);
            assertThat(last.header("Authorization")).isEqualTo("Bearer " + PLANTED_KEY);
        }
    }

    @Test
    void goesDirectlyToNonProxyHosts() throws Exception {
        int deadProxyPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadProxyPort = socket.getLocalPort();
        }
        try (FakeModelServer model = new FakeModelServer()) {
            model.then(FakeModelServer.json(200, OpenAiClientTest.ANSWER));
            ClientConfig config = ClientConfig.of(model.baseUri("/v1"), "gpt-test", Secret.none())
                    .withProxy(new ProxyConfig("127.0.0.1", deadProxyPort, null, null, "localhost|127.*"));

            try (OpenAiClient client = new OpenAiClient(config)) {
                assertThat(client.complete(OpenAiClientTest.REQUEST).text()).startsWith("## 1. Intent");
            }
            assertThat(model.received()).hasSize(1);
            assertThat(model.received().get(0).uri()).isEqualTo("/v1/chat/completions");
        }
    }
}
