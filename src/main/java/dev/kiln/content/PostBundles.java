package dev.kiln.content;

import dev.kiln.error.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Post bundles, as Hugo's leaf bundles: a folder under {@code content/posts/} holding an {@code index.md} (or
 * {@code index.markdown}, or another Markdown name, or {@code index.html} with front matter) is one post, named (and dated) by the folder
 * as a post file is by its name; the folder's other files, at any depth, are published beside the post's page.
 */
public final class PostBundles {

    private static final String POSTS = SourceLoader.POSTS + "/";

    private PostBundles() {}

    /**
     * Whether the post at {@code path} (site-relative) is the index of a bundle: {@code content/posts/trip/index.md};
     * {@code content/posts/index.md} is a post named {@code index}, as it always was.
     */
    public static boolean isIndex(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < POSTS.length() || !path.startsWith("index.", slash + 1) || !path.startsWith(POSTS)) {
            return false; // most posts are told by the first letter of their name
        }
        return isIndexName(path.substring(slash + 1));
    }

    /** Whether a file named {@code name} is a bundle's index: {@code index.html}, or {@code index.} and a Markdown extension. */
    private static boolean isIndexName(String name) {
        return name.equals("index.html") || SourceFile.isMarkdown(name) && name.indexOf('.') == "index".length();
    }

    /**
     * The name a post's slug, default title and date are read from: its file's name; a bundle's index takes its
     * folder's ({@code content/posts/2023-03-01-trip/index.md} → {@code 2023-03-01-trip}).
     */
    static String nameOf(SourceFile source) {
        String path = source.path();
        if (!isIndex(path)) {
            return source.fileName();
        }
        String folder = path.substring(0, path.lastIndexOf('/'));
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    /**
     * {@code statics} with the files of {@code posts}' bundles marked with their post ({@link StaticFile#post});
     * a post other than a bundle's index inside a bundle (a second Markdown file, a bundle in a bundle) is a
     * problem added to {@code problems}. A site without bundles costs a look at each post's name.
     */
    static List<StaticFile> mark(List<SourceFile> posts, List<StaticFile> statics, List<Problem> problems) {
        Map<String, String> bundles = new HashMap<>(); // a bundle's folder → its index
        for (SourceFile post : posts) {
            if (isIndex(post.path())) {
                String folder = post.path().substring(0, post.path().lastIndexOf('/'));
                String earlier = bundles.putIfAbsent(folder, post.path());
                if (earlier != null) {
                    problems.add(Problem.inFile(post.path(), "is a second index of the bundle " + folder
                            + "/ (with " + earlier + "), which is one post: remove or rename one of them"));
                }
            }
        }
        if (bundles.isEmpty()) {
            return statics;
        }
        for (SourceFile post : posts) {
            String path = post.path();
            boolean index = isIndex(path);
            if (index && !path.equals(bundles.get(parent(path)))) {
                continue; // a second index, said above
            }
            // An index looks for a bundle above its own folder; any other post from its folder up.
            String holder = bundleOf(bundles, index ? parent(path) : path);
            if (holder != null) {
                problems.add(Problem.inFile(path, "is in the folder of the post " + holder + ", a bundle whose other "
                        + "files are published beside that post as they are, not as posts: move it out of "
                        + parent(holder) + "/ to make it a post of its own (or, if that folder is not one post, "
                        + "rename " + holder.substring(holder.lastIndexOf('/') + 1) + ")"));
            }
        }
        List<StaticFile> marked = new ArrayList<>(statics.size());
        for (StaticFile file : statics) {
            String index = file.sourcePath().startsWith(POSTS) ? bundleOf(bundles, file.sourcePath()) : null;
            marked.add(index == null ? file : new StaticFile(file.sourcePath(), file.file(), file.outputPath(), index,
                    null));
        }
        return marked;
    }

    /**
     * {@code statics} with the files of page bundles marked with their page ({@link StaticFile#page}): a folder
     * under {@code content/} (not the posts' folder) whose {@code index.md} (or {@code index.} and another Markdown
     * extension, or an {@code index.html} with front matter) is one of {@code pages}; its files, and those of its subfolders that
     * are no bundle of their own, are left out with it (a draft, a page to come or expired), as a post bundle's
     * are. They stay at their own paths, as they always were.
     */
    static List<StaticFile> markPages(List<SourceFile> pages, List<StaticFile> statics) {
        Map<String, String> bundles = new HashMap<>(); // a bundle's folder → its index
        for (SourceFile page : pages) {
            String path = page.path();
            String folder = parent(path);
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (folder.startsWith(SourceLoader.CONTENT + "/") && !(folder + "/").startsWith(POSTS)
                    && isIndexName(name)) {
                bundles.put(folder, path);
            }
        }
        if (bundles.isEmpty()) {
            return statics;
        }
        List<StaticFile> marked = new ArrayList<>(statics.size());
        for (StaticFile file : statics) {
            String index = null;
            if (file.post() == null && file.sourcePath().startsWith(SourceLoader.CONTENT + "/")) {
                for (String folder = parent(file.sourcePath()); index == null
                        && folder.length() > SourceLoader.CONTENT.length(); folder = parent(folder)) {
                    index = bundles.get(folder);
                }
            }
            marked.add(index == null ? file
                    : new StaticFile(file.sourcePath(), file.file(), file.outputPath(), null, index));
        }
        return marked;
    }

    /** The index of the nearest bundle that holds {@code path} (a file, or a folder), or null. */
    private static String bundleOf(Map<String, String> bundles, String path) {
        for (String folder = parent(path); folder.length() > SourceLoader.POSTS.length(); folder = parent(folder)) {
            String index = bundles.get(folder);
            if (index != null) {
                return index;
            }
        }
        return null;
    }

    private static String parent(String path) {
        return path.substring(0, Math.max(0, path.lastIndexOf('/')));
    }
}
