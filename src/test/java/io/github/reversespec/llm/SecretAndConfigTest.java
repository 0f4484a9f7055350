package io.github.reversespec.llm;

import static io.github.reversespec.llm.KeyLeaks.PLANTED_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecretAndConfigTest {

    @Test
    void secretNeverPrintsItsValue() {
        Secret key = Secret.of(PLANTED_KEY);

        assertThat(key.toString()).isEqualTo("****");
        assertThat("key=" + key).doesNotContain(PLANTED_KEY);
        assertThat(key.reveal()).isEqualTo(PLANTED_KEY);
        assertThat(key.scrub("echo " + PLANTED_KEY + " and " + PLANTED_KEY)).isEqualTo("echo **** and ****");
        assertThat(Secret.of("  ").isPresent()).isFalse();
        assertThat(Secret.none().scrub("text")).isEqualTo("text");
    }

    @Test
    void configurationsPrintNoSecrets() {
        ProxyConfig proxy = new ProxyConfig("proxy.corp", 3128, "alice", Secret.of("hunter2-proxy-pw"), "localhost");
        ClientConfig config = ClientConfig.of(
                        URI.create("https://user:pw-in-url@api.example.com/v1?key=" + PLANTED_KEY),
                        "m",
                        Secret.of(PLANTED_KEY))
                .withProxy(proxy);

        assertThat(config.toString())
                .doesNotContain(PLANTED_KEY)
                .doesNotContain("pw-in-url")
                .doesNotContain("hunter2-proxy-pw")
                .contains("api.example.com");
        assertThat(proxy.toString()).doesNotContain("hunter2-proxy-pw").doesNotContain("alice");
    }

    @Test
    void nonProxyHostsFollowMavenPatterns() {
        ProxyConfig proxy = new ProxyConfig("proxy.corp", 3128, null, null, "localhost|*.internal, 127.0.0.1|[::1]");

        assertThat(proxy.bypasses("localhost")).isTrue();
        assertThat(proxy.bypasses("LOCALHOST")).isTrue();
        assertThat(proxy.bypasses("models.internal")).isTrue();
        assertThat(proxy.bypasses("a.b.internal")).isTrue();
        assertThat(proxy.bypasses("127.0.0.1")).isTrue();
        assertThat(proxy.bypasses("::1")).isTrue();
        assertThat(proxy.bypasses("api.openai.com")).isFalse();
        assertThat(proxy.bypasses("internal")).isFalse();
        assertThat(proxy.bypasses("localhost.evil.com")).isFalse();
        assertThat(new ProxyConfig("p", 1, null, null, null).bypasses("localhost"))
                .isFalse();
    }

    @Test
    void rejectsUnusableConfiguration() {
        assertThatThrownBy(() -> ClientConfig.of(URI.create("ftp://host/v1"), "m", Secret.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfig.of(URI.create("http://host/v1"), " ", Secret.none()))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> new ModelRequest("", "  ", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProxyConfig("p", 0, null, null, null)).hasMessageContaining("port");
    }
}
