package dev.kiln.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * Each benchmark thread's place in the corpus: one op takes the next post (or code block), round-robin, so
 * a score is the mean over the whole corpus, not one lucky post.
 */
@State(Scope.Thread)
public class Cursor {
    private int i;

    <T> T next(List<T> items) {
        if (i >= items.size()) {
            i = 0;
        }
        return items.get(i++);
    }
}
