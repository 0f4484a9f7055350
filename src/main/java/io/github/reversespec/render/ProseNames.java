package io.github.reversespec.render;

import io.github.reversespec.spec.CodeNames;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * The code names model prose uses, checked against the code: every inline code span that reads
 * as a name ({@link CodeNames#parse(String)}) is looked up, and one that does not resolve is
 * marked where it appears ({@link #MARK}) and listed. Code blocks are examples, not names, and are
 * left alone; so are spans that are literals, paths, options or keywords.
 */
public final class ProseNames {

    /** What follows an unresolved name in the text, so a reader sees it where it stands. */
    public static final String MARK = " _(not found in the code)_";

    private ProseNames() {}

    /** The prose with the names it uses and those of them the code does not have. */
    public static Prose verify(Prose prose, CodeNames code) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (Section s : Section.values()) {
            String text = prose.sections().get(s);
            if (text == null) {
                continue;
            }
            eachName(text, (name, span) -> {
                if (!code.counts(name)) {
                    return;
                }
                String display = name.display();
                if (names.add(display) && !code.resolves(name)) {
                    unresolved.add(display);
                }
            });
        }
        return prose.withNames(List.copyOf(names), List.copyOf(unresolved));
    }

    /** {@code markdown} with {@link #MARK} after every code span naming one of {@code unresolved}. */
    public static String mark(String markdown, Set<String> unresolved) {
        if (unresolved.isEmpty()) {
            return markdown;
        }
        TreeMap<Integer, String> inserts = new TreeMap<>();
        eachName(markdown, (name, span) -> {
            if (span != null && unresolved.contains(name.display())) {
                inserts.put(span.getInputIndex() + span.getLength(), MARK);
            }
        });
        StringBuilder out = new StringBuilder(markdown);
        for (var e : inserts.descendingMap().entrySet()) {
            out.insert(e.getKey(), e.getValue());
        }
        return out.toString();
    }

    private interface NameSink {
        void accept(CodeNames.Name name, SourceSpan end);
    }

    private static void eachName(String markdown, NameSink sink) {
        Node doc = ModelTextGuard.PARSER.parse(markdown);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                List<SourceSpan> spans = code.getSourceSpans();
                SourceSpan last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                CodeNames.parse(code.getLiteral()).ifPresent(name -> sink.accept(name, last));
            }
        });
    }
}
