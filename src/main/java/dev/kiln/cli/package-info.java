/** The command line: {@code kiln build} and its options. */
package dev.kiln.cli;
