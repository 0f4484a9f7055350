package io.github.reversespec.render;

import java.util.HashMap;
import java.util.Map;

/**
 * Names and labels for Mermaid diagrams that GitHub renders: node ids limited to {@code
 * [A-Za-z0-9_]} and never a keyword, labels quoted with Mermaid's entity codes for the characters
 * that would end or break them.
 */
final class Mermaid {

    /** Hands out one stable id per distinct name, in the order names are first seen. */
    static final class Ids {
        private final String prefix;
        private final boolean numbered;
        private final Map<String, String> byName = new HashMap<>();
        private final Map<String, Integer> taken = new HashMap<>();

        Ids(String prefix) {
            this(prefix, false);
        }

        private Ids(String prefix, boolean numbered) {
            this.prefix = prefix;
            this.numbered = numbered;
        }

        /** Ids that are the prefix and a number (n1, n2, …): short, for diagrams whose labels carry the names. */
        static Ids numbered(String prefix) {
            return new Ids(prefix, true);
        }

        String of(String name) {
            if (numbered) {
                return byName.computeIfAbsent(name, n -> prefix + (byName.size() + 1));
            }
            return byName.computeIfAbsent(name, n -> {
                String base = prefix + sanitise(n);
                int seen = taken.merge(base, 1, Integer::sum);
                // Two names may sanitise alike (a.b_c, a_b.c); the later one gets a suffix.
                return seen == 1 ? base : base + "_" + seen;
            });
        }
    }

    private Mermaid() {}

    /** Letters, digits and underscores only; anything else becomes {@code _}. */
    static String sanitise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    /** A double-quoted label. */
    static String label(String text) {
        String t = Markdown.oneLine(text)
                .replace("#", "#35;")
                .replace("\"", "#quot;")
                .replace("<", "#lt;")
                .replace(">", "#gt;")
                .replace("`", "#96;");
        return "\"" + t + "\"";
    }
}
