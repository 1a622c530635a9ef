/** The built site in memory and its atomic, minimal writer. */
package dev.kiln.output;
