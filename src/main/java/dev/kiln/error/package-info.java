/** Problems found in a site: where they are and what to do about them. Shared by every stage. */
package dev.kiln.error;
