package io.github.reversespec.llm;

import java.net.URI;
import java.net.URISyntaxException;

/** URL helpers shared by the clients. */
final class Endpoints {

    private Endpoints() {}

    /** {@code base} with {@code path} appended, keeping the base's own path ({@code /v1}). */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }

    /**
     * {@code uri} as text for messages: without user info and query, either of which may hold
     * credentials (some gateways take the key as a query parameter).
     */
    static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
