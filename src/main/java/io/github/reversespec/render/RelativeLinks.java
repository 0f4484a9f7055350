package io.github.reversespec.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Relative links between files under the execution root, '/'-separated whatever the OS, so that a
 * spec's links work on GitHub and in any checkout.
 */
final class RelativeLinks {

    private RelativeLinks() {}

    /**
     * The path of {@code target} as seen from directory {@code fromDir}; both relative to the
     * execution root, e.g. from {@code specs/core} to {@code core/src/A.java} is {@code
     * ../../core/src/A.java}.
     */
    static String relative(String fromDir, String target) {
        List<String> from = segments(fromDir);
        List<String> to = segments(target);
        int common = 0;
        while (common < from.size()
                && common < to.size() - 1
                && from.get(common).equals(to.get(common))) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.size(); i++) {
            sb.append("../");
        }
        sb.append(String.join("/", to.subList(common, to.size())));
        return sb.isEmpty() ? "." : sb.toString();
    }

    /** The directory part of a '/'-separated path: {@code specs/core} for {@code specs/core/x.spec.md}. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a '/'-separated path. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }
}
