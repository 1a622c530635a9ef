/** HTML post-processing: heading anchors, table of contents, links and base paths. The only jsoup user. */
package dev.kiln.html;
