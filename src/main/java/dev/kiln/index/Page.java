package dev.kiln.index;

import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatter;
import dev.kiln.content.PageKind;
import dev.kiln.content.Route;
import dev.kiln.html.Body;

/** A post or page ready for its layout: its front matter, its URL and its finished body. */
public record Page(DraftPage draft, Route route, Body body) {

    public FrontMatter front() {
        return draft.front();
    }

    public String path() {
        return draft.path();
    }

    public String url() {
        return route.url();
    }

    public boolean isPost() {
        return draft.kind() == PageKind.POST;
    }

    /** The layout it renders with: its front matter's {@code layout}, else {@code post} or {@code page}. */
    public String layout() {
        return layoutOf(draft);
    }

    /** The layout {@code draft} renders with, as {@link #layout()} says. */
    public static String layoutOf(DraftPage draft) {
        return draft.front().layout() != null ? draft.front().layout() : draft.kind().label();
    }
}
