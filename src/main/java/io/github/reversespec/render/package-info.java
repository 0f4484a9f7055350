/**
 * Rendering: writes a unit's spec in the fixed format (YAML front matter, nine sections, appendix)
 * from the code's facts and a model's prose, reads specs back, and writes the architecture index.
 */
package io.github.reversespec.render;
