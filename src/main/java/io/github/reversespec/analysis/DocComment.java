package io.github.reversespec.analysis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Javadoc of a type or member, in parts. Each text is Javadoc source on one line: inline tags
 * ({@code {@code x}}, {@code {@link A#b}}) and HTML kept as written, the comment's {@code *}
 * margin removed, so that a renderer can show code as code.
 *
 * @param description the first paragraph of the description, whole (not only its first sentence);
 *     when it ends with a colon leading into a {@code <pre>} example, the example too, as {@code
 *     <pre>…</pre>} with its lines (at most {@value JavadocText#MAX_EXAMPLE_LINES}); when it is only
 *     {@code {@inheritDoc}}, the paragraph after it too; empty when there is none
 * @param params {@code @param} texts by name, in the order written (a type parameter is named
 *     {@code <T>})
 * @param returns the {@code @return} text, or empty
 * @param throwsDocs {@code @throws} and {@code @exception} texts by exception type as written, in the
 *     order written
 * @param since the {@code @since} text, or empty
 * @param deprecation the {@code @deprecated} text (usually naming the replacement), or empty; a
 *     member deprecated by annotation alone has none
 * @param inheritedFrom where a part was taken from when the member has none of its own or says
 *     {@code {@inheritDoc}}: the overridden method as {@code Type#name}; empty when every part is
 *     the member's own
 * @param inheritedParts which parts took text from {@code inheritedFrom}: a renderer says "parameters
 *     from {@code Multiset#add}" rather than claim the member's own description was inherited; empty
 *     when {@code inheritedFrom} is
 */
public record DocComment(
        String description,
        Map<String, String> params,
        String returns,
        Map<String, String> throwsDocs,
        String since,
        String deprecation,
        String inheritedFrom,
        Set<Part> inheritedParts) {

    /** The parts of a comment that can be inherited from an overridden method. */
    public enum Part {
        /** The whole description, the member having none. */
        DESCRIPTION,
        /** The text of a {@code {@inheritDoc}} written in the member's own description or tags. */
        INHERIT_DOC,
        /** A {@code @param} text the member lacks. */
        PARAMETERS,
        /** The {@code @return} text the member lacks. */
        RETURN,
        /** A {@code @throws} text the member lacks. */
        THROWS
    }

    /** No Javadoc at all. */
    public static final DocComment EMPTY = new DocComment("", Map.of(), "", Map.of(), "", "", "", Set.of());

    /** The inline tag that asks for the overridden method's text. */
    static final String INHERIT_DOC = "{@inheritDoc}";

    public DocComment {
        description = nonNull(description);
        params = copy(params);
        returns = nonNull(returns);
        throwsDocs = copy(throwsDocs);
        since = nonNull(since);
        deprecation = nonNull(deprecation);
        inheritedFrom = nonNull(inheritedFrom);
        inheritedParts = inheritedFrom.isEmpty() || inheritedParts == null || inheritedParts.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(inheritedParts));
    }

    /** The comment with nothing inherited (its parts all its own). */
    static DocComment own(
            String description,
            Map<String, String> params,
            String returns,
            Map<String, String> throwsDocs,
            String since,
            String deprecation) {
        return new DocComment(description, params, returns, throwsDocs, since, deprecation, "", Set.of());
    }

    /**
     * Whether every part shown ({@link #description}, {@link #params}, {@link #returns}, {@link
     * #throwsDocs}) is wholly inherited: then "from {@code Type#name}" says it all.
     */
    public boolean allShownInherited() {
        if (inheritedParts.contains(Part.INHERIT_DOC)) {
            return false;
        }
        return (description.isEmpty() || inheritedParts.contains(Part.DESCRIPTION))
                && (params.isEmpty() || inheritedParts.contains(Part.PARAMETERS))
                && (returns.isEmpty() || inheritedParts.contains(Part.RETURN))
                && (throwsDocs.isEmpty() || inheritedParts.contains(Part.THROWS));
    }

    /**
     * The first sentence of a text on one line, as javadoc takes a summary: up to the first period
     * followed by white space or the end, not counting {@code e.g.} and {@code i.e.}.
     */
    public static String firstSentence(String text) {
        return JavadocText.firstSentence(text);
    }

    /** Whether the comment has nothing at all. */
    public boolean isEmpty() {
        return description.isEmpty()
                && params.isEmpty()
                && returns.isEmpty()
                && throwsDocs.isEmpty()
                && since.isEmpty()
                && deprecation.isEmpty();
    }

    /**
     * The description's first sentence as Javadoc source (inline tags such as {@code {@link Foo}}
     * kept, so a renderer shows code as code), cut near {@value JavadocText#MAX_SUMMARY}
     * characters; the source of what a type's or member's {@code javadocSummary} is in plain text.
     * Empty when there is no description.
     */
    public String firstSentence() {
        return description.isEmpty() ? "" : JavadocText.firstSentenceSource(description);
    }

    /** Whether it has more than a description: a tag a reader would miss in a one-line summary. */
    public boolean hasTags() {
        return !params.isEmpty()
                || !returns.isEmpty()
                || !throwsDocs.isEmpty()
                || !since.isEmpty()
                || !deprecation.isEmpty();
    }

    /**
     * Whether a reader of {@code summary} alone (the first sentence) would miss something: a tag,
     * or more description than that sentence.
     */
    public boolean saysMoreThan(String summary) {
        return hasTags()
                || (!description.isEmpty() && !JavadocText.fullText(description).equals(summary));
    }

    /** Whether some part is missing or asks for the overridden method's text. */
    boolean wantsInherited() {
        return description.isEmpty()
                || description.contains(INHERIT_DOC)
                || returns.contains(INHERIT_DOC)
                || params.values().stream().anyMatch(t -> t.contains(INHERIT_DOC))
                || throwsDocs.values().stream().anyMatch(t -> t.contains(INHERIT_DOC));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
