/** The site-wide view of the pages: post order, tags, pagination and neighbours. */
package dev.kiln.index;
