package io.github.reversespec.context;

import io.github.reversespec.spec.Section;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The system messages: what the model is asked to write. Kept short, since they are paid for in
 * every request and must leave room for the code in small context windows.
 */
final class Instructions {

    /** The headings the notes on one part are written under. */
    static final String PART_HEADINGS = Stream.of(
                    Section.INTENT, Section.BEHAVIOR, Section.CONSTRAINTS, Section.EDGE_CASES, Section.TECHNICAL_DEBT)
            .map(s -> "### " + s.title())
            .collect(Collectors.joining("\n"));

    private Instructions() {}

    /** For a unit described in one request: write the spec's prose. */
    static String single(String language) {
        return "You are a senior software engineer writing the design specification of one Java package"
                + " from its code.\n"
                + output(language)
                + "The message holds <unit> (the package), <skeleton> (types, signatures, fields and Javadoc"
                + " summaries from the syntax tree), <facts> (tests, debt markers), <dependencies> (for each"
                + " package it uses, the intent of its spec and the part of its public interface this package"
                + " references, not their code) and <source> blocks (as much code as fits; a cut file says so; a"
                + " lines attribute gives the file's own line numbers).\n";
    }

    /** For one part of a unit too large for one request: write notes for the merge. */
    static String part(String language) {
        return "You help write the design specification of one Java package too large for one request. You"
                + " see one part of it: a <skeleton> slice (types, signatures, fields and Javadoc summaries from"
                + " the syntax tree) and as much of the matching <source> as fits (its lines attribute gives the"
                + " file's own line numbers).\n"
                + "Write notes on this part in " + language + ", as terse Markdown bullets under exactly these"
                + " headings:\n"
                + PART_HEADINGS + "\n"
                + "Keep to the word limit in <unit>. Name types and members in `code`; do not copy signatures or"
                + " code; say only what the part shows. No front matter, no HTML. Secrets were replaced by"
                + " [REDACTED:kind] markers: never guess them. Another request merges the notes of all parts.\n";
    }

    /** For the request that merges the parts' notes into the spec's prose. */
    static String merge(String language) {
        return "You are a senior software engineer writing the design specification of one large Java package."
                + " It was read in parts; you get notes on every part (<part-notes>), an <overview> of its types,"
                + " <facts> from the code and <dependencies> (the intent of each package it uses and the part of"
                + " its public interface this package references).\n"
                + output(language)
                + "Merge the notes into one account of the whole package; drop repetition.\n";
    }

    private static String output(String language) {
        String headings = Stream.of(Section.values()).map(Section::heading).collect(Collectors.joining("\n"));
        String factual = Stream.of(Section.values())
                .filter(Section::factual)
                .map(s -> String.valueOf(s.number()))
                .collect(Collectors.joining(", "));
        return "Write in " + language + ". Answer in Markdown with exactly these nine sections, in this order,"
                + " each opened by its heading line as written:\n"
                + headings + "\n"
                + "Rules:\n"
                + "- Do not restate signatures, type, file or dependency lists: they are inserted from the code."
                + " Name types and members in `code`.\n"
                + "- In sections " + factual + " add only short commentary the code facts do not show.\n"
                + "- No front matter, no HTML, no other top-level headings; use ### inside a section.\n"
                + "- Say only what the material shows; where code is cut or missing, say so, do not guess.\n"
                + "- Secrets were replaced by [REDACTED:kind] markers: never guess them.\n";
    }
}
