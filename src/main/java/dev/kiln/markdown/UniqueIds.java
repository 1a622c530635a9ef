package dev.kiln.markdown;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ids of one page's headings, handed out one by one, each unique on the page: a heading whose id is taken gets
 * the next free one ({@code x-1}, {@code x-2}), as GitHub numbers two equal headings. Taken are the ids of the
 * page's own elements and earlier headings, and those its layout writes ({@code <main id="main-content">}): a
 * heading "Main content" is {@code main-content-1}, and a second one {@code main-content-2}.
 */
public final class UniqueIds {

    /** The ids the page's layout writes: shared by every page of that layout, never changed. */
    private final Set<String> layout;
    private final Set<String> taken = new HashSet<>();
    /** The ids that headings could not have because the layout writes them; mostly none. */
    private Set<String> moved = Set.of();
    /** How many headings so far had each id before it was made unique, as flexmark numbers them. */
    private final Map<String, Integer> headings = new HashMap<>();

    /** The ids of a page whose layout writes {@code layout}. */
    public UniqueIds(Set<String> layout) {
        this.layout = layout;
    }

    /** Marks {@code id}, which an element of the page has, as taken. */
    public void take(String id) {
        taken.add(id);
    }

    /**
     * {@code id}, or the next free one, for a heading; taken from then on. {@code alsoTaken} says which ids the
     * page keeps for headings to come (old anchors). Unless {@code besideLayout}, the layout's ids are not
     * avoided (an old anchor keeps its name, which deep links already use).
     */
    public String unique(String id, java.util.function.Predicate<String> alsoTaken, boolean besideLayout) {
        // flexmark numbers a second "Main content" main-content-1 before this sees it: when the first took that
        // because the layout has main-content, the second is numbered from main-content again (main-content-2).
        String base = moved.isEmpty() ? id : numberedFrom(id);
        headings.merge(base, 1, Integer::sum);
        String unique = base;
        for (int n = 1; taken.contains(unique) || alsoTaken.test(unique) || besideLayout && layout.contains(unique); n++) {
            unique = base + "-" + n;
        }
        if (besideLayout && !unique.equals(id) && layout.contains(id)) {
            if (moved.isEmpty()) {
                moved = new HashSet<>();
            }
            moved.add(id);
        }
        taken.add(unique);
        return unique;
    }

    /** For an unnumbered heading. */
    public String unique(String id) {
        return unique(id, other -> false, true);
    }

    /**
     * The id {@code id} was numbered from ({@code main-content} for {@code main-content-1}) when that is a moved one
     * and flexmark numbered it so (the n-th heading after the first with that id is {@code -n}), else {@code id}:
     * {@code ## Summary 2024} keeps {@code summary-2024} beside a moved {@code summary}.
     */
    private String numberedFrom(String id) {
        int dash = id.lastIndexOf('-');
        if (dash <= 0 || dash == id.length() - 1 || id.length() - dash > 10) {
            return id;
        }
        for (int i = dash + 1; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return id;
            }
        }
        String from = id.substring(0, dash);
        return moved.contains(from) && headings.getOrDefault(from, 0) == Integer.parseInt(id.substring(dash + 1))
                ? from : id;
    }
}
