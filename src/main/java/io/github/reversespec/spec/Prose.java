package io.github.reversespec.spec;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a model wrote for a spec: Markdown text per section, sanitised by the generator and guarded
 * again by {@link ModelTextGuard} where {@link SpecRenderer} places it (no front matter, no
 * top-level headings, no raw HTML, no script links, no live diagrams). Empty for an AST-only spec.
 *
 * @param model the model id that wrote it, or {@code none}
 * @param sections the text per section; a section it did not write is absent
 * @param names the code names the text uses, each once, in the order the sections first use them
 *     (empty until the prose is checked against the code)
 * @param unresolvedNames those of {@code names} the code does not have
 */
public record Prose(String model, Map<Section, String> sections, List<String> names, List<String> unresolvedNames) {

    public static final Prose NONE = new Prose("none", Map.of());

    public Prose {
        sections = sections.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sections));
        names = List.copyOf(names);
        unresolvedNames = List.copyOf(unresolvedNames);
    }

    /** Prose not yet checked against the code. */
    public Prose(String model, Map<Section, String> sections) {
        this(model, sections, List.of(), List.of());
    }

    /** The same text, with the names it uses and those that do not resolve. */
    public Prose withNames(List<String> names, List<String> unresolvedNames) {
        return new Prose(model, sections, names, unresolvedNames);
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }
}
