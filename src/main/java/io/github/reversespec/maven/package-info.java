/**
 * The Maven adapter: the batch Mojo, the reactor reader and the settings.xml credentials; the only
 * package that imports Maven.
 */
package io.github.reversespec.maven;
