package dev.kiln.content;

import java.nio.file.Path;

/** A file copied to the site as it is: {@code file} is written to {@code outputPath} (no leading slash). */
public record StaticFile(String sourcePath, Path file, String outputPath) {}
