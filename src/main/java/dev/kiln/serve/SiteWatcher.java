package dev.kiln.serve;

import dev.kiln.content.SourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches what a site is made of: {@code site.yml} and everything under {@code content/},
 * {@code layouts/} and {@code assets/}, new folders included, Jekyll's {@code _posts/}, {@code _drafts/} and
 * {@code _config.yml} and Hugo's {@code static/}, {@code config/_default/}, {@code hugo.toml} and its kin at the
 * root (the build's errors) (hidden files and folders as far as
 * {@code site.yml}'s {@code include} publishes them, as the last build read it), and the files that pages are symbolic
 * links to elsewhere in the site ({@code content/about.md} → {@code notes/about.md}): the folder of each
 * such file is watched while a link leads there, also when it is removed and made again (its coming back,
 * or a folder's on its way, is a change). A burst of events (an editor saving
 * through a temporary file and a rename) gives one call of the listener, after a short quiet time.
 *
 * <p>The JDK's {@link WatchService} rather than a watcher library: the site folder itself must be
 * watched without its subfolders (it holds {@code target/} and {@code .git/}), which whole-tree
 * watchers cannot do, and on Linux a library would use this same service.
 */
final class SiteWatcher implements AutoCloseable {

    static final List<String> FOLDERS = dev.kiln.build.Build.SOURCE_FOLDERS;
    private static final String CONFIG = dev.kiln.config.SiteConfig.FILE;

    private final Path root;
    private final WatchService service;
    private final Consumer<Set<String>> listener;
    private final long quietMillis;
    private final Thread thread;
    /**
     * The hidden files and folders that {@code site.yml}'s {@code include} publishes, as the last build read it: a
     * change to them is a change of the site ({@link SourceLoader#isLeftOutOfSite}).
     */
    private volatile List<String> include = List.of();
    /** The site-relative paths of the files that pages link to outside the watched folders (or ignored in them). */
    private volatile Set<String> targets = Set.of();
    /** The folders of {@link #targets} outside the watched folders: each is watched while it exists. */
    private volatile Set<Path> wanted = Set.of();
    /** The folders watched for {@link #targets} alone, with their keys: cancelled when no link leads there any more. */
    private final Map<Path, WatchKey> targetFolders = new HashMap<>();
    /**
     * The folders on the way to a wanted folder that is missing (removed, as by a checkout), watched until it
     * is made again so that its coming back is seen ({@code notes/} for {@code notes/drafts/}; the site
     * folder itself, always watched, sees {@code notes/} made).
     */
    private final Map<Path, WatchKey> waypoints = new HashMap<>();
    /** The keys {@link #rewatch()} registered and has not cancelled yet. */
    private final Set<WatchKey> registered = new HashSet<>();

    /**
     * Watches the site in {@code root}; after each burst of changes, {@code listener} gets the site-relative
     * paths of the files under {@code content/} and {@code assets/} that were written to, or null when
     * anything else happened too (a file made, moved or removed, a layout or {@code site.yml} changed,
     * events lost).
     */
    SiteWatcher(Path root, long quietMillis, Consumer<Set<String>> listener) {
        this.root = root.toAbsolutePath().normalize();
        this.listener = listener;
        this.quietMillis = quietMillis;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            register(this.root);
            for (String folder : FOLDERS) {
                registerTree(this.root.resolve(folder));
            }
            // Jekyll's _posts/ and _drafts/ at the root are errors of the build: their coming and going must rebuild,
            // or the error overlay stays (or never comes); so must _config.yml's, an error without site.yml.
            for (String folder : SourceLoader.JEKYLL_FOLDERS) {
                registerTree(this.root.resolve(folder)); // the error counts its files: their removal is a change
            }
            // And so are Hugo's static/ and config/_default/ (config/ is watched: _default/ may be made in it).
            for (String folder : SourceLoader.HUGO_FOLDERS) {
                registerTree(this.root.resolve(Path.of(folder).getName(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::loop, "kiln-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Takes changes to the hidden files and folders that {@code include} names ({@code site.yml}'s, as the build
     * that read it last publishes them) as changes of the site from now on, and to others no longer. Every folder
     * below the watched folders is watched, hidden or not, so that one made before {@code include} names it is seen.
     */
    void include(List<String> include) {
        this.include = List.copyOf(include);
    }

    /**
     * Watches the files at {@code linked} (site-relative paths: the targets of the pages that are symbolic
     * links) too, and stops watching the folders of targets no page links to any more. A target in a
     * folder that cannot be watched (not readable) is passed over: its edits are not seen, as before.
     */
    synchronized void watchTargets(Collection<String> linked) {
        Set<String> elsewhere = new HashSet<>();
        Set<Path> folders = new HashSet<>();
        for (String target : linked) {
            Path rel = Path.of(target);
            if (concernsSite(rel)) {
                continue; // watched already
            }
            elsewhere.add(target);
            Path folder = root.resolve(rel).getParent();
            if (!FOLDERS.contains(rel.getName(0).toString()) && !folder.equals(root)) { // those are watched already
                folders.add(folder);
            }
        }
        wanted = Set.copyOf(folders);
        targets = Set.copyOf(elsewhere);
        rewatch();
    }

    /**
     * Watches each wanted folder that is not watched: new, or its key no longer valid (the folder was removed,
     * perhaps made again since). While one is missing, the folders on its way to it that exist are watched,
     * each before the next is looked for, so that whatever is made meanwhile is either found or an event.
     * Cancels the keys no longer needed.
     */
    private synchronized void rewatch() {
        Set<Path> onTheWay = new HashSet<>();
        for (Path folder : wanted) {
            WatchKey key = targetFolders.get(folder);
            if (key != null && key.isValid()) {
                continue;
            }
            targetFolders.remove(folder);
            Path rel = root.relativize(folder);
            List<Path> way = new ArrayList<>();
            boolean reached = true;
            for (int i = 1; i < rel.getNameCount() && reached; i++) {
                Path step = root.resolve(rel.subpath(0, i));
                way.add(step);
                WatchKey stepKey = waypoints.get(step);
                if (stepKey == null || !stepKey.isValid()) {
                    stepKey = tryRegister(step);
                    if (stepKey == null) {
                        reached = false;
                    } else {
                        waypoints.put(step, stepKey);
                    }
                }
            }
            WatchKey made = reached ? tryRegister(folder) : null;
            if (made != null) {
                targetFolders.put(folder, made);
            } else {
                onTheWay.addAll(way);
            }
        }
        targetFolders.keySet().retainAll(wanted);
        waypoints.keySet().retainAll(onTheWay);
        // One folder registered twice has one key: cancel only the keys that nothing watched uses.
        Set<WatchKey> used = new HashSet<>(targetFolders.values());
        used.addAll(waypoints.values());
        for (WatchKey key : registered) {
            if (!used.contains(key)) {
                key.cancel();
            }
        }
        registered.retainAll(used);
    }

    /** The key of {@code dir}, now watched, or null when it is gone, unreadable, or the watcher closed. */
    private WatchKey tryRegister(Path dir) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            registered.add(key);
            return key;
        } catch (IOException | ClosedWatchServiceException e) {
            return null;
        }
    }

    /** Whether a key of {@link #rewatch()}'s became invalid (its folder removed): the folders must be looked for again. */
    private synchronized boolean lost(WatchKey key) {
        return registered.contains(key);
    }

    /** Whether {@code dir} is a folder of {@link #targets} or a folder on the way to one. */
    private boolean onTheWay(Path dir) {
        for (Path folder : wanted) {
            if (folder.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    /** The folders watched now for the files that pages link to, and for nothing else. */
    synchronized Set<Path> targetFolders() {
        return Set.copyOf(targetFolders.keySet());
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Burst burst = new Burst();
                drain(key, burst);
                // Wait until the burst is over: keep draining while events keep coming.
                WatchKey next;
                while ((next = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(next, burst);
                }
                if (burst.relevant) {
                    listener.accept(burst.anything ? null : burst.written);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** What one burst of events did to the site. */
    private static final class Burst {
        /** Whether any event concerns the site. */
        boolean relevant;
        /** Whether anything but writes to files of content/ and assets/ happened. */
        boolean anything;
        /** The files of content/ and assets/ written to, by site-relative path. */
        final Set<String> written = new TreeSet<>();
    }

    /** Reads a key's events into {@code burst} and registers new folders. */
    private void drain(WatchKey key, Burst burst) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                burst.relevant = true;
                burst.anything = true;
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            Path rel = root.relativize(changed);
            String path = rel.toString().replace('\\', '/');
            boolean site = concernsSite(rel);
            boolean target = targets.contains(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && (inFolders(rel) || inJekyllFolders(rel)
                    || inHugoFolders(rel)) && Files.isDirectory(changed)) {
                registerTree(changed); // hidden or not: include may name it at the next site.yml edit
            }
            if (!site && !target) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && onTheWay(changed)) {
                    // The folder of a target, or one on its way, made again (a checkout): watch it, then rebuild.
                    burst.relevant = true;
                    burst.anything = true;
                    rewatch();
                }
                continue;
            }
            burst.relevant = true;
            String top = rel.getName(0).toString();
            if (event.kind() == StandardWatchEventKinds.ENTRY_MODIFY
                    // Jekyll's folders are no content: a file of theirs written to is not read again alone.
                    && (target || rel.getNameCount() > 1 && !top.equals(dev.kiln.layout.Layouts.FOLDER)
                            && !SourceLoader.JEKYLL_FOLDERS.contains(top) && !inHugoFolders(rel))
                    && Files.isRegularFile(changed, LinkOption.NOFOLLOW_LINKS)) {
                burst.written.add(path);
            } else {
                burst.anything = true;
            }
        }
        if (!key.reset() && lost(key)) {
            rewatch(); // its folder was removed: watch the way to it, or the folder made again
        }
    }

    /**
     * site.yml, or anything below content/, layouts/ or assets/ that a build reads: not hidden or an editor's
     * leftover unless {@link #include} publishes it, never {@code .git}. Jekyll's {@code _config.yml} and
     * {@code _posts/}, {@code _drafts/} at the root (and what is in them but hidden files and leftovers) too, and
     * Hugo's settings files, {@code static/} and {@code config/_default/} (all they hold): the build reports them as
     * errors.
     */
    private boolean concernsSite(Path rel) {
        if (rel.getNameCount() == 1 && (rel.getName(0).toString().equals(CONFIG)
                || rel.getName(0).toString().equals(SourceLoader.JEKYLL_CONFIG)
                || SourceLoader.HUGO_SETTINGS.contains(rel.getName(0).toString()))) {
            return true;
        }
        if (inHugoFolders(rel)) { // config/ itself too: made or removed with its _default/
            for (Path name : rel) {
                if (name.toString().equals(".git")) {
                    return false;
                }
            }
            return true; // the build counts the hidden files of static/ too
        }
        if (inJekyllFolders(rel)) {
            return !SourceLoader.isLeftOutOfSite(rel, List.of()); // the build walks them with no include
        }
        return inFolders(rel) && !SourceLoader.isLeftOutOfSite(rel, include);
    }

    /** Whether {@code rel} is Jekyll's {@code _posts/} or {@code _drafts/} at the root, or below one. */
    private static boolean inJekyllFolders(Path rel) {
        return rel.getNameCount() > 0 && SourceLoader.JEKYLL_FOLDERS.contains(rel.getName(0).toString());
    }

    /**
     * Whether {@code rel} is Hugo's {@code static/} or {@code config/_default/} at the root, or below one, or a
     * folder on the way to one ({@code config/}).
     */
    private static boolean inHugoFolders(Path rel) {
        for (String folder : SourceLoader.HUGO_FOLDERS) {
            Path path = Path.of(folder);
            if (rel.getNameCount() > 0 && (rel.startsWith(path) || path.startsWith(rel))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code rel} is one of the watched folders or below one. */
    private static boolean inFolders(Path rel) {
        return rel.getNameCount() > 0 && FOLDERS.contains(rel.getName(0).toString());
    }

    /**
     * Watches {@code dir} and every folder below it. The folder is watched before its entries are listed,
     * so that a folder made in it meanwhile is either listed or an event; a folder gone meanwhile is skipped.
     */
    private void registerTree(Path dir) {
        try {
            register(dir);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(e -> Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)).toList()) {
                registerTree(entry);
            }
        } catch (NoSuchFileException | NotDirectoryException | UncheckedIOException e) {
            // gone meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void register(Path dir) throws IOException {
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
