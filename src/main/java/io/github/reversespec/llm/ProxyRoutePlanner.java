package io.github.reversespec.llm;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes through one proxy except for the hosts its {@code nonProxyHosts} name. */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private final ProxyConfig proxy;
    private final HttpHost proxyHost;

    ProxyRoutePlanner(ProxyConfig proxy) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxy = proxy;
        this.proxyHost = new HttpHost("http", proxy.host(), proxy.port());
    }

    HttpHost proxyHost() {
        return proxyHost;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return proxy.bypasses(target.getHostName()) ? null : proxyHost;
    }
}
