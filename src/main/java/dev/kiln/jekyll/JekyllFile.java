package dev.kiln.jekyll;

import dev.kiln.content.YamlDocument;

/**
 * One text file of a Jekyll site: its path from the site root, its front matter (raw YAML text, null when the
 * file has none, and read), and its body, which starts at line {@code bodyLine} of the file.
 */
public record JekyllFile(String path, String yamlText, YamlDocument yaml, String body, int bodyLine) {

    /** True when the file starts with a front matter block. */
    public boolean hasFrontMatter() {
        return yamlText != null;
    }

    /** The file's name without its folder. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The file's name without its extension. */
    public String baseName() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The value of a top-level front matter key as text, or null. */
    public String text(String key) {
        Object v = yaml.values().get(key);
        return v == null ? null : v.toString();
    }
}
