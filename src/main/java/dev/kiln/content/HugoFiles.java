package dev.kiln.content;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Hugo's habits that Kiln would otherwise misread in silence: TOML ({@code +++}) or JSON front matter, which
 * would be published as text (a draft among them), and {@code _index.md}, Hugo's home and section pages, which
 * would become a page at {@code /_index/}. Each is an error at the file's first line (front matter below blank
 * lines, which Hugo reads too: at the line it opens on) that says what to write.
 */
final class HugoFiles {

    private static final Pattern INDEX = Pattern.compile("_index\\.(" + SourceFile.MARKDOWN_EXTENSIONS + "|html)");
    /** How many lines of the front matter, written as YAML, the message shows at most. */
    private static final int SHOWN_LINES = 30;

    private HugoFiles() {}

    /**
     * Throws the problem of {@code source} when it is one of Hugo's files that Kiln does not read as Hugo does;
     * {@code permalink} is site.yml's (null when unknown), which tells the old address of a section's list.
     */
    static void refuse(SourceFile source, String permalink) {
        String text = source.text();
        // At its first line, or below blank lines (as Hugo reads it): the same error, at the line it opens on.
        FrontMatterStart start = FrontMatterStart.of(text);
        if (start != null && start.kind() != FrontMatterStart.Kind.YAML) {
            text = text.substring(start.offset());
            String at = source.path();
            if (start.kind() == FrontMatterStart.Kind.TOML) {
                throw new SiteException(new Problem(at, start.line(), 1, "TOML front matter (between +++ lines) is not "
                        + "read by Kiln: replace it, +++ lines and all, with" + asYaml(HugoYaml.fromToml(
                        text.split("\\r?\\n", 1_000)))));
            }
            if (start.kind() == FrontMatterStart.Kind.JSON) {
                throw new SiteException(new Problem(at, start.line(), 1, "JSON front matter (Hugo's { ... }) is not "
                        + "read by Kiln: replace it, braces and all, with" + asYaml(HugoYaml.fromJson(text))));
            }
        }
        if (source.fileName().startsWith("_index.") && INDEX.matcher(source.fileName()).matches()) {
            throw new SiteException(Problem.inFile(source.path(), index(source, permalink)));
        }
    }

    /**
     * The files among {@code sources} whose front matter is TOML or JSON, as one problem at the first (by path), counting
     * them and naming Hugo's converter; null when there are none. Said by a build that stops before it reads front
     * matter (at Hugo's settings, {@code static/}, {@code content/post/}), which {@link #refuse} would say file by file
     * only in the build after it, so that the first build of a Hugo site names all it has to do.
     */
    static Problem unconverted(List<SourceFile> sources) {
        List<SourceFile> found = new java.util.ArrayList<>();
        FrontMatterStart first = null;
        boolean toml = false;
        boolean json = false;
        for (SourceFile source : sources.stream().sorted(java.util.Comparator.comparing(SourceFile::path)).toList()) {
            FrontMatterStart start = FrontMatterStart.of(source.text());
            if (start != null && start.kind() != FrontMatterStart.Kind.YAML) {
                if (first == null) {
                    first = start;
                }
                found.add(source);
                toml |= start.kind() == FrontMatterStart.Kind.TOML;
                json |= start.kind() == FrontMatterStart.Kind.JSON;
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        // This file's kind first, then the others' when they hold the other kind too (a JSON page among TOML posts).
        boolean firstToml = first.kind() == FrontMatterStart.Kind.TOML;
        String what = firstToml ? "TOML front matter (between +++ lines)" : "JSON front matter (Hugo's { ... })";
        int others = found.size() - 1;
        List<String> named = found.subList(1, Math.min(found.size(), 4)).stream().map(SourceFile::path).toList();
        String otherKind = !(toml && json) ? "" : firstToml ? "; JSON there too" : "; TOML there too";
        String where = others == 0 ? "in this file" : "in this file and " + others + (others == 1 ? " other" : " others")
                + " (" + String.join(", ", named) + (others > named.size() ? ", ..." : "") + otherKind + ")";
        return new Problem(found.get(0).path(), first.line(), 1, what + ", which Kiln does not read, " + where
                + ": convert it to YAML with Hugo: hugo convert toYAML --unsafe, run in the Hugo site, rewrites every "
                + "content file's front matter as YAML, in place (commit them first)");
    }

    /** What to do with Hugo's {@code _index.md} {@code source}, in a site whose posts' {@code permalink} is this. */
    private static String index(SourceFile source, String permalink) {
        String path = source.path();
        String folder = path.substring(0, path.lastIndexOf('/'));
        String name = path.substring(path.lastIndexOf('/') + 1).replace("_index", "index");
        Indexed read = Indexed.of(source);
        if (folder.equals(SourceLoader.CONTENT)) {
            return "_index.md is Hugo's name for the home page's text: rename it " + folder + "/" + name
                    + ", which gives Kiln's home page its title, description and text" + read.cascade(true);
        }
        if (folder.equals(SourceLoader.POSTS) || folder.startsWith(SourceLoader.POSTS + "/")) {
            // The section's list was at the folder's URL; an alias of the home page keeps that address working.
            // Hugo's content/post/, renamed content/posts/ as Kiln asks, had it at /post/: the permalink that
            // keeps its posts' URLs says so (until 2026-12-07 the message said /posts/).
            String section = folder.substring(SourceLoader.CONTENT.length() + 1);
            boolean post = permalink != null && permalink.startsWith("/post/");
            String alias = "aliases: [\"/" + (post ? "post" + section.substring("posts".length()) : section) + "/\"]";
            String old = post ? alias + " to keep the list's old address, that of Hugo's content/post/ as site.yml's "
                    + "permalink says ([\"/" + section + "/\"] if the folder was content/posts/ in Hugo)"
                    : alias + " to keep the list's old address";
            return "Kiln has no section pages (Hugo's _index.md): the post list is the home page, which takes "
                    + "its text from content/index.md: " + (read.text
                    ? "move this text there, with " + old
                    : "this file has none: remove it, and give content/index.md " + old) + read.cascade(true);
        }
        return "Kiln has no section pages (Hugo's _index.md): rename it " + folder + "/" + name + ", a page at /"
                + folder.substring(SourceLoader.CONTENT.length() + 1) + "/" + read.cascade(false);
    }

    /**
     * What an {@code _index.md} holds that its message speaks of: whether text follows its front matter, whether its
     * {@code cascade} gives every page below {@code toc: true}, and the cascade's other keys (Hugo's {@code _target}
     * left out). Read only for the error: a page that fails to read as YAML has no cascade said.
     */
    private record Indexed(boolean text, boolean toc, List<String> keys) {

        private static final Pattern CLOSE = Pattern.compile("(?m)^(?:---|\\.\\.\\.)[ \\t]*\\r?$");

        static Indexed of(SourceFile source) {
            String text = source.text();
            FrontMatterStart start = FrontMatterStart.of(text);
            if (start == null || start.kind() != FrontMatterStart.Kind.YAML) {
                return new Indexed(!text.isBlank(), false, List.of());
            }
            int open = text.indexOf('\n', start.offset()) + 1;
            java.util.regex.Matcher close = CLOSE.matcher(text);
            if (open == 0 || !close.find(open)) {
                return new Indexed(true, false, List.of());
            }
            boolean body = !text.substring(close.end()).isBlank();
            Object cascade;
            try {
                cascade = YamlReader.read(source.path(), text.substring(open, close.start()), start.line() + 1)
                        .values().get("cascade");
            } catch (SiteException e) {
                return new Indexed(body, false, List.of());
            }
            boolean toc = false;
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            for (Object each : cascade instanceof List<?> list ? list : cascade == null ? List.of() : List.of(cascade)) {
                if (each instanceof java.util.Map<?, ?> map) {
                    for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                        String key = String.valueOf(e.getKey());
                        Object value = e.getValue();
                        if (key.equalsIgnoreCase("toc") && (Boolean.TRUE.equals(value)
                                || value instanceof java.util.Map<?, ?> m && Boolean.TRUE.equals(m.get("enable")))) {
                            toc = true;
                        } else if (!key.equals("_target")) {
                            keys.add(key);
                        }
                    }
                }
            }
            return new Indexed(body, toc, List.copyOf(keys));
        }

        /**
         * What to do with the cascade, for pages that are posts ({@code posts}: site.yml's {@code toc} is theirs)
         * or not; empty without one (until 2026-12-07 it went unsaid, and its settings were lost with the file).
         */
        String cascade(boolean posts) {
            List<String> others = new java.util.ArrayList<>(keys);
            if (toc && !posts) {
                others.add(0, "toc");
            }
            List<String> said = new java.util.ArrayList<>();
            if (toc && posts) {
                said.add("its toc: true, a table of contents on every post, is toc: true in site.yml");
            }
            if (!others.isEmpty()) {
                String named = others.size() == 1 ? others.get(0) : String.join(", ", others.subList(0,
                        others.size() - 1)) + " and " + others.get(others.size() - 1);
                said.add("its " + named + " go" + (others.size() == 1 ? "es" : "") + " in the front matter of each "
                        + (posts ? "post" : "page") + " it was for");
            }
            return said.isEmpty() ? "" : "; Kiln has no cascade: " + String.join(", and ", said);
        }
    }

    /**
     * {@code yaml}, the front matter's lines, as the message's advice: between {@code ---} lines, to paste, the first
     * {@value #SHOWN_LINES} of them when there are more (Hugo's own converter then does the rest).
     */
    private static String asYaml(List<String> yaml) {
        StringBuilder out = new StringBuilder(" this YAML (hugo convert toYAML --unsafe, run in the Hugo site, "
                + "converts every file of it so):\n---\n");
        yaml.stream().limit(SHOWN_LINES).forEach(line -> out.append(line).append('\n'));
        if (yaml.size() > SHOWN_LINES) {
            out.append("# ...and ").append(yaml.size() - SHOWN_LINES).append(" lines more: hugo convert toYAML --unsafe "
                    + "converts them\n");
        }
        return out.append("---").toString();
    }
}
