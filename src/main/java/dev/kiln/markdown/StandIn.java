package dev.kiln.markdown;

import com.vladsch.flexmark.util.dependency.Dependent;

import java.util.Set;

/**
 * A factory that stands in for one of flexmark's, in its place among the others: flexmark orders its
 * factories by what each says it comes before and after, which the stand-in takes from {@code flexmark}'s.
 */
abstract class StandIn<F extends Dependent> implements Dependent {

    final F flexmark;

    StandIn(F flexmark) {
        this.flexmark = flexmark;
    }

    /**
     * What {@code shared} holds, made by {@code make} the first time: for a processor that keeps only the
     * parser's options, made once and then serving every page on every thread. Two threads may both make
     * one; either serves, as both hold the same options.
     */
    static <T> T once(java.util.concurrent.atomic.AtomicReference<T> shared, java.util.function.Supplier<T> make) {
        T made = shared.get();
        if (made == null) {
            shared.compareAndSet(null, make.get());
            made = shared.get();
        }
        return made;
    }

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return flexmark.getAfterDependents();
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return flexmark.getBeforeDependents();
    }

    @Override
    public final boolean affectsGlobalScope() {
        return flexmark.affectsGlobalScope();
    }
}
