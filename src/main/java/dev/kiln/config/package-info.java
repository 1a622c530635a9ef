/** The settings of a site ({@code site.yml}) and of one build. */
package dev.kiln.config;
