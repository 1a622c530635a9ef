package dev.kiln.markdown;

/**
 * The URLs of a site's posts and files, by the names Jekyll's Liquid and Hugo's {@code ref} give them, so that an
 * error about a {@code {% post_url %}}, {@code {% link %}} or {@code {{< ref >}}} left in a page can say which URL to
 * write in its place.
 */
public interface SiteUrls {

    /** Knows no URL: the messages then say where to find one. */
    SiteUrls NONE = new SiteUrls() {
        @Override
        public String post(String name) {
            return null;
        }

        @Override
        public String file(String path) {
            return null;
        }
    };

    /** The URL of the post named {@code name} as Jekyll's {@code post_url} names it ({@code 2020-01-01-x}), or null. */
    String post(String name);

    /**
     * The URL of the file at {@code path} as Jekyll's {@code link} names it, from the site's folder ({@code about.md},
     * {@code _posts/2020-01-01-x.md}, {@code assets/a.pdf}), or null.
     */
    String file(String path);

    /**
     * The URLs of the pages Hugo's {@code ref} and {@code relref} name by {@code ref} (no {@code #anchor}), by source
     * path ({@code content/posts/x.md}): the page at that path from {@code content/} (with or without its extension;
     * a bundle by its folder), else, for a path not from the root ({@code x.md}, {@code posts/x}), every page whose
     * path ends in it; a path in Hugo's section {@code post/} ({@code /post/x.md}) names the page in {@code posts/}
     * when no page has it, the folder renamed as Kiln asks. Empty when no page has that name, several when more have it; null when the URLs are unknown.
     */
    default java.util.Map<String, String> pages(String ref) {
        return null;
    }
}
