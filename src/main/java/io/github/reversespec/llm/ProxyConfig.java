package io.github.reversespec.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP proxy for the model client alone (from settings.xml {@code <proxy>}), never installed
 * JVM-wide: other plugins in the same build keep their own network settings.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param user user name for Basic proxy authentication, or {@code null}
 * @param password the user's password; {@link Secret#none()} when there is no user
 * @param nonProxyHosts Maven's pattern list of hosts reached directly, {@code |}- or
 *     {@code ,}-separated, {@code *} matching any characters ({@code localhost|*.internal}); may be
 *     {@code null}
 */
public record ProxyConfig(String host, int port, String user, Secret password, String nonProxyHosts) {

    public ProxyConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the proxy host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the proxy port must be 1-65535, was " + port);
        }
        password = password == null ? Secret.none() : password;
        nonProxyHosts = nonProxyHosts == null ? "" : nonProxyHosts;
    }

    /** Whether requests to {@code targetHost} go directly rather than through the proxy. */
    public boolean bypasses(String targetHost) {
        String candidate = unbracketed(targetHost.toLowerCase(Locale.ROOT));
        for (Pattern pattern : bypassPatterns()) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the proxy wants a user name and password. */
    public boolean authenticates() {
        return user != null && !user.isBlank();
    }

    private List<Pattern> bypassPatterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (String entry : nonProxyHosts.split("[|,]")) {
            String glob = unbracketed(entry.strip().toLowerCase(Locale.ROOT));
            if (!glob.isEmpty()) {
                patterns.add(globToPattern(glob));
            }
        }
        return patterns;
    }

    /** IPv6 literals are written with or without brackets; compare them without. */
    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            regex.append(Pattern.quote(glob.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(glob.substring(start)));
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        // The record's default would show the user name and, were Secret ever to change, more.
        return "ProxyConfig[" + host + ":" + port + (authenticates() ? ", authenticated" : "") + ", nonProxyHosts="
                + nonProxyHosts + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyConfig that
                && host.equals(that.host)
                && port == that.port
                && Objects.equals(user, that.user)
                && password.equals(that.password)
                && nonProxyHosts.equals(that.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, user, password, nonProxyHosts);
    }
}
