package io.github.reversespec.maven;

import io.github.reversespec.llm.ProxyConfig;
import io.github.reversespec.llm.Secret;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads the API key and the proxy from settings.xml, decrypting {@code mvn --encrypt-password}
 * values. A decryption error fails the build with a message that names the server or proxy but
 * never a secret.
 */
final class MavenCredentials {

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    MavenCredentials(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The decrypted password of the server, or {@link Secret#none()} when there is none. */
    Secret serverPassword(String serverId) throws MojoFailureException {
        if (settings == null || serverId == null || serverId.isBlank()) {
            return Secret.none();
        }
        Server server = settings.getServer(serverId);
        if (server == null
                || server.getPassword() == null
                || server.getPassword().isBlank()) {
            return Secret.none();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnErrors(result, "the password of <server> '" + serverId + "' in settings.xml");
        Server decrypted = result.getServer();
        String password = decrypted == null ? null : decrypted.getPassword();
        return password == null || password.isBlank() ? Secret.none() : Secret.of(password.strip());
    }

    /** The active http(s) proxy, decrypted, applied to the model client only; null when none. */
    ProxyConfig activeProxy() throws MojoFailureException {
        if (settings == null) {
            return null;
        }
        Proxy proxy = settings.getActiveProxy();
        if (proxy == null
                || (proxy.getProtocol() != null
                        && !proxy.getProtocol().toLowerCase().startsWith("http"))) {
            return null;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        failOnErrors(result, "the password of <proxy> '" + proxy.getId() + "' in settings.xml");
        Proxy p = result.getProxy() == null ? proxy : result.getProxy();
        String user = p.getUsername() == null || p.getUsername().isBlank() ? null : p.getUsername();
        Secret password = user == null || p.getPassword() == null ? Secret.none() : Secret.of(p.getPassword());
        return new ProxyConfig(p.getHost(), p.getPort(), user, password, p.getNonProxyHosts());
    }

    private static void failOnErrors(SettingsDecryptionResult result, String what) throws MojoFailureException {
        String errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR
                        || p.getSeverity() == SettingsProblem.Severity.FATAL)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            throw new MojoFailureException("Cannot decrypt " + what + ": " + errors
                    + ". Check ~/.m2/settings-security.xml (mvn --encrypt-master-password).");
        }
    }
}
