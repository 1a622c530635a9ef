/** Markdown to HTML. The only package that uses flexmark-java. */
package dev.kiln.markdown;
