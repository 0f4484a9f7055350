/**
 * Where prose comes from: the generation step chosen from the configuration (a model, or none for
 * AST-only specs), and the reading of a model's answer into inert section text.
 */
package io.github.reversespec.generate;
