package dev.kiln.index;

import dev.kiln.content.Route;

import java.util.List;

/** One page of the home page's post list: page {@code number} of {@code total}, 1-based. */
public record Pagination(int number, int total, Route route, List<Page> posts, String previousUrl, String nextUrl) {

    public Pagination {
        posts = List.copyOf(posts);
    }
}
