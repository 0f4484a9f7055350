package io.github.reversespec.analysis;

import java.util.List;

/**
 * What a type's code tells about its behaviour without running it, gathered in the same pass as
 * its declarations.
 *
 * @param annotations the type's own annotations as written, one line each and cut when long
 *     ({@code @RequestMapping("/users")}), in source order
 * @param configReads configuration lookups in its bodies and on its members, in source order
 *     ({@link FactCollector} documents which calls count)
 * @param concurrency {@code synchronized} blocks and the threads, executors and asynchronous tasks
 *     its bodies create, in source order
 * @param instantiated code of its own file creates an instance of it ({@code new Digit()}, also
 *     with a class body), matched by simple name as written: a singleton's {@code INSTANCE} field,
 *     a factory method's {@code new}
 */
public record TypeBehaviour(
        List<String> annotations, List<CodeSite> configReads, List<CodeSite> concurrency, boolean instantiated) {

    /** Nothing known: what a type built without the behaviour pass has. */
    public static final TypeBehaviour NONE = new TypeBehaviour(List.of(), List.of(), List.of(), false);

    public TypeBehaviour {
        annotations = List.copyOf(annotations);
        configReads = List.copyOf(configReads);
        concurrency = List.copyOf(concurrency);
    }
}
