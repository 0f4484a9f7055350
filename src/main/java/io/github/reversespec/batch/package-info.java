/**
 * The batch run: orders the units, resumes from the checkpoint, writes each spec atomically
 * bottom-up with bounded concurrency, then the index and the run summary.
 */
package io.github.reversespec.batch;
