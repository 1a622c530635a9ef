package dev.kiln.index;

import java.util.List;

/** A tag in use, with its URL-safe slug, its page's route and its posts, newest first. */
public record Tag(String name, String slug, dev.kiln.content.Route route, List<Page> posts) {

    public Tag {
        posts = List.copyOf(posts);
    }

    /** The tag's Atom feed: {@code /tags/aws/} → {@code /tags/aws/feed.xml}; {@code /tags/aws.html} → {@code /tags/aws.xml}. */
    public String feedUrl() {
        String url = route.url();
        return url.endsWith("/") ? url + "feed.xml" : url.replaceFirst("(\\.html?)?$", ".xml");
    }
}
