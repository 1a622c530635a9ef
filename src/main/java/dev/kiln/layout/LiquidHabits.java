package dev.kiln.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * What Jekyll's layouts write in Liquid, said in Pebble: Kiln's authors come from Jekyll, and Pebble's words for a
 * Liquid filter, tag or way of writing ("there is no filter 'upcase'", "Unexpected token of value ':'") do not say
 * what to write instead. Every replacement named here is a filter, test or tag of Kiln's Pebble; where Kiln has
 * nothing like Liquid's, it says so.
 */
final class LiquidHabits {

    private static final String THEIRS = " is Liquid's (Jekyll's)";
    private static final String NO_ARITHMETIC = ", and Pebble writes arithmetic with operators: ";

    /** Liquid's filters that Pebble has none by the name of, and what to write instead (after "'name' is Liquid's"). */
    private static final Map<String, String> FILTERS = Map.ofEntries(
            entry("upcase", ": write | upper"),
            entry("downcase", ": write | lower"),
            entry("strip", ": write | trim"),
            entry("lstrip", ": write | trim (which trims both ends)"),
            entry("rstrip", ": write | trim (which trims both ends)"),
            entry("size", ": write | length"),
            entry("truncate", ": write | abbreviate(50), whose length counts its \"...\" as truncate's does"),
            entry("truncatewords", ", and Kiln has no filter that cuts text at a number of words: | abbreviate(150) cuts "
                    + "it at a number of characters, \"...\" included"),
            entry("strip_html", ", and Kiln has no filter that removes HTML tags: a page's description "
                    + "(page.description, post.description) is text; page.content and post.excerpt are HTML, printed "
                    + "with | raw"),
            entry("date_to_string", ": write | date(\"dd MMM yyyy\") (07 Nov 2008, as Jekyll prints it)"),
            entry("date_to_long_string", ": write | date(\"dd MMMM yyyy\") (07 November 2008, as Jekyll prints it)"),
            entry("date_to_rfc822", ": write | date(\"EEE, dd MMM yyyy HH:mm:ss Z\")"),
            entry("date_to_xmlschema", ": write | xmlschema"),
            entry("jsonify", ": Kiln's json writes a text as a JSON string (print it with | raw: {{ page.title | json "
                    + "| raw }}), but not a list or a map as JSON"),
            entry("prepend", ": Pebble joins text with ~, \"text\" ~ page.title"),
            entry("append", ": Pebble joins text with ~, page.title ~ \"text\""),
            entry("where", ", and Kiln has no filter that picks the items of a list: loop over it and test each, "
                    + "{% for p in posts %}{% if p.params.featured is not null %}...{% endif %}{% endfor %}"),
            entry("where_exp", ", and Kiln has no filter that picks the items of a list: loop over it and test each, "
                    + "{% for p in posts %}{% if p.params.featured is not null %}...{% endif %}{% endfor %}"),
            entry("uniq", ", and Kiln has no filter that removes repeated items"),
            entry("map", ", and Kiln has no filter that takes one key of every item: loop over the list and print it, "
                    + "{% for t in page.tags %}{{ t.name }}{% endfor %}"),
            entry("group_by", ", and Kiln has no filter that groups a list: the archive layout gets the posts by year "
                    + "and month (archive: year, months: month, name, posts)"),
            entry("group_by_exp", ", and Kiln has no filter that groups a list: the archive layout gets the posts by "
                    + "year and month (archive: year, months: month, name, posts)"),
            entry("markdownify", ", and Kiln renders Markdown in content files only: page.content is a page's text "
                    + "rendered, printed with | raw"),
            entry("number_of_words", ": a page's number of words is page.word_count (and page.reading_time its "
                    + "minutes)"),
            entry("escape_once", ": Kiln escapes every value once already (auto-escaping): print it as it is, "
                    + "{{ page.title }}"),
            entry("xml_escape", ": Kiln escapes every value once already (auto-escaping): print it as it is, "
                    + "{{ page.title }}"),
            entry("url_encode", ": write | urlencode"),
            entry("cgi_escape", ": write | urlencode"),
            entry("uri_escape", ": write | urlencode"),
            entry("array_to_sentence_string", ": write | join(\", \")"),
            entry("remove", ": write | replace({\"text\": \"\"})"),
            entry("plus", NO_ARITHMETIC + "loop.index + 1"),
            entry("minus", NO_ARITHMETIC + "paginator.page - 1"),
            entry("times", NO_ARITHMETIC + "page.reading_time * 60"),
            entry("divided_by", NO_ARITHMETIC + "page.word_count / 200"),
            entry("modulo", NO_ARITHMETIC + "loop.index % 2, or test it: loop.index is even"));

    /** Liquid's tags that Pebble has none by the name of, and what to write instead (after "'name' is Liquid's"). */
    private static final Map<String, String> TAGS = Map.ofEntries(
            entry("assign", ": write {% set name = value %}"),
            entry("elsif", ": write {% elseif ... %}"),
            entry("unless", ": write {% if not (...) %}, ended by {% endif %}"),
            entry("endunless", ": write {% endif %}, and {% if not (...) %} where it opens"),
            entry("capture", ", and Pebble has no capture: build the text with ~ in a set, {% set title = \"Posts "
                    + "about \" ~ tag.name %}, or write it in a {% macro %} and call that"),
            entry("endcapture", ", and Pebble has no capture: build the text with ~ in a set, {% set title = \"Posts "
                    + "about \" ~ tag.name %}, or write it in a {% macro %} and call that"),
            entry("comment", ": write the comment between {# and #}"),
            entry("endcomment", ": write the comment between {# and #}"),
            entry("raw", ": write {% verbatim %}...{% endverbatim %}"),
            entry("endraw", ": write {% verbatim %}...{% endverbatim %}"),
            entry("case", ": write {% if x == \"a\" %}...{% elseif x == \"b\" %}...{% else %}...{% endif %}"),
            entry("when", ": write {% if x == \"a\" %}...{% elseif x == \"b\" %}...{% else %}...{% endif %}"),
            entry("endcase", ": write {% if x == \"a\" %}...{% elseif x == \"b\" %}...{% else %}...{% endif %}"),
            entry("increment", ", and Pebble has no counters: in a {% for %}, loop.index counts from 0; elsewhere "
                    + "{% set n = n + 1 %}"),
            entry("decrement", ", and Pebble has no counters: in a {% for %}, loop.revindex counts down to 0; "
                    + "elsewhere {% set n = n - 1 %}"),
            entry("cycle", ": in a {% for %}, write {{ loop.index is even ? \"first\" : \"second\" }} (loop.index "
                    + "counts from 0)"),
            entry("tablerow", ", and Pebble has no tablerow: write the rows with a {% for %}"),
            entry("endtablerow", ", and Pebble has no tablerow: write the rows with a {% for %}"),
            entry("break", ", and Pebble cannot leave a {% for %}: test the items to print with {% if %} "
                    + "({% if loop.index < 5 %} for the first five)"),
            entry("continue", ", and Pebble has no continue: test the items to print with {% if %}"),
            entry("highlight", ", and Kiln highlights code in a post's Markdown: write it there as a fenced block "
                    + "(```ruby)"),
            entry("endhighlight", ", and Kiln highlights code in a post's Markdown: write it there as a fenced block "
                    + "(```ruby)"),
            entry("include_relative", ": Kiln includes a layout by its name in quotes, without .peb: "
                    + "{% include \"partials/footer\" %}"));

    /** Tags of Jekyll's plugins, by plugin, and what to write instead. */
    private static final Map<String, String> PLUGIN_TAGS = Map.ofEntries(
            entry("seo", "jekyll-seo-tag's: the built-in theme's {% include \"partials/head\" %} writes the title, "
                    + "description, Open Graph and canonical tags"),
            entry("feed_meta", "jekyll-feed's: write <link rel=\"alternate\" type=\"application/atom+xml\" "
                    + "href=\"{{ site.feed_url }}\">"));

    /** Jekyll's values of site that Kiln's layouts see by other names, or need not. */
    private static final Map<String, String> SITE_KEYS = Map.of(
            "posts", "Jekyll's site.posts is Kiln's posts (every post, newest first)",
            "tags", "Jekyll's site.tags is Kiln's tags (every tag: name, slug, url, count)",
            "baseurl", "Jekyll's site.baseurl is not needed: Kiln adds the base path to every root-relative URL itself, "
                    + "so write /about/, not {{ site.baseurl }}/about/",
            "categories", "Jekyll's site.categories is not Kiln's: layouts list posts by tag, tags (every tag: name, "
                    + "slug, url, count) and tag.posts on a tag's page",
            "pages", "Jekyll's site.pages is not Kiln's: site.nav lists the pages (title, url), site.yml's nav: or "
                    + "else every page",
            "time", "Jekyll's site.time (the time of the build) is not Kiln's, whose output does not change with the "
                    + "time it is built: site.years is the years the posts span (2018–2026), for a footer",
            "data", "Jekyll's site.data (_data/ files) is not Kiln's: put the values in site.yml, under params: or at "
                    + "its top level, and read them as site.params.KEY",
            "github", "Jekyll's site.github (the jekyll-github-metadata plugin) is not Kiln's: put what the layout needs "
                    + "in site.yml (repository: https://github.com/me/blog) and read it as site.params.KEY");

    private LiquidHabits() {}

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \t]*\r?\n(.*?)^---[ \t]*$",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern FRONT_MATTER_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$",
            Pattern.MULTILINE);

    /**
     * What to write for the front matter that layout {@code text} starts with, as Jekyll's layouts do
     * ({@code ---\nlayout: base\n---}), or null when it has none: Pebble prints it as text, and the layout extends
     * nothing.
     */
    static String frontMatter(String text) {
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        Matcher key = FRONT_MATTER_KEY.matcher(m.group(1));
        String parent = null;
        List<String> others = new ArrayList<>();
        while (key.find()) {
            if (key.group(1).equals("layout")) {
                parent = key.group(2).replaceAll("^[\"']|[\"']$", "");
            } else {
                others.add(key.group(1));
            }
        }
        if (parent == null && others.isEmpty()) {
            return null; // a layout that prints a rule of dashes, not YAML
        }
        String variables = others.isEmpty() ? "" : "; Jekyll's layout." + others.get(0) + " is a variable of the layout "
                + "in Kiln: {% set " + others.get(0) + " = \"...\" %}" + (parent == null ? "" : " below the extends")
                + (others.size() > 1 ? " (and so for " + String.join(", ", others.subList(1, others.size())) + ")" : "");
        String instead = parent == null || parent.isEmpty() || parent.equals("null")
                ? "remove it, --- lines and all" + variables
                : "write {% extends \"" + parent + "\" %} in its place, --- lines and all, and put the text of this "
                + "layout in the blocks that " + parent + " defines ({% block content %}...{% endblock %}, where Jekyll's "
                + parent + " prints {{ content }})" + variables;
        return "front matter (between --- lines) is Jekyll's way for a layout to name the layout around it, which Kiln's "
                + "layouts do not have: it would be printed as text at the top of every page, and the layout around it "
                + "left out; " + instead;
    }

    /** What to write for Liquid's filter {@code name}, or null when it is none of Liquid's. */
    static String filter(String name) {
        String advice = FILTERS.get(name);
        return advice == null ? null : "'" + name + "'" + THEIRS + advice;
    }

    /** What to write for Liquid's tag {@code name}, or null when it is none of Liquid's. */
    static String tag(String name) {
        if (PLUGIN_TAGS.containsKey(name)) {
            return "'" + name + "' is a Jekyll plugin's, " + PLUGIN_TAGS.get(name);
        }
        String advice = TAGS.get(name);
        return advice == null ? null : "'" + name + "'" + THEIRS + advice;
    }

    /**
     * What to write for a value that Jekyll's layouts see and Kiln's do not, missing as variable {@code root} or as key
     * {@code key} (one of them null) on {@code line}, or null.
     */
    static String value(String root, String key, String line) {
        if ("content".equals(root)) {
            return "Jekyll's content is Kiln's page.content: {{ page.content | raw }}";
        }
        if (key != null && SITE_KEYS.containsKey(key) && Pattern.compile("\\bsite\\s*\\.\\s*" + key + "\\b").matcher(line).find()) {
            return SITE_KEYS.get(key);
        }
        return null;
    }

    /** Something of Liquid's on a layout's line: what it is, what to write instead, and where it is. */
    record Found(String what, String advice, Columns.Spot spot) {}

    private static final Pattern COLON = Pattern.compile("\\|\\s*([A-Za-z_]\\w*)\\s*(:)");

    /**
     * Liquid's way to give a filter its arguments ({@code | default: "none"}) on {@code line}, which Pebble stops at, and
     * what to write in Pebble, with {@code filters} (Pebble's): or null.
     */
    static Found colon(String line, SortedSet<String> filters) {
        Matcher m = COLON.matcher(line);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        String args = arguments(line, m.end());
        String written = "| " + name + ": " + args;
        String what = written + THEIRS + " way to give a filter its arguments";
        Columns.Spot spot = new Columns.Spot(Pattern.compile("\\|\\s*" + Pattern.quote(name) + "\\s*(?<at>:)"), true);
        String advice = switch (name) {
            case "date" -> {
                String java = args.matches("\"[^\"]*\"|'[^']*'")
                        ? DatePatterns.strftimeToJava(args.substring(1, args.length() - 1)) : null;
                yield "Pebble's are in parentheses, and its date pattern is Java's: write | date(\""
                        + (java == null ? "MMM d, yyyy" : java) + "\")";
            }
            case "sort" -> "Pebble's sort takes no key: | sort sorts the values themselves (text, numbers, dates)";
            case "slice" -> "Pebble's are in parentheses, and its slice takes where to start and where to stop, where "
                    + "Liquid's takes where to start and how many: write | slice(0, 3) for the first three";
            case "truncate" -> "Pebble's are in parentheses, and Liquid's truncate is Pebble's abbreviate: write "
                    + "| abbreviate(" + args + ")";
            case "append" -> "Pebble joins text with ~: write " + value(line, m.start()) + " ~ " + args;
            case "prepend" -> "Pebble joins text with ~: write " + args + " ~ " + value(line, m.start());
            case "replace", "remove" -> {
                String[] pair = args.split("\\s*,\\s*", 2);
                yield "Pebble's replace takes a map of what to replace: write | replace({" + pair[0] + ": "
                        + (name.equals("remove") || pair.length < 2 ? "\"\"" : pair[1]) + "})";
            }
            default -> filter(name) != null && !filters.contains(name)
                    ? "Pebble's are in parentheses, but " + filter(name)
                    : "Pebble's are in parentheses: write | " + name + "(" + args + ")";
        };
        return new Found(what, advice, spot);
    }

    /** The value that the filter whose | is at {@code pipe} of {@code line} is given, as written after its {{, or "the value". */
    private static String value(String line, int pipe) {
        int open = line.lastIndexOf("{{", pipe);
        String value = open < 0 ? "" : line.substring(open + 2, pipe).replaceFirst("^-", "").strip();
        // ~ joins before a filter applies: "a" ~ "b" | upper is AB.
        return value.isEmpty() || value.contains("}}") ? "the value" : value.contains("|") ? "(" + value + ")" : value;
    }

    /** The text of a Liquid filter's arguments that start at {@code from} of {@code line}: up to its next | or the tag's end. */
    private static String arguments(String line, int from) {
        char quote = 0;
        int i = from;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '|' || line.startsWith("}}", i) || line.startsWith("%}", i) || line.startsWith("-}}", i)
                    || line.startsWith("-%}", i)) {
                break;
            }
        }
        return line.substring(from, i).strip();
    }

    private static final Pattern FOR = Pattern.compile(
            "\\{%-?\\s*for\\s+(\\w+)\\s+in\\s+(.+?)\\s+(?=(?:limit|offset)\\s*:|reversed\\b)([^%]*)");
    private static final Pattern FOR_OPTION = Pattern.compile("\\b(limit|offset)\\s*:\\s*(\\w+)|\\breversed\\b");

    /** Liquid's {@code limit:}, {@code offset:} or {@code reversed} of a {@code for} on {@code line}, or null. */
    static Found forOptions(String line) {
        Matcher m = FOR.matcher(line);
        if (!m.find()) {
            return null;
        }
        List<String> written = new ArrayList<>();
        String limit = null;
        String offset = null;
        boolean reversed = false;
        Matcher option = FOR_OPTION.matcher(m.group(3));
        while (option.find()) {
            written.add(option.group());
            if (option.group(1) == null) {
                reversed = true;
            } else if (option.group(1).equals("limit")) {
                limit = option.group(2);
            } else {
                offset = option.group(2);
            }
        }
        // Liquid passes over offset: items, then takes limit: of the rest.
        String end = limit == null ? null : offset == null ? limit : offset.matches("\\d+") && limit.matches("\\d+")
                ? String.valueOf(Integer.parseInt(offset) + Integer.parseInt(limit)) : offset + " + " + limit;
        String test = offset == null ? "loop.index < " + end
                : end == null ? "loop.index >= " + offset : "loop.index >= " + offset + " and loop.index < " + end;
        List<String> advice = new ArrayList<>();
        if (reversed) {
            advice.add("loop over the list reversed, {% for " + m.group(1) + " in " + m.group(2) + " | reverse %}");
        }
        if (limit != null || offset != null) {
            advice.add("test loop.index (which counts from 0) in the loop, {% if " + test + " %}...{% endif %}");
        }
        String first = written.get(0).replaceFirst("\\s*:.*", "");
        return new Found(String.join(" ", written) + THEIRS + " way to choose what a for loops over", "Pebble's for "
                + "takes no " + String.join(" or ", written.stream().map(w -> w.replaceFirst("\\s*:.*", "")).toList())
                + ": " + String.join("; ", advice), Columns.Spot.token("NAME", first));
    }

    private static final Pattern INCLUDE = Pattern.compile(
            "\\{%-?\\s*include\\s+(?<file>[\\w./-]+?)(?<ext>\\.html|\\.liquid|\\.md|\\.htm)?(?<params>(?:\\s+\\w+\\s*=\\s*"
                    + "(?:\"[^\"]*\"|'[^']*'|[^\\s%]+))*)\\s*-?%}");
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s%]+)");

    /**
     * Liquid's include on {@code line} ({@code {% include footer.html title=page.title %}}: a file of
     * {@code _includes/}, named without quotes) whose name starts with {@code start} and that has parameters when
     * {@code withParameters}, and the include to write, with {@code templates} (the layouts there are): or null.
     */
    static Found include(String line, String start, boolean withParameters, SortedSet<String> templates) {
        Matcher m = INCLUDE.matcher(line);
        if (!m.find() || withParameters && m.group("params").isBlank()) {
            return null;
        }
        String file = m.group("file");
        if (!start.isEmpty() && !file.equals(start) && !file.startsWith(start + ".") && !file.startsWith(start + "/")) {
            return null; // another variable of the line is missing
        }
        // Jekyll's _includes/ are Kiln's partials/, unless the site keeps one by that very name.
        String name = templates.contains(file) ? file : "partials/" + file;
        StringBuilder with = new StringBuilder();
        Matcher param = PARAM.matcher(m.group("params"));
        List<String> keys = new ArrayList<>();
        while (param.find()) {
            with.append(with.length() == 0 ? " with {" : ", ").append('"').append(param.group(1)).append("\": ")
                    .append(param.group(2));
            keys.add(param.group(1));
        }
        if (with.length() > 0) {
            with.append('}');
        }
        String written = file + (m.group("ext") == null ? "" : m.group("ext"));
        String advice = "Kiln includes a layout by its name in quotes, without .peb: {% include \"" + name + "\"" + with
                + " %}" + (keys.isEmpty() ? "" : ", which sees " + String.join(", ", keys) + " (Liquid's include."
                + keys.get(0) + " is " + keys.get(0) + ")")
                + (templates.contains(name) ? "" : "; create " + Layouts.FOLDER + "/" + name + Layouts.SUFFIX);
        return new Found("{% include " + written + " %}" + THEIRS + " include, of _includes/" + written, advice,
                new Columns.Spot(Pattern.compile("\\{%-?\\s*include\\s+(?<at>" + Pattern.quote(file) + ")"), true));
    }
}
