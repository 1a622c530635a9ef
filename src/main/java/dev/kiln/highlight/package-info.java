/** Syntax highlighting of code blocks at build time, so that reading a post needs no JavaScript. */
package dev.kiln.highlight;
