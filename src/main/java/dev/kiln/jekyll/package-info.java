/**
 * {@code kiln import jekyll}: reads a Jekyll site, converts its posts, pages, settings and the Liquid Kiln can do
 * without, checks every URL against Jekyll's rules and writes a Kiln site folder. Reads YAML only through
 * {@code dev.kiln.content.YamlReader}; writes it as text.
 */
package dev.kiln.jekyll;
