package io.github.reversespec.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the code says about one unit, before any graph or model is involved.
 *
 * @param id the unit
 * @param files its Java files (main sources only), sorted by path
 * @param packageJavadoc the description of the {@code package-info.java} Javadoc as Javadoc source
 *     on one line (inline tags and HTML kept, so a renderer shows code as code; block tags
 *     removed), or empty; {@link #packageDocText()} is its plain text
 * @param types every top-level and member type, in file order then source order
 * @param imports every import of every file, sorted, distinct
 * @param qualifiedReferences dotted names used in the code that may be fully-qualified references
 *     to a type (e.g. {@code com.acme.util.Strings} from {@code com.acme.util.Strings.join(x)}),
 *     sorted, distinct; the graph keeps those that land in a reactor package
 * @param debt TODO/FIXME/XXX/HACK comments and deprecated elements, by file then line
 * @param sourceHash {@code sha256:<hex>} over the unit's files (paths and bytes, in path order),
 *     then its {@code services} when it has any: a registration added or removed makes the spec
 *     stale, and a unit without any keeps the hash of its files alone
 * @param nameSites for each name of {@code imports} (an {@link ImportRef#name()}) and of {@code
 *     qualifiedReferences}, where the unit first uses it: the first file in path order that does,
 *     at its first line doing so; the graph cites it as the place an edge comes from. A name
 *     missing here has no known place
 * @param services the {@code META-INF/services} registrations that name a type of this unit: as
 *     the provider (a file of the unit's own project) or as the service (a file of any project of
 *     the reactor), sorted by service, provider, file and line
 * @param scopes per main file, what its type names resolve against ({@link TypeNames}), in path
 *     order; a file without one resolves against the unit's {@code imports}
 */
public record UnitAnalysis(
        UnitId id,
        List<SourceFile> files,
        String packageJavadoc,
        List<TypeModel> types,
        List<ImportRef> imports,
        Set<String> qualifiedReferences,
        List<DebtItem> debt,
        String sourceHash,
        Map<String, SourceLine> nameSites,
        List<ServiceEntry> services,
        List<FileScope> scopes) {

    /** A unit whose files' scopes are unknown: names resolve against the unit's imports. */
    public UnitAnalysis(
            UnitId id,
            List<SourceFile> files,
            String packageJavadoc,
            List<TypeModel> types,
            List<ImportRef> imports,
            Set<String> qualifiedReferences,
            List<DebtItem> debt,
            String sourceHash,
            Map<String, SourceLine> nameSites,
            List<ServiceEntry> services) {
        this(
                id,
                files,
                packageJavadoc,
                types,
                imports,
                qualifiedReferences,
                debt,
                sourceHash,
                nameSites,
                services,
                List.of());
    }

    /** A unit without service registrations. */
    public UnitAnalysis(
            UnitId id,
            List<SourceFile> files,
            String packageJavadoc,
            List<TypeModel> types,
            List<ImportRef> imports,
            Set<String> qualifiedReferences,
            List<DebtItem> debt,
            String sourceHash,
            Map<String, SourceLine> nameSites) {
        this(id, files, packageJavadoc, types, imports, qualifiedReferences, debt, sourceHash, nameSites, List.of());
    }

    /**
     * A unit whose names have no known place (tests and callers that need no witnesses).
     *
     * @param id the unit
     * @param files its Java files
     * @param packageJavadoc the package Javadoc text, or empty
     * @param types its types
     * @param imports its imports
     * @param qualifiedReferences its qualified references
     * @param debt its debt markers
     * @param sourceHash the hash over its files
     */
    public UnitAnalysis(
            UnitId id,
            List<SourceFile> files,
            String packageJavadoc,
            List<TypeModel> types,
            List<ImportRef> imports,
            Set<String> qualifiedReferences,
            List<DebtItem> debt,
            String sourceHash) {
        this(id, files, packageJavadoc, types, imports, qualifiedReferences, debt, sourceHash, Map.of(), List.of());
    }

    public UnitAnalysis {
        files = List.copyOf(files);
        packageJavadoc = packageJavadoc == null ? "" : packageJavadoc;
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        qualifiedReferences = Collections.unmodifiableSortedSet(new TreeSet<>(qualifiedReferences));
        debt = List.copyOf(debt);
        nameSites = nameSites == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(nameSites));
        services = services == null ? List.of() : List.copyOf(services);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * Where the unit first uses a name.
     *
     * @param name an imported name or a qualified reference
     * @return its first place, or empty when unknown
     */
    /** The package Javadoc as plain text on one line (inline tags replaced by their text, HTML removed), or empty. */
    public String packageDocText() {
        return JavadocText.plainText(packageJavadoc);
    }

    public Optional<SourceLine> siteOf(String name) {
        return Optional.ofNullable(nameSites.get(name));
    }

    /** Problems of the files that could not be parsed or read. */
    public List<ParseProblem> problems() {
        return files.stream().flatMap(f -> f.problem().stream()).toList();
    }

    /** Types other packages can use (public or protected, and so is every enclosing type). */
    public List<TypeModel> exportedTypes() {
        return types.stream().filter(TypeModel::exported).toList();
    }
}
