package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders Markdown to HTML the unsafe way (raw HTML passed through, URLs not sanitised), as a
 * careless renderer would, and asserts that no active content came out. Written apart from
 * {@link ModelTextGuard}, so the guard is checked by other code than its own.
 */
public final class InertHtml {

    /** The elements CommonMark and GFM tables produce themselves. */
    private static final Set<String> COMMONMARK_TAGS = Set.of(
            "p",
            "a",
            "img",
            "em",
            "strong",
            "code",
            "pre",
            "ul",
            "ol",
            "li",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "br",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td");

    private static final Set<String> ATTRIBUTES = Set.of("href", "src", "alt", "title", "class", "start", "align");
    private static final Pattern TAG =
            Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=>]+)(?:=\"([^\"]*)\")?");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private InertHtml() {}

    /** HTML as an unsafe renderer makes it: raw HTML kept, every URL as written. */
    public static String html(String markdown) {
        var extensions = List.of(TablesExtension.create());
        var doc = Parser.builder().extensions(extensions).build().parse(markdown);
        return HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(false)
                .sanitizeUrls(false)
                .build()
                .render(doc);
    }

    /**
     * Asserts that the Markdown renders to nothing active: no script, no element CommonMark does
     * not make itself, no event handler, no link or image source other than http(s), mailto or a
     * relative path, and no live Mermaid block.
     *
     * @return the HTML, for further checks
     */
    public static String assertInert(String markdown) {
        return assertInert(markdown, 0);
    }

    /**
     * As {@link #assertInert(String)}, for a whole spec: exactly {@code ownDiagrams} Mermaid
     * blocks are live, the ones the plugin draws.
     */
    public static String assertInert(String markdown, int ownDiagrams) {
        String html = html(markdown);
        assertThat(html).as("HTML of:\n%s", markdown).doesNotContainIgnoringCase("<script");
        assertThat(Pattern.compile("<pre><code class=\"language-mermaid\">")
                        .matcher(html)
                        .results()
                        .count())
                .as("the plugin's Mermaid blocks")
                .isEqualTo(ownDiagrams);
        // Any language a Mermaid integration might pick up: mermaid, Mermaid, mermaid-x, mmd.
        assertThat(Pattern.compile("class=\"language-(?i:[^\"]*(mermaid|mmd)[^\"]*)\"")
                        .matcher(html)
                        .results()
                        .count())
                .as("live Mermaid blocks in:\n%s", html)
                .isEqualTo(ownDiagrams);
        Matcher tag = TAG.matcher(html);
        int tags = 0;
        while (tag.find()) {
            tags++;
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            assertThat(COMMONMARK_TAGS).as("element <%s> in:\n%s", name, html).contains(name);
            Matcher a = ATTRIBUTE.matcher(tag.group(3));
            while (a.find()) {
                String attribute = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) == null ? "" : unescape(a.group(2));
                assertThat(attribute).as("attribute in %s", tag.group()).doesNotStartWith("on");
                assertThat(ATTRIBUTES).as("attribute in %s", tag.group()).contains(attribute);
                if (attribute.equals("href") || attribute.equals("src")) {
                    assertThat(isSafeUrl(value))
                            .as("%s=\"%s\" in:\n%s", attribute, value, html)
                            .isTrue();
                }
                if (attribute.equals("class")) {
                    assertThat(value).matches("language-[A-Za-z0-9_+#.-]+");
                }
            }
        }
        // Every '<' left in the HTML opens one of the tags checked above: text has only &lt;.
        assertThat(html.chars().filter(c -> c == '<').count())
                .as("raw '<' in:\n%s", html)
                .isEqualTo(tags);
        return html;
    }

    /** The hrefs of the links in the HTML, in order, unescaped. */
    public static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    /** As a browser reads a URL: tabs and newlines dropped, ends trimmed, backslashes as slashes. */
    private static boolean isSafeUrl(String raw) {
        String url = raw.replaceAll("[\\t\\n\\r]", "").strip().replace('\\', '/');
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return false;
        }
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()) {
            return Set.of("http", "https", "mailto").contains(scheme.group(1).toLowerCase(Locale.ROOT));
        }
        String firstSegment = java.net.URLDecoder.decode(
                url.split("[/?#]", 2)[0].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        return !url.startsWith("/") && !firstSegment.contains(":");
    }

    private static String unescape(String s) {
        Matcher m = Pattern.compile("&#(x?)([0-9A-Fa-f]+);").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(sb);
        return sb.toString()
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
