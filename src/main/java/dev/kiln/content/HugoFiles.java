package dev.kiln.content;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's habits that Kiln would otherwise misread in silence: TOML ({@code +++}) or JSON front matter, which
 * would be published as text (a draft among them), and {@code _index.md}, Hugo's home and section pages, which
 * would become a page at {@code /_index/}. Each is an error at the file's first line (front matter below blank
 * lines, which Hugo reads too: at the line it opens on) that says what to write.
 */
final class HugoFiles {

    private static final Pattern TOML_KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*");
    private static final Pattern JSON_KEY = Pattern.compile("[ \\t]*\\{?[ \\t]*\"([A-Za-z_][A-Za-z0-9_-]*)\"[ \\t]*:[ \\t]*"
            + "(\"[^\"\\\\]*\"|[^\\s,{}\\[\\]\"]+|\\[[^\\]]*\\])[ \\t]*,?[ \\t]*");
    private static final Pattern INDEX = Pattern.compile("_index\\.(" + SourceFile.MARKDOWN_EXTENSIONS + "|html)");
    /** How many of the file's keys the message shows, written as YAML. */
    private static final int EXAMPLE_KEYS = 3;

    private HugoFiles() {}

    /** Throws the problem of {@code source} when it is one of Hugo's files that Kiln does not read as Hugo does. */
    static void refuse(SourceFile source) {
        String text = source.text();
        // At its first line, or below blank lines (as Hugo reads it): the same error, at the line it opens on.
        FrontMatterStart start = FrontMatterStart.of(text);
        if (start != null && start.kind() != FrontMatterStart.Kind.YAML) {
            text = text.substring(start.offset());
            String at = source.path();
            if (start.kind() == FrontMatterStart.Kind.TOML) {
                throw new SiteException(new Problem(at, start.line(), 1, "TOML front matter (between +++ lines) is not "
                        + "read by Kiln: write it as YAML between --- lines (" + example(text, TOML_KEY, "+++") + ")"));
            }
            if (start.kind() == FrontMatterStart.Kind.JSON) {
                throw new SiteException(new Problem(at, start.line(), 1, "JSON front matter (Hugo's { ... }) is not "
                        + "read by Kiln: write it as YAML between --- lines (" + example(text, JSON_KEY, "}") + ")"));
            }
        }
        if (source.fileName().startsWith("_index.") && INDEX.matcher(source.fileName()).matches()) {
            throw new SiteException(Problem.inFile(source.path(), index(source.path())));
        }
    }

    /** What to do with Hugo's {@code _index.md} at {@code path}. */
    private static String index(String path) {
        String folder = path.substring(0, path.lastIndexOf('/'));
        String name = path.substring(path.lastIndexOf('/') + 1).replace("_index", "index");
        if (folder.equals(SourceLoader.CONTENT)) {
            return "_index.md is Hugo's name for the home page's text: rename it " + folder + "/" + name
                    + ", which gives Kiln's home page its title, description and text";
        }
        if (folder.equals(SourceLoader.POSTS) || folder.startsWith(SourceLoader.POSTS + "/")) {
            // The section's list was at the folder's URL; an alias of the home page keeps that address working.
            return "Kiln has no section pages (Hugo's _index.md): the post list is the home page, which takes "
                    + "its text from content/index.md: move this text there, with aliases: [\"/"
                    + folder.substring(SourceLoader.CONTENT.length() + 1) + "/\"] to keep the list's old address";
        }
        return "Kiln has no section pages (Hugo's _index.md): rename it " + folder + "/" + name + ", a page at /"
                + folder.substring(SourceLoader.CONTENT.length() + 1) + "/";
    }

    /**
     * The first few {@code key = value} lines (or JSON's {@code "key": value}) of the front matter that starts
     * {@code text} and ends at the line {@code close}, written as YAML: {@code title: "Secret plans", draft: true}.
     */
    private static String example(String text, Pattern keyLine, String close) {
        List<String> keys = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", 64);
        // TOML's keys start on the line after +++; JSON's may share the line of its {.
        for (int i = close.equals("}") ? 0 : 1; i < lines.length && keys.size() < EXAMPLE_KEYS; i++) {
            String line = lines[i].strip();
            if (line.equals(close) || line.startsWith("[")) {
                break; // the end, or a TOML table: its keys are not the page's own
            }
            Matcher m = keyLine.matcher(line);
            if (m.matches() && !m.group(2).startsWith("'''") && !m.group(2).startsWith("\"\"\"")) {
                keys.add(m.group(1) + ": " + m.group(2));
            }
        }
        return keys.isEmpty() ? "title: \"My post\"" : String.join(", ", keys);
    }
}
