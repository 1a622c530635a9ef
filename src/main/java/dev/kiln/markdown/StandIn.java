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
