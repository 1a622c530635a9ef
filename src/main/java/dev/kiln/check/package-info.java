/** Checking a built site's external links over HTTP. Uses only the JDK's HTTP client. */
package dev.kiln.check;
