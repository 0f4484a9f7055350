/**
 * What every stage shares with a front end (the Maven adapter today, a CLI tomorrow): how the core
 * reports progress ({@link io.github.reversespec.core.ProgressLog}) and how it refuses a setting it
 * cannot honour ({@link io.github.reversespec.core.ConfigurationException}), before any work.
 */
package io.github.reversespec.core;
