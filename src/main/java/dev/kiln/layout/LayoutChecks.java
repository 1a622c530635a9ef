package dev.kiln.layout;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What is wrong between the layouts a page is laid out with, found from their {@link Outlines} when a layout is
 * first used, before any page is: includes that loop (Pebble followed them until the stack ran out, which took
 * minutes with a build thread's large stack, and wedged {@code kiln serve}), and a block that no layout up the
 * chain defines (a misspelled {@code {% block contnet %}} published every post without its text).
 */
final class LayoutChecks {

    /** The outline of the layout named (as written) from layout {@code from}, or null when it does not compile. */
    private final BiFunction<String, String, Named> outline;
    private final UnaryOperator<String> displayPath;
    private final UnaryOperator<String> text;

    /** A layout's outline under Pebble's name for it. */
    record Named(String name, Outlines.Outline outline) {}

    /** One step from a layout to another: the layout it extends, or one it includes, at {@code line}. */
    private record Edge(String from, String to, String tag, int line) {}

    LayoutChecks(BiFunction<String, String, Named> outline, UnaryOperator<String> displayPath, UnaryOperator<String> text) {
        this.outline = outline;
        this.displayPath = displayPath;
        this.text = text;
    }

    /** The first thing wrong between layout {@code layout} (Pebble's name) and the layouts it uses, or null. */
    Problem of(String layout) {
        Problem loop = loop(layout, new ArrayList<>(), new HashSet<>());
        return loop != null ? loop : undefinedBlock(layout);
    }

    /**
     * An include loop met from {@code layout}, on the way {@code path} to it, through layouts it extends or always
     * includes (an include under an {@code if} or a {@code for} may end; {@link IncludeDepth} stops one that does not):
     * at the step that closes the loop; or null.
     */
    private Problem loop(String layout, List<Edge> path, Set<String> done) {
        Named here = outline.apply(layout, null);
        if (here == null) {
            return null; // Pebble says what is wrong with it when the page is laid out
        }
        List<Edge> edges = new ArrayList<>();
        if (here.outline().parent() != null) {
            edges.add(new Edge(here.name(), here.outline().parent(), "extends", here.outline().extendsLine()));
        }
        here.outline().includes().stream().filter(i -> i.always() && i.name() != null)
                .forEach(i -> edges.add(new Edge(here.name(), i.name(), "include", i.line())));
        for (Edge edge : edges) {
            Named to = outline.apply(edge.to(), here.name());
            if (to == null || done.contains(to.name())) {
                continue;
            }
            int start = -1;
            for (int i = 0; i < path.size() && start < 0; i++) {
                start = path.get(i).from().equals(to.name()) ? i : -1;
            }
            if (start >= 0 || to.name().equals(here.name())) {
                List<Edge> loop = new ArrayList<>(start >= 0 ? path.subList(start, path.size()) : List.of());
                loop.add(edge);
                return loopProblem(loop);
            }
            path.add(edge);
            Problem found = loop(to.name(), path, done);
            path.remove(path.size() - 1);
            if (found != null) {
                return found;
            }
        }
        done.add(here.name());
        return null;
    }

    /** The include loop {@code loop} (each step's layout extends or includes the next; the last closes it), at its last step. */
    private Problem loopProblem(List<Edge> loop) {
        Edge last = loop.get(loop.size() - 1);
        // Told from the layout that closes the loop: partials/footer -> partials/header -> partials/footer.
        String path = String.join(" -> ", rotate(loop));
        String source = text.apply(last.from());
        int column = Columns.of(source, last.line(), List.of(new Columns.Spot(Pattern.compile("\\{%-?\\s*(?<at>"
                + last.tag() + ")\\s+([\"'])" + Pattern.quote(last.to()) + "\\2"), true)));
        return new Position(last.line(), column).problem(displayPath.apply(last.from()), "layout error: include loop: "
                + path + ": each page would include " + (loop.size() > 1 ? "them" : "it") + " without end; remove this {% " + last.tag() + " %}"
                + (loop.size() > 1 ? " or another of the loop" : "") + " (an include meant to repeat, for a tree of "
                + "menus, goes under an {% if %} that ends it)");
    }

    /** The names of the loop, from the layout that closes it round to itself: footer -> header -> footer. */
    private List<String> rotate(List<Edge> loop) {
        Edge last = loop.get(loop.size() - 1);
        List<String> out = new ArrayList<>(List.of(name(last.from())));
        out.add(step(last));
        loop.subList(0, loop.size() - 1).forEach(edge -> out.add(step(edge)));
        return out;
    }

    /** Where {@code edge} leads, as the loop tells it: {@code partials/header}, {@code base (extended)}. */
    private String step(Edge edge) {
        return name(edge.to()) + (edge.tag().equals("extends") ? " (extended)" : "");
    }

    /**
     * The first block of {@code layout}, or of a layout it extends that extends another, that no layout above it
     * defines: its text would be shown nowhere. Null when every block has its place, or when a layout of the chain
     * is named by a value, or does not compile (the block then cannot be judged).
     */
    private Problem undefinedBlock(String layout) {
        List<Named> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Named at = outline.apply(layout, null); at != null && seen.add(at.name()); ) {
            chain.add(at);
            if (at.outline().dynamic()) {
                return null;
            }
            String parent = at.outline().parent();
            if (parent == null) {
                break;
            }
            Named next = outline.apply(parent, at.name());
            if (next == null) {
                return null;
            }
            at = next;
        }
        for (int i = 0; i < chain.size() - 1; i++) {
            Named child = chain.get(i);
            Set<String> above = new LinkedHashSet<>();
            chain.subList(i + 1, chain.size()).forEach(a -> {
                a.outline().blocks().forEach(b -> above.add(b.name()));
                printedBlocks(a, above);
            });
            for (Outlines.Block block : child.outline().blocks()) {
                if (block.topLevel() && !above.contains(block.name())) {
                    return undefined(block, child, chain.subList(i + 1, chain.size()), above);
                }
            }
        }
        return null;
    }

    /** Pebble's {@code block("name")} function, which prints the block {@code name} of the layout laid out. */
    private static final java.util.regex.Pattern BLOCK_FUNCTION =
            java.util.regex.Pattern.compile("\\bblock\\s*\\(\\s*[\"']([^\"']+)[\"']\\s*\\)");

    /**
     * Adds to {@code names} the blocks that {@code layout}, or a partial it includes, prints with {@code block("x")}:
     * a block of the layouts that extend it that it shows without defining one ({@code {{ block("scripts") }}}).
     */
    private void printedBlocks(Named layout, Set<String> names) {
        List<String> texts = new ArrayList<>();
        texts.add(text.apply(layout.name()));
        layout.outline().includes().stream().filter(i -> i.name() != null).forEach(i -> texts.add(text.apply(i.name())));
        for (String t : texts) {
            if (t != null && t.contains("block")) {
                java.util.regex.Matcher m = BLOCK_FUNCTION.matcher(t);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
    }

    /** Block {@code block} of {@code child}, which no layout of {@code above} (defining {@code blocks}) defines. */
    private Problem undefined(Outlines.Block block, Named child, List<Named> above, Set<String> blocks) {
        String parent = name(above.get(0).name());
        String defined = blocks.isEmpty() ? parent + " defines no block" : (above.size() == 1 ? parent + " defines "
                : "the layouts it extends define ") + String.join(", ", blocks.stream().sorted().toList());
        String advice = "rename it to one of those";
        String inPartial = includedDefining(block.name(), above);
        if (inPartial != null) {
            advice = inPartial + " defines one, but a block of an included layout is never replaced by the layouts "
                    + "that extend: move {% block " + block.name() + " %} out of " + inPartial + " into "
                    + name(above.get(above.size() - 1).name()) + ", or rename this one to one of those";
        } else if (blocks.isEmpty()) {
            advice = "add {% block " + block.name() + " %}{% endblock %} to " + parent + " where its text belongs";
        }
        String source = text.apply(child.name());
        int column = Columns.of(source, block.line(), List.of(new Columns.Spot(Pattern.compile("\\{%-?\\s*(?<at>block)\\s+"
                + Pattern.quote(block.name()) + "(?!\\w)"), true)));
        return new Position(block.line(), column).problem(displayPath.apply(child.name()), "layout error: block '"
                + block.name() + "' is defined by no layout that " + name(child.name()) + " extends (" + defined
                + "), so its text would be shown nowhere: " + advice);
    }

    /** The first layout included (at any depth) by a layout of {@code chain} that defines block {@code name}, or null. */
    private String includedDefining(String name, List<Named> chain) {
        Set<String> seen = new HashSet<>();
        List<Named> todo = new ArrayList<>(chain);
        while (!todo.isEmpty()) {
            Named at = todo.remove(0);
            if (!seen.add(at.name())) {
                continue;
            }
            for (Outlines.Include include : at.outline().includes()) {
                Named included = include.name() == null ? null : outline.apply(include.name(), at.name());
                if (included == null) {
                    continue;
                }
                if (included.outline().blocks().stream().anyMatch(b -> b.name().equals(name))) {
                    return name(included.name());
                }
                todo.add(included);
            }
        }
        return null;
    }

    /** A layout's name as its author writes it: {@code partials/footer}. */
    private String name(String template) {
        return Layouts.layoutName(displayPath.apply(template));
    }
}
