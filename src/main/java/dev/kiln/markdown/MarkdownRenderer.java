package dev.kiln.markdown;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import dev.kiln.config.SiteConfig;
import dev.kiln.highlight.Highlighter;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Renders Markdown to HTML: CommonMark with GFM tables, strikethrough, task lists and autolinks,
 * footnotes, typographic quotes and dashes, kramdown attribute lists, definition lists and abbreviations,
 * {@code [TOC]} placeholders and highlighted code. The only flexmark user. Built once and shared: it is safe
 * across threads.
 */
public final class MarkdownRenderer {

    /** Marks where the table of contents goes; the HTML stage replaces it. */
    public static final String TOC_PLACEHOLDER_CLASS = "kiln-toc";

    /**
     * The bare URLs flexmark's autolinks would link and GFM's extended autolinks and Hugo's goldmark do not: those
     * of any scheme but {@code http://}, {@code https://} and {@code ftp://} (as written, in lower case), and a
     * scheme with nothing after it ({@code http:// alone}). flexmark links any {@code scheme://} text, its scheme
     * read back over the word before it ({@code word-http://a.b} whole), and {@code s3://bucket/key} was a link no
     * browser opens. A link's whole text is matched: {@code www.} addresses and e-mail addresses hold no scheme
     * of their own ({@code www.a.b/?u=s3://x} stays linked), and {@code <s3://x>}, CommonMark's autolink, is
     * not a bare URL.
     */
    static final String ONLY_THE_WEBS_SCHEMES = "(?s)(?!(?:https?|ftp)://.)[^:/]*://.*";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final DirectHtml direct;

    public MarkdownRenderer(Highlighter highlighter) {
        this(highlighter, true);
    }

    /**
     * A renderer with flexmark's own inline, table and block-start parsers and post-processors unless
     * {@code quick} (the test compares the two with Kiln's {@link QuickInlineParser}, {@link QuickTables},
     * {@link QuickBlockStarts}, {@link QuickPostProcess}, {@link Definitions} and {@link Abbreviations.Quick}).
     */
    MarkdownRenderer(Highlighter highlighter, boolean quick) {
        MutableDataSet options = new MutableDataSet();
        List<Extension> extensions = new java.util.ArrayList<>(List.of(
                quick ? new QuickTables() : TablesExtension.create(),
                new TableInterrupts(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                quick ? new QuickPostProcess() : new GfmAutolinks.Extension(),
                new KramdownFootnotes(),
                new AngleQuotes(),
                quick ? new QuickPostProcess.Attributes() : new QuickPostProcess.FlexmarkAttributes(),
                quick ? new Definitions() : new Definitions.Flexmark(),
                quick ? new Abbreviations.Quick() : new Abbreviations.Flexmark(),
                new CodeBlockRenderer.Extension(highlighter),
                new TableAlignment(),
                new ImageAlt()));
        if (quick) {
            extensions.add(new QuickBlockStarts()); // after the footnotes, whose block parser comes first
        }
        extensions.add(new QuickInlineParser.Extension(quick)); // last: see there
        options.set(Parser.EXTENSIONS, extensions);
        // GitHub's table syntax: a header row, pipes at the edges optional, no column spans.
        options.set(AutolinkExtension.IGNORE_LINKS, ONLY_THE_WEBS_SCHEMES);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // A separator cell of one dash is enough, as for GitHub and kramdown (|-|-|, :-:); flexmark wants three.
        options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        // GitHub's heading ids, as Jekyll's default (kramdown's GFM input) and Hugo's make them too: lower case,
        // letters, digits, '_' and '-' kept, every space a dash, nothing collapsed ("Part 1 - Setup" is
        // part-1---setup). {#id} wins; anchors are added after rendering, where old <a name> anchors can take
        // over the id.
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " -");
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS, "_");
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(AttributesExtension.ASSIGN_TEXT_ATTRIBUTES, true);
        // kramdown's definitions start with ':' only; '~' starts no definition there.
        options.set(DefinitionExtension.TILDE_MARKER, false);
        options.set(TypographicExtension.ENABLE_QUOTES, true);
        options.set(TypographicExtension.ENABLE_SMARTS, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).linkResolverFactory(new SpacedUrls.Resolver()).build();
        this.direct = new DirectHtml(highlighter);
        // flexmark's sequence classes initialise one another in a cycle (BasedSequence's constants are
        // instances of BasedSequenceImpl, which implements it): two build threads starting on them at once
        // can each hold one initialisation and wait for the other's forever (CI hung so: one page in
        // BasedSequence.<clinit>, the other in CharSubSequence's). A line parsed here, on the thread that
        // makes the renderer, initialises them, and the parser's own classes, before any build thread runs.
        parse("x\n");
    }

    /** The HTML of {@code markdown}. */
    public String render(String markdown) {
        Document document = parse(markdown);
        String html = direct.render(document);
        return html != null ? html : renderer.render(document);
    }

    /**
     * The body of the page at {@code pageUrl} rendered from {@code markdown}: finished here as the HTML
     * stage would finish flexmark's HTML, when it is made of common Markdown only, else flexmark's HTML
     * for that stage. {@code marker} is the excerpt separator's text, {@code rootRelative} what the HTML
     * stage makes of a link's URL. Hugo's shortcodes and Jekyll's Liquid outside code are thrown as
     * {@link BodyProblems}.
     */
    public Rendered renderPage(String markdown, String pageUrl, String marker, UnaryOperator<String> rootRelative) {
        return renderPage(markdown, pageUrl, marker, rootRelative, SiteUrls.NONE);
    }

    /**
     * As {@link #renderPage(String, String, String, UnaryOperator)}, where {@code urls} names the URLs that a
     * {@code {% post_url %}} or {@code {% link %}} left in the page stood for, to say them in its problem.
     */
    public Rendered renderPage(String markdown, String pageUrl, String marker, UnaryOperator<String> rootRelative,
                               SiteUrls urls) {
        return renderPage(markdown, pageUrl, marker, rootRelative, urls, java.util.Set.of());
    }

    /**
     * As {@link #renderPage(String, String, String, UnaryOperator, SiteUrls)}, for a page whose layout writes the
     * ids {@code layoutIds}, which its headings do not take ({@link UniqueIds}).
     */
    public Rendered renderPage(String markdown, String pageUrl, String marker, UnaryOperator<String> rootRelative,
                               SiteUrls urls, java.util.Set<String> layoutIds) {
        return renderPage(markdown, pageUrl, marker, rootRelative, urls, layoutIds, false);
    }

    /**
     * As {@link #renderPage(String, String, String, UnaryOperator, SiteUrls, java.util.Set)}, for a site whose fenced
     * code blocks are numbered unless one says {@code linenos=false} when {@code lineNumbers} (site.yml's
     * {@code line_numbers}), as if each said {@code linenos}.
     */
    public Rendered renderPage(String markdown, String pageUrl, String marker, UnaryOperator<String> rootRelative,
                               SiteUrls urls, java.util.Set<String> layoutIds, boolean lineNumbers) {
        return renderPage(markdown, pageUrl, marker, rootRelative, urls, layoutIds, lineNumbers, SiteConfig.Emoji.OFF);
    }

    /**
     * As {@link #renderPage(String, String, String, UnaryOperator, SiteUrls, java.util.Set, boolean)}, for a site whose
     * emoji codes ({@code :smile:}) are emoji where {@code emoji} (site.yml's {@code emoji}) says: {@code EVERYWHERE}
     * (Hugo's {@code enableEmoji}) replaced in the text before it is read, as Hugo replaced them, so that both parsers
     * read the same text; {@code TEXT} (Jekyll's jemoji) in the text of the HTML only, where heading ids are already
     * made of the text as written: by {@link DirectHtml}'s writer in a finished body, else by the HTML stage, which
     * must then be told ({@code BodyProcessor}'s {@code emoji}).
     */
    public Rendered renderPage(String markdown, String pageUrl, String marker, UnaryOperator<String> rootRelative,
                               SiteUrls urls, java.util.Set<String> layoutIds, boolean lineNumbers,
                               SiteConfig.Emoji emoji) {
        String rewritten = KramdownSyntax.rewrite(markdown, parser);
        // A new text when it holds a code: problems are then told at the offsets of the text as written (below).
        String text = emoji == SiteConfig.Emoji.EVERYWHERE ? Emoji.replace(rewritten) : rewritten;
        Document document = parser.parse(PageChars.of(text));
        if (lineNumbers) {
            document.set(FenceOptions.NUMBERED_SITE, true);
        }
        // Before either writer runs, so that both refuse the same pages; the rewrite keeps a text it has nothing to do in.
        refuse(markdown, text, document, urls);
        List<BodyProblems.At> warnings = FenceOptions.unclosed(document);
        List<BodyProblems.At> cut = CutScripts.of(document, text);
        if ((!warnings.isEmpty() || !cut.isEmpty()) && text != markdown) { // at the offsets of the text as written
            Document written = parser.parse(PageChars.of(markdown));
            warnings = FenceOptions.unclosed(written);
            cut = CutScripts.of(written, markdown);
        }
        if (!cut.isEmpty()) {
            warnings = new java.util.ArrayList<>(warnings);
            warnings.addAll(cut);
            warnings.sort(java.util.Comparator.comparingInt(BodyProblems.At::offset));
        }
        Finished finished = direct.renderPage(document, new DirectHtml.Page(pageUrl, rootRelative, marker, layoutIds,
                emoji == SiteConfig.Emoji.TEXT));
        if (finished != null) {
            return new Rendered(null, finished, warnings);
        }
        String html = direct.render(document);
        return new Rendered(html != null ? html : renderer.render(document), null, warnings);
    }

    /**
     * Throws as {@link BodyProblems}, at offsets of {@code markdown}, what Markdown would show as text where its
     * author meant something else (Hugo's shortcodes and Jekyll's Liquid outside code, links whose URL holds a space:
     * {@link SpacedDestinations}) and its code blocks' {@code linenos} values that Kiln does not read;
     * {@code document} is {@code text} parsed, the rewrite of {@code markdown}.
     */
    private void refuse(String markdown, String text, Document document, SiteUrls urls) {
        // The text as written, parsed once when first asked for: the offsets shown as written are its own.
        Document[] parsed = new Document[1];
        java.util.function.Supplier<Document> original = () -> text == markdown ? document
                : parsed[0] != null ? parsed[0] : (parsed[0] = parser.parse(PageChars.of(markdown)));
        List<BodyProblems.At> problems = new java.util.ArrayList<>();
        if (Liquid.mayHave(markdown)) { // a shortcode's {{< and {{% too: most pages have neither
            java.util.function.Supplier<java.util.BitSet> shownAsWritten =
                    Liquid.once(() -> ShownAsWritten.inMarkdown(original.get()));
            problems.addAll(Shortcodes.find(markdown, shownAsWritten, urls, this));
            problems.addAll(Liquid.find(markdown, shownAsWritten, urls, true));
        }
        // Only a page whose inline parser met a destination followed by more than a title may hold one.
        if (CommonMarkInlineParser.SPACED_DESTINATION.get(document)) {
            problems.addAll(SpacedDestinations.problems(markdown, original::get));
        }
        // Fences only: the walk of the blocks is skipped for the pages without one.
        if (markdown.contains("```") || markdown.contains("~~~")) {
            List<BodyProblems.At> fences = FenceOptions.problems(document);
            if (!fences.isEmpty()) { // at the offsets of the text as written: the rewrite's, found again there
                problems.addAll(text == markdown ? fences : FenceOptions.problems(original.get()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(BodyProblems.At::offset));
            throw new BodyProblems(problems);
        }
    }

    /**
     * The URLs of {@code markdown}'s inline links and images that hold a space outside pointy brackets
     * ({@code ![a](/My Photo.png)}), which Markdown shows as text and kramdown made links, as offsets of the text
     * (without the spaces around them), in order; outside code, raw HTML and the links Markdown made.
     */
    public List<Span> spacedUrls(String markdown) {
        Document[] parsed = {null};
        return SpacedDestinations.of(markdown, () -> parsed[0] != null ? parsed[0]
                : (parsed[0] = parser.parse(PageChars.of(markdown)))).stream()
                .map(f -> new Span(f.start(), f.end())).toList();
    }

    /** Offsets {@code start} (included) to {@code end} (excluded) of a text. */
    public record Span(int start, int end) {}

    /**
     * A page's rendered body: {@code finished}, or (when that is null) {@code html} for the HTML stage; with what
     * the page shows that its author most likely did not mean, which is no reason to stop the build
     * ({@code warnings}, at offsets of the Markdown as written: a code block never closed).
     */
    public record Rendered(String html, Finished finished, List<BodyProblems.At> warnings) {
        public Rendered {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A body finished in this stage: its HTML as the HTML stage would print it, the excerpt's HTML, the
     * h2–h6 headings and the word count.
     */
    public record Finished(String html, String excerptHtml, List<Heading> headings, int words) {}

    /** A heading of a finished body: level 2–6, its unique id and its text (its images' alt text when it has none). */
    public record Heading(int level, String id, String text) {}

    /**
     * A heading of a Markdown text as written: its level, its content as written, its text (characters with
     * escapes and entities decoded, code and attribute lists as written, the text of links; no markup, images
     * or HTML tags), its plain text (the same without entities and code), the id Kiln gives it, whether that
     * is the name of an old {@code <a name>} anchor in it (which no {@code {#id}} changes), whether it is an
     * ATX heading closed by {@code #}s, whether a kramdown attribute list ({@code {: ...}}) stands on the next
     * line or one with an id on the line before (after a blank line: kramdown gives it to the heading), and the offset in the text right after its content, where {@code {#id}} may go.
     */
    public record SourceHeading(int level, String source, String text, String plainText, String id,
                                boolean anchored, boolean closed, boolean attributeListOfItsOwn, int end) {}

    /** The headings of {@code markdown} in document order, in lists and quotes too. */
    public List<SourceHeading> headings(String markdown) {
        return SourceHeadings.of(parser.parse(PageChars.of(markdown)), markdown);
    }

    /** The offsets of {@code markdown} that are code (spans, fenced and indented blocks), as written. */
    public java.util.BitSet code(String markdown) {
        return KramdownSyntax.code(parser.parse(PageChars.of(markdown)));
    }

    /**
     * The offsets of {@code markdown} where a piece of Liquid starts that a build would report, or would once a block
     * around it were gone ({@link Liquid}), as written.
     */
    public java.util.BitSet liquidStarts(String markdown) {
        if (!Liquid.mayHave(markdown)) {
            return new java.util.BitSet();
        }
        Document document = parser.parse(PageChars.of(markdown));
        return Liquid.starts(markdown, Liquid.once(() -> ShownAsWritten.inMarkdown(document)), true);
    }

    /** The offsets of {@code markdown} that are code or raw HTML (blocks, tags, comments), as written. */
    public java.util.BitSet raw(String markdown) {
        return KramdownSyntax.raw(parser.parse(PageChars.of(markdown)));
    }

    /**
     * {@code markdown} with the URL of each image as written (inline, or a reference definition's) given to {@code url}
     * and replaced by what it returns ({@link ImageUrls}); code, raw HTML and links are left as written.
     */
    public String rewriteImageUrls(String markdown, java.util.function.UnaryOperator<String> url) {
        if (!markdown.contains("![")) {
            return markdown;
        }
        return ImageUrls.rewrite(markdown, parser.parse(PageChars.of(markdown)), url);
    }

    /** The offsets of {@code markdown} that are raw HTML (blocks and tags, not comments), as written. */
    public java.util.BitSet html(String markdown) {
        java.util.BitSet html = new java.util.BitSet();
        if (markdown.indexOf('<') < 0) {
            return html;
        }
        for (com.vladsch.flexmark.util.ast.Node n : parser.parse(PageChars.of(markdown)).getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.HtmlBlock || n instanceof com.vladsch.flexmark.ast.HtmlInline) {
                html.set(n.getStartOffset(), n.getEndOffset());
            }
        }
        return html;
    }

    /**
     * The offsets of {@code markdown} that become links by no syntax of their own (bare URLs, {@code www.} and
     * e-mail addresses), as written: kramdown shows them as text.
     */
    public java.util.BitSet bareLinks(String markdown) {
        return KramdownSyntax.bareLinks(parser.parse(PageChars.of(markdown)));
    }

    /**
     * The offsets of the {@code )} of each ordered list item's marker in {@code markdown} ({@code 1) first}), as
     * written: kramdown reads such a line as text.
     */
    public java.util.BitSet listParens(String markdown) {
        return KramdownSyntax.listParens(parser.parse(PageChars.of(markdown)));
    }

    /**
     * The offsets of the separator rows ({@code |---|---|}: their first character) of {@code markdown}'s tables that
     * stand on the line right below a paragraph's text and end it ({@link TableInterrupts}), as written: kramdown reads
     * their rows as that paragraph's text.
     */
    public java.util.BitSet tableInterruptions(String markdown) {
        java.util.BitSet rows = new java.util.BitSet();
        if (markdown.indexOf('|') < 0) {
            return rows;
        }
        for (Node n : parser.parse(PageChars.of(markdown)).getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ext.tables.TableBlock table
                    && table.getPrevious() instanceof com.vladsch.flexmark.ast.Paragraph paragraph
                    && paragraph.getContentChars().trimEnd().getEndOffset() < table.getStartOffset()
                    && markdown.substring(paragraph.getContentChars().trimEnd().getEndOffset(), table.getStartOffset())
                        .chars().filter(c -> c == '\n').count() == 1 // no blank line between
                    && !endsWithAttributeList(paragraph)) { // {: .table} above a table: kramdown's, the table's
                Node separator = table.getChildOfType(com.vladsch.flexmark.ext.tables.TableSeparator.class);
                if (separator != null) {
                    rows.set(separator.getStartOffset());
                }
            }
        }
        return rows;
    }

    /** Whether the last line of {@code paragraph} is a kramdown block attribute list, {@code {: .table}}, alone. */
    private static boolean endsWithAttributeList(com.vladsch.flexmark.ast.Paragraph paragraph) {
        String content = paragraph.getContentChars().trimEnd().toString();
        String last = content.substring(content.lastIndexOf('\n') + 1).strip();
        return last.startsWith("{:") && last.endsWith("}");
    }

    /**
     * The offsets of {@code markdown}'s double quotes that its typographic quotes leave straight (paired with none:
     * {@code 2.5" drive}), outside code and images' alt text, as written.
     */
    public java.util.BitSet straightQuotes(String markdown) {
        return KramdownSyntax.straightQuotes(parser.parse(PageChars.of(markdown)));
    }

    /**
     * The offsets of {@code markdown} in paragraphs and GFM tables (lines a kramdown table may stand on), at the top
     * level of the document or in lists and quotes, as written.
     */
    public java.util.BitSet paragraphs(String markdown) {
        java.util.BitSet out = new java.util.BitSet();
        java.util.ArrayDeque<com.vladsch.flexmark.util.ast.Node> todo = new java.util.ArrayDeque<>();
        todo.push(parser.parse(PageChars.of(markdown)));
        while (!todo.isEmpty()) {
            com.vladsch.flexmark.util.ast.Node node = todo.pop();
            if (node instanceof com.vladsch.flexmark.ast.Paragraph
                    || node instanceof com.vladsch.flexmark.ext.tables.TableBlock) {
                out.set(node.getStartOffset(), node.getEndOffset());
                continue;
            }
            for (com.vladsch.flexmark.util.ast.Node n : node.getChildren()) {
                if (n instanceof com.vladsch.flexmark.util.ast.Block) {
                    todo.push(n);
                }
            }
        }
        return out;
    }

    /**
     * {@code markdown}, a line of text, as HTML without the paragraph around it, as Hugo's {@code markdownify} renders
     * a figure's caption: {@code see [(source)](https://x)} is {@code see <a href="https://x">(source)</a>}.
     */
    String inlineHtml(String markdown) {
        String html = render(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && !html.substring(3).contains("<p>")) {
            html = html.substring(3, html.length() - 4);
        }
        return html.replace('\n', ' ');
    }

    /**
     * The text of {@code markdown} without its Markdown, as an image's alt holds it ({@link ImageAlt}), white space
     * made one space: {@code see [(source)](https://x)} is {@code see (source)}, as Hugo's {@code markdownify | plainify}
     * makes a figure's alt of its caption.
     */
    String plainText(String markdown) {
        return ImageAlt.of(parse(markdown)).strip().replaceAll("\\s+", " ");
    }

    Document parse(String markdown) {
        return parser.parse(PageChars.of(KramdownSyntax.rewrite(markdown, parser)));
    }

    /** flexmark's own HTML of a parsed document: what {@link DirectHtml} must equal. */
    String renderWithFlexmark(Document document) {
        return renderer.render(document);
    }

    /** {@link DirectHtml}'s HTML of a parsed document, or {@code null} where it leaves the document to flexmark. */
    String renderDirect(Document document) {
        return direct.render(document);
    }
}
