/**
 * Source analysis: parses every Java file of the reactor once (JavaParser) and keeps only the
 * facts a spec needs: types, exact signatures, Javadoc summaries, fields, exceptions, debt
 * markers, imports and test references.
 */
package io.github.reversespec.analysis;
