package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.llm.ProxyConfig;
import io.github.reversespec.llm.Secret;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/** The Maven adapter's reading of settings.xml: servers and proxies, encrypted or not. */
class MavenCredentialsTest {

    private static final String ENCRYPTED = "{COQLCE6DU6GtcS5P=}";
    private static final String PLAIN = "sk-decrypted-0123456789abcdef";

    /** Decrypts {@link #ENCRYPTED} to {@link #PLAIN}; anything else in braces is a bad master password. */
    private static final SettingsDecrypter DECRYPTER = request -> result(request);

    private static SettingsDecryptionResult result(SettingsDecryptionRequest request) {
        List<Server> servers = request.getServers().stream()
                .map(s -> {
                    Server copy = s.clone();
                    copy.setPassword(decrypt(s.getPassword()));
                    return copy;
                })
                .toList();
        List<Proxy> proxies = request.getProxies().stream()
                .map(p -> {
                    Proxy copy = p.clone();
                    copy.setPassword(decrypt(p.getPassword()));
                    return copy;
                })
                .toList();
        boolean broken = request.getServers().stream().anyMatch(s -> isBroken(s.getPassword()))
                || request.getProxies().stream().anyMatch(p -> isBroken(p.getPassword()));
        List<SettingsProblem> problems = broken
                ? List.of(new DefaultSettingsProblem(
                        "Failed to decrypt password: master password mismatch",
                        SettingsProblem.Severity.ERROR,
                        "settings.xml",
                        -1,
                        -1,
                        null))
                : List.of();
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return servers.isEmpty() ? null : servers.get(0);
            }

            @Override
            public List<Server> getServers() {
                return servers;
            }

            @Override
            public Proxy getProxy() {
                return proxies.isEmpty() ? null : proxies.get(0);
            }

            @Override
            public List<Proxy> getProxies() {
                return proxies;
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }

    private static boolean isBroken(String password) {
        return password != null && password.startsWith("{") && !password.equals(ENCRYPTED);
    }

    private static String decrypt(String password) {
        return ENCRYPTED.equals(password) ? PLAIN : password;
    }

    private static Settings settings(Server... servers) {
        Settings settings = new Settings();
        for (Server s : servers) {
            settings.addServer(s);
        }
        return settings;
    }

    private static Server server(String id, String password) {
        Server s = new Server();
        s.setId(id);
        s.setPassword(password);
        return s;
    }

    @Test
    void anEncryptedServerPasswordIsDecrypted() throws Exception {
        MavenCredentials c = new MavenCredentials(settings(server("reverse-spec", ENCRYPTED)), DECRYPTER);
        assertThat(c.serverPassword("reverse-spec").reveal()).isEqualTo(PLAIN);
    }

    @Test
    void aPlainPasswordIsUsedAsItIsWithoutItsSpaces() throws Exception {
        MavenCredentials c = new MavenCredentials(settings(server("ai", "  sk-plain-key  ")), DECRYPTER);
        assertThat(c.serverPassword("ai").reveal()).isEqualTo("sk-plain-key");
    }

    @Test
    void aMissingServerOrPasswordIsNoKey() throws Exception {
        MavenCredentials c = new MavenCredentials(settings(server("other", "x"), server("empty", " ")), DECRYPTER);
        assertThat(c.serverPassword("reverse-spec")).isEqualTo(Secret.none());
        assertThat(c.serverPassword("empty")).isEqualTo(Secret.none());
        assertThat(c.serverPassword("")).isEqualTo(Secret.none());
        assertThat(new MavenCredentials(null, DECRYPTER).serverPassword("reverse-spec"))
                .isEqualTo(Secret.none());
    }

    @Test
    void aDecryptionErrorFailsNamingTheServerButNoSecret() {
        MavenCredentials c = new MavenCredentials(settings(server("reverse-spec", "{brokenCipher=}")), DECRYPTER);
        assertThatThrownBy(() -> c.serverPassword("reverse-spec"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<server> 'reverse-spec'")
                .hasMessageContaining("master password mismatch")
                .hasMessageContaining("settings-security.xml")
                .hasMessageNotContaining("brokenCipher");
    }

    @Test
    void theActiveHttpProxyIsDecryptedAndOthersAreIgnored() throws Exception {
        Settings settings = new Settings();
        Proxy socks = proxy("socks", "socks5", false, null);
        Proxy http = proxy("corp", "http", true, ENCRYPTED);
        settings.addProxy(socks);
        settings.addProxy(http);
        ProxyConfig config = new MavenCredentials(settings, DECRYPTER).activeProxy();
        assertThat(config.host()).isEqualTo("proxy.corp");
        assertThat(config.port()).isEqualTo(3128);
        assertThat(config.user()).isEqualTo("me");
        assertThat(config.password().reveal()).isEqualTo(PLAIN);
        assertThat(config.nonProxyHosts()).isEqualTo("localhost|*.corp");

        Settings onlySocks = new Settings();
        onlySocks.addProxy(proxy("socks", "socks5", true, null));
        assertThat(new MavenCredentials(onlySocks, DECRYPTER).activeProxy()).isNull();
        assertThat(new MavenCredentials(new Settings(), DECRYPTER).activeProxy())
                .isNull();
    }

    private static Proxy proxy(String id, String protocol, boolean active, String password) {
        Proxy p = new Proxy();
        p.setId(id);
        p.setProtocol(protocol);
        p.setActive(active);
        p.setHost("proxy.corp");
        p.setPort(3128);
        p.setNonProxyHosts("localhost|*.corp");
        if (password != null) {
            p.setUsername("me");
            p.setPassword(password);
        }
        return p;
    }
}
