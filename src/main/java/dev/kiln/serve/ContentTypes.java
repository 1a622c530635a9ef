package dev.kiln.serve;

import java.util.Locale;
import java.util.Map;

/** The content type of a served file, by its name; text types carry {@code charset=utf-8}. */
final class ContentTypes {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("rss", "application/rss+xml; charset=utf-8"),
            Map.entry("atom", "application/atom+xml; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("ogv", "video/ogg"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("heic", "image/heic"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("flac", "audio/flac"),
            Map.entry("opus", "audio/opus"),
            Map.entry("aac", "audio/aac"),
            Map.entry("vtt", "text/vtt; charset=utf-8"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("zip", "application/zip"));

    private ContentTypes() {}

    /** {@code a/b.css} → {@code text/css; charset=utf-8}; unknown types (and {@code CNAME}) are bytes or text. */
    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return name.equals("CNAME") ? "text/plain; charset=utf-8" : "application/octet-stream";
        }
        return TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    static boolean isHtml(String path) {
        return of(path).startsWith("text/html");
    }

    /**
     * Whether a page may show or run the file: an image, a script, a font, audio or video (and a video's
     * subtitles, {@code .vtt}). Not a page, a
     * stylesheet (swapped in place), a feed, nor what pages only link to or that no browser shows in a page
     * ({@code .txt}, {@code .pdf}, {@code .json}, {@code .zip}, {@code x.md.new}, a name without extension).
     */
    static boolean isShownByPages(String path) {
        String type = of(path);
        return type.startsWith("image/") || type.startsWith("font/") || type.startsWith("audio/")
                || type.startsWith("video/") || type.startsWith("text/javascript") || type.startsWith("text/vtt")
                || type.equals("application/wasm") || type.equals("application/vnd.ms-fontobject");
    }
}
