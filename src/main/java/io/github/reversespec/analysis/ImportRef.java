package io.github.reversespec.analysis;

/**
 * An import declaration.
 *
 * @param name the imported name without {@code .*}
 * @param isStatic a static import
 * @param onDemand an on-demand ({@code .*}) import
 */
public record ImportRef(String name, boolean isStatic, boolean onDemand) implements Comparable<ImportRef> {

    @Override
    public int compareTo(ImportRef o) {
        int c = name.compareTo(o.name);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(isStatic, o.isStatic);
        return c != 0 ? c : Boolean.compare(onDemand, o.onDemand);
    }
}
