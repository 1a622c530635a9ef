package dev.kiln.layout;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pebble's errors met while a layout lays out a page, said the way a layout author thinks of them: at the layout's
 * file, line and column, what is wrong, and what to do (the filters, functions or layouts there are, when one is not).
 * A layout that does not parse is {@link SyntaxErrors}'.
 */
final class LayoutErrors {

    private static final String SEE = "README's Layouts section lists what layouts see and Kiln's filters; "
            + "pebbletemplates.io documents Pebble's tags, filters and functions";
    private static final Pattern ATTRIBUTE = Pattern.compile("Attribute \\[(.+?)] of \\[(.+?)] does not exist.*", Pattern.DOTALL);
    private static final Pattern ROOT = Pattern.compile("Root attribute \\[(.+?)] does not exist.*", Pattern.DOTALL);
    private static final Pattern UNKNOWN = Pattern.compile("(Filter|Test|Function or Macro) \\[(.+?)] does not exist\\.");
    private static final Pattern NOT_FOUND = Pattern.compile("Could not find template \"(.*)\"", Pattern.DOTALL);
    private static final Pattern JEKYLL_INCLUDE = Pattern.compile("(?!partials/)([\\w./-]+?)(\\.html|\\.htm|\\.liquid)");

    private final UnaryOperator<String> displayPath;
    private final UnaryOperator<String> text;
    private final NamedCalls calls;
    private final SortedSet<String> templates;
    private final java.util.Set<String> siteParams;

    /**
     * Errors of layouts shown at {@code displayPath} of Pebble's template name, found in {@code text} of it (the
     * template's source, or null), with these {@code calls} and {@code templates} (every layout's name, {@code post}
     * or {@code partials/head}) to offer, and {@code siteParams}, the keys of site.yml's that are {@code site.params}'.
     */
    LayoutErrors(UnaryOperator<String> displayPath, UnaryOperator<String> text, NamedCalls calls,
                 SortedSet<String> templates, java.util.Set<String> siteParams) {
        this.displayPath = displayPath;
        this.text = text;
        this.calls = calls;
        this.templates = templates;
        this.siteParams = siteParams;
    }

    /** What {@code e}, thrown while layout {@code layout} laid out a page, means, and where. */
    LayoutError failed(RuntimeException e, String layout) {
        String template = layout;
        int line = 1;
        String tag = null;
        Throwable said = e;
        if (e instanceof LineTracking.Failed located) {
            template = located.getFileName();
            line = located.getLineNumber();
            tag = located.tag();
            said = e.getCause();
        } else if (e instanceof PebbleException p) {
            // Not met inside any statement: a {% set %} or {% import %} beside {% extends %}, where Pebble is right.
            template = p.getFileName() == null ? layout : p.getFileName();
            line = p.getLineNumber() == null ? 1 : p.getLineNumber();
        }
        // The line is the template's that the error names (a block of post.peb, a partial), not the layout's.
        String source = text.apply(template);
        Said what = say(said, tag, Columns.line(source, line));
        int column = Columns.of(source, line, what.spots());
        return new LayoutError(displayPath.apply(template), line, column, what.what(), what.detail(), what.advice());
    }

    /**
     * What went wrong (in general, then what this page's values made of it, or "") and what to do about it; and
     * where on its line what it names may be, best first.
     */
    private record Said(String what, String detail, String advice, List<Columns.Spot> spots) {
        Said(String[] whatAndAdvice, Columns.Spot... spots) {
            this(whatAndAdvice[0], "", whatAndAdvice[1], List.of(spots));
        }
    }

    /** What {@code e}, met by a statement that would {@code tag} another template (or null) on {@code line}, means. */
    private Said say(Throwable e, String tag, String line) {
        if (cause(e, NamedCalls.Failed.class) instanceof NamedCalls.Failed call) {
            return called(call);
        }
        if (cause(e, LineTracking.NotAList.class) instanceof LineTracking.NotAList loop) {
            return notAList(loop);
        }
        if (cause(e, IncludeDepth.TooDeep.class) instanceof IncludeDepth.TooDeep deep) {
            List<String> names = deep.loop().stream().map(this::name).toList();
            return new Said("includes nested more than " + IncludeDepth.LIMIT + " deep", String.join(" -> ", names),
                    "an include loop that never ends: make the {% if %} or {% for %} around one of these includes end "
                            + "it, or remove the include that leads back", List.of(Columns.Spot.tag("include", true)));
        }
        if (cause(e, AttributeNotFoundException.class) instanceof AttributeNotFoundException missing) {
            return jekyllValue(new Said(missingValue(missing.getPebbleMessage(), siteParams),
                    missingSpot(missing.getPebbleMessage())), missing.getPebbleMessage(), tag, line);
        }
        if (e instanceof LoaderException && tag != null) {
            Matcher found = NOT_FOUND.matcher(NamedCalls.reason(e));
            return new Said(missingTemplate(NamedCalls.reason(e), tag), found.matches()
                    ? new Columns.Spot[] {Columns.Spot.quoted(found.group(1))} : new Columns.Spot[0]);
        }
        String message = NamedCalls.reason(e);
        Throwable cause = e.getCause();
        if (message.startsWith("Wrong operand(s) type in conditional expression") && cause != null) {
            return say(cause, tag, line); // Pebble's wrapper of anything an {% if %}'s condition throws
        }
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.matches()) {
            String name = unknown.group(2);
            return new Said(unknown(unknown.group(1), name), switch (unknown.group(1)) {
                case "Filter" -> Columns.Spot.filter(name);
                case "Test" -> Columns.Spot.test(name);
                default -> Columns.Spot.function(name);
            });
        }
        if (message.startsWith("null value given to if statement")) {
            return new Said("the condition of this {% if %} is null", "", "test a value that may be missing with "
                    + "'is not null' or 'is not empty' (strict variables are on)",
                    List.of(Columns.Spot.tag("if", false), Columns.Spot.tag("elseif", false)));
        }
        if (e instanceof PebbleException && cause != null && !message.contains(NamedCalls.reason(cause))) {
            message += ": " + NamedCalls.reason(cause);
        }
        // Pebble's message may hold the page's values ("Not an iterable object. Value = [About]"): a detail.
        return new Said("this line cannot be rendered", message, "fix it (" + SEE + ")", List.of());
    }

    /** {@code e} or the first of its causes that is a {@code type}, or null (to match as that type). */
    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /**
     * A {@code {% for %}} over a value that is no list: what the value is, at what it loops over (Pebble said "Not an
     * iterable object. Value = [Hello]" at column 1 until 2026-12-07), and what a loop takes.
     */
    private static Said notAList(LineTracking.NotAList loop) {
        String iterable = loop.iterable();
        Object value = loop.value();
        String kind = value instanceof CharSequence || value instanceof SafeString ? "a text"
                : value instanceof Number ? "a number"
                : value instanceof Boolean ? value.toString()
                : value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date ? "a date"
                : "a single value";
        String what = (iterable == null ? "the value of this {% for %}" : iterable) + " is " + kind + ", not a list";
        String advice = "a {% for %} loops over a list, such as page.tags or posts (README's Layouts section lists what "
                + "layouts see)";
        if (iterable != null && kind.equals("a text")) {
            advice += ": print a text as it is, {{ " + iterable + " }}, or split it into a list, {% for "
                    + loop.variable() + " in " + iterable + " | split(\",\") %}";
        } else if (iterable != null && kind.equals("a number")) {
            advice += ": to count up to a number, loop over range(1, " + iterable + ")";
        }
        // At what it loops over, else at the for: only one will do, as another for on the line may have a list.
        List<Columns.Spot> spots = new java.util.ArrayList<>();
        if (iterable != null) {
            spots.add(Columns.Spot.loopedOver(loop.variable(), iterable));
        }
        spots.add(Columns.Spot.loopedOver(loop.variable(), null));
        spots.add(Columns.Spot.tag("for", false));
        return new Said(what, "", advice, spots);
    }

    /** A filter, function or test that threw: which, what it said of this page's values, what to give it. */
    private static Said called(NamedCalls.Failed call) {
        String what = call.kind() + " '" + call.name() + "' failed";
        // Only one call of this name on the line will do: another may be given a value it takes.
        Columns.Spot named = (switch (call.kind()) {
            case "filter" -> Columns.Spot.filter(call.name());
            case "test" -> Columns.Spot.test(call.name());
            default -> Columns.Spot.function(call.name());
        }).only();
        if (call.getCause() instanceof DatePatterns.Bad bad) { // the same for every page: no detail
            // At the pattern, which is what to rewrite; at the filter when the pattern is a value's.
            return new Said("filter '" + call.name() + "': " + bad.what(), "", bad.advice(),
                    List.of(Columns.Spot.quoted(bad.pattern()), named));
        }
        String detail = NamedCalls.reason(call.getCause());
        if (call.kind().equals("filter") && call.name().equals("date")) {
            return new Said(what, detail, "give it a date, such as page.date or post.date, or text with its format: "
                    + "date(\"d MMMM yyyy\", existingFormat=\"yyyy-MM-dd\")", List.of(named));
        }
        return new Said(what, detail, "give it a value and arguments it takes (" + SEE + ")", List.of(named));
    }

    private static final String UPDATED = "Kiln reads last_modified_at (or lastmod) itself: its value is page.updated_iso"
            + " (post.updated_iso in a list), ISO 8601 text, the date where the page sets none";
    private static final String CATEGORIES = "Kiln reads categories itself, for permalink's :categories; what layouts"
            + " show of a post is its tags: page.tags (name, slug, url)";
    private static final String URL = "Kiln reads it itself to make the page's URL: page.url (post.url in a list)";

    /**
     * Jekyll's values of a page that Kiln reads itself and gives layouts under another name (never in {@code params}),
     * and what that is: after "'KEY' does not exist here".
     */
    private static final Map<String, String> JEKYLL_PAGE_KEYS = Map.ofEntries(
            Map.entry("last_modified_at", UPDATED), Map.entry("lastmod", UPDATED), Map.entry("modified", UPDATED),
            Map.entry("excerpt", "a post's excerpt is post.excerpt of Kiln's lists (posts, paginator.posts, tag.posts:"
                    + " HTML, printed with | raw); on its own page, page.description is its text"),
            Map.entry("categories", CATEGORIES), Map.entry("category", CATEGORIES),
            Map.entry("permalink", URL), Map.entry("slug", URL), Map.entry("id", URL),
            Map.entry("layout", "Kiln reads a page's layout itself: page.kind says what the page is (post, page, home,"
                    + " tag, tags, archive, 404)"),
            Map.entry("content", "a post of Kiln's lists has its excerpt (post.excerpt, HTML, printed with | raw), not"
                    + " its whole text, which its own page has as page.content"));
    /** The keys of a page's values ({@code page}, a post of a list), for a near miss of one. */
    private static final List<String> PAGE_KEYS = List.of("title", "url", "kind", "description", "content", "toc",
            "date", "date_iso", "updated_iso", "tags", "reading_time", "word_count", "previous", "next", "image",
            "params", "related", "excerpt", "author", "canonical_url");

    /** Pebble's strict-variable messages; {@code siteParams} are the keys of {@code site.params}. */
    static String[] missingValue(String message, java.util.Set<String> siteParams) {
        Matcher attribute = ATTRIBUTE.matcher(message);
        if (attribute.matches()) {
            String key = attribute.group(1);
            String of = attribute.group(2);
            // A setting site.yml lacks is lacked by every page alike: no page's front matter can set it (said "a
            // value that some pages do not set" until 2026-12-07). site.params.KEY is site.yml's top-level KEY, or a KEY
            // under its params: map (Hugo's way).
            if (of.equals(SiteParams.class.getName()) && key.equals("params")) {
                return new String[] {"site.yml has no setting 'params'", "the keys under site.yml's params: are"
                        + " site.params.KEY, as its top-level keys are (until 2026-12-07 they were site.params.params.KEY):"
                        + " write site.params.KEY"};
            }
            if (of.equals(SiteParams.class.getName())) {
                return new String[] {"site.yml has no setting '" + key + "'", "check its spelling, or add " + key
                        + ": ... to site.yml (each top-level key that is not one of Kiln's settings is site.params.KEY, "
                        + "as is each key under params:), "
                        + "or write | default(...) for a site that may lack it"};
            }
            if (of.equals(SiteParams.Nested.class.getName())) {
                return new String[] {"this setting of site.yml has no key '" + key + "'", "check its spelling, or add "
                        + key + ": ... under that setting in site.yml (site.params.KEY." + key + " is " + key
                        + ": under KEY:), or write | default(...) for a site that may lack it"};
            }
            // site.twitter for site.yml's twitter: said to be page.params.twitter until 2026-12-07, as a page's was.
            if (of.equals(Views.SiteView.class.getName())) {
                String near = dev.kiln.content.SiteConfigReader.nearest(key, Views.SITE_KEYS);
                String kilns = " (site's values: " + String.join(", ", Views.SITE_KEYS) + ")";
                if (siteParams.contains(key)) {
                    return new String[] {"'" + key + "' does not exist here", "site.yml's " + key + ": is site.params." + key
                            + ", as every key of site.yml's own is (at its top level or under params:)" + kilns};
                }
                if (near != null) {
                    return new String[] {"'" + key + "' does not exist here", "check its spelling: did you mean site." + near
                            + "?" + kilns};
                }
                return new String[] {"'" + key + "' does not exist here", "check its spelling" + kilns + "; a key of"
                        + " site.yml of your own is site.params." + key + ", once site.yml has " + key + ": ..."};
            }
            // Kiln's own values always hold every key (null when unset): | default(...) would print its value for
            // every page, though the pages may set what the layout meant (post.image in a list, until 2026-12-07).
            if (of.startsWith(Views.class.getName() + "$") || of.startsWith("java.util.ImmutableCollections$")) {
                if (of.startsWith(Views.class.getName() + "$") && JEKYLL_PAGE_KEYS.containsKey(key)) {
                    return new String[] {"'" + key + "' does not exist here", JEKYLL_PAGE_KEYS.get(key)};
                }
                String near = of.startsWith(Views.class.getName() + "$")
                        ? dev.kiln.content.SiteConfigReader.nearest(key, PAGE_KEYS) : null;
                return new String[] {"'" + key + "' does not exist here", "check its spelling"
                        + (near == null ? "" : ": did you mean " + near + "?") + " (README lists what "
                        + "layouts see); a front matter key of your own is under params: page.params." + key + ", post.params."
                        + key + " (| default(...) cannot stand in for a key Kiln's values lack: it would print the default "
                        + "for every page)"};
            }
            // is not null, as README advises for optional values, holds for a params key a page does not set.
            return new String[] {"'" + key + "' does not exist here", "check its spelling (README lists "
                    + "what layouts see), or, for a value that some pages do not set, test it with "
                    + "{% if ... is not null %} (or is defined) or write | default(...)"};
        }
        Matcher root = ROOT.matcher(message);
        if (root.matches()) {
            return new String[] {"variable '" + root.group(1) + "' does not exist here",
                    "check its spelling (README lists what layouts see)"};
        }
        return new String[] {message, "check its spelling (README lists what layouts see)"};
    }

    /**
     * {@code said} of a value missing (Pebble's strict-variable {@code message}) on {@code line}, or what Jekyll's
     * layouts wrote instead: a file to include named without quotes (its name read as a variable), a value that Kiln
     * names otherwise (content, site.posts).
     */
    private Said jekyllValue(Said said, String message, String tag, String line) {
        Matcher root = ROOT.matcher(message);
        Matcher attribute = ATTRIBUTE.matcher(message);
        String variable = root.matches() ? root.group(1) : null;
        LiquidHabits.Found include = "include".equals(tag) && variable != null
                ? LiquidHabits.include(line, variable, false, templates) : null;
        if (include != null) {
            return new Said(include.what(), "", include.advice(), List.of(include.spot()));
        }
        String instead = LiquidHabits.value(variable, attribute.matches() ? attribute.group(1) : null, line);
        return instead == null ? said : new Said(said.what(), "", instead, said.spots());
    }

    /** Where on its line the key or variable of Pebble's strict-variable {@code message} may be. */
    private static Columns.Spot[] missingSpot(String message) {
        Matcher attribute = ATTRIBUTE.matcher(message);
        if (attribute.matches()) {
            return new Columns.Spot[] {Columns.Spot.attribute(attribute.group(1))};
        }
        Matcher root = ROOT.matcher(message);
        return root.matches() ? new Columns.Spot[] {Columns.Spot.variable(root.group(1))} : new Columns.Spot[0];
    }

    /** A filter, test or function (or macro) by a name that none has. */
    private String[] unknown(String pebbleKind, String name) {
        return switch (pebbleKind) {
            case "Filter" -> new String[] {"there is no filter '" + name + "'", LiquidHabits.filter(name) != null
                    ? LiquidHabits.filter(name) : "check its spelling (filters: " + list(calls.filters()) + ")"};
            case "Test" -> new String[] {"there is no test '" + name + "'",
                    "check its spelling (tests: " + list(calls.tests()) + ")"};
            default -> new String[] {"there is no function or macro '" + name + "'",
                    "check its spelling (functions: " + list(calls.functions()) + "); a macro must be defined with "
                            + "{% macro " + name + "(...) %} in this layout or brought in with {% import %}"};
        };
    }

    /** An {@code include}, {@code extends}, {@code import} or {@code embed} of a layout that is not there. */
    private String[] missingTemplate(String message, String tag) {
        Matcher found = NOT_FOUND.matcher(message);
        if (!found.matches()) {
            return new String[] {message, "check the name of the layout to " + tag + " (layouts: " + list(templates) + ")"};
        }
        String name = found.group(1);
        int slash = name.lastIndexOf('/');
        String folder = slash < 0 ? "" : name.substring(0, slash + 1);
        List<String> near = templates.stream().filter(t -> t.startsWith(folder) && t.indexOf('/', folder.length()) < 0)
                .map(t -> t.substring(folder.length())).toList();
        String there = near.isEmpty() ? "layouts: " + list(templates)
                : (folder.isEmpty() ? "layouts" : folder.substring(0, folder.length() - 1)) + ": " + list(near);
        String what = "there is no layout '" + name + "' to " + tag;
        Matcher jekyll = JEKYLL_INCLUDE.matcher(name);
        if (tag.equals("include") && jekyll.matches()) {
            // Jekyll's _includes/footer.html: Kiln's partials are layouts of partials/, unless the site keeps it elsewhere.
            String kiln = templates.contains(jekyll.group(1)) ? jekyll.group(1) : "partials/" + jekyll.group(1);
            return new String[] {what, "Kiln includes a layout by its name without extension (Jekyll's _includes/"
                    + jekyll.group(1) + jekyll.group(2) + "): {% include \"" + kiln + "\" %}"
                    + (templates.contains(kiln) ? "" : ", once " + Layouts.FOLDER + "/" + kiln + Layouts.SUFFIX + " exists")};
        }
        if (name.endsWith(Layouts.SUFFIX)) {
            return new String[] {what, "name it without " + Layouts.SUFFIX + ", which Kiln adds (" + there + ")"};
        }
        return new String[] {what, "check the name (" + there + "), or create " + Layouts.FOLDER + "/" + name
                + Layouts.SUFFIX};
    }

    /** Layout {@code template} (Pebble's name) as its author names it: {@code partials/footer}. */
    private String name(String template) {
        return Layouts.layoutName(displayPath.apply(template));
    }

    private static String list(Collection<String> names) {
        return String.join(", ", names);
    }
}
