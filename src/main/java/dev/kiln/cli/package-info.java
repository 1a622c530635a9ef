/** The command line: {@code kiln build}, {@code serve}, {@code check}, {@code new}, {@code import} and their options. */
package dev.kiln.cli;
