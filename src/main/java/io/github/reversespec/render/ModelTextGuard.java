package io.github.reversespec.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.CoreMarkdownNodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.commonmark.renderer.markdown.MarkdownWriter;

/**
 * The one guard for text a model wrote, wherever the plugin puts it in a spec. Model text is
 * untrusted and lands in committed Markdown that GitHub and other renderers display, so it may
 * add content but never structure or active content.
 *
 * <p>The text is parsed as CommonMark (with GFM tables), because only a real parser sees a link
 * the way a renderer does: after entity references, backslash escapes and reference definitions
 * are decoded. The tree is then cleaned and written back as Markdown:
 *
 * <ul>
 *   <li>a link or image keeps its destination only when that is {@code http:}, {@code https:},
 *       {@code mailto:} or a relative path that stays inside the execution root, judged as a
 *       browser reads it (tabs and newlines removed, {@code \} as {@code /}, percent-decoded);
 *       otherwise a link becomes its text and an image its alt text;
 *   <li>raw HTML (blocks and inline) becomes visible text, so nothing the model wrote is hidden
 *       from a reader and no tag is formed;
 *   <li>a fenced block in a language GitHub draws live (Mermaid, GeoJSON, TopoJSON, STL) becomes
 *       plain {@code text} with a note: only the plugin's own diagrams are live;
 *   <li>headings of level one and two, ATX or setext, become level three, below the spec's own
 *       title and sections; a thematic break is written {@code ***}, never {@code ---};
 *   <li>reference definitions are dropped, their links already resolved inline; a fence the model
 *       left open is closed.
 * </ul>
 *
 * <p>What the model wrote as plain text is written back as it was spelled (from the source), so
 * ordinary prose does not come back full of backslashes; only what the guard changed is written
 * by the renderer. The result is parsed again and must give the cleaned tree: if it does not (a
 * renderer corner case), the text is written with the renderer's full escaping, and if even that
 * differs, as one inert code block. The same input always gives the same output.
 */
public final class ModelTextGuard {

    /** Said before a model's diagram, which is shown as source rather than drawn. */
    public static final String DIAGRAM_NOTE =
            "Diagram from the model, shown as source: only the plugin's own diagrams" + " are drawn.";

    /** Fence languages GitHub renders as live viewers rather than as code. */
    private static final List<String> LIVE_LANGUAGES = List.of("mermaid", "mmd", "geojson", "topojson", "stl");

    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    /** Thread-safe once built; the batch guards units in parallel. */
    static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern URI_AUTOLINK = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\x00-\\x20<>]*");
    private static final Pattern EMAIL_AUTOLINK =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z0-9]+);");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^[0-9]{1,9}[.)]");
    private static final Pattern TASK_MARKER = Pattern.compile("^\\[[ xX]] ");

    private ModelTextGuard() {}

    /**
     * Makes model Markdown safe to place in a spec.
     *
     * @param markdown what the model wrote
     * @param specPath where the spec is, relative to the execution root ('/'-separated, e.g.
     *     {@code specs/core/com.acme.spec.md}); relative links are judged from its directory
     * @return the guarded Markdown, {@code \n} line endings, no blank lines at either end
     */
    public static String guard(String markdown, String specPath) {
        String input = markdown.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "\uFFFD");
        int depth = segments(RelativeLinks.parent(specPath)).size();
        Node doc = PARSER.parse(input);
        clean(doc, depth);
        keepListsApart(doc);
        String expected = describe(doc);
        for (boolean fromSource : new boolean[] {true, false}) {
            String out = render(doc, input, fromSource);
            if (describe(PARSER.parse(out)).equals(expected)) {
                // Not strip(): the first line's indent can be meaning (an indented code block).
                return out.replaceFirst("^\n+", "").stripTrailing();
            }
        }
        return asInertCode(input);
    }

    // ---------------------------------------------------------------- cleaning the tree

    private static void clean(Node parent, int depth) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Link link && !allowed(link.getDestination(), depth)) {
                next = unwrap(child);
            } else if (child instanceof Image image && !allowed(image.getDestination(), depth)) {
                next = unwrap(child);
            } else if (child instanceof HtmlInline html) {
                child.insertBefore(new Text(html.getLiteral()));
                child.unlink();
            } else if (child instanceof HtmlBlock html) {
                htmlAsText(html);
            } else if (child instanceof LinkReferenceDefinition) {
                child.unlink();
            } else if (child instanceof FencedCodeBlock fence && isLive(fence.getInfo())) {
                fence.setInfo("text");
                closeQuietly(fence);
                Paragraph note = new Paragraph();
                Emphasis emphasis = new Emphasis("_");
                emphasis.appendChild(new Text(DIAGRAM_NOTE));
                note.appendChild(emphasis);
                fence.insertBefore(note);
                keepApart(note, note);
            } else if (child instanceof FencedCodeBlock fence && fence.getClosingFenceLength() == null) {
                closeQuietly(fence);
            } else if (child instanceof ThematicBreak rule) {
                rule.setLiteral("***");
            } else {
                if (child instanceof Heading heading) {
                    demote(heading);
                }
                clean(child, depth);
            }
            child = next;
        }
    }

    /** A fence never closed ran to the end of the text and took its trailing blank lines: not code. */
    private static void closeQuietly(FencedCodeBlock fence) {
        if (fence.getClosingFenceLength() == null) {
            fence.setLiteral(fence.getLiteral().replaceFirst("\n(?:[ \t]*\n)+$", "\n"));
        }
    }

    /**
     * Makes the list around paragraphs the guard added loose when they have neighbours in their
     * item: a tight list writes its items' blocks one line apart, so a new paragraph would run into
     * the one above it, or, ending a block quote, take the line after as its lazy continuation. A
     * block quote itself is always written loose (see {@link Writer}).
     */
    private static void keepApart(Node first, Node last) {
        Node block = first;
        boolean neighbours = first != last || first.getPrevious() != null || last.getNext() != null;
        while (block.getParent() instanceof BlockQuote quote) {
            neighbours = last.getNext() == null && quote.getNext() != null;
            last = quote;
            block = quote;
        }
        if (neighbours && block.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list) {
            list.setTight(false);
        }
    }

    /**
     * Two lists that the guard made neighbours (by dropping a definition between them) would be
     * read back as one: the second starts at the margin and, of the same kind, gets the other marker.
     */
    private static void keepListsApart(Node parent) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof ListBlock && c.getPrevious() instanceof ListBlock) {
                // Indented as it was after what stood between, it would now nest in the list above.
                for (Node item = c.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem li && li.getMarkerIndent() != null && li.getMarkerIndent() > 0) {
                        if (li.getContentIndent() != null) {
                            li.setContentIndent(li.getContentIndent() - li.getMarkerIndent());
                        }
                        li.setMarkerIndent(0);
                    }
                }
            }
            if (c instanceof BulletList list
                    && c.getPrevious() instanceof BulletList before
                    && Objects.equals(before.getMarker(), list.getMarker())) {
                list.setMarker("-".equals(before.getMarker()) ? "*" : "-");
            } else if (c instanceof OrderedList list
                    && c.getPrevious() instanceof OrderedList before
                    && Objects.equals(before.getMarkerDelimiter(), list.getMarkerDelimiter())) {
                list.setMarkerDelimiter(")".equals(before.getMarkerDelimiter()) ? "." : ")");
            }
            keepListsApart(c);
        }
    }

    /** Puts a node's children in its place; returns the node to visit next (its first child). */
    private static Node unwrap(Node node) {
        Node first = node.getFirstChild();
        Node c = first;
        while (c != null) {
            Node n = c.getNext();
            node.insertBefore(c);
            c = n;
        }
        Node after = node.getNext();
        node.unlink();
        return first != null ? first : after;
    }

    /** HTML shown as the text it is: one paragraph per run of non-blank lines. */
    private static void htmlAsText(HtmlBlock html) {
        Paragraph first = null;
        Paragraph last = null;
        Paragraph paragraph = null;
        for (String line : html.getLiteral().split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                paragraph = null;
                continue;
            }
            if (paragraph == null) {
                paragraph = new Paragraph();
                html.insertBefore(paragraph);
                first = first == null ? paragraph : first;
                last = paragraph;
            } else {
                paragraph.appendChild(new SoftLineBreak());
            }
            paragraph.appendChild(new Text(l));
        }
        html.unlink();
        if (first != null) {
            keepApart(first, last);
        }
    }

    /** Below the spec's sections, on one line (an ATX heading cannot hold a line break). */
    private static void demote(Heading heading) {
        if (heading.getLevel() < 3) {
            heading.setLevel(3);
        }
        List<Node> breaks = new ArrayList<>();
        collectBreaks(heading, breaks);
        for (Node b : breaks) {
            if (b.getPrevious() != null && b.getNext() != null) {
                b.insertBefore(new Text(" "));
            }
            b.unlink();
        }
    }

    private static void collectBreaks(Node node, List<Node> out) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                out.add(c);
            } else {
                collectBreaks(c, out);
            }
        }
    }

    private static boolean isLive(String info) {
        String language =
                info == null ? "" : info.strip().toLowerCase(Locale.ROOT).replaceFirst("^[{.\\s]+", "");
        return LIVE_LANGUAGES.stream().anyMatch(language::startsWith);
    }

    // ---------------------------------------------------------------- destinations

    /**
     * Whether a decoded link destination may stay: an allowed scheme, or a relative reference that
     * does not climb above the execution root from a spec {@code depth} directories below it.
     * Judged both as written and percent-decoded, so no reading of it is a script.
     */
    static boolean allowed(String destination, int depth) {
        if (destination == null) {
            return false;
        }
        String browser = asBrowserReadsIt(destination);
        if (browser == null || browser.isEmpty()) {
            return false;
        }
        String decoded = asBrowserReadsIt(percentDecode(browser));
        return decoded != null && allowedForm(browser, depth) && allowedForm(decoded, depth);
    }

    /**
     * The URL as the WHATWG parser sees it: leading and trailing controls and spaces stripped, tabs
     * and newlines removed anywhere, backslashes as slashes; null when another control remains.
     */
    private static String asBrowserReadsIt(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < ' ' || c == 0x7F) {
                return null;
            }
            sb.append(c == '\\' ? '/' : c);
        }
        return sb.toString();
    }

    private static boolean allowedForm(String url, int depth) {
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()) {
            return ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
        }
        int pathEnd = firstOf(url, "?#");
        String path = url.substring(0, pathEnd);
        int firstSegmentEnd = firstOf(path, "/");
        if (path.substring(0, firstSegmentEnd).contains(":") || path.startsWith("/")) {
            // A colon there could be read as a scheme; a leading slash leaves the checkout.
            return false;
        }
        int level = depth;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (--level < 0) {
                    return false;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                level++;
            }
        }
        return true;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Percent-decoding as UTF-8, leaving a malformed escape as written. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
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

    // ---------------------------------------------------------------- writing it back

    private static String render(Node doc, String input, boolean fromSource) {
        MarkdownRenderer renderer = MarkdownRenderer.builder()
                .nodeRendererFactory(new MarkdownNodeRendererFactory() {
                    @Override
                    public NodeRenderer create(MarkdownNodeRendererContext context) {
                        return new Writer(context, input, fromSource);
                    }

                    @Override
                    public Set<Character> getSpecialCharacters() {
                        return Set.of('|');
                    }
                })
                .extensions(EXTENSIONS)
                .build();
        return renderer.render(doc);
    }

    /** The last resort: the model's text, whole, as a code block nothing renders. */
    static String asInertCode(String input) {
        int longest = 0;
        Matcher m = Pattern.compile("`+").matcher(input);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + input.strip() + "\n" + fence;
    }

    /**
     * Writes what the renderer would make ugly: plain text as the model spelled it (unless the
     * spelling could start a block where it now stands), hard breaks with a backslash (trailing
     * spaces do not survive the spec's normalising), autolinks and simple destinations unescaped,
     * tables with spaced cells like the plugin's own, and block quotes with their blocks apart.
     */
    private static final class Writer implements NodeRenderer {
        private final MarkdownNodeRendererContext context;
        private final MarkdownWriter writer;
        private final CoreMarkdownNodeRenderer core;
        private final String input;
        private final boolean fromSource;
        private final List<TableCell.Alignment> columns = new ArrayList<>();

        Writer(MarkdownNodeRendererContext context, String input, boolean fromSource) {
            this.context = context;
            this.writer = context.getWriter();
            this.core = new CoreMarkdownNodeRenderer(context);
            this.input = input;
            this.fromSource = fromSource;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(
                    Text.class,
                    HardLineBreak.class,
                    Link.class,
                    Image.class,
                    BlockQuote.class,
                    TableBlock.class,
                    TableHead.class,
                    TableBody.class,
                    TableRow.class,
                    TableCell.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Text text) {
                text(text);
            } else if (node instanceof HardLineBreak) {
                writer.raw('\\');
                writer.line();
            } else if (node instanceof Link link) {
                link(link);
            } else if (node instanceof Image image) {
                linkLike("![", image, image.getDestination(), image.getTitle(), () -> core.visit(image));
            } else if (node instanceof BlockQuote) {
                // Loose inside, whatever list it is in: a ">" line is not a blank line to the list.
                writer.writePrefix("> ");
                writer.pushPrefix("> ");
                writer.pushTight(false);
                children(node);
                writer.popTight();
                writer.popPrefix();
                writer.block();
            } else if (node instanceof TableBlock) {
                columns.clear();
                writer.pushTight(true);
                children(node);
                writer.popTight();
                writer.block();
            } else if (node instanceof TableHead) {
                children(node);
                StringBuilder sb = new StringBuilder("|");
                for (TableCell.Alignment a : columns) {
                    sb.append(
                                    a == TableCell.Alignment.LEFT
                                            ? ":---"
                                            : a == TableCell.Alignment.RIGHT
                                                    ? "---:"
                                                    : a == TableCell.Alignment.CENTER ? ":---:" : "---")
                            .append('|');
                }
                writer.raw(sb.toString());
                writer.block();
            } else if (node instanceof TableBody) {
                children(node);
            } else if (node instanceof TableRow) {
                children(node);
                writer.raw(" |");
                writer.block();
            } else if (node instanceof TableCell cell) {
                if (cell.getParent() != null && cell.getParent().getParent() instanceof TableHead) {
                    columns.add(cell.getAlignment());
                }
                writer.raw(cell.getPrevious() == null ? "| " : " | ");
                writer.pushRawEscape(c -> c == '|');
                children(cell);
                writer.popRawEscape();
            }
        }

        private void text(Text text) {
            String source = fromSource ? source(text) : null;
            if (source != null && inCell(text) && text.getLiteral().indexOf('|') >= 0) {
                // The table parser unescapes \| before the inline parser counts positions.
                source = null;
            }
            if (source != null && !(writer.isAtLineStart() && mayStartBlock(source))) {
                // In a cell the writer escapes every pipe, so an escaped one is handed over bare.
                writer.raw(inCell(text) ? source.replace("\\|", "|") : source);
                return;
            }
            String literal = text.getLiteral();
            if (writer.isAtLineStart() && !literal.isEmpty() && "+~|".indexOf(literal.charAt(0)) >= 0) {
                // The renderer leaves these unescaped, where they could open a list, a fence or a table.
                writer.raw("\\" + literal.charAt(0));
                text.setLiteral(literal.substring(1));
                core.visit(text);
                text.setLiteral(literal);
            } else {
                core.visit(text);
            }
        }

        /** The text as the model spelled it, when the parser kept where it came from. */
        private String source(Text text) {
            List<SourceSpan> spans = text.getSourceSpans();
            if (spans.size() != 1) {
                return null;
            }
            SourceSpan span = spans.get(0);
            int from = span.getInputIndex();
            int to = from + span.getLength();
            if (from < 0 || to > input.length() || span.getLength() == 0) {
                return null;
            }
            String s = input.substring(from, to);
            String literal = text.getLiteral();
            boolean sameEnd =
                    !literal.isEmpty() && (s.endsWith(literal.substring(literal.length() - 1)) || s.endsWith(";"));
            return s.indexOf('\n') >= 0 || !sameEnd ? null : s;
        }

        /** Whether text at the start of a line could be read as the start of a block. */
        private static boolean mayStartBlock(String s) {
            if (TASK_MARKER.matcher(s).find()) {
                // A task list item's box: no link (a label needs more than a space), no block.
                return false;
            }
            return "#>-+*_=`~<[| \t".indexOf(s.charAt(0)) >= 0
                    || ORDERED_MARKER.matcher(s).find();
        }

        private static boolean inCell(Node node) {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof TableCell) {
                    return true;
                }
            }
            return false;
        }

        private void link(Link link) {
            String dest = link.getDestination();
            if (link.getTitle() == null && link.getFirstChild() instanceof Text t && t.getNext() == null) {
                String label = t.getLiteral();
                if (label.equals(dest) && URI_AUTOLINK.matcher(dest).matches()) {
                    writer.raw("<" + dest + ">");
                    return;
                }
                if (dest.equals("mailto:" + label)
                        && EMAIL_AUTOLINK.matcher(label).matches()) {
                    writer.raw("<" + label + ">");
                    return;
                }
            }
            linkLike("[", link, dest, link.getTitle(), () -> core.visit(link));
        }

        /** A destination that needs no escaping is written as it is; others as the renderer does. */
        private void linkLike(String opener, Node node, String dest, String title, Runnable byRenderer) {
            boolean plain = title == null
                    && !dest.isEmpty()
                    && !ENTITY_LIKE.matcher(dest).find()
                    && dest.chars().noneMatch(c -> c <= ' ' || "()<>\\".indexOf(c) >= 0);
            if (!plain) {
                byRenderer.run();
                return;
            }
            writer.raw(opener);
            children(node);
            writer.raw("](" + dest + ")");
        }

        private void children(Node parent) {
            Node c = parent.getFirstChild();
            while (c != null) {
                Node next = c.getNext();
                context.render(c);
                c = next;
            }
        }
    }

    // ---------------------------------------------------------------- comparing trees

    /**
     * What a tree means, for comparing the cleaned tree with the parse of what was written:
     * node kinds and the attributes a renderer uses, adjacent text merged (the parser merges it).
     */
    static String describe(Node root) {
        StringBuilder sb = new StringBuilder();
        describe(root, sb);
        return sb.toString();
    }

    private static void describe(Node n, StringBuilder sb) {
        sb.append('(').append(n.getClass().getSimpleName());
        if (n instanceof Heading h) {
            sb.append(' ').append(h.getLevel());
        } else if (n instanceof FencedCodeBlock f) {
            sb.append(" [")
                    .append(f.getInfo())
                    .append("][")
                    .append(f.getLiteral())
                    .append(']');
        } else if (n instanceof IndentedCodeBlock i) {
            sb.append(" [").append(i.getLiteral()).append(']');
        } else if (n instanceof Code c) {
            sb.append(" [").append(c.getLiteral()).append(']');
        } else if (n instanceof Link l) {
            sb.append(" [")
                    .append(l.getDestination())
                    .append("][")
                    .append(l.getTitle())
                    .append(']');
        } else if (n instanceof Image i) {
            sb.append(" [")
                    .append(i.getDestination())
                    .append("][")
                    .append(i.getTitle())
                    .append(']');
        } else if (n instanceof BulletList b) {
            sb.append(b.isTight() ? " tight" : " loose");
        } else if (n instanceof OrderedList o) {
            sb.append(o.isTight() ? " tight " : " loose ").append(o.getMarkerStartNumber());
        } else if (n instanceof HtmlInline h) {
            sb.append(" [").append(h.getLiteral()).append(']');
        } else if (n instanceof HtmlBlock h) {
            sb.append(" [").append(h.getLiteral()).append(']');
        } else if (n instanceof LinkReferenceDefinition d) {
            sb.append(" [")
                    .append(d.getLabel())
                    .append("][")
                    .append(d.getDestination())
                    .append(']');
        } else if (n instanceof TableCell c) {
            sb.append(c.isHeader() ? " th " : " td ").append(c.getAlignment());
        }
        StringBuilder text = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                text.append(t.getLiteral());
                continue;
            }
            flushText(text, sb);
            describe(c, sb);
        }
        flushText(text, sb);
        sb.append(')');
    }

    private static void flushText(StringBuilder text, StringBuilder sb) {
        if (!text.isEmpty()) {
            sb.append("(Text [").append(text).append("])");
            text.setLength(0);
        }
    }
}
