package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the Liquid a Kiln site can do without (site URLs, {@code relative_url}, {@code post_url}, {@code link},
 * {@code highlight}, {@code raw}, plain-HTML includes) and records, with its line, every piece it leaves as it is.
 */
public final class LiquidConverter {

    /**
     * What the converter needs to know: the site's URL and base URL ({@code baseurl} as {@code _config.yml} writes
     * it, {@code /} or {@code /blog/} with its slash), posts by name, files by path, includes, and the text of a file
     * of the site by its path ({@code _posts/snippet.md}), or null, for {@code include_relative}; whether the site
     * numbers every fenced code block ({@code numberedSite}: site.yml's {@code line_numbers: true}), where a
     * {@code {% highlight %}} without {@code linenos} becomes a fence that says {@code linenos=false}, as Jekyll
     * numbered no such block.
     */
    public record Context(String url, String baseurl, Map<String, String> postUrls, Map<String, String> linkUrls,
                          Map<String, String> includes, Function<String, String> files, boolean numberedSite) {

        public Context {
            baseurl = baseurl == null ? "" : baseurl.trim();
        }

        /** A context for a site whose fenced code blocks are not all numbered. */
        public Context(String url, String baseurl, Map<String, String> postUrls, Map<String, String> linkUrls,
                       Map<String, String> includes, Function<String, String> files) {
            this(url, baseurl, postUrls, linkUrls, includes, files, false);
        }

        /** The base path, without a slash at its end ({@code ""} for {@code baseurl: /}). */
        public String basePath() {
            return SiteYml.trimSlash(baseurl);
        }

        /** A context that reads no file of the site: every {@code include_relative} is left. */
        public Context(String url, String baseurl, Map<String, String> postUrls, Map<String, String> linkUrls,
                       Map<String, String> includes) {
            this(url, baseurl, postUrls, linkUrls, includes, path -> null);
        }
    }

    /** A piece of Liquid left in a file, at {@code path:line}. */
    public record Leftover(String path, int line, String liquid) {
        @Override
        public String toString() {
            return path + ":" + line + ": " + liquid;
        }
    }

    /**
     * A converted text, how many pieces of Liquid were converted, those left, the lines of the
     * {@code {% comment %}} blocks removed, warnings ({@code path:line:col: ...}) about what a conversion dropped,
     * and the offsets of the text that a {@code {% raw %}} showed as written.
     */
    public record Result(String text, int converted, List<Leftover> leftovers, List<Integer> comments,
                         int firstCommentColumn, List<String> warnings, BitSet raw) {
        public Result {
            leftovers = List.copyOf(leftovers);
            comments = List.copyOf(comments);
            warnings = List.copyOf(warnings);
            raw = (BitSet) raw.clone();
        }

        /**
         * The text, where each piece of Liquid that a {@code {% raw %}} showed as written and that Kiln's build would
         * report ({@code reported}: the offsets where such pieces start in a text) has its first brace written
         * {@code &#123;}: the page shows it as Jekyll did, and builds. Liquid left unconverted is not touched: that
         * the build reports it is the point.
         */
        public String shownAsWritten(Function<String, BitSet> reported) {
            if (raw.isEmpty()) {
                return text;
            }
            BitSet starts = reported.apply(text);
            starts.and(raw);
            if (starts.isEmpty()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text);
            for (int at = starts.previousSetBit(text.length()); at >= 0; at = starts.previousSetBit(at - 1)) {
                out.replace(at, at + 1, "&#123;");
            }
            return out.toString();
        }

        /** A note for the import report on the comments removed from {@code path}, or none. */
        public java.util.Optional<String> commentNote(String path) {
            if (comments.isEmpty()) {
                return java.util.Optional.empty();
            }
            String lines = comments.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            return java.util.Optional.of(path + ":" + comments.get(0) + ":" + firstCommentColumn + ": " + comments.size()
                    + " Liquid comment"
                    + (comments.size() == 1 ? "" : "s") + " ({% comment %}, line" + (comments.size() == 1 ? " " : "s ")
                    + lines + ") removed, as Jekyll showed nothing of " + (comments.size() == 1 ? "it" : "them")
                    + "; the Jekyll file keeps " + (comments.size() == 1 ? "it" : "them") + " (write an HTML comment, "
                    + "<!-- ... -->, for a note that should stay in the Kiln post)");
        }
    }

    /** Any Liquid output or tag: {@code {{ ... }}}, {@code {% ... %}}. */
    static final Pattern TAG = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
    private static final Pattern SITE_URL_AND_BASEURL =
            Pattern.compile("\\{\\{-?\\s*site\\.url\\s*-?}}\\s*\\{\\{-?\\s*site\\.baseurl\\s*-?}}");
    /** A highlight's markup: its language, then its options. */
    private static final Pattern HIGHLIGHT = Pattern.compile("([^\\s%]+)(.*)", Pattern.DOTALL);
    /**
     * One of a highlight's options as Jekyll 4.3's tag reads them ({@code OPTIONS_REGEX}): {@code name},
     * {@code name=value} or {@code name="1 2"}, its name what comes before the first {@code =}.
     */
    private static final Pattern HIGHLIGHT_OPTION = Pattern.compile("(?:\\w=\"[^\"]*\"|\\w=\\w|\\w)+");
    private static final Pattern FILTERED = Pattern.compile(
            "\\{\\{-?\\s*(['\"])(.*?)\\1\\s*\\|\\s*(relative_url|absolute_url)\\s*-?}}");
    /** The text before a URL on its line: a link's {@code (} or {@code (<}, a definition's, an attribute's. */
    private static final Pattern URL_START = Pattern.compile("(?:\\(<?|[\"'=]|]:[ \\t]+<?)$");
    private static final Pattern SITE_VAR = Pattern.compile("\\{\\{-?\\s*site\\.(url|baseurl)\\s*-?}}");
    private static final Pattern POST_URL = Pattern.compile("\\{%-?\\s*post_url\\s+(\\S+)\\s*-?%}");
    private static final Pattern LINK = Pattern.compile("\\{%-?\\s*link\\s+(\\S+)\\s*-?%}");
    private static final Pattern INCLUDE = Pattern.compile("\\{%-?\\s*include\\s+(\\S+)((?:\\s+\\w+=(?:\"[^\"]*\"|'[^']*'|\\S+))*)\\s*-?%}");
    /** A name as Jekyll takes it ({@code VALID_FILENAME_CHARS}); one with {@code ..}, {@code ./}, {@code //} it refuses. */
    private static final Pattern INCLUDE_RELATIVE = Pattern.compile(
            "\\{%-?\\s*include_relative\\s+([\\w/.\\-()+~#@]+)((?:\\s+\\w+=(?:\"[^\"]*\"|'[^']*'|\\S+))*)\\s*-?%}");

    private final Context context;
    private final Function<String, BitSet> codeOf;
    private final Function<String, BitSet> codeOnly;

    public LiquidConverter(Context context) {
        this(context, text -> new BitSet());
    }

    /**
     * A converter that knows, by {@code codeOf}, the offsets of a text that are code or raw HTML, where a removed
     * comment keeps no blank lines for the lines it took.
     */
    public LiquidConverter(Context context, Function<String, BitSet> codeOf) {
        this(context, codeOf, text -> new BitSet());
    }

    /**
     * A converter that also knows, by {@code codeOnly}, the offsets of a text that are code (not raw HTML), which
     * Kiln shows as written: the site's address stays there as Jekyll printed it, not made a path.
     */
    public LiquidConverter(Context context, Function<String, BitSet> codeOf, Function<String, BitSet> codeOnly) {
        this.context = context;
        this.codeOf = codeOf;
        this.codeOnly = codeOnly;
    }

    /**
     * Converts {@code body} of the file {@code path}, whose first line is line {@code firstLine} of that file, as
     * Jekyll's Liquid ran over it before its Markdown: {@code {% raw %}} shows its text, in code too; a
     * {@code {% comment %}} shows nothing (outside raw); a {@code {% highlight %}} block's code is Liquid too.
     */
    public Result convert(String path, String body, int firstLine) {
        Pass pass = new Pass(path, body);
        String text = pass.convert(body, firstLine);
        return new Result(text, pass.converted, pass.left, pass.comments, pass.firstCommentColumn, pass.warnings,
                pass.raw);
    }

    /** One file's conversion: what it converted, left and removed, and its text (for the offsets of its code). */
    private final class Pass {
        final String path;
        final String file;
        final List<Leftover> left = new ArrayList<>();
        final List<Integer> comments = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        /** The column (from 1) of the first comment's tag on its line. */
        int firstCommentColumn = 1;
        int converted;
        BitSet code;
        /** The offsets of the file that are code (not raw HTML), when first asked. */
        BitSet shownAsCode;
        /** The offsets of the file's converted text that a {@code {% raw %}} showed as written. */
        final BitSet raw = new BitSet();

        Pass(String path, String file) {
            this.path = path;
            this.file = file;
        }

        String convert(String body, int firstLine) {
            Matcher m = TAG.matcher(body);
            StringBuilder out = new StringBuilder(body.length());
            int lineAt = firstLine;
            int counted = 0;
            int done = 0;
            while (done < body.length() && m.find(done)) {
                lineAt += newlines(body, counted, m.start());
                counted = m.start();
                out.append(body, done, m.start());
                LiquidBlocks.Block block = LiquidBlocks.at(body, m.start());
                int end = m.end();
                String replacement;
                Matcher pair = SITE_URL_AND_BASEURL.matcher(body).region(m.start(), body.length());
                if (block != null && block.name().equals("comment")) {
                    if (comments.isEmpty()) {
                        firstCommentColumn = m.start() - lineStart(body, m.start()) + 1;
                    }
                    comments.add(lineAt);
                    end = block.end();
                    replacement = comment(body, block, out);
                    if (block.trimAfter()) {
                        while (end < body.length() && Character.isWhitespace(body.charAt(end))) {
                            end++;
                        }
                    }
                } else if (block != null && block.name().equals("raw")) {
                    converted++;
                    end = block.end();
                    replacement = body.substring(block.bodyStart(), block.bodyEnd());
                    if (body == file) { // (a raw in a highlight's code is code: shown as written)
                        raw.set(out.length(), out.length() + replacement.length());
                    }
                } else if (block != null && block.name().equals("highlight")
                        && HIGHLIGHT.matcher(block.markup()).matches()) {
                    converted++;
                    end = block.end();
                    replacement = highlight(body, block, lineAt, indentBefore(body, m.start()));
                } else if (pair.lookingAt()) {
                    converted++;
                    end = pair.end();
                    replacement = siteRoot(body, m.start(), end, context.url() + printedBaseurl(body, end));
                } else {
                    replacement = replacement(m.group(), body, m.start(), end);
                    if (replacement == null) {
                        replacement = relative(path, m.group());
                    }
                    if (replacement == null) {
                        left.add(new Leftover(path, lineAt, oneLine(m.group())));
                        replacement = m.group();
                    } else {
                        converted++;
                    }
                }
                out.append(replacement);
                done = end;
            }
            return out.append(body, done, body.length()).toString();
        }

        /**
         * What stands for a removed comment: nothing, as in Jekyll's page; or, when it takes whole lines of its own
         * outside code, as many line ends as it held, so that the lines after it keep their numbers (one blank line
         * or more are alike to Markdown there). A {@code {%-} strips the white space {@code out} ends with.
         */
        private String comment(String body, LiquidBlocks.Block block, StringBuilder out) {
            if (block.trimBefore()) {
                int keep = out.length();
                while (keep > 0 && Character.isWhitespace(out.charAt(keep - 1))) {
                    keep--;
                }
                out.setLength(keep);
                return "";
            }
            int lines = newlines(body, block.start(), block.end());
            int lineEnd = body.indexOf('\n', block.end());
            boolean ownLines = indentBefore(body, block.start()).length() == block.start() - lineStart(body,
                    block.start()) && body.substring(block.end(), lineEnd < 0 ? body.length() : lineEnd).isBlank();
            if (lines == 0 || !ownLines || block.trimAfter() || body != file) {
                return "";
            }
            if (code == null) {
                code = codeOf.apply(file);
            }
            return code.get(block.start()) ? "" : "\n".repeat(lines);
        }

        /**
         * What stands for the site's address ({@code {{ site.url }}{{ site.baseurl }}}, Jekyll's {@code printed}),
         * the Liquid at {@code start} to {@code end} of {@code body}: where it starts a link's or image's URL or an
         * attribute's ({@link #startsUrl}), the path from the site root, which Kiln puts its base path in front of,
         * checks, and keeps through a move to another domain: nothing before a path ({@code /about/}), else
         * {@code /} ({@code [home](/)}, {@code /#top}). Elsewhere (text, an autolink, code), what Jekyll printed
         * ({@code https://me.github.io/blog/feed.xml} for {@code {{ site.url }}{{ site.baseurl }}feed.xml} with
         * {@code baseurl: /blog/}).
         */
        String siteRoot(String body, int start, int end, String printed) {
            if (!startsUrl(body, start)) {
                return printed;
            }
            char next = end < body.length() ? body.charAt(end) : '\n';
            return next == '/' || next == '{' ? "" : "/";
        }

        /**
         * What stands for {@code {{ site.baseurl }}} alone, at {@code start} to {@code end} of {@code body}. Where it
         * starts a link's or image's URL or an attribute's ({@link #startsUrl}), the path from the site root that
         * Jekyll's URL had, Kiln putting the base path in front of it: nothing before a {@code /} or more Liquid
         * ({@code {{ site.baseurl }}/about/}), and nothing when the site has no baseurl (Jekyll printed nothing: what
         * follows was relative there too); else {@code /} ({@code baseurl: /}, as Poole, Lanyon and Hyde ship it,
         * with {@code {{ site.baseurl }}public/x.png} printed {@code /public/x.png}; {@code [home]({{ site.baseurl }})}).
         * Elsewhere (text, code, a URL's middle), what Jekyll printed ({@link #printedBaseurl}):
         * {@code {{ site.baseurl }}feed.xml} is {@code /blog/feed.xml} with {@code baseurl: /blog/}.
         */
        String baseurl(String body, int start, int end) {
            char next = end < body.length() ? body.charAt(end) : '\n';
            if (context.baseurl().isEmpty()) {
                return "";
            }
            if (!startsUrl(body, start)) {
                return printedBaseurl(body, end);
            }
            return next == '/' || next == '{' ? "" : "/";
        }

        /**
         * The baseurl as Jekyll printed it before what follows {@code end} of {@code body}: as {@code _config.yml}
         * writes it ({@code /blog/feed.xml}, {@code /public/x.png} for {@code baseurl: /}), but without its own
         * {@code /} before a {@code /} or more Liquid (Jekyll printed {@code /blog//x/}, which the server read as
         * {@code /blog/x/}).
         */
        String printedBaseurl(String body, int end) {
            char next = end < body.length() ? body.charAt(end) : '\n';
            return next == '/' || next == '{' ? context.basePath() : context.baseurl();
        }

        /**
         * Whether the Liquid at {@code at} of {@code body} starts the URL of a link or image ({@code (...)},
         * {@code (<...>)}, {@code [r]: ...}) or an attribute's value ({@code href="..."}), outside code.
         */
        boolean startsUrl(String body, int at) {
            String before = body.substring(lineStart(body, at), at);
            return URL_START.matcher(before).find() && !inCode(body, at);
        }

        /** Whether {@code at} of {@code body} is in code: a highlight's, or a Markdown file's span or block. */
        boolean inCode(String body, int at) {
            if (body != file) {
                return true;
            }
            if (shownAsCode == null) {
                shownAsCode = codeOnly.apply(file);
            }
            return shownAsCode.get(at);
        }

        /**
         * A highlight block as fenced code: its code is Liquid too (a {@code {% raw %}} in it shows its text),
         * without the blank lines around it (Jekyll strips it).
         */
        private String highlight(String body, LiquidBlocks.Block block, int lineAt, String indent) {
            Matcher markup = HIGHLIGHT.matcher(block.markup());
            markup.matches();
            boolean numbered = lineNumbers(body, block, markup.start(2), lineAt);
            int from = block.bodyStart();
            Matcher lineEnd = Pattern.compile("[ \\t]*\\r?\\n?").matcher(body).region(from, block.bodyEnd());
            if (lineEnd.lookingAt()) {
                from = lineEnd.end();
            }
            String code = convert(body.substring(from, block.bodyEnd()), lineAt + newlines(body, block.start(), from));
            code = code.replaceFirst("^(?:[ \\t]*\\r?\\n)+", "");
            // The fence closes at the indentation it opens at (a code block in a list item stays in it); the
            // white space before {% endhighlight %} is that indentation, not code.
            code = code.replaceFirst("(?:\\r?\\n[ \\t]*)+$", "");
            code = code.isBlank() ? "" : code + "\n";
            String fence = "```";
            while (code.contains(fence)) {
                fence += "`";
            }
            // A highlight after text on its line (Jekyll wrote its block after the paragraph) or before some
            // starts and ends on lines of its own.
            boolean textBefore = block.start() > lineStart(body, block.start()) && indent.isEmpty();
            int after = body.indexOf('\n', block.end());
            boolean textAfter = !body.substring(block.end(), after < 0 ? body.length() : after).isBlank();
            String options = numbered ? " linenos" : context.numberedSite() ? " linenos=false" : "";
            return (textBefore ? "\n" : "") + fence + markup.group(1) + options + "\n" + code
                    + indent + fence + (textAfter ? "\n" : "");
        }

        /**
         * Whether the highlight {@code block} numbered its lines: Jekyll 4.3's tag gives Rouge's table for a
         * {@code linenos} with any value ({@code linenos=false} too, a truthy string in Ruby), and reads no other
         * option. Each other option is a warning at its place in the file (the tag starts on line {@code lineAt}),
         * saying that it is dropped and that Jekyll's page showed nothing of it either; {@code from} is where the
         * options start in the block's markup.
         */
        private boolean lineNumbers(String body, LiquidBlocks.Block block, int from, int lineAt) {
            String markup = block.markup();
            int name = body.indexOf("highlight", block.start()) + "highlight".length();
            int markupAt = body.indexOf(markup, name);
            boolean numbered = false;
            Matcher option = HIGHLIGHT_OPTION.matcher(markup).region(from, markup.length());
            while (option.find()) {
                String key = option.group().split("=", 2)[0];
                if (key.equals("linenos")) {
                    numbered = true;
                    continue;
                }
                int at = markupAt + option.start();
                warnings.add(path + ":" + (lineAt + newlines(body, block.start(), at)) + ":"
                        + (at - lineStart(body, at) + 1) + ": {% highlight %} option " + option.group()
                        + " dropped: Kiln's code blocks have no such option (Jekyll 4.3's Rouge did not read it "
                        + "either, so the page shows the same)");
            }
            return numbered;
        }

        /**
         * What replaces the Liquid {@code token} at {@code start} to {@code end} of {@code body} (neither a block nor
         * site.url with site.baseurl); null to leave it.
         */
        private String replacement(String token, String body, int start, int end) {
            Matcher x;
            if ((x = SITE_VAR.matcher(token)).matches()) {
                // Kiln puts the base path in front of every root-relative URL itself. site.url alone is the site's
                // root only without a base path: with one, {{ site.url }}/x is another site of the host.
                if (x.group(1).equals("baseurl")) {
                    return baseurl(body, start, end);
                }
                return context.basePath().isEmpty() ? siteRoot(body, start, end, context.url()) : context.url();
            }
            if ((x = FILTERED.matcher(token)).matches()) {
                String target = x.group(2);
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                    return target;
                }
                String rooted = target.startsWith("/") ? target : "/" + target;
                // absolute_url in a URL as relative_url, the path from the site root (siteRoot).
                return x.group(3).equals("absolute_url") && !startsUrl(body, start)
                        ? context.url() + context.basePath() + rooted : rooted;
            }
            return urlOf(token);
        }
    }

    private static int lineStart(String body, int at) {
        return body.lastIndexOf('\n', at - 1) + 1;
    }

    /**
     * The white space between the start of the line and {@code at} when nothing else stands there (the
     * indentation of a tag in a list item), else "".
     */
    private static String indentBefore(String body, int at) {
        int start = body.lastIndexOf('\n', at - 1) + 1;
        String before = body.substring(start, at);
        return before.isBlank() ? before : "";
    }

    /**
     * What replaces the Liquid {@code token} that is neither a site URL nor a block (a post_url, link or include);
     * null to leave it.
     */
    private String urlOf(String token) {
        Matcher x;
        if ((x = POST_URL.matcher(token)).matches()) {
            String name = x.group(1);
            String url = context.postUrls().get(name);
            if (url == null && name.contains("/")) {
                url = context.postUrls().get(name.substring(name.lastIndexOf('/') + 1));
            }
            return url;
        }
        if ((x = LINK.matcher(token)).matches()) {
            String target = x.group(1);
            return context.linkUrls().get(target.startsWith("/") ? target.substring(1) : target);
        }
        if ((x = INCLUDE.matcher(token)).matches()) {
            String html = context.includes().get(x.group(1));
            if (html == null || html.contains("{{") || html.contains("{%")) {
                return null;
            }
            return html.endsWith("\n") ? html.substring(0, html.length() - 1) : html;
        }
        return null;
    }

    /**
     * The text that {@code {% include_relative NAME %}} in the file {@code path} stands for, when Jekyll showed it
     * as it is (a file without front matter or Liquid), else null: it is left, and listed.
     */
    private String relative(String path, String token) {
        Matcher x = INCLUDE_RELATIVE.matcher(token);
        if (!x.matches() || x.group(1).matches(".*[./]{2,}.*") || x.group(1).startsWith("/")) {
            return null;
        }
        // Jekyll reads it from the folder of the page's file (a post's is _posts/).
        String text = context.files().apply(path.substring(0, path.lastIndexOf('/') + 1) + x.group(1));
        if (text == null || text.contains("{{") || text.contains("{%") || text.startsWith("---")) {
            return null;
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String oneLine(String liquid) {
        String s = liquid.replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
