package io.github.reversespec.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one parsed file contributes: everything the unit, test and module records need, with the
 * AST already gone.
 *
 * @param packageName the declared package, empty for none
 * @param types top-level and member types, in source order (empty for test files)
 * @param imports the file's imports, sorted, distinct
 * @param qualifiedNames dotted names that may be fully-qualified type references
 * @param simpleNames capitalised names used where a type may stand: simple ({@code Entry}) and
 *     qualified from a capitalised first segment ({@code ImmutableList.Builder})
 * @param debt debt markers and deprecated elements of the file
 * @param packageJavadoc the description of a {@code package-info.java} Javadoc as Javadoc source on
 *     one line, else empty
 * @param module the descriptor of a {@code module-info.java}, else null
 * @param primaryType the simple name of the file's primary top-level type, or empty
 * @param testMethods methods recognised as tests
 * @param nameLines for each imported name and each qualified name, the first line it is used on
 */
record FileFacts(
        String packageName,
        List<TypeModel> types,
        List<ImportRef> imports,
        Set<String> qualifiedNames,
        Set<String> simpleNames,
        List<DebtItem> debt,
        String packageJavadoc,
        ModuleDescriptorFacts module,
        String primaryType,
        int testMethods,
        Map<String, Integer> nameLines) {}
