package dev.kiln.index;

import java.util.List;

/** A tag in use, with its URL-safe slug, its page's route and its posts, newest first. */
public record Tag(String name, String slug, dev.kiln.content.Route route, List<Page> posts) {

    public Tag {
        posts = List.copyOf(posts);
    }
}
