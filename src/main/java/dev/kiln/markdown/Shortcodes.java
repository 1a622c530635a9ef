package dev.kiln.markdown;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's shortcodes left in a post ({@code {{< figure src="x.png" >}}}, {@code {{% notice %}}}): Kiln has none, and
 * printed them as text (the code of a {@code highlight} with typographic quotes). Each one outside Markdown's code
 * is a problem at its {@code {{}, saying what to write instead. Code spans and blocks show them as written (a post
 * about Hugo), and so do raw HTML's code elements ({@code <pre>}, {@code <code>}, {@code <script>}, {@code <style>},
 * {@code <textarea>}: an author documenting Hugo shows them there, though Hugo expanded them); other raw HTML does not
 * hide them, as Hugo expanded them there too; HTML comments do (nothing is shown).
 */
final class Shortcodes {

    /**
     * The opening of a shortcode: {@code {{<} or {@code {{%}, Hugo's escape {@code /*} (a shortcode shown as text),
     * a {@code /} for a closing one, and its name.
     */
    private static final Pattern OPEN = Pattern.compile("\\{\\{([<%])\\s*(/\\*)?\\s*(/)?\\s*([A-Za-z0-9_][\\w./-]*)");
    /** A parameter: {@code name=value} or a value alone; a value quoted with {@code "} or {@code `}, or bare. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|[^\\s\"`]+)");
    /** How far a shortcode's closing {@code >}}} may be: its parameters may span lines, not pages. */
    private static final int LONGEST = 4_000;

    private Shortcodes() {}

    /** Whether {@code markdown} may hold a shortcode: only then is its parsed document walked. */
    static boolean mayHave(String markdown) {
        for (int i = markdown.indexOf("{{"); i >= 0 && i + 2 < markdown.length(); i = markdown.indexOf("{{", i + 1)) {
            char next = markdown.charAt(i + 2);
            if (next == '<' || next == '%') {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortcodes of {@code markdown} outside code, each with what to write instead; {@code shown} gives the
     * offsets of {@code markdown} shown as written ({@link ShownAsWritten}), asked for only when a shortcode is there;
     * {@code urls} names the URL a {@code ref} stands for; {@code renderer} renders a figure's caption.
     */
    static List<BodyProblems.At> find(String markdown, Supplier<BitSet> shown, SiteUrls urls, MarkdownRenderer renderer) {
        List<BodyProblems.At> found = new ArrayList<>();
        if (!mayHave(markdown)) {
            return found;
        }
        Matcher open = OPEN.matcher(markdown);
        int from = 0;
        while (from < markdown.length() && open.find(from)) {
            from = open.end();
            int start = open.start();
            boolean angle = open.group(1).equals("<");
            String closer = (open.group(2) != null ? "*/" : "") + (angle ? ">}}" : "%}}");
            int end = markdown.indexOf(closer, open.end());
            int next = markdown.indexOf("{{", open.end());
            if (end < 0 || end - start > LONGEST || next >= 0 && next < end
                    || start > 0 && markdown.charAt(start - 1) == '\\') {
                continue; // not a shortcode (it is closed by none of its own), or one escaped for Markdown: \{{< x >}}
            }
            if (shown.get().get(start)) {
                continue;
            }
            from = end + closer.length();
            String name = open.group(4);
            String parameters = markdown.substring(open.end(), end).strip();
            if (open.group(2) != null) {
                found.add(new BodyProblems.At(start, escaped(markdown.substring(start, from), angle)));
            } else if (open.group(3) == null) { // a closing {{< /x >}} is said with its opening one
                found.add(new BodyProblems.At(start, said(name, angle, parameters(parameters), markdown, start, from,
                        urls, renderer)));
            }
        }
        return found;
    }

    /** A shortcode's parameters: named ones by name, positional ones by their place ("0", "1"...), unquoted. */
    static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(text);
        int position = 0;
        while (m.find()) {
            String value = m.group(2);
            if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("`"))) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
            }
            parameters.putIfAbsent(m.group(1) != null ? m.group(1) : String.valueOf(position++), value);
        }
        return parameters;
    }

    /** What a shortcode {@code name} is, and what to write instead. */
    private static String said(String name, boolean angle, Map<String, String> parameters, String markdown, int at,
                               int after, SiteUrls urls, MarkdownRenderer renderer) {
        String shown = angle ? "{{< " + name + " >}}" : "{{% " + name + " %}}";
        String what = "Hugo shortcode " + shown + ": Kiln has no shortcodes and would print it as text; ";
        return what + switch (name) {
            case "figure" -> figure(parameters, renderer);
            case "highlight" -> {
                String language = parameters.getOrDefault("0", "");
                String options = parameters.getOrDefault("1", "");
                // Its linenos carries over to the fence; hl_lines, linenostart and the like have no counterpart.
                boolean numbered = FenceOptions.optionsAskForLineNumbers(options);
                boolean others = !options.replaceAll("(?i)\\blinenos(=\\w*)?", "").replaceAll("[\\s,]", "").isEmpty();
                yield "write the code as a fenced code block: ```" + language + (numbered ? " linenos" : "")
                        + " on a line of its own in place of "
                        + shown.replace(name, name + (language.isEmpty() ? "" : " " + language))
                        + ", and ``` in place of " + closing(name, angle) + (language.isEmpty()
                        ? " (name its language after ``` to have it highlighted)" : "")
                        + (others ? " (Kiln marks no lines: its " + (numbered ? "other " : "") + "options go)" : "")
                        + inList(markdown, at);
            }
            case "ref", "relref" -> ref(parameters.getOrDefault("0", parameters.get("path")), urls);
            case "youtube", "vimeo", "gist", "tweet" -> {
                String embed = embed(name, parameters);
                yield embed != null ? "write the HTML Hugo's " + name + " wrote in its place: " + embed
                        : "write the HTML or Markdown it stood for in its place";
            }
            default -> {
                yield "write the HTML or Markdown it stood for in its place" + (paired(name, markdown, after)
                        ? ", up to its " + closing(name, angle) : "");
            }
        };
    }

    private static final Pattern LIST_ITEM = Pattern.compile("([ \\t]*(?:[-*+]|\\d{1,9}[.)]))([ \\t]+)\\S.*");

    /**
     * For a shortcode at {@code at} of {@code markdown} inside a list (the closest line above that is not blank is a
     * list item, or a line indented below one; earlier shortcodes and their code passed over), how to keep its fenced code in the item: fences at the line's start
     * end the list (one list became six, and the next nested item an indented code block shown as Markdown), where
     * Hugo kept the code inside the item. Empty outside a list. Right under a blank line the shortcode's line is in an
     * item only when indented to the item's text: less indented, it ends the list in Hugo too (until 2026-12-07 such a
     * shortcode was said to sit in the list, and the advice moved its code into the last item).
     */
    static String inList(String markdown, int at) {
        int lineStart = markdown.lastIndexOf('\n', at - 1) + 1;
        int end = lineStart - 1; // the '\n' before the shortcode's line
        int indent = Integer.MAX_VALUE; // the least of the item's continuation lines seen: the item holds them
        int above = markdown.lastIndexOf('\n', end - 1) + 1;
        if (end > 0 && markdown.substring(above, end).isBlank()) { // no lazy continuation: the line must be held
            String line = markdown.substring(lineStart, at);
            indent = line.length() - line.stripLeading().length();
        }
        boolean inShortcode = false;
        while (end > 0) {
            int start = markdown.lastIndexOf('\n', end - 1) + 1;
            String line = markdown.substring(start, end).replace("\r", "");
            end = start - 1;
            if (line.isBlank()) {
                continue;
            }
            String stripped = line.strip();
            if (inShortcode) { // an earlier shortcode's code, at the line's start as Hugo took it, inside the item
                inShortcode = !(stripped.startsWith("{{<") || stripped.startsWith("{{%"));
                continue;
            }
            if (stripped.startsWith("{{<") || stripped.startsWith("{{%")) {
                inShortcode = stripped.matches("\\{\\{[<%]\\s*/.*");
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            int column = item.matches()
                    ? item.group(1).length() + (item.group(2).length() > 4 ? 1 : item.group(2).length()) : -1;
            if (column >= 0 && column <= indent) {
                return "; it sits in a list, where a fence at the line's start ends the list: indent the two fences"
                        + " and the code between them by " + column + " spaces, to the list item's text, to keep"
                        + " the code in the item as Hugo did";
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                return "";
            }
            if (column < 0) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        return "";
    }

    /**
     * Hugo's ref to {@code target} ({@code other.md}, {@code posts/other.md#part}): the URL of the page it names, when
     * {@code urls} knows the site's; else that no page or several have that name.
     */
    private static String ref(String target, SiteUrls urls) {
        if (target == null) {
            target = "";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash);
        if (path.isBlank() && !anchor.isEmpty()) {
            return "write " + anchor + " in its place (a link to that heading of this page)";
        }
        Map<String, String> pages = path.isBlank() ? null : urls.pages(path);
        String page = "the page" + (path.isBlank() ? "" : " " + target);
        if (pages == null) { // a renderer that knows no site: an example, said as one
            return "write the URL of " + page + " in its place, as a Markdown link to it: for a page "
                    + "published at /posts/other/, [text](/posts/other/) (its permalink, which its front matter or "
                    + "site.yml's permalink decides; kiln check reports a link to no page)";
        }
        if (pages.isEmpty()) {
            return "write the URL of " + page + " in its place (this build publishes no page of that name, as a path "
                    + "from content/ or its end, like posts/other.md or other.md; kiln check reports a link to no page)";
        }
        if (pages.size() == 1) {
            Map.Entry<String, String> only = pages.entrySet().iterator().next();
            return "write the URL of " + page + " in its place, " + only.getValue() + anchor + " (" + only.getKey() + ")";
        }
        List<String> each = new ArrayList<>();
        pages.forEach((source, url) -> each.add(source + " at " + url + anchor));
        return "write the URL of " + page + " in its place: " + pages.size() + " pages have that name, "
                + String.join(", ", each);
    }

    /**
     * Whether the shortcode {@code name} ending at {@code after} of {@code markdown} has a closing one: the next
     * shortcode of that name is its {@code {{< /name >}}} (until 2026-12-07 any later "/name" was taken for one, a URL's
     * {@code /icons/} too, and the message sent the author looking for an end that was not there).
     */
    private static boolean paired(String name, String markdown, int after) {
        Matcher tag = Pattern.compile("\\{\\{[<%]\\s*(/)?\\s*" + Pattern.quote(name) + "(?![\\w./-])").matcher(markdown);
        return tag.find(after) && tag.group(1) != null;
    }

    private static String closing(String name, boolean angle) {
        return angle ? "{{< /" + name + " >}}" : "{{% /" + name + " %}}";
    }

    /**
     * Hugo's figure: an image, with a caption when it has one. Hugo renders the caption's Markdown
     * ({@code markdownify}), and its alt is the caption as plain text: so does the HTML said here, a link in the caption
     * an {@code <a>} (until 2026-12-07 its Markdown was said as text, which the page then showed).
     */
    private static String figure(Map<String, String> parameters, MarkdownRenderer renderer) {
        String src = parameters.getOrDefault("src", "image.png");
        String caption = parameters.getOrDefault("caption", parameters.get("title"));
        String alt = parameters.getOrDefault("alt", caption != null ? caption : "what it shows");
        String markdownImage = "![" + alt + "](" + src + ")";
        if (caption == null) {
            return "write the image in Markdown, " + markdownImage + ", or as an <img> in HTML";
        }
        String plainAlt = parameters.containsKey("alt") ? alt : renderer.plainText(caption);
        return "write the image in Markdown, " + markdownImage + ", or, to keep its caption, as HTML: <figure><img src=\""
                + src + "\" alt=\"" + attribute(plainAlt) + "\"><figcaption>" + renderer.inlineHtml(caption)
                + "</figcaption></figure>";
    }

    private static final String FRAME_BOX = "position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;";
    private static final String FRAME = "position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;";

    /**
     * The HTML of Hugo's (0.111) built-in embed {@code name} with these parameters, as its template wrote it, on one
     * line; null without the id it needs (until 2026-12-07 the message said only to write the HTML it stood for, and
     * the author had to find Hugo's template). A tweet's text Hugo fetched from Twitter: Twitter's script shows it.
     */
    private static String embed(String name, Map<String, String> p) {
        boolean named = !p.containsKey("0");
        switch (name) {
            case "youtube" -> {
                String id = p.getOrDefault("id", p.get("0"));
                if (id == null) {
                    return null;
                }
                String cls = p.getOrDefault("class", p.get("1"));
                return box(cls) + "<iframe src=\"https://www.youtube.com/embed/" + attribute(id)
                        + ("true".equals(p.get("autoplay")) ? "?autoplay=1" : "") + "\" "
                        + (cls == null ? "style=\"" + FRAME + "\" " : "") + "allowfullscreen title=\""
                        + attribute(p.getOrDefault("title", "YouTube Video")) + "\"></iframe></div> (with Hugo's "
                        + "privacy.youTube.privacyEnhanced, www.youtube-nocookie.com in place of www.youtube.com)";
            }
            case "vimeo" -> {
                String id = named ? p.get("id") : p.get("0");
                if (id == null) {
                    return null;
                }
                String cls = named ? p.get("class") : p.get("1");
                String title = named ? p.get("title") : p.get("2");
                return box(cls) + "<iframe src=\"https://player.vimeo.com/video/" + attribute(id) + "\" "
                        + (cls == null ? "style=\"" + FRAME + "\" " : "") + "title=\""
                        + attribute(title != null ? title : "vimeo video")
                        + "\" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe></div>";
            }
            case "gist" -> {
                if (!p.containsKey("1")) {
                    return null;
                }
                return "<script type=\"application/javascript\" src=\"https://gist.github.com/" + attribute(p.get("0"))
                        + "/" + attribute(p.get("1")) + ".js" + (p.containsKey("2") ? "?file=" + attribute(p.get("2")) : "")
                        + "\"></script>";
            }
            default -> { // tweet: {{< tweet user="u" id="1" >}}, {{< tweet u 1 >}} or {{< tweet 1 >}} (user x, as Hugo)
                String id = named ? p.get("id") : p.getOrDefault("1", p.get("0"));
                String user = named ? p.get("user") : p.containsKey("1") ? p.get("0") : "x";
                if (id == null || user == null) {
                    return null;
                }
                return "<blockquote class=\"twitter-tweet\"><a href=\"https://twitter.com/" + attribute(user)
                        + "/status/" + attribute(id) + "\"></a></blockquote><script async "
                        + "src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script> (Twitter's script "
                        + "shows the tweet there, as in Hugo's embed)";
            }
        }
    }

    /** The box of Hugo's video embeds: a class of the author's, else a 16:9 box the frame fills. */
    private static String box(String cls) {
        return cls != null ? "<div class=\"" + attribute(cls) + "\">" : "<div style=\"" + FRAME_BOX + "\">";
    }

    /** {@code text} escaped for an attribute's value in double quotes. */
    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Hugo's escaped shortcode (a comment inside the brackets): Hugo showed the shortcode; Kiln shows it as written. */
    private static String escaped(String written, boolean angle) {
        String meant = written.replaceFirst("^\\{\\{([<%])\\s*/\\*", "{{$1").replaceFirst("\\*/\\s*([>%])}}$", "$1}}");
        return "Hugo's escaped shortcode " + written + " would be printed as written, comment marks and all: Kiln has "
                + "no shortcodes, so show " + meant + " as code, `" + meant + "` (or write \\" + meant + ")";
    }
}
