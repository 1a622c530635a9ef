package dev.kiln.build;

import dev.kiln.content.SiteSources;
import dev.kiln.content.SourceLoader;
import dev.kiln.content.StaticFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files of a site as last read: a file is read again only when its size, modification time or inode
 * changed, so that a rebuild does not read a thousand unchanged posts. The stages after it still compare
 * the texts themselves.
 */
final class FileCache {

    /** A file's identity and last change as the file system tells them. */
    private record Stamp(Path file, Object key, long size, long modifiedNanos) {
        static Stamp of(Path file) throws IOException {
            return of(file, Files.readAttributes(file, BasicFileAttributes.class));
        }

        static Stamp of(Path file, BasicFileAttributes attributes) {
            return new Stamp(file, attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }

    private final Memo<Stamp, String> texts = new Memo<>();
    private final Memo<Stamp, byte[]> bytes = new Memo<>();

    /**
     * The UTF-8 text of a source whose attributes a walk just read (those of the link when it is one);
     * malformed UTF-8 is reported as by {@link SourceLoader#readUtf8}.
     */
    String text(Path file, BasicFileAttributes attributes) throws CharacterCodingException {
        try {
            Stamp now = attributes.isSymbolicLink() ? Stamp.of(file) : Stamp.of(file, attributes);
            return texts.get(file.toString(), now, stamp -> {
                try {
                    return SourceLoader.readUtf8(stamp.file());
                } catch (CharacterCodingException e) {
                    throw new MalformedText(e);
                }
            });
        } catch (MalformedText e) {
            throw e.reason;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a static file. */
    byte[] bytes(StaticFile file) {
        try {
            return bytes.get(file.file().toString(), Stamp.of(file.file()), stamp -> {
                try {
                    return Files.readAllBytes(stamp.file());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the files that are no longer part of the site in {@code root}. */
    void retain(Path root, SiteSources sources) {
        Set<String> pages = new HashSet<>();
        sources.posts().forEach(s -> pages.add(root.resolve(s.path()).toString()));
        sources.pages().forEach(s -> pages.add(root.resolve(s.path()).toString()));
        texts.retain(pages);
        Set<String> copied = new HashSet<>();
        sources.statics().forEach(s -> copied.add(s.file().toString()));
        bytes.retain(copied);
    }

    /** Carries a decoding error out of the memo. */
    private static final class MalformedText extends RuntimeException {
        final CharacterCodingException reason;

        MalformedText(CharacterCodingException reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
