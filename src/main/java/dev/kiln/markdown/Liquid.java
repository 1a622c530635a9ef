package dev.kiln.markdown;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jekyll's Liquid left in a page ({@code {{ site.baseurl }}}, {@code {% post_url x %}}, {@code {% highlight %}}):
 * Kiln runs none, and printed it as text, typographic quotes and all, leaving broken links and images that no check
 * saw. Each piece outside code is a problem at its first brace, saying what to write instead, as Hugo's shortcodes
 * are ({@link Shortcodes}).
 *
 * <p>Only Liquid that is Jekyll's is a problem, since double braces are everyone's: Vue, Angular, Handlebars,
 * Mustache, Jinja and Go's templates all print values with them, and a post about one of those may show
 * {@code {{ user.name }}} in its text. So a {@code {{ ... }}} is Liquid when it reads one of Jekyll's variables
 * ({@code site.}, {@code page.}, {@code paginator.}, {@code layout.}, {@code include.}, {@code jekyll.}) or passes
 * through one of Jekyll's own filters ({@code relative_url}, {@code markdownify}...); a {@code {% ... %}} when its
 * tag is one of Liquid's or Jekyll's ({@code if}, {@code for}, {@code include}, {@code post_url}...): a tag in text
 * is template code whatever the language, and Jinja's {@code {% for %}} is shown the way Liquid's is, as code. Any
 * other braces are text, as before. Code, HTML comments and raw HTML's code elements show Liquid as written
 * ({@link ShownAsWritten}); so do {@code &#123;} for the first brace and, in Markdown, a backslash before it.
 */
public final class Liquid {

    /** How far a tag's or an object's end may be: Liquid may span lines, not pages. */
    private static final int LONGEST = 4_000;
    /** A tag's start: {@code {%}, or {@code {%-}, which trims the white space before it, and its name. */
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*([a-z][a-z_]*)(?=\\s|-?%})");
    /** Liquid's tags, and Jekyll's own and its common plugins' (jekyll-seo-tag, jekyll-feed, jekyll-gist). */
    private static final Set<String> TAGS = Set.of("assign", "capture", "case", "comment", "cycle", "decrement",
            "echo", "for", "if", "ifchanged", "include", "include_relative", "increment", "liquid", "raw", "render",
            "tablerow", "unless", "highlight", "link", "post_url", "seo", "feed_meta", "gist");
    /** Tags inside a block, said with the tag that opens it. */
    private static final Set<String> INNER = Set.of("else", "elsif", "when", "break", "continue");
    /** Blocks whose content is no Liquid of the page's: said once, with their end tag. */
    private static final Set<String> WHOLE = Set.of("raw", "comment", "highlight");
    /**
     * Jekyll's variables: their keys are in lower case ({@code site.title}); Hugo's are capitalised
     * ({@code {{ site.Title }}}, which Hugo prints as it is in a page's text), and are no Liquid.
     */
    private static final Pattern JEKYLL_VARIABLE = Pattern.compile(
            "(?:site|page|paginator|layout|include|jekyll)\\s*(?:\\.\\s*[a-z_]|\\[).*", Pattern.DOTALL);
    /** Filters of Jekyll's, and of Liquid's that other template languages name otherwise. */
    private static final Pattern JEKYLL_FILTER = Pattern.compile("\\|\\s*(?:relative_url|absolute_url|markdownify"
            + "|jsonify|slugify|smartify|xml_escape|cgi_escape|uri_escape|date_to_xmlschema|date_to_rfc822"
            + "|date_to_string|date_to_long_string|number_of_words|array_to_sentence_string|where_exp|group_by_exp"
            + "|normalize_whitespace|sassify|scssify|upcase|downcase|strip_html|newline_to_br|truncatewords)\\b");
    private static final Pattern SITE_URL = Pattern.compile("site\\.(url|baseurl)");
    private static final Pattern BASEURL_AFTER = Pattern.compile("\\{\\{-?\\s*site\\.baseurl\\s*-?}}");
    private static final Pattern URL_FILTER = Pattern.compile(
            "(['\"])(.*?)\\1\\s*\\|\\s*(relative_url|absolute_url)", Pattern.DOTALL);
    /** The path after {@code {{ site.baseurl }}}, up to where a link's URL or an attribute's value ends. */
    private static final Pattern PATH_AFTER = Pattern.compile("/[^\\s)\"'<>\\]]*");
    private static final String SHOW = "; to show it as written, make it code or write its { as &#123;";

    private Liquid() {}

    /** A piece of Liquid at {@code start}..{@code end} of the text: a tag's name and markup, or an object's expression. */
    private record Piece(int start, int end, String tag, String inside) {}

    /**
     * Whether {@code text} may hold Liquid, or a Hugo shortcode: a {@code {{} or a {@code {%}. Only then is it looked
     * at closely. One pass for a brace: every page of a build is asked, and two searches for two strings each read
     * the whole text.
     */
    static boolean mayHave(String text) {
        for (int i = text.indexOf('{'); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
            char next = text.charAt(i + 1);
            if (next == '{' || next == '%') {
                return true;
            }
        }
        return false;
    }

    /** Throws the Liquid of the HTML page {@code html} outside its code elements and comments as {@link BodyProblems}. */
    public static void refuseInHtml(String html, SiteUrls urls) {
        List<BodyProblems.At> found = find(html, once(() -> ShownAsWritten.inHtml(html)), urls, false);
        if (!found.isEmpty()) {
            throw new BodyProblems(found);
        }
    }

    /**
     * The offsets of {@code html}, an HTML page, where a piece of Liquid starts that Kiln's build would report, or
     * would once a block around it were gone: what {@code kiln import jekyll} writes with {@code &#123;} where a
     * {@code {% raw %}} showed it as text.
     */
    public static BitSet startsInHtml(String html) {
        return starts(html, once(() -> ShownAsWritten.inHtml(html)), false);
    }

    /** {@code offsets}, computed when first asked for and then kept: a page without Liquid never parses its HTML. */
    static Supplier<BitSet> once(Supplier<BitSet> offsets) {
        BitSet[] kept = new BitSet[1];
        return () -> kept[0] != null ? kept[0] : (kept[0] = offsets.get());
    }

    /** As {@link #startsInHtml}, of a Markdown text whose offsets shown as written are {@code shown}. */
    static BitSet starts(String text, Supplier<BitSet> shown, boolean markdown) {
        BitSet starts = new BitSet();
        if (!mayHave(text)) {
            return starts;
        }
        for (int at = text.indexOf('{'); at >= 0 && at + 1 < text.length(); at = text.indexOf('{', at + 1)) {
            char next = text.charAt(at + 1);
            Piece piece = next == '%' ? tag(text, at) : next == '{' ? object(text, at) : null;
            if (piece != null && !(markdown && at > 0 && text.charAt(at - 1) == '\\') && !shown.get().get(at)
                    && (piece.tag() == null || !INNER.contains(piece.tag()) && !piece.tag().startsWith("end"))) {
                starts.set(at);
            }
        }
        return starts;
    }

    /**
     * The Liquid of {@code text} where it is not shown as written ({@code shown}, asked for only when Liquid is
     * there), each with what to write instead; {@code markdown} when a backslash before a brace escapes it.
     */
    static List<BodyProblems.At> find(String text, Supplier<BitSet> shown, SiteUrls urls, boolean markdown) {
        List<BodyProblems.At> found = new ArrayList<>();
        if (!mayHave(text)) {
            return found;
        }
        int from = 0;
        while (from < text.length()) {
            int tag = text.indexOf("{%", from);
            int object = text.indexOf("{{", from);
            if (tag < 0 && object < 0) {
                break;
            }
            int at = tag < 0 || object >= 0 && object < tag ? object : tag;
            Piece piece = at == tag ? tag(text, at) : object(text, at);
            if (piece == null || markdown && at > 0 && text.charAt(at - 1) == '\\' || shown.get().get(at)) {
                from = at + 2;
                continue;
            }
            from = piece.end();
            if (piece.tag() == null) {
                Matcher pair = BASEURL_AFTER.matcher(text).region(piece.end(), text.length());
                boolean withBaseurl = piece.inside().equals("site.url") && pair.lookingAt();
                int end = withBaseurl ? pair.end() : piece.end();
                String written = oneLine(text.substring(at, end));
                found.add(new BodyProblems.At(at, "Liquid " + written + ": Kiln runs no Liquid and would print it as "
                        + "text; " + objectAdvice(piece.inside(), text, end) + SHOW));
                from = end;
            } else if (!INNER.contains(piece.tag()) && !piece.tag().startsWith("end")) {
                int end = WHOLE.contains(piece.tag()) ? endTag(text, piece) : -1;
                found.add(new BodyProblems.At(at, "Liquid " + oneLine(text.substring(at, piece.end())) + ": Kiln runs "
                        + "no Liquid and would print it as text; " + tagAdvice(piece, text, urls)));
                from = Math.max(from, end);
            }
        }
        return found;
    }

    /** The tag at {@code at} of {@code text} when it is one of Liquid's or Jekyll's, else null. */
    private static Piece tag(String text, int at) {
        if (at > 0 && text.charAt(at - 1) == '{') {
            return null; // Hugo's {{% shortcode %}}, said as one
        }
        Matcher m = TAG.matcher(text).region(at, text.length());
        if (!m.lookingAt() || !(TAGS.contains(m.group(1)) || INNER.contains(m.group(1))
                || m.group(1).startsWith("end") && TAGS.contains(m.group(1).substring(3)))) {
            return null;
        }
        int close = closer(text, at, "%}", "{%");
        if (close < 0) {
            return null;
        }
        String markup = text.substring(m.end(), close).strip();
        return new Piece(at, close + 2, m.group(1), markup.endsWith("-") ? markup.substring(0, markup.length() - 1)
                .strip() : markup);
    }

    /** The object at {@code at} of {@code text} when it is Jekyll's ({@link Liquid}), else null. */
    private static Piece object(String text, int at) {
        int close = closer(text, at, "}}", "{{");
        if (close < 0) {
            return null;
        }
        String inside = text.substring(at + 2, close).strip();
        inside = inside.replaceFirst("^-\\s*", "").replaceFirst("\\s*-$", "");
        boolean jekylls = JEKYLL_VARIABLE.matcher(inside).matches() || JEKYLL_FILTER.matcher(inside).find();
        return jekylls ? new Piece(at, close + 2, null, inside) : null;
    }

    /** Where {@code close} ends the piece opened at {@code at}, or -1 when it is too far or another piece opens first. */
    private static int closer(String text, int at, String close, String open) {
        int end = text.indexOf(close, at + 2);
        int next = text.indexOf(open, at + 2);
        return end < 0 || end - at > LONGEST || next >= 0 && next < end ? -1 : end;
    }

    /** The end of the {@code {% endNAME %}} of the block {@code piece} opens, or -1 when it has none. */
    private static int endTag(String text, Piece piece) {
        Matcher end = Pattern.compile("\\{%-?\\s*end" + piece.tag() + "\\s*-?%}").matcher(text)
                .region(piece.end(), text.length());
        return end.find() ? end.end() : -1;
    }

    /** What to write in place of the object {@code expression} that ends at {@code end} of {@code text}. */
    private static String objectAdvice(String expression, String text, int end) {
        Matcher m;
        if ((m = SITE_URL.matcher(expression)).matches()) {
            Matcher path = PATH_AFTER.matcher(text).region(end, text.length());
            String after = path.lookingAt() ? path.group() : null;
            return "write the path from the site root" + (after != null ? ", " + after : " (/about/)")
                    + ": Kiln adds site.yml's base path to it";
        }
        if ((m = URL_FILTER.matcher(expression)).matches()) {
            String url = m.group(2);
            boolean full = url.matches("(?i)[a-z][a-z0-9+.-]*:.*");
            return "write " + (full ? url : url.startsWith("/") ? url : "/" + url) + " as it is"
                    + (full ? "" : ", the path from the site root: Kiln adds site.yml's base path to it");
        }
        return "write its value in its place (a value every page shows belongs in a layout, layouts/*.peb, "
                + "which reads page and site values); kiln import jekyll converts a whole Jekyll site";
    }

    /** What to write in place of the tag {@code piece} of {@code text}. */
    private static String tagAdvice(Piece piece, String text, SiteUrls urls) {
        String first = piece.inside().isEmpty() ? "" : piece.inside().split("\\s+", 2)[0];
        String end = "{% end" + piece.tag() + " %}";
        boolean ended = text.indexOf("end" + piece.tag(), piece.end()) >= 0;
        return switch (piece.tag()) {
            case "post_url" -> {
                String url = urls.post(first);
                yield (url != null ? "write the post's URL in its place, " + url
                        : "write the URL of the post " + first + " in its place (this build publishes no post of that "
                        + "name; kiln check reports a link to no page)") + SHOW;
            }
            case "link" -> {
                String url = urls.file(first);
                yield (url != null ? "write the URL of " + first + " in its place, " + url
                        : "write the URL " + first + " is published at (this build publishes no file of that name; "
                        + "kiln check reports a link to no page)") + SHOW;
            }
            case "highlight" -> "write the code as a fenced code block: ```" + first + " on a line of its own in place "
                    + "of {% highlight" + (first.isEmpty() ? "" : " " + first) + " %}, and ``` in place of " + end
                    + (first.isEmpty() ? " (name its language after ``` to have it highlighted)" : "")
                    + (piece.inside().contains(" ") ? " (Kiln numbers and marks no lines: its options go)" : "")
                    + SHOW;
            case "raw" -> "Kiln needs no {% raw %}: remove it and its {% endraw %}, and show the Liquid it holds as "
                    + "code or with its first { written &#123; (else Kiln reports it)";
            case "comment" -> "write an HTML comment, <!-- in place of {% comment %} and --> in place of "
                    + "{% endcomment %}" + SHOW;
            case "include" -> "write the HTML or Markdown of _includes/" + first + " in its place (Kiln's pages have "
                    + "no includes; what every page shows belongs in a layout: layouts/partials/)" + SHOW;
            case "include_relative" -> "write the text of " + first + ", which Jekyll read from the folder of the "
                    + "page's file, in its place (Kiln's pages have no includes)" + SHOW;
            case "if", "unless", "case", "ifchanged" -> "Kiln's pages have no conditions: keep the text to show and "
                    + "remove the tags" + (ended ? ", up to its " + end : "") + " (a layout, layouts/*.peb, can decide "
                    + "with Pebble's {% if %})" + SHOW;
            case "for", "tablerow" -> "Kiln's pages have no loops: write out what it would list" + (ended
                    ? ", up to its " + end : "") + " (Kiln makes the post list, the tag pages and the archive itself; "
                    + "a layout, layouts/*.peb, can loop with Pebble's {% for %})" + SHOW;
            case "assign", "capture", "increment", "decrement" -> "Kiln's pages have no variables: write the value "
                    + "where it is shown (a value of your own goes in the front matter, which layouts read as "
                    + "page.params.KEY)" + SHOW;
            default -> "write what it stood for in its place; kiln import jekyll converts a whole Jekyll site" + SHOW;
        };
    }

    /** {@code liquid} on one line, cut short when long. */
    private static String oneLine(String liquid) {
        String s = liquid.replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
