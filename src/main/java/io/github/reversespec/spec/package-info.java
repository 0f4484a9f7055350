/**
 * The spec model: the vocabulary every stage that writes or reads specs shares, so that changing
 * the format is one change. {@link io.github.reversespec.spec.SpecFormat} holds the front-matter
 * keys and statuses, {@link io.github.reversespec.spec.SpecLayout} every output path, {@link
 * io.github.reversespec.spec.Section} the nine sections; the facts a unit carries, its
 * dependencies' summaries and a model's prose are records here. The format is described in
 * docs/spec-format.md.
 */
package io.github.reversespec.spec;
