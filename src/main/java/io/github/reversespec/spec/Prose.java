package io.github.reversespec.spec;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a model wrote for a spec: Markdown text per section, sanitised by the generator and guarded
 * again by {@link ModelTextGuard} where {@link SpecRenderer} places it (no front matter, no
 * top-level headings, no raw HTML, no script links, no live diagrams). Empty for an AST-only spec.
 *
 * @param model the model id that wrote it, or {@code none}
 * @param sections the text per section; a section it did not write is absent
 */
public record Prose(String model, Map<Section, String> sections) {

    public static final Prose NONE = new Prose("none", Map.of());

    public Prose {
        sections = sections.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sections));
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }
}
