package dev.kiln.markdown;

import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;

import java.util.Set;

/**
 * A block parser factory of Kiln's own that names no factory it must come before or after and keeps nothing of a
 * document: flexmark's interface has no defaults for these. A factory standing in for one of flexmark's takes that
 * one's place instead ({@link StandIn}).
 */
abstract class UnorderedBlockFactory implements CustomBlockParserFactory {

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public final boolean affectsGlobalScope() {
        return false;
    }
}
