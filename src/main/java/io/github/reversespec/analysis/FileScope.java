package io.github.reversespec.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the type names of one main file resolve against, and which ones it writes: the inputs of
 * {@link TypeNames}.
 *
 * @param file the file, relative to the execution root, as {@link TypeModel#file()} names it
 * @param imports the file's own imports, sorted, distinct
 * @param names the capitalised names its code writes where a type may stand: simple ({@code
 *     Entry}) and, for a qualified type, from its first segment on ({@code ImmutableList.Builder})
 */
public record FileScope(String file, List<ImportRef> imports, Set<String> names) {

    public FileScope {
        imports = List.copyOf(imports);
        names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
