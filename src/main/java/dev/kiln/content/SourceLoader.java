package dev.kiln.content;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds and reads the posts, pages and static files of a site folder. */
public final class SourceLoader {

    public static final String CONTENT = "content";
    public static final String POSTS = "content/posts";
    public static final String ASSETS = "assets";
    /** Jekyll's folders and file at a site's root that a build looks for (to report them): stamped with its inputs. */
    public static final List<String> JEKYLL_FOLDERS = JekyllFolders.AT_ROOT;
    public static final String JEKYLL_CONFIG = JekyllFolders.CONFIG;
    /** Hugo's folders ({@code static/}, {@code config/_default/}) at a site's root that a build looks for, to report them. */
    public static final List<String> HUGO_FOLDERS = HugoFolders.AT_ROOT;
    /** Hugo's settings folder, {@code config/_default/}: one of {@link #HUGO_FOLDERS}, and a sign of a Hugo site. */
    public static final String HUGO_CONFIG_FOLDER = HugoFolders.CONFIG_FOLDER;
    /** Hugo's settings files at a site's root that a build looks for ({@code hugo.toml}, {@code config.yaml}...). */
    public static final List<String> HUGO_SETTINGS = HugoFolders.SETTINGS;

    private SourceLoader() {}

    /**
     * Whether {@code file}, a {@code hugo.*} or {@code config.*} at a site's root, is Hugo's settings: a
     * {@code hugo.*} always, a {@code config.*} with one of Hugo's own keys ({@code baseURL}, {@code [permalinks]}).
     */
    public static boolean isHugoSettings(Path file) {
        return HugoFolders.isHugos(file);
    }

    /**
     * Reads a text file, given its attributes as the walk found them (not following a link); a dev
     * server's reader may remember texts of unchanged files.
     */
    @FunctionalInterface
    public interface TextReader {
        String read(Path file, BasicFileAttributes attributes) throws CharacterCodingException;
    }

    /** Reads {@code content/} and lists {@code assets/} of {@code root}, in sorted order. */
    public static SiteSources load(Path root) {
        return load(root, (file, attributes) -> readUtf8(file));
    }

    /** Reads {@code content/} with {@code reader} and lists {@code assets/} of {@code root}, in sorted order. */
    public static SiteSources load(Path root, TextReader reader) {
        return load(root, reader, SourceLoader::inOrder);
    }

    /**
     * Applies a function to every item of a list and gives the results in the items' order (a build's
     * does it on its pool's threads).
     */
    public interface ListMapper {
        <T, R> List<R> map(List<T> items, java.util.function.Function<T, R> function);
    }

    private static <T, R> List<R> inOrder(List<T> items, java.util.function.Function<T, R> function) {
        List<R> results = new ArrayList<>(items.size());
        items.forEach(item -> results.add(function.apply(item)));
        return results;
    }

    /** A page to read: where it is and its site-relative path. */
    private record ToRead(Found found, String rel) {}

    /**
     * Reads {@code content/} with {@code reader}, the pages through {@code mapper} (10,000 posts: 0.43 s
     * of reading and decoding on one thread), and lists {@code assets/} of {@code root}, in sorted order.
     */
    public static SiteSources load(Path root, TextReader reader, ListMapper mapper) {
        return load(root, reader, mapper, List.of());
    }

    /**
     * As {@link #load(Path, TextReader, ListMapper)}, publishing too the hidden files and folders that
     * {@code include} names ({@code site.yml}'s {@code include}, {@link #isLeftOut}).
     */
    public static SiteSources load(Path root, TextReader reader, ListMapper mapper, List<String> include) {
        return load(root, reader, mapper, include, dev.kiln.config.SiteConfig.defaults().language());
    }

    /**
     * As {@link #load(Path, TextReader, ListMapper, List)}, for a site in {@code language} (site.yml's): a page
     * named with Hugo's suffix of that language ({@code hello.en.md}) is a problem.
     */
    public static SiteSources load(Path root, TextReader reader, ListMapper mapper, List<String> include,
                                   String language) {
        List<SourceFile> posts = new ArrayList<>();
        List<SourceFile> pages = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        java.util.Map<String, String> links = new java.util.HashMap<>();
        // In the walk's order: a page to read, or a problem (a Problem), or a static file.
        List<Object> walked = new ArrayList<>();
        List<ToRead> toRead = new ArrayList<>();
        JekyllFolders jekyll = new JekyllFolders();
        for (Found found : walk(root.resolve(CONTENT), root.resolve(CONTENT), include)) {
            Path file = found.file();
            String rel = relative(root, file);
            if (jekyll.take(rel)) {
                continue; // one problem for its whole folder, below
            }
            // A page's file is not checked for being readable: reading it reports that.
            String wrong = found.failure() != null ? found.unreadable()
                    : found.attributes().isSymbolicLink() ? unusable(root, file, include) : null;
            if (wrong != null) {
                walked.add(Problem.inFile(rel, wrong));
            } else if (isPage(file)) {
                ToRead page = new ToRead(found, rel);
                walked.add(page);
                toRead.add(page);
                if (found.attributes().isSymbolicLink()) {
                    links.put(rel, target(root, file));
                }
            } else if ((wrong = unusable(root, file, include)) != null) {
                walked.add(Problem.inFile(rel, wrong));
            } else {
                Problem markup = OtherMarkup.problem(file, rel); // Org mode's, AsciiDoc's... with front matter
                walked.add(markup != null ? markup : new StaticFile(rel, file, rel.substring(CONTENT.length() + 1)));
            }
        }
        List<Object> read = mapper.map(toRead, page -> {
            List<Problem> its = new ArrayList<>(1);
            SourceFile source = read(page.found(), page.rel(), reader, its);
            return source != null ? source : its.get(0);
        });
        int next = 0;
        for (Object item : walked) {
            Object result = item instanceof ToRead ? read.get(next++) : item;
            if (result instanceof SourceFile source) {
                (source.path().startsWith(POSTS + "/") ? posts : pages).add(source);
            } else if (result instanceof Problem problem) {
                problems.add(problem);
            } else {
                statics.add((StaticFile) result);
            }
        }
        statics = PostBundles.mark(posts, statics, problems);
        statics = PostBundles.markPages(pages, statics);
        // Hugo's names and folders, which would otherwise move pages and lose files in silence.
        // Whether a page's front matter gives its URL is read of the few names with two dots (hello.en.md) only.
        Map<String, SourceFile> dotted = new HashMap<>();
        for (List<SourceFile> sources : List.of(posts, pages)) {
            for (SourceFile source : sources) {
                String name = source.fileName();
                if (name.indexOf('.') != name.lastIndexOf('.')) {
                    dotted.put(source.path(), source);
                }
            }
        }
        problems.addAll(HugoFolders.languageSuffixes(toRead.stream().map(ToRead::rel).toList(),
                path -> dotted.containsKey(path) && HugoFolders.givesUrl(dotted.get(path)), language));
        Problem post = HugoFolders.postFolder(pages);
        if (post != null) {
            problems.add(post);
        }
        HugoFolders.AtRoot hugos = HugoFolders.atRoot(root);
        problems.addAll(hugos.problems());
        // Jekyll's own folders at the root hold posts Kiln does not read: an empty site was built from them.
        for (String folder : JekyllFolders.AT_ROOT) {
            jekyll.takeAll(folder, walk(root.resolve(folder), root, List.of()).stream()
                    .map(f -> relative(root, f.file())).toList());
        }
        problems.addAll(jekyll.problems());
        if (Files.isRegularFile(root.resolve(JekyllFolders.CONFIG))
                && !Files.exists(root.resolve(dev.kiln.config.SiteConfig.FILE))) {
            problems.add(JekyllFolders.config()); // a Jekyll site, not a Kiln site that kept its old settings
        }
        for (Found found : walk(root.resolve(ASSETS), root, include)) {
            Path file = found.file();
            String rel = relative(root, file);
            String wrong = found.failure() != null ? found.unreadable() : unusable(root, file, include);
            if (wrong != null) {
                problems.add(Problem.inFile(rel, wrong));
            } else {
                statics.add(new StaticFile(rel, file, rel));
            }
        }
        if (!problems.isEmpty()) {
            // The build stops here, before front matter is read: Hugo's TOML or JSON front matter, which that
            // would say file by file, is said now too, so that a Hugo site's first build names all it has to do.
            Problem unconverted = HugoFiles.unconverted(java.util.stream.Stream.concat(posts.stream(), pages.stream())
                    .toList());
            if (unconverted != null) {
                problems.add(unconverted);
            }
            throw new SiteException(problems);
        }
        return new SiteSources(posts, pages, statics, links, hugos.notices());
    }

    /** The site-relative path of the file the link {@code file} leads to (through any further links). */
    private static String target(Path root, Path file) {
        try {
            return relative(root.toRealPath(), file.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sources of {@code root} when, since {@code last} was loaded, only the files at {@code changed}
     * (site-relative paths) were written to, none made, moved or removed, as a file watcher can tell: the
     * pages among them are read again, the other sources taken from {@code last} without looking at the
     * folders. A page that is a link to a changed file is read again too: the watcher sees the write to the
     * file, not to the link. Null when that cannot be known to give what {@link #load} would (a changed file
     * is no longer a regular file, or no longer a page, or is not one of {@code last}'s sources): then load.
     */
    public static SiteSources reload(Path root, SiteSources last, java.util.Set<String> changed, TextReader reader) {
        java.util.Set<String> known = new java.util.HashSet<>();
        java.util.Set<String> linked = new java.util.HashSet<>();
        last.links().forEach((link, target) -> {
            if (changed.contains(target)) {
                linked.add(link);
                known.add(target); // read again through its links, wherever it is (notes/a.md)
            }
        });
        List<Problem> problems = new ArrayList<>();
        List<List<SourceFile>> lists = new ArrayList<>();
        for (List<SourceFile> sources : List.of(last.posts(), last.pages())) {
            List<SourceFile> now = new ArrayList<>(sources);
            for (int i = 0; i < now.size(); i++) {
                String rel = now.get(i).path();
                boolean written = changed.contains(rel);
                if (!written && !linked.contains(rel)) {
                    continue;
                }
                if (written) {
                    known.add(rel);
                }
                if (rel.startsWith(HugoFolders.POST + "/")) {
                    return null; // a date written there makes Hugo's content/post/ an error: load looks
                }
                Path file = root.resolve(rel);
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    return null;
                }
                boolean stillLinked = attributes.isSymbolicLink() && last.links().containsKey(rel)
                        && Files.isRegularFile(file);
                if (!(attributes.isRegularFile() || stillLinked) || !isPage(file)) {
                    return null;
                }
                now.set(i, read(new Found(file, attributes), rel, reader, problems));
            }
            lists.add(now);
        }
        for (StaticFile file : last.statics()) {
            if (changed.contains(file.sourcePath())) {
                String name = file.file().getFileName().toString();
                if (name.endsWith(".html") || OtherMarkup.isNamed(name)) {
                    return null; // front matter may have been written into it: a page now, or an error
                }
                known.add(file.sourcePath()); // its bytes are read again when they are copied
            }
        }
        if (known.size() != changed.size()) {
            return null;
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        return new SiteSources(lists.get(0), lists.get(1), last.statics(), last.links(), last.notices());
    }

    /** The page {@code found} read with {@code reader}, or null with its problem added to {@code problems}. */
    private static SourceFile read(Found found, String rel, TextReader reader, List<Problem> problems) {
        try {
            return new SourceFile(rel, reader.read(found.file(), found.attributes()));
        } catch (NotText e) {
            problems.add(e.at().problem(rel, e.reason()));
        } catch (CharacterCodingException e) {
            problems.add(Problem.inFile(rel, "not valid UTF-8 text: save the file as UTF-8"));
        } catch (UncheckedIOException e) {
            problems.add(Problem.inFile(rel, unreadable(e.getCause(), false)));
        }
        return null;
    }

    private static final String OUTSIDE = "is a link to a file outside the site folder, which a build never "
            + "publishes: copy the file into the site instead";

    /**
     * Why {@code file} cannot be part of the site, or null: a link that leads nowhere or to a folder (which
     * a walk does not follow, so its files would be silently left out), a link out of the site folder or to
     * a hidden file in it (the walk leaves {@code .git/config} and {@code .env} out; a link must not publish
     * them), a file the build may not read.
     */
    private static String unusable(Path root, Path file, List<String> include) {
        if (Files.isSymbolicLink(file)) {
            if (!Files.exists(file)) {
                return "is a symbolic link that leads nowhere (its target is missing, or links point at each "
                        + "other in a loop): remove the link or point it at a file";
            }
            String hidden = hiddenTarget(root, file, include);
            if (hidden != null) {
                return hidden;
            }
            if (Files.isDirectory(file)) {
                return "is a symbolic link to a folder, which a build does not follow (such links can loop): "
                        + "move the folder here, or link its files one by one";
            }
        }
        if (!Files.isReadable(file)) {
            return unreadable(new java.nio.file.AccessDeniedException(file.toString()), false);
        }
        return null;
    }

    /**
     * Why a file or folder cannot be read, and what to do, for a problem at its path: a folder (which a walk
     * could not look into) needs {@code x} as well as {@code r} to be walked.
     */
    public static String unreadable(Throwable e, boolean folder) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot be read: permission denied: make it readable (chmod " + (folder ? "a+rx" : "a+r")
                    + "), or move it out of the site";
        }
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return "cannot be read: " + reason + ": fix or move it";
    }

    /**
     * Why the symbolic link {@code file} may not publish what it leads to, or null: its target (through any
     * further links) is outside the site folder, or is hidden there as the walk leaves hidden files out
     * ({@link #isLeftOut}: {@code .git/config}, {@code .env}), unless {@code include} names it.
     */
    private static String hiddenTarget(Path root, Path file, List<String> include) {
        Path target;
        Path site;
        try {
            target = file.toRealPath();
            site = root.toRealPath();
        } catch (IOException e) {
            return OUTSIDE;
        }
        if (!target.startsWith(site)) {
            return OUTSIDE;
        }
        Path inSite = site.relativize(target);
        // Judged at the path the target would be published at, where include: reaches (content/, assets/);
        // anywhere else in the site folder (its .env, .git) a hidden file is never published.
        if (isLeftOutOfSite(inSite, include)) {
            return "is a link to " + slashed(inSite) + ", a hidden file that a build does not publish: remove the "
                    + "link, or copy what should be published into a file of its own (include: in site.yml publishes "
                    + "hidden files of content/ and assets/ only)";
        }
        return null;
    }

    /**
     * Markdown files are pages; HTML files are pages only when they start with front matter: YAML, or Hugo's TOML
     * or JSON, or front matter below blank lines, as Hugo reads them (each an error when it is read, where a copy
     * would publish it as text, a draft too).
     */
    private static boolean isPage(Path file) {
        String name = file.getFileName().toString();
        if (SourceFile.isMarkdown(name)) {
            return true;
        }
        if (name.endsWith(".html")) {
            try {
                // A UTF-8 byte order mark may precede the front matter; readUtf8 drops it too.
                String head = FrontMatterStart.head(file);
                return head.startsWith("---") || FrontMatterStart.of(head) != null;
            } catch (IOException e) {
                return true; // reported as unreadable when it is read
            }
        }
        return false;
    }

    /**
     * The text of a UTF-8 file, without a byte order mark; malformed UTF-8 and NUL bytes (binary files,
     * UTF-16 text) are a {@link NotText} at the first such byte.
     */
    public static String readUtf8(Path file) throws CharacterCodingException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The JDK's String decoding is twice as fast as a decoder's (10,000 posts: 0.39 s against 0.83 s,
        // read once, as a build does), but puts U+FFFD for malformed bytes: only a text that holds one
        // is decoded again strictly, to tell a file's own U+FFFD from bytes that are not UTF-8.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                NotText why = NotText.of(bytes);
                throw why != null ? why : e;
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw NotText.of(bytes);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The files of the site below {@code root}'s {@code folder}, sorted: hidden files and folders and editors'
     * leftovers passed over, and so is a file gone between the listing and the look (an editor saving by
     * renaming). A folder or file the walk may not look into is added to {@code problems}, at its path.
     */
    public static List<Path> files(Path root, String folder, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        for (Found found : walk(root.resolve(folder), root, List.of())) {
            if (found.failure() != null) {
                problems.add(Problem.inFile(relative(root, found.file()), found.unreadable()));
            } else {
                files.add(found.file());
            }
        }
        return files;
    }

    /**
     * A file a walk found, with its attributes (of the link itself when it is one); or a folder (or file) it
     * could not look into, with the {@code failure} that says why.
     */
    private record Found(Path file, BasicFileAttributes attributes, IOException failure) {
        Found(Path file, BasicFileAttributes attributes) {
            this(file, attributes, null);
        }

        /** Why the walk could not look at this file or into this folder, and what to do; null when it could. */
        String unreadable() {
            return failure == null ? null : SourceLoader.unreadable(failure, Files.isDirectory(file));
        }
    }

    /**
     * Regular files below {@code dir}, sorted, skipping hidden files and folders and editor leftovers; one
     * look at each file (a rebuild walks a thousand posts for every save). A folder or file it may not look
     * into (as {@code chmod 000} makes a folder) is found with its failure, and the walk goes on beside it.
     * Hidden files and folders that {@code include} names are walked too, named by their path from
     * {@code published} (as the site publishes them).
     */
    private static List<Found> walk(Path dir, Path published, List<String> include) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    return folder.equals(dir) || !leftOut(folder)
                            || !include.isEmpty() && holdsIncluded(published.relativize(folder), include)
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // Links that are not to a regular file (loops, dead ends, folders) are kept to be reported.
                    if ((attributes.isRegularFile() || attributes.isSymbolicLink()) && !leftOut(file)) {
                        found.add(new Found(file, attributes));
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** Hidden (or an editor's), and not named by {@code include}: the walk passes it over. */
                private boolean leftOut(Path file) {
                    return include.isEmpty() ? ignoredName(file) : isLeftOut(published.relativize(file), include);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                    return e == null ? FileVisitResult.CONTINUE : visitFileFailed(folder, e); // its listing broke off
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!isPassedOver(file, e)) {
                        found.add(new Found(file, null, e)); // reported at its path; the walk goes on beside it
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(java.util.Comparator.comparing(Found::file));
        return found;
    }

    /**
     * Whether a walk passes over an entry it listed but could not look at: a file gone by then (an editor's
     * temporary file renamed over a post as it saves, a file deleted during the build) or a hidden one, as if
     * the walk had come a moment later or earlier. Any other (a folder the build may not read, as
     * {@code chmod 000} makes it) is a problem at its path.
     */
    static boolean isPassedOver(Path file, IOException e) {
        return e instanceof java.nio.file.NoSuchFileException || ignoredName(file);
    }

    private static boolean ignoredName(Path file) {
        return isIgnored(file.getFileName());
    }

    /**
     * Hidden files and folders, editor swap, backup and temporary files are never part of a site: besides
     * names starting with {@code .} or {@code #} or ending in {@code ~}, {@code .swp}, {@code .swx} or
     * {@code .tmp}, Vim's probe {@code 4913}, the {@code sedXXXXXX} that {@code sed -i} writes before
     * renaming it over the file it edits, and the {@code x.md___jb_tmp___} and {@code x.md___jb_old___} of
     * JetBrains' editors' safe write (the new text, then the old file renamed aside, then the new one renamed
     * over it).
     */
    public static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")
                    || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp")
                    || name.equals("4913") || isSedTemporary(name)
                    || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the file or folder at {@code published} (its path as the site publishes it) is left out of the
     * site: one of its names is ignored ({@link #isIgnored}) and {@code include} names neither it (a name at
     * any depth, {@code .well-known}) nor its path up to it ({@code .well-known/security.txt}), as Jekyll's
     * {@code include:} reads them. {@code .git} is always left out.
     */
    public static boolean isLeftOut(Path published, List<String> include) {
        int n = published.getNameCount();
        String[] upTo = new String[n]; // the path up to each name: .well-known, .well-known/security.txt
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            path.append(i == 0 ? "" : "/").append(published.getName(i));
            upTo[i] = path.toString();
        }
        for (int i = 0; i < n; i++) {
            Path part = published.getName(i);
            String name = part.toString();
            if (name.equals(".git")) {
                return true;
            }
            if (isIgnored(part) && !include.contains(name) && !namesPathFrom(include, upTo, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code include} names the path up to one of the names from the {@code i}th on. */
    private static boolean namesPathFrom(List<String> include, String[] upTo, int i) {
        for (int j = i; j < upTo.length; j++) {
            if (include.contains(upTo[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a walk looks into the left-out folder at {@code published}: {@code include} names a path below
     * it ({@code .well-known/security.txt} for {@code .well-known}), whose files {@link #isLeftOut} then judges.
     */
    static boolean holdsIncluded(Path published, List<String> include) {
        String prefix = SourceLoader.slashed(published) + "/";
        for (String entry : include) {
            if (entry.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the file or folder at {@code siteRelative} (its path in the site folder: below {@code content/},
     * {@code assets/} or {@code layouts/}) is left out of the site, as a build that publishes {@code include}
     * reads the folders: {@link #isLeftOut} at its path as published (below {@code content/}, without that
     * folder's name; below {@code assets/}, with it); elsewhere, where {@code include} does not reach (layouts),
     * when it is {@link #isIgnored}.
     */
    public static boolean isLeftOutOfSite(Path siteRelative, List<String> include) {
        String top = siteRelative.getNameCount() == 0 ? "" : siteRelative.getName(0).toString();
        if (top.equals(CONTENT) && siteRelative.getNameCount() > 1) {
            return isLeftOut(siteRelative.subpath(1, siteRelative.getNameCount()), include);
        }
        return top.equals(ASSETS) ? isLeftOut(siteRelative, include) : isIgnored(siteRelative);
    }

    /** GNU sed's {@code -i} file: {@code sed} and six letters or digits (mkstemp's template sedXXXXXX). */
    private static boolean isSedTemporary(String name) {
        if (name.length() != 9 || !name.startsWith("sed")) {
            return false;
        }
        for (int i = 3; i < 9; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String relative(Path root, Path file) {
        return slashed(root.relativize(file));
    }

    /**
     * {@code relative} with {@code /} between its names: the system's separator replaced where it is another
     * (Windows' {@code \\}); elsewhere a {@code \\} is a character of a name ({@code Back\\slash.txt}) and stays.
     */
    public static String slashed(Path relative) {
        String separator = relative.getFileSystem().getSeparator();
        return separator.equals("/") ? relative.toString() : relative.toString().replace(separator, "/");
    }
}
