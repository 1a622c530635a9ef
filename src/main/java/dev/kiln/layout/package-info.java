/** Pebble layouts and the values they see. The only package that uses Pebble. */
package dev.kiln.layout;
