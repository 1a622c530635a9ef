/**
 * Reading a site folder: source files, YAML front matter, dates and permalinks. The only package that
 * uses SnakeYAML.
 */
package dev.kiln.content;
