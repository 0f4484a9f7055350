package io.github.reversespec.spec;

/**
 * Front matter values that come from neither the code facts nor the model.
 *
 * @param generator {@code reverse-spec-maven-plugin/<version>}
 * @param interfaceHash {@code sha256:<hex>} over the unit's exported signatures; a dependent's
 *     spec is stale when it changes
 * @param dependencyHash {@code sha256:<hex>} over the interface hashes of the unit's direct
 *     dependencies, as they were when this spec was written
 */
public record SpecMetadata(String generator, String interfaceHash, String dependencyHash) {}
