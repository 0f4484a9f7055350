/**
 * The unit graph: resolves imports and qualified names to reactor packages, groups cycles, and
 * orders the units dependencies-first, deterministically.
 */
package io.github.reversespec.graph;
