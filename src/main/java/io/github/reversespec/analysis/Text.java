package io.github.reversespec.analysis;

/** Small string helpers shared by the extractors. */
final class Text {

    private Text() {}

    /** Collapses every run of whitespace (newlines included) to one space and trims. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Cuts {@code s} to at most {@code max} characters, at a word boundary when one is near, and
     * marks the cut with an ellipsis.
     */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        int space = s.lastIndexOf(' ', cut);
        if (space > max * 2 / 3) {
            cut = space;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }

    /** Starts with an upper-case letter: how Java code names types (and constants). */
    static boolean isCapitalised(String identifier) {
        return !identifier.isEmpty() && Character.isUpperCase(identifier.charAt(0));
    }

    /** Starts with a lower-case letter: how Java code names packages. */
    static boolean isLowerCase(String identifier) {
        return !identifier.isEmpty() && Character.isLowerCase(identifier.charAt(0));
    }

    /** The part after the last dot. */
    static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
