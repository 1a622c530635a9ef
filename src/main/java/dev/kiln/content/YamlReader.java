package dev.kiln.content;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML safely (no custom types, few aliases, bounded size), keeping dates as text so that
 * {@link DateParser} can read them in the site's time zone. The only SnakeYAML user (with {@link QuickYaml}).
 */
public final class YamlReader {

    private YamlReader() {}

    /**
     * Reads a YAML mapping that starts at {@code firstLine} of {@code path}; an empty text is an empty
     * mapping. Throws a {@link SiteException} at the place of a syntax error.
     */
    public static YamlDocument read(String path, String yaml, int firstLine) {
        YamlDocument quick = QUICK.read(yaml, firstLine);
        return quick != null ? quick : readWithSnakeYaml(path, yaml, firstLine);
    }

    /** The common front matter, read without SnakeYAML's parser (its resolver types the plain values). */
    /**
     * The message for {@code key}, written more than once in {@code mapping}: the lines it is on and the value Hugo and
     * Jekyll used, the last (as written, when on one line), to keep. PaperMod's sample front matter writes
     * {@code disableHLJS} twice, and many PaperMod blogs copied it.
     */
    private static String duplicate(String key, MappingNode mapping, String yaml, int firstLine) {
        List<Integer> lines = new java.util.ArrayList<>();
        Node last = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                lines.add(position(k.getStartMark(), firstLine).line());
                last = tuple.getValueNode();
            }
        }
        String written = last instanceof ScalarNode && last.getStartMark() != null && last.getEndMark() != null
                ? yaml.substring(last.getStartMark().getIndex(), last.getEndMark().getIndex()).strip() : "";
        String at = lines.get(lines.size() - 1).toString();
        String value = written.isEmpty() || written.contains("\n") || written.length() > 60 ? "on line " + at
                : key + ": " + written + " on line " + at;
        String all = lines.size() == 2 ? lines.get(0) + " and " + lines.get(1)
                : String.join(", ", lines.subList(0, lines.size() - 1).stream().map(String::valueOf).toList())
                + " and " + at;
        return "key '" + key + "' appears " + (lines.size() == 2 ? "twice" : lines.size() + " times") + " (lines " + all
                + "): Hugo and Jekyll used the last one, " + value + ", so keep that one and remove the other"
                + (lines.size() == 2 ? "" : "s");
    }

    private static final QuickYaml QUICK = new QuickYaml(new TextDatesResolver());

    /** {@link #read}, all of it by SnakeYAML. */
    static YamlDocument readWithSnakeYaml(String path, String yaml, int firstLine) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1024 * 1024);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        ValueConstructor constructor = new ValueConstructor(options);
        // Yaml is not thread-safe: one per read.
        Yaml parser = new Yaml(constructor, new Representer(new DumperOptions()), new DumperOptions(), options,
                new TextDatesResolver());
        try {
            Node root = parser.compose(new StringReader(yaml));
            if (root == null) {
                return YamlDocument.EMPTY;
            }
            refuseCycles(root, path, firstLine);
            if (!(root instanceof MappingNode mapping)) {
                throw new SiteException(position(root.getStartMark(), firstLine).problem(path,
                        "expected 'key: value' lines here, found a " + kind(root) + ": write each setting as 'key: value'"));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Position> positions = new LinkedHashMap<>();
            Map<String, Position> keyPositions = new LinkedHashMap<>();
            Map<String, List<Position>> itemPositions = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    throw new SiteException(position(keyNode.getStartMark(), firstLine).problem(path,
                            "a key must be plain text"));
                }
                String key = scalarKey.getValue();
                if (values.containsKey(key)) {
                    throw new SiteException(position(keyNode.getStartMark(), firstLine).problem(path,
                            duplicate(key, mapping, yaml, firstLine)));
                }
                // Before the value is made: making it resolves the merges ('<<') in its nodes.
                if (tuple.getValueNode() instanceof MappingNode nested) {
                    nestedKeys(key, nested, keyPositions, firstLine);
                }
                values.put(key, value(constructor, tuple.getValueNode(), path, firstLine));
                positions.put(key, position(tuple.getValueNode().getStartMark(), firstLine));
                keyPositions.put(key, position(keyNode.getStartMark(), firstLine));
                if (tuple.getValueNode() instanceof SequenceNode list) {
                    itemPositions.put(key, list.getValue().stream()
                            .map(item -> position(item.getStartMark(), firstLine)).toList());
                }
            }
            return new YamlDocument(values, positions, keyPositions, itemPositions);
        } catch (MarkedYAMLException e) {
            String unclosed = unclosed(e, yaml);
            if (unclosed != null) {
                throw new SiteException(position(e.getContextMark(), firstLine).problem(path, unclosed));
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? new Position(firstLine, 1) : position(mark, firstLine);
            throw new SiteException(at.problem(path, describe(e)));
        } catch (YAMLException e) {
            throw new SiteException(new Problem(path, firstLine, 1, "invalid YAML: "
                    + String.valueOf(e.getMessage()).replaceFirst("\\.$", "") + hint(e)));
        }
    }

    /**
     * Records where each key of the mapping under {@code path} is written, as {@code path.key} (and deeper): a key
     * merged in by {@code <<} stands where its {@code <<} does, unless the mapping writes it itself.
     */
    private static void nestedKeys(String path, MappingNode mapping, Map<String, Position> keyPositions,
                                   int firstLine) {
        List<NodeTuple> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            if (key.getValue().equals("<<")) {
                merges.add(tuple);
                continue;
            }
            String at = path + "." + key.getValue();
            keyPositions.putIfAbsent(at, position(key.getStartMark(), firstLine));
            if (tuple.getValueNode() instanceof MappingNode nested) {
                nestedKeys(at, nested, keyPositions, firstLine);
            }
        }
        for (NodeTuple merge : merges) {
            Position at = position(merge.getKeyNode().getStartMark(), firstLine);
            List<Node> merged = merge.getValueNode() instanceof SequenceNode seq ? seq.getValue()
                    : List.of(merge.getValueNode());
            for (Node m : merged) {
                if (m instanceof MappingNode mergedMapping) {
                    for (NodeTuple tuple : mergedMapping.getValue()) {
                        if (tuple.getKeyNode() instanceof ScalarNode key && !key.getValue().equals("<<")) {
                            keyPositions.putIfAbsent(path + "." + key.getValue(), at);
                        }
                    }
                }
            }
        }
    }

    /** The value of {@code node}; a value its explicit tag cannot read ({@code !!int many}) is a problem there. */
    private static Object value(ValueConstructor constructor, Node node, String path, int firstLine) {
        try {
            return constructor.value(node);
        } catch (YAMLException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SiteException(position(node.getStartMark(), firstLine).problem(path,
                    "invalid YAML: this value cannot be read as its '!!' tag says (" + e.getMessage()
                            + "): fix the value or remove the tag"));
        }
    }

    /** An alias inside its own anchor makes a value without end, which no page could ever print. */
    private static void refuseCycles(Node node, String path, int firstLine) {
        refuseCycles(node, path, firstLine, Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void refuseCycles(Node node, String path, int firstLine, Set<Node> open, Set<Node> done) {
        if (done.contains(node)) {
            return;
        }
        if (!open.add(node)) {
            throw new SiteException(position(node.getStartMark(), firstLine).problem(path,
                    "invalid YAML: an alias inside its own anchor makes a value without end: remove the alias"));
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                refuseCycles(tuple.getKeyNode(), path, firstLine, open, done);
                refuseCycles(tuple.getValueNode(), path, firstLine, open, done);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                refuseCycles(item, path, firstLine, open, done);
            }
        }
        open.remove(node);
        done.add(node);
    }

    /** What to do about a limit that keeps a hostile or runaway file from exhausting the build. */
    private static String hint(YAMLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Number of aliases")) {
            return ": at most 10 aliases (*name) of lists or maps are allowed, so that a few lines cannot grow "
                    + "into billions of values: write the values out";
        }
        if (m.contains("Nesting Depth")) {
            return ": nest lists and maps at most 20 levels deep";
        }
        if (m.contains("exceeds the limit")) {
            return ": front matter and site.yml may hold at most 1 MiB: move long text into the body";
        }
        return "";
    }

    /**
     * What is wrong when a quote, list or map opened on one line is never closed, so that SnakeYAML reads on to
     * the end of the YAML (or into the next line's {@code key:}) and reports the problem there (at the front
     * matter's closing {@code ---}): the problem is told where the quote or bracket opens (its context mark).
     * Null for any other problem.
     */
    private static String unclosed(MarkedYAMLException e, String yaml) {
        Mark problem = e.getProblemMark();
        Mark context = e.getContextMark();
        String while_ = e.getContext();
        String what = e.getProblem();
        if (problem == null || context == null || while_ == null || what == null) {
            return null;
        }
        boolean atEnd = what.contains("end of stream") || what.contains("<stream end>");
        // A list or map whose next line is read as one of its items (tags: [go, web, then date: ...) was not closed.
        boolean runsOn = problem.getLine() > context.getLine() && while_.contains("flow")
                && (what.contains("expected ',' or ']'") || what.contains("expected ',' or '}'"));
        if (!atEnd && !runsOn) {
            return null;
        }
        if (while_.contains("quoted scalar")) {
            String[] lines = yaml.split("\n", -1);
            String line = context.getLine() < lines.length ? lines[context.getLine()] : "";
            int at = context.getColumn() <= line.codePointCount(0, line.length())
                    ? line.offsetByCodePoints(0, context.getColumn()) : line.length();
            char quote = at < line.length() && line.charAt(at) == '\'' ? '\'' : '"';
            return "invalid YAML: this quote (" + quote + ") is never closed: close it on this line with " + quote;
        }
        if (while_.contains("flow sequence")) {
            return "invalid YAML: this list ([) is never closed: close it on this line with ], like tags: [go, web]";
        }
        if (while_.contains("flow mapping")) {
            return "invalid YAML: this map ({) is never closed: close it on this line with }, like author: {name: Ann}";
        }
        return null;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String hint = "";
        if (problem.contains("mapping values are not allowed")) {
            String key = indentedKey(e.getProblemMark());
            int above = key == null ? 0 : indentAbove(e.getProblemMark());
            hint = key == null ? ": a value holding ': ' must be quoted, like title: \"Java: the good parts\""
                    : above == 0
                    ? ": this line is indented, so YAML reads it as more of the value above it, not as a key: start "
                            + key + ": at the line's start (or, if a map was meant, leave its key above without a"
                            + " value, like author: with name: Ann indented on the next line)"
                    : ": this line is indented further than the key above it, so YAML reads it as more of that key's "
                            + "value, not as a key: indent " + key + ": as the key above it, " + above + " space"
                            + (above == 1 ? "" : "s") + " in (or, if a map was meant, leave the key above without"
                            + " a value)";
        } else if (problem.contains("found character '\\t")) {
            hint = tabStartsLine(e.getProblemMark()) ? ": indent with spaces, not tabs"
                    : ": YAML takes no tab before a value: put a space after the colon instead, like title: My post";
        } else if (problem.contains("special characters are not allowed")) {
            hint = ": remove the control character (a NUL or other invisible byte) here";
        } else if (problem.contains("Nesting Depth")) {
            hint = ": nest lists and maps at most 20 levels deep";
        } else if (problem.contains("found duplicate key")) {
            hint = ": keep one of them";
        } else if (problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'")) {
            hint = ": a list [a, b] or map {k: v} on one line needs a comma between its items and its closing"
                    + " bracket; quote an item that holds a comma, bracket or ': ', like [\"C, C++\", Java]";
        } else if (problem.contains("did not find expected key") || problem.contains("could not find expected ':'")
                || problem.contains("expected <block end>")) {
            hint = ": each line holds 'key: value' with the keys of one map lined up; quote a value that goes on"
                    + " after a quote, bracket or '#', like title: \"\\\"Quoted\\\" and more\"";
        } else if (problem.contains("cannot start any token")) {
            hint = ": quote a value that starts with @ or `, like handle: \"@me\"";
        } else {
            hint = ": check the YAML on this line (quote a value that holds ': ', ' #' or starts with [, {, *, &, !, |, >, @ or `)";
        }
        return "invalid YAML: " + (context.isEmpty() ? "" : context + ": ") + problem + hint;
    }

    /**
     * The key-like name that alone stands before {@code mark} (the ': ' SnakeYAML stopped at) on a line that is
     * indented, as in {@code   tags: x} under {@code date: 2026-12-07}: such a line continues the value above it,
     * so the mistake is the indentation, not a missing quote. Null when the line is not indented or more than a
     * name stands before the colon ({@code title: Java: the good parts}).
     */
    private static String indentedKey(Mark mark) {
        if (mark == null || mark.getBuffer() == null) {
            return null;
        }
        int[] buffer = mark.getBuffer();
        int end = Math.min(mark.getPointer(), buffer.length);
        int start = end;
        while (start > 0 && buffer[start - 1] != '\n') {
            start--;
        }
        int nameStart = start;
        while (nameStart < end && buffer[nameStart] == ' ') {
            nameStart++;
        }
        if (nameStart == start || nameStart == end) {
            return null;
        }
        String name = new String(buffer, nameStart, end - nameStart);
        return name.matches("[\\p{L}_][\\p{L}\\p{N}_.-]*") ? name : null;
    }

    /** How many spaces indent the line above {@code mark}'s that is not blank (0 when there is none). */
    private static int indentAbove(Mark mark) {
        int[] buffer = mark.getBuffer();
        int i = Math.min(mark.getPointer(), buffer.length);
        while (i > 0 && buffer[i - 1] != '\n') {
            i--; // to the start of the mark's line
        }
        while (i > 0) {
            int end = i - 1; // the newline that ends the line above
            int start = end;
            while (start > 0 && buffer[start - 1] != '\n') {
                start--;
            }
            int indent = 0;
            while (start + indent < end && buffer[start + indent] == ' ') {
                indent++;
            }
            if (start + indent < end && buffer[start + indent] != '\r') {
                return indent;
            }
            i = start;
        }
        return 0;
    }

    /** Whether only white space stands before {@code mark} on its line (a tab that indents, not one after a colon). */
    private static boolean tabStartsLine(Mark mark) {
        if (mark == null || mark.getBuffer() == null) {
            return true;
        }
        int[] buffer = mark.getBuffer();
        for (int i = Math.min(mark.getPointer(), buffer.length) - 1; i >= 0 && buffer[i] != '\n'; i--) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String kind(Node node) {
        return switch (node.getNodeId()) {
            case sequence -> "list";
            case scalar -> "single value";
            default -> node.getNodeId().name();
        };
    }

    private static Position position(Mark mark, int firstLine) {
        return new Position(firstLine + mark.getLine(), mark.getColumn() + 1);
    }

    /** SnakeYAML's safe constructor, opened up to build the value of one node. */
    private static final class ValueConstructor extends SafeConstructor {
        ValueConstructor(LoaderOptions options) {
            super(options);
        }

        Object value(Node node) {
            return constructObject(node);
        }
    }

    /** YAML 1.1's implicit types, less timestamps: dates stay text so their zone is not lost. */
    static final class TextDatesResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.YAML, YAML, "!&*");
        }
    }
}
