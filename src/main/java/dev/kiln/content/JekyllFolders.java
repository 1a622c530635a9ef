package dev.kiln.content;

import dev.kiln.error.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Jekyll's folders in a Kiln site, which Kiln would otherwise misread in silence: {@code _posts/}, {@code _drafts/}
 * and {@code _config.yml} at the site's root (not read: an empty site was built), and Jekyll's folders under
 * {@code content/} ({@code content/_posts/x.md} was a page at {@code /_posts/x/}, in the menu; {@code _includes/},
 * {@code _layouts/}, {@code _data/} were published as they are). Each folder is one error, at its first file, saying
 * where its files go in Kiln. Other names that start with {@code _} are published as any other: Kiln writes
 * {@code .nojekyll}, so GitHub Pages serves them (a {@code _redirects}, a static export's {@code _next/}); Jekyll's
 * rule that hid them came with its folders, which are these.
 */
final class JekyllFolders {

    /** Jekyll's folders at the site's root that hold pages: Kiln reads neither. */
    static final List<String> AT_ROOT = List.of("_posts", "_drafts");
    /** Jekyll's settings file. */
    static final String CONFIG = "_config.yml";
    private static final String IMPORT = "kiln import jekyll SRC --dest DIR (SRC this folder, DIR a new one)";
    private static final String DRAFTS = "Kiln's drafts are posts in content/posts/ with draft: true in their front "
            + "matter (and a date: or a dated file name; kiln build --drafts shows them)";
    /** Jekyll's other folders, where they are read: at the top of the source, Kiln's content/. */
    private static final Set<String> TOP = Set.of("_includes", "_layouts", "_data", "_sass", "_site", "_plugins");

    /** The files found in one Jekyll folder: its first (sorted) and how many. */
    private record Folder(String first, int files) {}

    private final Map<String, Folder> found = new TreeMap<>();

    /**
     * Whether the file at {@code rel} (from the site's folder: {@code content/_posts/x.md}) is in one of Jekyll's
     * folders under {@code content/}: then it is kept for {@link #problems} and is no page or file of the site.
     */
    boolean take(String rel) {
        String folder = folderOf(rel);
        if (folder != null) {
            found.merge(folder, new Folder(rel, 1), (a, b) -> new Folder(a.first(), a.files() + 1));
        }
        return folder != null;
    }

    /** Takes {@code files} (paths from the site's folder, sorted) of the Jekyll folder {@code folder}. */
    void takeAll(String folder, List<String> files) {
        if (!files.isEmpty()) {
            found.put(folder, new Folder(files.get(0), files.size()));
        }
    }

    /** Jekyll's folder under {@code content/} that holds {@code rel}, or null. */
    private static String folderOf(String rel) {
        String[] parts = rel.split("/");
        if (parts.length < 2 || !parts[0].equals(SourceLoader.CONTENT)) {
            return null;
        }
        if (parts.length == 2 && parts[1].equals(CONFIG)) {
            return rel;
        }
        if (parts.length > 2 && TOP.contains(parts[1])) {
            return SourceLoader.CONTENT + "/" + parts[1];
        }
        // Jekyll reads _posts/ and _drafts/ at any depth: the folders above them are the posts' categories. A
        // _posts/ among Kiln's posts holds posts as Kiln reads them; a _drafts/ there would publish its drafts.
        boolean inPosts = rel.startsWith(SourceLoader.POSTS + "/");
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].equals("_posts") && !inPosts || parts[i].equals("_drafts")) {
                return String.join("/", java.util.Arrays.copyOf(parts, i + 1));
            }
        }
        return null;
    }

    /** The problem of each Jekyll folder taken, at its first file. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        found.forEach((folder, f) -> problems.add(Problem.inFile(f.first(), message(folder, f.files()))));
        return problems;
    }

    /** The problem of a Jekyll site's settings, {@code _config.yml} at the root of a site without {@code site.yml}. */
    static Problem config() {
        return Problem.inFile(CONFIG, "Jekyll's settings, which Kiln does not read: to move this Jekyll site to "
                + "Kiln, run " + IMPORT + ", which converts its settings, posts, pages and Liquid into a Kiln site "
                + "folder; for a Kiln site, write its settings in site.yml");
    }

    private static String message(String folder, int files) {
        String name = folder.substring(folder.lastIndexOf('/') + 1);
        String its = files == 1 ? "its file" : "its " + files + " files";
        if (!folder.startsWith(SourceLoader.CONTENT + "/")) { // at the site's root
            return "Jekyll's " + name + "/, which Kiln does not read: " + (name.equals("_posts")
                    ? "Kiln's posts are in content/posts/" : DRAFTS) + ": move " + its + " to content/posts/"
                    + (name.equals("_posts") ? "" : ", each with draft: true") + ", or "
                    + "convert the whole Jekyll site with " + IMPORT;
        }
        String published = "which Kiln would publish at /" + folder.substring(SourceLoader.CONTENT.length() + 1)
                + (name.equals(CONFIG) ? "" : "/");
        if (folder.startsWith(SourceLoader.POSTS + "/")) { // a _drafts/ among the posts: published as posts
            return "Jekyll's folder of drafts, whose files Kiln would publish as posts: " + DRAFTS + ": give "
                    + its + " draft: true and move " + (files == 1 ? "it" : "them") + " out of " + name + "/";
        }
        String above = folder.substring(SourceLoader.CONTENT.length() + 1, folder.length() - name.length());
        String categories = above.isEmpty() ? "" : " (Jekyll took the folders above " + name + "/ for their "
                + "categories: categories: [" + String.join(", ", above.substring(0, above.length() - 1).split("/"))
                + "] in their front matter keeps them)";
        return switch (name) {
            case "_posts" -> "Jekyll's folder of posts, " + published + " as pages, in the menu: Kiln's posts are in "
                    + "content/posts/: move " + its + " there" + categories;
            case "_drafts" -> "Jekyll's folder of drafts, " + published + " as pages, in the menu: " + DRAFTS
                    + ": move " + its + " there, each with draft: true" + categories;
            case "_includes" -> "Jekyll's includes, " + published + ": Kiln's pages have no includes: an include of "
                    + "a layout goes in layouts/partials/ (a Pebble file, .peb), and what a page included, in the page";
            case "_layouts" -> "Jekyll's layouts, " + published + ": Kiln's layouts are Pebble files in layouts/ "
                    + "(post.peb, page.peb...; without them the built-in theme lays the site out)";
            case "_data" -> "Jekyll's data files (site.data), " + published + ": Kiln has no site.data: put what the "
                    + "layouts need in site.yml, where a key of your own is site.params.KEY";
            case "_sass" -> "Jekyll's Sass, " + published + ": Kiln compiles no Sass: put the CSS it made in "
                    + "assets/css/";
            case "_site" -> "Jekyll's built site, " + published + ": delete it (Kiln writes its site to target/site)";
            case "_plugins" -> "Jekyll's Ruby plugins, " + published + ", and does not run: remove the folder";
            default -> "Jekyll's settings, " + published + ": Kiln's are in site.yml, at the site's root; "
                    + "kiln import jekyll converts a Jekyll site's";
        };
    }
}
