package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the Liquid a Kiln site can do without (site URLs, {@code relative_url}, {@code post_url}, {@code link},
 * {@code highlight}, {@code raw}, plain-HTML includes) and records, with its line, every piece it leaves as it is.
 */
public final class LiquidConverter {

    /** What the converter needs to know: the site's URL and base URL, posts by name, files by path, includes. */
    public record Context(String url, String baseurl, Map<String, String> postUrls, Map<String, String> linkUrls,
                          Map<String, String> includes) {}

    /** A piece of Liquid left in a file, at {@code path:line}. */
    public record Leftover(String path, int line, String liquid) {
        @Override
        public String toString() {
            return path + ":" + line + ": " + liquid;
        }
    }

    /** A converted text, how many pieces of Liquid were converted, and those left. */
    public record Result(String text, int converted, List<Leftover> leftovers) {}

    /** Any Liquid output or tag: {@code {{ ... }}}, {@code {% ... %}}. */
    static final Pattern TAG = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "\\{%-?\\s*raw\\s*-?%}(.*?)\\{%-?\\s*endraw\\s*-?%}"
                    + "|\\{%-?\\s*highlight\\s+([^\\s%]+)([^%]*?)-?%}[ \\t]*\\r?\\n?(.*?)\\{%-?\\s*endhighlight\\s*-?%}"
                    + "|\\{\\{-?\\s*site\\.url\\s*-?}}\\s*\\{\\{-?\\s*site\\.baseurl\\s*-?}}"
                    + "|" + TAG.pattern(),
            Pattern.DOTALL);
    private static final Pattern FILTERED = Pattern.compile(
            "\\{\\{-?\\s*(['\"])(.*?)\\1\\s*\\|\\s*(relative_url|absolute_url)\\s*-?}}");
    private static final Pattern SITE_VAR = Pattern.compile("\\{\\{-?\\s*site\\.(url|baseurl)\\s*-?}}");
    private static final Pattern POST_URL = Pattern.compile("\\{%-?\\s*post_url\\s+(\\S+)\\s*-?%}");
    private static final Pattern LINK = Pattern.compile("\\{%-?\\s*link\\s+(\\S+)\\s*-?%}");
    private static final Pattern INCLUDE = Pattern.compile("\\{%-?\\s*include\\s+(\\S+)((?:\\s+\\w+=(?:\"[^\"]*\"|'[^']*'|\\S+))*)\\s*-?%}");

    private final Context context;

    public LiquidConverter(Context context) {
        this.context = context;
    }

    /** Converts {@code body} of the file {@code path}, whose first line is line {@code firstLine} of that file. */
    public Result convert(String path, String body, int firstLine) {
        Matcher m = TOKEN.matcher(body);
        StringBuilder out = new StringBuilder();
        List<Leftover> left = new ArrayList<>();
        int converted = 0;
        int lineAt = firstLine;
        int counted = 0;
        while (m.find()) {
            lineAt += newlines(body, counted, m.start());
            counted = m.start();
            String replacement = replacement(m, indentBefore(body, m.start()));
            if (replacement == null) {
                left.add(new Leftover(path, lineAt, oneLine(m.group())));
                replacement = m.group();
            } else {
                converted++;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Result(out.toString(), converted, left);
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

    /** What replaces the Liquid of {@code m}, which stands after {@code indent} on its line; null to leave it. */
    private String replacement(Matcher m, String indent) {
        if (m.group(1) != null) {
            return m.group(1);
        }
        if (m.group(2) != null) {
            // The fence closes at the indentation it opens at (a code block in a list item stays in it); the
            // white space before {% endhighlight %} is that indentation, not code.
            String code = m.group(4);
            int lastLine = code.lastIndexOf('\n') + 1;
            if (code.substring(lastLine).isBlank()) {
                code = code.substring(0, lastLine);
            }
            code = code.isEmpty() || code.endsWith("\n") ? code : code + "\n";
            String fence = "```";
            while (code.contains(fence)) {
                fence += "`";
            }
            return fence + m.group(2) + "\n" + code + indent + fence;
        }
        String token = m.group();
        if (token.matches("(?s)\\{\\{-?\\s*site\\.url.*")) {
            if (token.contains("site.baseurl")) {
                return context.url() + context.baseurl();
            }
        }
        Matcher x;
        if ((x = SITE_VAR.matcher(token)).matches()) {
            // Kiln puts the base path in front of every root-relative URL itself.
            return x.group(1).equals("url") ? context.url() : "";
        }
        if ((x = FILTERED.matcher(token)).matches()) {
            String target = x.group(2);
            if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                return target;
            }
            String rooted = target.startsWith("/") ? target : "/" + target;
            return x.group(3).equals("relative_url") ? rooted : context.url() + context.baseurl() + rooted;
        }
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
