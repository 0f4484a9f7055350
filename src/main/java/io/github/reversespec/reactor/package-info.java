/**
 * The reactor as the core sees it: plain records of the projects, their source roots and declared
 * dependencies, built by the Maven adapter so that no other stage touches Maven.
 */
package io.github.reversespec.reactor;
