package io.github.reversespec.render;

import io.github.reversespec.analysis.DebtItem;
import io.github.reversespec.analysis.DocComment;
import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.MemberModel.MemberKind;
import io.github.reversespec.analysis.ModuleDescriptorFacts;
import io.github.reversespec.analysis.ParseProblem;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TestClassFacts;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.TypeKind;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.TypeNames;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.analysis.Visibility;
import io.github.reversespec.graph.JdkPackages;
import io.github.reversespec.graph.UnitNode;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFacts;
import io.github.reversespec.spec.SpecFormat;
import io.github.reversespec.spec.SpecInterface;
import io.github.reversespec.spec.SpecLayout;
import io.github.reversespec.spec.SpecMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes one unit's spec file: the front matter, the title, the nine numbered sections and the
 * files appendix. Every fact comes from {@link SpecFacts}; the model's {@link Prose} only adds
 * text. The output is deterministic: the same inputs give the same bytes.
 */
public final class SpecRenderer {

    /** Marks a section the model left out in a spec it otherwise wrote. */
    public static final String NOT_WRITTEN_MARKER = "_Not written by the model; filled from the code._";

    /** Introduces the model's text after the facts of a factual section. */
    public static final String COMMENTARY_MARKER = "**Commentary (model):**";

    /** Longest package documentation section 1 shows whole; a longer one opens it and moves to an appendix. */
    static final int PACKAGE_DOC_BUDGET = 1200;

    private static final String AST_LIMITS = "read from the syntax, not from a run, they cannot tell run-time order"
            + " or values, nor what reflection or injection wires; roles are hints from names and declarations.";

    /** Says once, in Behavior, what an AST-only spec cannot tell. */
    public static final String AST_ONLY_BEHAVIOUR =
            "_No model described the behaviour (AST-only). The facts below come from the code; " + AST_LIMITS + "_";

    /** What the facts of section 3 cannot tell, said once where no model wrote the section. */
    public static final String AST_CANNOT_TELL = "_The facts above come from the code; " + AST_LIMITS + "_";

    /** The items each list of section 3 names before "and N more". */
    static final int BEHAVIOUR_LIMIT = 8;

    /** The title of the last, unnumbered section. */
    public static final String APPENDIX_HEADING = "## Appendix: Files";

    /** The heading of the appendix that lists every public and protected member. */
    public static final String MEMBER_REFERENCE_HEADING = "## Appendix: Member reference";

    /** The heading (after {@code ### }) of section 2's table of the exported types not shown one by one. */
    public static final String OTHER_TYPES_HEADING = "Other exported types";

    /**
     * The most public and protected members a package may have for section 2 to list them all
     * itself; a bigger package's section 2 summarises and {@link #MEMBER_REFERENCE_HEADING} lists them.
     */
    static final int SMALL_INTERFACE_MEMBERS = 24;

    /** The exported types section 2 describes at length; the others get a line each. */
    static final int KEY_TYPES = 3;

    /** The types section 3 names for each contract from outside the package. */
    static final int CONTRACT_TYPES = 5;

    /** The other members of a cycle section 9 names; a longer cycle is counted and left to the index. */
    static final int CYCLE_NAMED = 4;

    /** The argument checks section 5 shows when they are too many to list. */
    static final int VALIDATIONS_SHOWN = 3;

    /** The types not exported a summary line names when it has no exported one to name. */
    static final int INTERNAL_NAMED = 4;

    /** The users section 2 names for a key type (section 9 lists the package's users). */
    static final int KEY_TYPE_USERS = 2;

    /** The files section 7 names when its markers are too many to list. */
    static final int DEBT_FILES = 3;

    /** The items a summary list names before "and N more" (the appendices keep the rest), as in section 3. */
    static final int LIST_LIMIT = BEHAVIOUR_LIMIT;

    /** The characters section 5 gives the names of the types not exported before they move to an appendix. */
    static final int HIDDEN_TYPES_BUDGET = 300;

    /** Type relations section 3 shows itself; a package with more gets the widest and an appendix. */
    static final int RELATIONS_SHOWN = 6;

    /**
     * The characters a summary section (3 to 9) may take before it keeps only a summary and moves
     * its full text to an appendix of its own, so that the nine sections stay readable in one
     * sitting whatever the package's size.
     */
    static final int SECTION_BUDGET = 1500;

    /** Past this many neighbours, the dependency diagram is cut and says how many it left out. */
    static final int MAX_DIAGRAM_NODES = 30;

    /** The class diagram helps for packages of a readable size only. */
    static final int MAX_CLASS_DIAGRAM_TYPES = 40;

    /** How many names a sentence lists before it says "and N more". */
    private static final int NAMES_IN_SENTENCE = 12;

    private final UnaryOperator<String> redact;

    /** A renderer that writes the text as the facts and prose give it. */
    public SpecRenderer() {
        this(UnaryOperator.identity());
    }

    /**
     * A renderer that passes the generated text through {@code redact} before it is hashed and
     * written (the configured credentials must reach no spec, whatever the code or model holds).
     */
    public SpecRenderer(UnaryOperator<String> redact) {
        this.redact = redact;
    }

    /**
     * Renders the spec file.
     *
     * @param facts what the code says about the unit
     * @param prose what a model wrote, or {@link Prose#NONE} for an AST-only spec
     * @param meta the generator and the hashes for the front matter
     * @return the whole file, {@code \n} line endings, ending with one newline
     */
    public String render(SpecFacts facts, Prose prose, SpecMetadata meta) {
        return render(facts, prose, meta, "");
    }

    /**
     * Renders the spec file with a reader's notes carried over from the spec it replaces.
     *
     * @param notes the notes block's text of the earlier spec ({@link SpecEdits#notes}), or empty
     * @return the whole file: generated text (redacted), its hash in the front matter, then the
     *     notes block
     */
    public String render(SpecFacts facts, Prose prose, SpecMetadata meta, String notes) {
        return SpecEdits.seal(redact.apply(generate(facts, prose, meta)) + "\n" + SpecEdits.emptyBlock(), notes);
    }

    private String generate(SpecFacts facts, Prose prose, SpecMetadata meta) {
        Unit u = new Unit(facts, prose == null ? Prose.NONE : prose);
        StringBuilder out = new StringBuilder(8192);
        out.append(frontMatter(u, meta));
        UnitId id = u.id();
        out.append("# ")
                .append(id.displayPackage())
                .append(" (")
                .append(id.artifactId())
                .append(")\n");
        for (Section s : Section.values()) {
            out.append('\n').append(s.heading()).append("\n\n");
            out.append(sectionBody(u, s)).append('\n');
        }
        out.append('\n')
                .append(APPENDIX_HEADING)
                .append("\n\n")
                .append(files(u))
                .append('\n');
        if (u.memberReference()) {
            out.append('\n')
                    .append(MEMBER_REFERENCE_HEADING)
                    .append("\n\n")
                    .append(memberReference(u))
                    .append('\n');
        }
        u.appendices.forEach((title, body) -> out.append("\n## Appendix: ")
                .append(title)
                .append("\n\n")
                .append(body)
                .append('\n'));
        return normalise(out.toString());
    }

    // ---------------------------------------------------------------- front matter

    private static String frontMatter(Unit u, SpecMetadata meta) {
        UnitId id = u.id();
        Map<String, String> fm = new LinkedHashMap<>();
        fm.put(SpecFormat.TYPE, SpecFormat.MODULE_SPEC);
        fm.put(SpecFormat.MODULE, Yaml.scalar(id.artifactId()));
        fm.put(SpecFormat.PACKAGE, Yaml.scalar(id.displayPackage()));
        fm.put(SpecFormat.STATUS, u.llm ? SpecFormat.STATUS_LLM : SpecFormat.STATUS_AST_ONLY);
        String model = u.llm ? u.prose.model() : SpecFormat.NO_MODEL;
        fm.put(SpecFormat.MODEL, Yaml.scalar(model == null || model.isBlank() ? "unknown" : model));
        fm.put(SpecFormat.SOURCE_HASH, Yaml.scalar(u.unit.sourceHash()));
        fm.put(SpecFormat.GENERATOR, Yaml.scalar(meta.generator()));
        fm.put(
                SpecFormat.RELATED_FILES,
                Yaml.flowList(u.unit.files().stream().map(SourceFile::path).toList()));
        fm.put(SpecFormat.LEVEL, Integer.toString(u.node.level()));
        fm.put(SpecFormat.INTERFACE_HASH, Yaml.scalar(meta.interfaceHash()));
        fm.put(SpecFormat.DEPENDENCY_HASH, Yaml.scalar(meta.dependencyHash()));
        fm.put(
                SpecFormat.DEPENDS_ON,
                Yaml.flowList(
                        u.node.dependencies().stream().map(UnitId::display).toList()));
        if (u.llm) {
            fm.put(SpecFormat.PROSE_NAMES, Yaml.flowList(u.prose.names()));
            fm.put(SpecFormat.PROSE_JDK, Integer.toString(Runtime.version().feature()));
            fm.put(SpecFormat.UNRESOLVED_NAMES, Yaml.flowList(u.prose.unresolvedNames()));
        }
        StringBuilder sb = new StringBuilder("---\n");
        fm.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.append("---\n").toString();
    }

    // ---------------------------------------------------------------- sections

    private String sectionBody(Unit u, Section s) {
        String facts = facts(u, s);
        if (!u.llm) {
            return facts;
        }
        String model = u.prose.sections().get(s);
        if (model == null || model.isBlank()) {
            return NOT_WRITTEN_MARKER + "\n\n" + facts;
        }
        String text = ProseNames.mark(
                ModelTextGuard.guard(model, SpecLayout.specPath(u.id())), Set.copyOf(u.prose.unresolvedNames()));
        return s.factual() ? facts + "\n\n" + COMMENTARY_MARKER + "\n\n" + text : text;
    }

    private String facts(Unit u, Section s) {
        return switch (s) {
            case INTENT -> intent(u);
            case PUBLIC_INTERFACE -> publicInterface(u);
            case BEHAVIOR -> behavior(u);
            case DATA_STRUCTURES -> dataStructures(u);
            case CONSTRAINTS -> constraints(u);
            case EDGE_CASES -> edgeCases(u);
            case TECHNICAL_DEBT -> technicalDebt(u);
            case TEST_COVERAGE -> testCoverage(u);
            case DEPENDENCIES -> dependencies(u);
        };
    }

    private static String intent(Unit u) {
        Blocks b = new Blocks();
        List<TypeModel> documented = intentTypes(u);
        if (!u.unit.packageJavadoc().isBlank()) {
            String doc = u.unit.packageJavadoc();
            b.add(u.overflow(
                    "Package documentation",
                    Markdown.javadoc(doc),
                    PACKAGE_DOC_BUDGET,
                    () -> Markdown.javadoc(leadingSentences(doc, PACKAGE_DOC_BUDGET / 2))));
        } else if (!documented.isEmpty()) {
            b.add(documented.stream()
                    .map(t -> "- " + Markdown.code(t.name()) + ": " + Markdown.summary(t.doc(), t.javadocSummary()))
                    .collect(Collectors.joining("\n")));
        }
        b.add(shapeSentence(u));
        String description = u.facts.project().description();
        if (u.unit.packageJavadoc().isBlank() && documented.isEmpty() && !description.isBlank()) {
            b.add("The project " + Markdown.code(u.id().artifactId()) + " describes itself as: "
                    + Markdown.text(description));
        }
        return b.toString();
    }

    /**
     * The sentences a text opens with, as many as fit {@code max} characters (at least the first,
     * cut at a word if it alone is longer). A sentence ends at {@code .}, {@code !} or {@code ?}
     * before a space and a capital letter, so {@code e.g. this} and {@code java.util} do not end one.
     */
    static String leadingSentences(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int end = -1;
        for (int i = 0; i + 2 < t.length() && i < max; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?')
                    && t.charAt(i + 1) == ' '
                    && Character.isUpperCase(t.charAt(i + 2))) {
                end = i + 1;
            }
        }
        if (end > 0) {
            return t.substring(0, end);
        }
        int space = t.lastIndexOf(' ', max);
        return t.substring(0, space > max / 2 ? space : max).stripTrailing() + "…";
    }

    /** A sentence built from the code alone: what the package holds. */
    private static String shapeSentence(Unit u) {
        UnitAnalysis unit = u.unit;
        String subject =
                "Package " + Markdown.code(u.id().displayPackage()) + " of " + Markdown.code(u.id().artifactId());
        int files = unit.files().size();
        int broken = unit.problems().size();
        String fileNote = plural(files, "file") + (broken > 0 ? " (" + broken + " could not be parsed)" : "");
        if (unit.types().isEmpty()) {
            return subject + " has " + fileNote + " and declares no types.";
        }
        List<TypeModel> exported = unit.exportedTypes();
        int hidden = unit.types().size() - exported.size();
        StringBuilder sb =
                new StringBuilder(subject).append(" has ").append(fileNote).append(" and declares ");
        if (exported.isEmpty()) {
            sb.append("no exported type");
        } else {
            List<String> key =
                    keyTypes(u.ranked()).stream().map(r -> r.type().name()).toList();
            int others = exported.size() - key.size();
            sb.append(plural(exported.size(), "exported type"));
            if (others == 0) {
                sb.append(": ").append(codeList(key, KEY_TYPES));
            } else {
                sb.append(", led by ")
                        .append(codeList(key, KEY_TYPES))
                        .append(" (and ")
                        .append(others)
                        .append(" more)");
            }
        }
        if (hidden > 0) {
            sb.append(exported.isEmpty() ? "; its " : "; and ")
                    .append(plural(hidden, "type"))
                    .append(hidden == 1 ? " is" : " are")
                    .append(" not exported");
        }
        return sb.append('.').toString();
    }

    private String publicInterface(Unit u) {
        Blocks b = new Blocks();
        List<TypeModel> exported = u.unit.exportedTypes();
        if (exported.isEmpty()) {
            b.add(
                    u.unit.types().isEmpty()
                            ? "The package declares no types, so it exports none."
                            : "The package exports no type: none of its "
                                    + plural(u.unit.types().size(), "type") + " is public or protected.");
            return b.toString();
        }
        List<TypeRanking.Ranked> ranked = u.ranked();
        String order = exported.size() == 1
                ? ""
                : ", the key ones first (named by the package documentation, then the most used; deprecated"
                        + " types and exceptions last)";
        if (u.smallInterface()) {
            b.add(plural(exported.size(), "exported type") + order + ", with their public and protected members."
                    + (u.memberReference()
                            ? " The [member reference](#" + anchor(MEMBER_REFERENCE_HEADING)
                                    + ") has their Javadoc whole: parameters, return values, exceptions, since and "
                                    + "deprecation."
                            : ""));
            ranked.forEach(r -> typeBlock(u, b, r, true));
            return b.toString();
        }
        b.add(plural(exported.size(), "exported type") + order + "; every member's exact signature is in the"
                + " [member reference](#" + anchor(MEMBER_REFERENCE_HEADING) + ").");
        List<TypeRanking.Ranked> key = keyTypes(ranked);
        key.forEach(r -> typeBlock(u, b, r, false));
        List<TypeRanking.Ranked> rest =
                ranked.stream().filter(r -> !key.contains(r)).toList();
        if (!rest.isEmpty()) {
            b.add("### " + OTHER_TYPES_HEADING);
            List<String> rows = new ArrayList<>();
            rows.add(Markdown.tableHead("Type", "Declaration", "Used by", "Description"));
            for (TypeRanking.Ranked r : rest) {
                TypeModel t = r.type();
                rows.add(Markdown.row(List.of(
                        Markdown.code(t.name()),
                        Markdown.code(Markdown.oneLine(t.signature())),
                        r.shortUsePhrase(),
                        (t.deprecated() ? "**Deprecated.** " : "")
                                + Markdown.javadoc(shortened(
                                        t.doc().firstSentence().isEmpty()
                                                ? t.javadocSummary()
                                                : t.doc().firstSentence())))));
            }
            b.add(String.join("\n", rows));
        }
        return b.toString();
    }

    /** A unit's name as seen from this unit: the package alone within the same module. */
    private static String shortName(Unit u, UnitId id) {
        return sameModule(u, id) ? id.displayPackage() : id.display();
    }

    private static boolean sameModule(Unit u, UnitId id) {
        return id.projectKey().equals(u.id().projectKey()) && id.moduleDir().equals(u.id().moduleDir());
    }

    /**
     * Member names, each name once: public operations first (a reader learns a type by what it
     * does), then the other public members, then the protected ones (they are for subclasses).
     */
    private static List<String> memberNames(List<MemberModel> api) {
        return api.stream()
                .sorted(Comparator.comparingInt((MemberModel m) -> m.visibility() == Visibility.PUBLIC ? 0 : 1)
                        .thenComparingInt(m -> m.kind() == MemberKind.METHOD ? 0 : 1))
                .map(MemberModel::name)
                .distinct()
                .toList();
    }

    /** A description cut at a word boundary near 120 characters (the member reference has it whole). */
    private static String shortened(String text) {
        if (text.length() <= 120) {
            return text;
        }
        // Cut only between words and outside an inline tag such as {@link Foo}.
        int cut = -1;
        int depth = 0;
        for (int i = 0; i < 117; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ' ' && depth == 0) {
                cut = i;
            }
        }
        return cut < 40 ? text : text.substring(0, cut) + " …";
    }

    /**
     * The key types whose first sentences section 1 gives as the package's intent when the
     * package has no documentation of its own; section 2 then does not repeat those sentences.
     */
    private static List<TypeModel> intentTypes(Unit u) {
        if (!u.unit.packageJavadoc().isBlank()) {
            return List.of();
        }
        return keyTypes(u.ranked()).stream()
                .map(TypeRanking.Ranked::type)
                .filter(t -> !t.javadocSummary().isBlank())
                .toList();
    }

    /**
     * The first {@link #KEY_TYPES} top-level types of the ranking. Their member types stay in the
     * table: a builder or an exception nested in a key type is met through it.
     */
    private static List<TypeRanking.Ranked> keyTypes(List<TypeRanking.Ranked> ranked) {
        return ranked.stream()
                .filter(r -> !r.type().isNested())
                .limit(KEY_TYPES)
                .toList();
    }

    /** One type under its own heading: kind, where, declaration, description, then its members or their names. */
    private void typeBlock(Unit u, Blocks b, TypeRanking.Ranked r, boolean withMembers) {
        TypeModel t = r.type();
        b.add("### " + Markdown.code(t.name()));
        StringBuilder kind = new StringBuilder("*").append(kindPhrase(t)).append("*");
        if (t.isNested()) {
            kind.append(", nested in ")
                    .append(Markdown.code(t.name().substring(0, t.name().lastIndexOf('.'))));
        }
        kind.append(", declared in ").append(fileLink(u, t.file(), t.line())).append('.');
        if (t.deprecated()) {
            kind.append(" **Deprecated.**");
        }
        List<String> annotations = t.annotations().stream()
                .filter(a -> !a.equals("Deprecated"))
                .map(a -> Markdown.code("@" + a))
                .toList();
        if (!annotations.isEmpty()) {
            kind.append(" Annotated ").append(String.join(", ", annotations)).append('.');
        }
        if (!r.users().isEmpty()) {
            kind.append(" Used by ")
                    .append(plural(r.users().size(), "package"))
                    .append(": ")
                    .append(codeList(
                            r.users().stream().map(id -> shortName(u, id)).toList(), KEY_TYPE_USERS))
                    .append('.');
        }
        b.add(kind.toString());
        b.add(javaBlock(t.signature()));
        // the first sentence here keeps the body short; the member reference has the paragraph whole
        String doc = intentTypes(u).contains(t) ? typeDoc(t, false, false) : typeDoc(t, false);
        if (!doc.isEmpty()) {
            b.add(doc);
        }
        List<MemberModel> api =
                t.members().stream().filter(SpecRenderer::isApiMember).toList();
        if (api.isEmpty()) {
            b.add("No public or protected members.");
        } else if (withMembers) {
            b.add(memberTable(api, false));
        } else {
            List<String> names = memberNames(api);
            String count = names.size() == api.size()
                    ? String.valueOf(api.size())
                    : plural(names.size(), "name") + ", " + api.size() + " with overloads";
            b.add("Members (" + count + "): " + codeList(names, LIST_LIMIT) + ".");
        }
    }

    /**
     * A table of members: the signature, then notes; {@code detailed} notes hold the whole first
     * paragraph and a line for each tag ({@link #memberDoc}), the others the first sentence.
     */
    private static String memberTable(List<MemberModel> api, boolean detailed) {
        List<String> rows = new ArrayList<>();
        rows.add(Markdown.tableHead("Signature", "Notes"));
        for (MemberModel m : api) {
            rows.add(Markdown.row(List.of(Markdown.code(m.signature()), detailed ? memberDoc(m) : memberNotes(m))));
        }
        return String.join("\n", rows);
    }

    /**
     * A type's Javadoc: its first sentence, or its first paragraph {@code whole} (with the {@code
     * <pre>} example it leads into as a fenced block), then {@code @since} and the deprecation's text.
     */
    private static String typeDoc(TypeModel t, boolean whole) {
        return typeDoc(t, whole, true);
    }

    /** As {@link #typeDoc(TypeModel, boolean)}, leaving the description out when section 1 gave it. */
    private static String typeDoc(TypeModel t, boolean whole, boolean withDescription) {
        DocComment d = t.doc();
        List<String> parts = new ArrayList<>();
        String description = !whole || d.description().isEmpty()
                ? Markdown.summary(d, t.javadocSummary())
                : Markdown.javadocBlock(d.description());
        if (withDescription && !description.isEmpty()) {
            parts.add(description);
        }
        if (!d.since().isEmpty()) {
            parts.add("Since " + Markdown.javadoc(d.since()) + ".");
        }
        if (!d.deprecation().isEmpty()) {
            parts.add("**Deprecated:** " + Markdown.javadoc(d.deprecation()));
        }
        // a fenced example ends the description: what follows it starts a paragraph of its own
        return String.join(description.contains("\n") ? "\n\n" : " ", parts);
    }

    /**
     * A member's notes in the member reference: what it is, its first paragraph whole (marked
     * when inherited from the method it overrides), then one line each for its parameters,
     * return value, exceptions, {@code @since} and deprecation; empty parts are left out.
     */
    private static String memberDoc(MemberModel m) {
        DocComment d = m.doc();
        List<String> head = kindNotes(m, d.deprecation().isEmpty());
        if (!m.thrownTypes().isEmpty() && d.throwsDocs().isEmpty()) {
            head.add("throws " + codeList(m.thrownTypes(), Integer.MAX_VALUE));
        }
        String description = Markdown.javadoc(d.description().isEmpty() ? m.javadocSummary() : d.description());
        String from = inherited(d);
        if (!description.isEmpty() || !from.isEmpty()) {
            head.add((description + from).strip());
        }
        List<String> lines = new ArrayList<>();
        if (!head.isEmpty()) {
            lines.add(String.join("; ", head));
        }
        lines.add(tagLine("Parameters", d.params()));
        lines.add(d.returns().isEmpty() ? "" : "Returns: " + Markdown.javadoc(d.returns()));
        lines.add(tagLine("Throws", d.throwsDocs()));
        lines.add(d.since().isEmpty() ? "" : "Since " + Markdown.javadoc(d.since()));
        lines.add(d.deprecation().isEmpty() ? "" : "**Deprecated:** " + Markdown.javadoc(d.deprecation()));
        lines.removeIf(String::isEmpty);
        // one table cell: a line break GitHub renders, the table stays one row per member
        return String.join(MEMBER_DOC_LINE_BREAK, lines);
    }

    /** The line break between the parts of a member's notes in the member reference. */
    static final String MEMBER_DOC_LINE_BREAK = "<br>";

    private static String tagLine(String label, Map<String, String> texts) {
        List<String> items = new ArrayList<>();
        texts.forEach((name, text) -> {
            if (!text.isEmpty()) {
                items.add(Markdown.code(name) + " " + Markdown.javadoc(text));
            }
        });
        return items.isEmpty() ? "" : label + ": " + String.join("; ", items);
    }

    /**
     * " (from `Base#run`)" for Javadoc all taken from an overridden method; " (parameters and
     * return value from `Base#run`)" when the member wrote some parts itself, naming only the
     * parts taken; else empty.
     */
    private static String inherited(DocComment d) {
        if (d.inheritedFrom().isEmpty()) {
            return "";
        }
        String from = "from " + Markdown.code(d.inheritedFrom());
        if (d.allShownInherited()) {
            return " (" + from + ")";
        }
        List<String> parts = new ArrayList<>();
        for (DocComment.Part p : d.inheritedParts()) {
            parts.add(
                    switch (p) {
                        case DESCRIPTION -> "description";
                        case INHERIT_DOC -> "inherited text";
                        case PARAMETERS -> "parameters";
                        case RETURN -> "return value";
                        case THROWS -> "exceptions";
                    });
        }
        String last = parts.remove(parts.size() - 1);
        String named = parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
        return " (" + named + " " + from + ")";
    }

    /** Every public and protected member of every exported type, the types in the order of section 2. */
    private static String memberReference(Unit u) {
        Blocks b = new Blocks();
        List<String> without = new ArrayList<>();
        for (TypeRanking.Ranked r : u.ranked()) {
            TypeModel t = r.type();
            List<MemberModel> api =
                    t.members().stream().filter(SpecRenderer::isApiMember).toList();
            if (api.isEmpty()) {
                without.add(t.name());
                continue;
            }
            b.add("### " + Markdown.code(t.name()));
            String doc = typeDoc(t, true);
            b.add(fileLink(u, t.file(), t.line()) + (doc.isEmpty() ? "" : ": " + doc));
            b.add(memberTable(api, true));
        }
        if (!without.isEmpty()) {
            b.add("Without public or protected members: " + codeList(without, Integer.MAX_VALUE) + ".");
        }
        return b.toString();
    }

    /** The anchor GitHub gives a heading: lower case, spaces to hyphens, other punctuation dropped. */
    static String anchor(String heading) {
        String text = heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    static boolean isApiMember(MemberModel m) {
        return SpecInterface.listed(m);
    }

    private static String memberNotes(MemberModel m) {
        List<String> notes = kindNotes(m, true);
        if (!m.thrownTypes().isEmpty()) {
            notes.add("throws " + codeList(m.thrownTypes(), Integer.MAX_VALUE));
        }
        if (!m.javadocSummary().isBlank()) {
            notes.add(Markdown.summary(m.doc(), m.javadocSummary()) + inherited(m.doc()));
        }
        return String.join("; ", notes);
    }

    /** What a member is, as short notes: its kind (methods say nothing), static, protected, deprecated. */
    private static List<String> kindNotes(MemberModel m, boolean deprecatedFlag) {
        List<String> notes = new ArrayList<>();
        switch (m.kind()) {
            case CONSTRUCTOR -> notes.add("constructor");
            case FIELD -> notes.add("field");
            case ENUM_CONSTANT -> notes.add("enum constant");
            case ANNOTATION_ELEMENT -> notes.add("element");
            case METHOD -> {}
        }
        if (m.isStatic() && m.kind() != MemberKind.ENUM_CONSTANT) {
            notes.add("static");
        }
        if (m.visibility() == Visibility.PROTECTED) {
            notes.add("protected");
        }
        if (m.deprecated() && deprecatedFlag) {
            notes.add("**deprecated**");
        }
        return notes;
    }

    private String behavior(Unit u) {
        Blocks b = new Blocks();
        if (!u.llm) {
            b.add(AST_ONLY_BEHAVIOUR);
        }
        BehaviourSection.blocks(u.facts, (file, line, label) -> fileLink(u, file, line, label))
                .forEach(b::add);
        Map<String, List<String>> implementors = new TreeMap<>();
        Map<String, List<String>> subclasses = new TreeMap<>();
        for (TypeModel t : u.unit.types()) {
            boolean iface = t.kind() == TypeKind.INTERFACE || t.kind() == TypeKind.ANNOTATION;
            for (String sup : t.extendedTypes()) {
                u.resolve(sup, t)
                        .ifPresent(target -> (iface ? implementors : subclasses)
                                .computeIfAbsent(target.name(), k -> new ArrayList<>())
                                .add(t.name()));
            }
            for (String sup : t.implementedTypes()) {
                u.resolve(sup, t)
                        .ifPresent(target -> implementors
                                .computeIfAbsent(target.name(), k -> new ArrayList<>())
                                .add(t.name()));
            }
        }
        // each relation as {supertype, verb, subtypes}
        List<Map.Entry<String, List<String>>> relations = new ArrayList<>();
        implementors.forEach((k, v) -> relations.add(Map.entry(k + " is implemented or extended by", v)));
        subclasses.forEach((k, v) -> relations.add(Map.entry(k + " is subclassed by", v)));
        if (!relations.isEmpty()) {
            // a big package's hierarchy is long: the widest relations here, all of them in an appendix
            String full = "**Type relations within the package:**\n\n"
                    + relations.stream()
                            .map(r -> relationLine(r, Integer.MAX_VALUE))
                            .collect(Collectors.joining("\n"));
            // more than a handful is a hierarchy to look up, not to read through
            int budget = relations.size() > RELATIONS_SHOWN ? 0 : SECTION_BUDGET;
            b.add(u.overflow("Type relations", full, budget, () -> {
                List<String> widest = relations.stream()
                        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> r) ->
                                -r.getValue().size()))
                        .limit(RELATIONS_SHOWN)
                        .map(r -> relationLine(r, CONTRACT_TYPES))
                        .toList();
                return "**Type relations within the package** (the " + widest.size() + " with the most types, of "
                        + relations.size() + "):\n\n" + String.join("\n", widest);
            }));
        }
        // by contract: "Serializable: A, B, C" says in one line what a line per type would repeat;
        // the exported types are named (theirs are the contracts a user meets), the others counted
        Map<String, List<String>> byContract = new LinkedHashMap<>();
        Map<String, Integer> internal = new HashMap<>();
        for (TypeModel t : u.unit.types()) {
            Set<String> contracts = new LinkedHashSet<>();
            for (String sup : concat(t.extendedTypes(), t.implementedTypes())) {
                if (u.resolve(sup, t).isEmpty()) {
                    contracts.add(erasure(sup));
                }
            }
            for (String contract : contracts) {
                List<String> named = byContract.computeIfAbsent(contract, k -> new ArrayList<>());
                if (t.exported()) {
                    named.add(t.name());
                } else {
                    internal.merge(contract, 1, Integer::sum);
                }
            }
        }
        if (!byContract.isEmpty()) {
            List<String> outside = byContract.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty())
                    .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) ->
                                    -e.getValue().size())
                            .thenComparingInt(e -> -internal.getOrDefault(e.getKey(), 0)))
                    .map(e -> contractLine(e.getKey(), e.getValue(), internal.getOrDefault(e.getKey(), 0)))
                    .toList();
            // contracts only internal types fulfil are implementation detail: counted, not named
            long internalOnly =
                    byContract.values().stream().filter(List::isEmpty).count();
            int shown = Math.min(outside.size(), LIST_LIMIT);
            List<String> lines = new ArrayList<>(outside.subList(0, shown));
            if (outside.size() > shown) {
                lines.add("- and " + plural(outside.size() - shown, "more supertype") + ".");
            }
            if (internalOnly > 0) {
                lines.add("- " + (outside.isEmpty() ? "" : "and ") + plural(internalOnly, "supertype")
                        + " only types not exported extend or implement.");
            }
            b.add("**Supertypes from outside the package** (the contracts these types fulfil), the most fulfilled"
                    + " first:");
            b.add(String.join("\n", lines));
        }
        List<String> sealed = sealedLines(u);
        if (!sealed.isEmpty()) {
            b.add("**Sealed hierarchies** (closed sets of cases):");
            b.add(String.join("\n", sealed));
        }
        if (b.size() == (u.llm ? 0 : 1)) {
            b.add("The code gives no further behaviour hints: no roles, entry points, lifecycle, threading,"
                    + " configuration keys, exceptions of its own, type relations or sealed hierarchies.");
        }
        if (u.llm) {
            // the model left the section out: its facts follow the marker, and their limits once
            b.add(AST_CANNOT_TELL);
        }
        return b.toString();
    }

    /** A constant's value (a configuration key is often the one fact worth looking up), then its Javadoc. */
    private static String fieldNotes(FieldModel f) {
        String doc = Markdown.javadoc(f.javadocSummary());
        if (f.constantValue().isEmpty()) {
            return doc;
        }
        String value = "value " + Markdown.code(f.constantValue());
        return doc.isEmpty() ? value : value + "; " + doc;
    }

    private static List<String> sealedLines(Unit u) {
        List<String> lines = new ArrayList<>();
        for (TypeModel t : u.unit.types()) {
            if (t.modifiers().contains("sealed")) {
                String permits = t.permittedTypes().isEmpty()
                        ? "permits the subtypes declared in its file"
                        : "permits " + codeList(t.permittedTypes(), Integer.MAX_VALUE);
                lines.add(
                        "- " + Markdown.code(t.name()) + " (sealed " + t.kind().keyword() + ") " + permits + ".");
            }
        }
        return lines;
    }

    private String dataStructures(Unit u) {
        return u.overflow("Data structures", dataStructuresFull(u), () -> dataSummary(u));
    }

    /**
     * The state of the package in a line per type: the exported types in the order of section 2,
     * then the others, each with its kind and the names of its components, constants or fields.
     */
    private static String dataSummary(Unit u) {
        List<TypeModel> order = new ArrayList<>(
                u.ranked().stream().map(TypeRanking.Ranked::type).toList());
        u.unit.types().stream().filter(t -> !t.exported()).forEach(order::add);
        List<String> lines = new ArrayList<>();
        int stateful = 0;
        for (TypeModel t : order) {
            List<String> names = t.kind() == TypeKind.RECORD
                    ? t.recordComponents().stream().map(FieldModel::name).toList()
                    : t.kind() == TypeKind.ENUM
                            ? t.enumConstants()
                            : t.fields().stream()
                                    .filter(f -> !f.isStatic())
                                    .map(FieldModel::name)
                                    .toList();
            if (names.isEmpty() && t.kind() != TypeKind.RECORD && t.kind() != TypeKind.ENUM) {
                continue;
            }
            if (++stateful <= LIST_LIMIT) {
                String what = t.kind() == TypeKind.RECORD
                        ? "components"
                        : t.kind() == TypeKind.ENUM ? "constants" : "instance fields";
                lines.add("- " + Markdown.code(t.name()) + " (" + t.kind().keyword() + "), " + what + ": "
                        + (names.isEmpty() ? "none" : codeList(names, 8)) + ".");
            }
        }
        if (stateful > LIST_LIMIT) {
            lines.add("- and " + (stateful - LIST_LIMIT) + " more types with state.");
        }
        return lines.isEmpty()
                ? "The package's types hold no instance state; their constants are in the appendix."
                : "Records, enums and the types that hold instance state, the exported ones first:\n\n"
                        + String.join("\n", lines);
    }

    private String dataStructuresFull(Unit u) {
        Blocks b = new Blocks();
        for (TypeModel t : u.unit.types()) {
            boolean isRecord = t.kind() == TypeKind.RECORD;
            boolean isEnum = t.kind() == TypeKind.ENUM;
            List<String> componentNames =
                    t.recordComponents().stream().map(FieldModel::name).toList();
            // Public and protected constants are listed with the members (with their values); the
            // state of a type and its own constants are here.
            List<FieldModel> otherFields = t.fields().stream()
                    .filter(f -> !isRecord || !componentNames.contains(f.name()))
                    .filter(f ->
                            !(f.isStatic() && t.exported() && f.visibility().isApi()))
                    .toList();
            if (!isRecord && !isEnum && otherFields.isEmpty()) {
                continue;
            }
            b.add("### " + Markdown.code(t.name()) + " (" + t.kind().keyword() + ")");
            if (isRecord) {
                if (t.recordComponents().isEmpty()) {
                    b.add("A record without components.");
                } else {
                    List<String> rows = new ArrayList<>();
                    rows.add(Markdown.tableHead("Component", "Type", "Notes"));
                    for (FieldModel f : t.recordComponents()) {
                        rows.add(Markdown.row(List.of(
                                Markdown.code(f.name()),
                                Markdown.code(f.type()),
                                Markdown.javadoc(f.javadocSummary()))));
                    }
                    b.add(String.join("\n", rows));
                }
            }
            if (isEnum) {
                b.add(
                        t.enumConstants().isEmpty()
                                ? "An enum without constants."
                                : "Constants (" + t.enumConstants().size() + "): "
                                        + codeList(t.enumConstants(), Integer.MAX_VALUE) + ".");
            }
            if (!otherFields.isEmpty()) {
                List<String> rows = new ArrayList<>();
                rows.add(Markdown.tableHead("Field", "Type", "Modifiers", "Notes"));
                for (FieldModel f : otherFields) {
                    List<String> mods = new ArrayList<>();
                    mods.add(f.visibility().label());
                    mods.addAll(f.modifiers());
                    rows.add(Markdown.row(List.of(
                            Markdown.code(f.name()), Markdown.code(f.type()), String.join(" ", mods), fieldNotes(f))));
                }
                b.add(String.join("\n", rows));
            }
        }
        List<String> sealed = sealedLines(u);
        if (!sealed.isEmpty()) {
            b.add("### Sealed hierarchies");
            b.add(String.join("\n", sealed));
        }
        classDiagram(u).ifPresent(d -> {
            b.add("### Class diagram");
            b.add(d);
        });
        if (b.size() == 0) {
            b.add(
                    u.unit.types().isEmpty()
                            ? "The package declares no types."
                            : "The package declares no records, no enums and no fields: its types hold no state of their own.");
        }
        return b.toString();
    }

    private static Optional<String> classDiagram(Unit u) {
        List<TypeModel> types = u.unit.types();
        if (types.size() < 2 || types.size() > MAX_CLASS_DIAGRAM_TYPES) {
            return Optional.empty();
        }
        // The id is what the diagram shows, so it stays the type's name (nested: Outer_Inner).
        Mermaid.Ids ids = new Mermaid.Ids("");
        List<String> links = new ArrayList<>();
        for (TypeModel t : types) {
            for (String sup : t.extendedTypes()) {
                u.resolve(sup, t).ifPresent(target -> links.add(ids.of(target.name()) + " <|-- " + ids.of(t.name())));
            }
            for (String sup : t.implementedTypes()) {
                u.resolve(sup, t).ifPresent(target -> links.add(ids.of(target.name()) + " <|.. " + ids.of(t.name())));
            }
        }
        if (links.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("```mermaid\nclassDiagram\n");
        for (TypeModel t : types) {
            String id = ids.of(t.name());
            sb.append("    class ").append(id).append('\n');
            String stereotype = switch (t.kind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enumeration";
                case RECORD -> "record";
                case ANNOTATION -> "annotation";
                case CLASS -> t.isUtilityClass() ? "utility" : t.modifiers().contains("abstract") ? "abstract" : null;
            };
            if (stereotype != null) {
                sb.append("    <<").append(stereotype).append(">> ").append(id).append('\n');
            }
        }
        links.forEach(l -> sb.append("    ").append(l).append('\n'));
        return Optional.of(sb.append("```").toString());
    }

    private static String constraints(Unit u) {
        Blocks b = new Blocks();
        List<TypeModel> types = u.unit.types();
        List<String> lines = new ArrayList<>();
        List<TypeModel> records =
                types.stream().filter(t -> t.kind() == TypeKind.RECORD).toList();
        if (!records.isEmpty()) {
            lines.add("- Immutable records (final fields, no setters): " + typeNames(records) + ".");
        }
        List<TypeModel> frozen = (types.stream()
                .filter(t -> t.kind() == TypeKind.CLASS && t.modifiers().contains("final"))
                .filter(t -> t.fields().stream().anyMatch(f -> !f.isStatic()))
                .filter(t -> t.fields().stream().filter(f -> !f.isStatic()).allMatch(FieldModel::isFinal))
                .toList());
        if (!frozen.isEmpty()) {
            lines.add("- Final classes whose instance fields are all final (shallowly immutable): " + typeNames(frozen)
                    + ".");
        }
        // The shallowly immutable classes are final too; the line names only the other final classes.
        Set<String> saidFinal = Set.copyOf(names(frozen));
        List<TypeModel> otherFinal = types.stream()
                .filter(t -> t.kind() == TypeKind.CLASS && t.modifiers().contains("final"))
                .filter(t -> !saidFinal.contains(t.name()))
                .toList();
        if (!otherFinal.isEmpty()) {
            lines.add("- " + (frozen.isEmpty() ? "Final" : "Other final classes") + " (cannot be subclassed): "
                    + typeNames(otherFinal) + ".");
        }
        addModifierLine(lines, types, "sealed", "Sealed (closed set of subtypes)", null);
        addModifierLine(lines, types, "non-sealed", "Non-sealed (reopen a sealed hierarchy)", null);
        List<TypeModel> utilities =
                types.stream().filter(TypeModel::isUtilityClass).toList();
        if (!utilities.isEmpty()) {
            lines.add("- Utility classes (static members only; not instantiated): " + typeNames(utilities) + ".");
        }
        // An abstract class holding only static members is not meant to be subclassed: it is a utility.
        List<TypeModel> extensible =
                types.stream().filter(t -> !t.isUtilityClass()).toList();
        addModifierLine(
                lines, extensible, "abstract", "Abstract (instantiated only through subclasses)", TypeKind.CLASS);
        if (!lines.isEmpty()) {
            b.add("**Types:**");
            b.add(String.join("\n", lines));
        }

        List<String> visibility = new ArrayList<>();
        int exported = u.unit.exportedTypes().size();
        Map<Visibility, List<String>> hidden = new TreeMap<>();
        for (TypeModel t : types) {
            if (!t.exported()) {
                hidden.computeIfAbsent(t.visibility(), k -> new ArrayList<>()).add(t.name());
            }
        }
        String breakdown = hidden.size() < 2
                ? ""
                : ": "
                        + hidden.entrySet().stream()
                                .map(e -> e.getValue().size() + " " + e.getKey().label())
                                .collect(Collectors.joining(", "));
        visibility.add("- " + plural(exported, "type") + " exported (public or protected), " + (types.size() - exported)
                + " not" + breakdown + ".");
        List<String> hiddenLines = new ArrayList<>();
        hidden.forEach(
                (v, n) -> hiddenLines.add("- " + capitalise(v.label()) + ": " + codeList(n, Integer.MAX_VALUE) + "."));
        String hiddenText = String.join("\n", hiddenLines);
        if (hiddenText.length() <= HIDDEN_TYPES_BUDGET) {
            visibility.addAll(hiddenLines);
        } else {
            // the names of internal types help once a reader looks for one, not on a first reading
            String title = "Types not exported";
            u.appendices.put(title, hiddenText);
            visibility.add("- Their names, by visibility, are in [Appendix: " + title + "](#"
                    + anchor("Appendix: " + title) + ").");
        }
        u.facts
                .moduleDescriptor()
                .ifPresentOrElse(
                        md -> visibility.add("- " + moduleExport(u, md)),
                        () -> visibility.add("- The project has no `module-info.java`: open to the whole classpath."));
        b.add("**Visibility:**");
        b.add(String.join("\n", visibility));

        List<String> validations = new ArrayList<>();
        for (TypeModel t : types) {
            for (MemberModel m : t.members()) {
                for (String v : m.validations()) {
                    validations.add("- " + Markdown.code(t.name() + "#" + m.name()) + ": " + Markdown.code(v));
                }
            }
        }
        b.add("**Validations** (argument checks in the code):");
        // overloads that check the same argument the same way make one line
        List<String> all = validations.stream().distinct().toList();
        b.add(
                all.isEmpty()
                        ? "None found."
                        : u.overflow(
                                "Validations",
                                String.join("\n", all),
                                () -> String.join("\n", all.subList(0, VALIDATIONS_SHOWN))
                                        + "\n- and " + (all.size() - VALIDATIONS_SHOWN) + " more in "
                                        + all.stream()
                                                .map(v -> v.substring(0, v.indexOf("`: ")))
                                                .distinct()
                                                .count() + " members."));
        return b.toString();
    }

    private static String moduleExport(Unit u, ModuleDescriptorFacts md) {
        String pkg = u.id().packageName();
        String module = Markdown.code(md.name()) + " (" + fileLink(u, md.file(), 0) + ")";
        Optional<String> export = md.exports().stream()
                .filter(e -> e.equals(pkg) || e.startsWith(pkg + " to "))
                .findFirst();
        String opens = md.opens().stream().anyMatch(e -> e.equals(pkg) || e.startsWith(pkg + " to "))
                ? " The package is also opened for deep reflection."
                : "";
        if (export.isEmpty()) {
            return "Not exported by module " + module + ": its public types are not accessible to other modules."
                    + opens;
        }
        if (export.get().equals(pkg)) {
            return "Exported by module " + module + "." + opens;
        }
        String targets = export.get().substring(pkg.length() + " to ".length());
        List<String> list = List.of(targets.split("\\s*,\\s*"));
        return "Exported by module " + module + " only to " + codeList(list, Integer.MAX_VALUE) + "." + opens;
    }

    private static void addModifierLine(
            List<String> lines, List<TypeModel> types, String modifier, String label, TypeKind onlyKind) {
        List<TypeModel> n = types.stream()
                .filter(t -> onlyKind == null || t.kind() == onlyKind)
                .filter(t -> t.modifiers().contains(modifier))
                .toList();
        if (!n.isEmpty()) {
            lines.add("- " + label + ": " + typeNames(n) + ".");
        }
    }

    private static String edgeCases(Unit u) {
        return u.overflow("Exceptions", edgeCasesFull(u), () -> edgeCaseSummary(u));
    }

    /** One line per exception type: how many members declare and throw it, with a few of them. */
    private static String edgeCaseSummary(Unit u) {
        Map<String, List<String>> byException = new TreeMap<>();
        for (TypeModel t : u.unit.types()) {
            for (MemberModel m : t.members()) {
                Set<String> xs = new java.util.TreeSet<>();
                m.thrownTypes().forEach(x -> xs.add(m.exceptionName(x, t)));
                m.raisedTypes().forEach(x -> xs.add(m.exceptionName(x, t)));
                String where = Markdown.code(t.name() + "#" + m.name());
                xs.forEach(x ->
                        byException.computeIfAbsent(x, k -> new ArrayList<>()).add(where));
            }
        }
        List<String> lines = byException.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) ->
                                -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> "- " + Markdown.code(e.getKey()) + ": "
                        + plural(e.getValue().size(), "member") + ", e.g. "
                        + e.getValue().stream().distinct().limit(2).collect(Collectors.joining(", ")) + ".")
                .toList();
        int shown = Math.min(lines.size(), LIST_LIMIT);
        String more = lines.size() > shown ? "\n- and " + (lines.size() - shown) + " more exception types." : "";
        return "Exceptions declared (`throws`; a type variable as its bound) or thrown (`throw`), the most frequent "
                + "first:\n\n"
                + String.join("\n", lines.subList(0, shown)) + more;
    }

    private static String edgeCasesFull(Unit u) {
        // exception -> "declares" / "throws" -> members (Type#member links)
        Map<String, List<String>> declared = new TreeMap<>();
        Map<String, List<String>> raised = new TreeMap<>();
        for (TypeModel t : u.unit.types()) {
            for (MemberModel m : t.members()) {
                if (m.thrownTypes().isEmpty() && m.raisedTypes().isEmpty()) {
                    continue;
                }
                String label = t.name() + "#" + m.name();
                String where = fileLink(u, t.file(), m.line(), label)
                        + (m.visibility().isApi() ? "" : " (" + m.visibility().label() + ")");
                m.thrownTypes().stream()
                        .map(x -> m.exceptionName(x, t))
                        .distinct()
                        .forEach(x -> declared.computeIfAbsent(x, k -> new ArrayList<>())
                                .add(where));
                m.raisedTypes().stream()
                        .map(x -> m.exceptionName(x, t))
                        .distinct()
                        .forEach(x -> raised.computeIfAbsent(x, k -> new ArrayList<>())
                                .add(where));
            }
        }
        if (declared.isEmpty() && raised.isEmpty()) {
            return "No member declares (`throws`) or raises (`throw`) an exception.";
        }
        Set<String> exceptions = new java.util.TreeSet<>(declared.keySet());
        exceptions.addAll(raised.keySet());
        List<String> ordered = exceptions.stream()
                .sorted(Comparator.comparingInt((String x) ->
                                -(declared.getOrDefault(x, List.of()).size()
                                        + raised.getOrDefault(x, List.of()).size()))
                        .thenComparing(x -> x))
                .toList();
        Blocks b = new Blocks();
        b.add("Exceptions by type, the most frequent first: *declared* by a `throws` clause, *thrown* by a body "
                + "(`throw new`, or `throw` of a variable declared of the type); a type variable (`throws X`) "
                + "counts as its bound.");
        List<String> lines = new ArrayList<>();
        for (String x : ordered) {
            List<String> parts = new ArrayList<>();
            List<String> d = declared.getOrDefault(x, List.of());
            List<String> r = raised.getOrDefault(x, List.of());
            if (!r.isEmpty()) {
                parts.add("thrown by " + linkList(r, Integer.MAX_VALUE));
            }
            if (!d.isEmpty()) {
                parts.add("declared by " + linkList(d, Integer.MAX_VALUE));
            }
            lines.add("- " + Markdown.code(x) + ": " + String.join("; ", parts) + ".");
        }
        b.add(String.join("\n", lines));
        return b.toString();
    }

    /** Items already in Markdown, comma-separated, the first {@code max} of them and a count of the rest. */
    private static String linkList(List<String> items, int max) {
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
    }

    private static String technicalDebt(Unit u) {
        Blocks b = new Blocks();
        List<DebtItem> debt = u.unit.debt();
        if (debt.isEmpty()) {
            b.add("No TODO, FIXME, XXX or HACK comments and no deprecated elements found.");
        } else {
            Map<String, Long> byKind =
                    debt.stream().collect(Collectors.groupingBy(DebtItem::kind, TreeMap::new, Collectors.counting()));
            b.add(plural(debt.size(), "marker") + ": "
                    + byKind.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", "))
                    + ".");
            String all = debt.stream()
                    .map(d -> "- **" + Markdown.text(d.kind()) + "** "
                            + fileLink(u, d.file(), d.line(), RelativeLinks.fileName(d.file()) + ":" + d.line())
                            + (d.text().isBlank() ? "" : ": " + Markdown.text(d.text())))
                    .collect(Collectors.joining("\n"));
            b.add(u.overflow("Technical debt", all, () -> debtSummary(u, debt)));
        }
        List<ParseProblem> problems = u.unit.problems();
        if (!problems.isEmpty()) {
            b.add("**Parse problems** (these files could not be read or parsed; their content is missing from"
                    + " this spec):");
            b.add(problems.stream()
                    .map(p -> "- **Parse problem** " + fileLink(u, p.file(), p.line(), RelativeLinks.fileName(p.file()))
                            + ": " + Markdown.code(p.describe()))
                    .collect(Collectors.joining("\n")));
        }
        return b.toString();
    }

    /** The files with the most markers, in one sentence. */
    private static String debtSummary(Unit u, List<DebtItem> debt) {
        Map<String, Long> byFile =
                debt.stream().collect(Collectors.groupingBy(DebtItem::file, TreeMap::new, Collectors.counting()));
        List<String> files = byFile.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .limit(DEBT_FILES)
                .map(e -> fileLink(u, e.getKey(), 0) + " (" + e.getValue() + ")")
                .collect(Collectors.toList());
        String more = byFile.size() > DEBT_FILES ? " and " + plural(byFile.size() - DEBT_FILES, "more file") : "";
        return "The files with the most markers: " + String.join(", ", files) + more + ".";
    }

    private static String testCoverage(Unit u) {
        Blocks b = new Blocks();
        List<TypeCoverage> coverage = u.facts.coverage();
        if (coverage.isEmpty()) {
            b.add("The package has no top-level types to cover.");
        } else if (u.facts.tests().isEmpty()) {
            b.add("No test file refers to any of the package's " + plural(coverage.size(), "top-level type") + ".");
        } else {
            List<TypeCoverage> covered =
                    coverage.stream().filter(c -> !c.testClasses().isEmpty()).toList();
            List<String> untested = coverage.stream()
                    .filter(c -> c.testClasses().isEmpty())
                    .map(TypeCoverage::typeName)
                    .toList();
            b.add(covered.size() + " of " + plural(coverage.size(), "top-level type") + " referred to by tests; "
                    + plural(u.facts.tests().size(), "test file") + ".");
            List<String> rows = new ArrayList<>();
            rows.add(Markdown.tableHead("Type", "Tests"));
            for (TypeCoverage c : covered) {
                rows.add(Markdown.row(
                        List.of(Markdown.code(c.typeName()), codeList(c.testClasses(), Integer.MAX_VALUE))));
            }
            List<String> full = new ArrayList<>();
            full.add(String.join("\n", rows));
            if (!untested.isEmpty()) {
                full.add("No test refers to " + codeList(untested, Integer.MAX_VALUE) + ".");
            }
            full.add("**Test files:**");
            full.add(u.facts.tests().stream()
                    .map(t -> "- " + fileLink(u, t.file(), 0, t.qualifiedTestClass()) + " ("
                            + plural(t.testMethods(), "test method") + ")")
                    .collect(Collectors.joining("\n")));
            b.add(u.overflow("Test coverage", String.join("\n\n", full), () -> coverageSummary(u, covered, untested)));
        }
        return b.toString();
    }

    /**
     * The types most tests refer to, the untested ones, and the biggest test files: what a reader
     * asks of the coverage first; the whole table is in the appendix.
     */
    private static String coverageSummary(Unit u, List<TypeCoverage> covered, List<String> untested) {
        List<String> lines = new ArrayList<>();
        List<TypeCoverage> most = covered.stream()
                .sorted(Comparator.comparingInt(
                                (TypeCoverage c) -> -c.testClasses().size())
                        .thenComparing(TypeCoverage::typeName))
                .limit(LIST_LIMIT)
                .toList();
        lines.add("- Most tested (test classes referring to each): "
                + most.stream()
                        .map(c -> Markdown.code(c.typeName()) + " ("
                                + c.testClasses().size() + ")")
                        .collect(Collectors.joining(", "))
                + (covered.size() > most.size() ? " and " + (covered.size() - most.size()) + " more" : "")
                + ".");
        if (!untested.isEmpty()) {
            lines.add("- No test refers to " + codeList(untested, LIST_LIMIT) + ".");
        }
        List<TestClassFacts> biggest = u.facts.tests().stream()
                .sorted(Comparator.comparingInt((TestClassFacts t) -> -t.testMethods())
                        .thenComparing(TestClassFacts::qualifiedTestClass))
                .limit(5)
                .toList();
        int methods =
                u.facts.tests().stream().mapToInt(TestClassFacts::testMethods).sum();
        lines.add("- " + plural(methods, "test method") + "; the biggest test files: "
                + biggest.stream()
                        .map(t -> fileLink(u, t.file(), 0, RelativeLinks.fileName(t.file())) + " (" + t.testMethods()
                                + ")")
                        .collect(Collectors.joining(", "))
                + ".");
        return String.join("\n", lines);
    }

    private static String dependencies(Unit u) {
        Blocks b = new Blocks();
        UnitNode node = u.node;
        Map<UnitId, DependencySummary> summaries = new LinkedHashMap<>();
        u.facts.dependencies().forEach(d -> summaries.put(d.id(), d));
        u.facts.dependents().forEach(d -> summaries.putIfAbsent(d.id(), d));

        b.add("**Reactor packages used** (" + node.dependencies().size() + "):");
        b.add(
                node.dependencies().isEmpty()
                        ? "None: this package depends on no other package of the reactor."
                        : unitList(u, node.dependencies(), summaries));
        b.add("**Used by** (" + node.dependents().size() + "):");
        b.add(
                node.dependents().isEmpty()
                        ? "No package of the reactor uses this one."
                        : userList(u, node.dependents()));
        if (node.inCycle()) {
            List<String> others =
                    node.cycle().stream().map(id -> shortName(u, id)).toList();
            // a long cycle is the index's to list, with the import that closes it
            String index = Markdown.linkTarget(RelativeLinks.relative(u.specDir, SpecLayout.INDEX_PATH)) + "#"
                    + anchor("Dependency cycles");
            b.add("**Cycle:** this package is in a dependency cycle with "
                    + (others.size() <= CYCLE_NAMED
                            ? codeList(others, CYCLE_NAMED)
                            : plural(others.size(), "other package"))
                    + "; they are ordered and written as one block. The [index](" + index + ") shows the import"
                    + " that closes it.");
        }

        List<String> jdk = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String p : node.externalPackages()) {
            (JdkPackages.contains(p) ? jdk : other).add(p);
        }
        List<String> declared = u.facts.project().externalDependencies();
        b.add(u.overflow(
                "External dependencies",
                externalFull(u, jdk, other, declared, Integer.MAX_VALUE),
                SECTION_BUDGET / 2,
                () -> externalFull(u, jdk, other, declared, 6)));
        if (!node.dependencies().isEmpty() || !node.dependents().isEmpty()) {
            b.add(dependencyDiagram(u));
        }
        return b.toString();
    }

    /** External packages by origin and the POM's declared dependencies, the first {@code max} of each. */
    private static String externalFull(Unit u, List<String> jdk, List<String> other, List<String> declared, int max) {
        Blocks b = new Blocks();
        b.add("**External packages:**");
        if (jdk.isEmpty() && other.isEmpty()) {
            b.add("None imported.");
        } else {
            List<String> lines = new ArrayList<>();
            if (!jdk.isEmpty()) {
                lines.add("- JDK (packages of the JDK's own modules): " + codeList(jdk, max) + ".");
            }
            if (!other.isEmpty()) {
                lines.add("- Other: " + codeList(other, max) + ".");
            }
            b.add(String.join("\n", lines));
        }
        b.add("**Declared dependencies of " + Markdown.code(u.id().artifactId()) + "** (from its POM):");
        if (declared.isEmpty()) {
            b.add("None besides reactor modules.");
        } else if (max == Integer.MAX_VALUE) {
            b.add(declared.stream().map(d -> "- " + Markdown.code(d)).collect(Collectors.joining("\n")));
        } else {
            b.add(codeList(declared, max) + ".");
        }
        return b.toString();
    }

    /**
     * Linked units with their intents. Whether a linked spec exists yet is not said: it depends on
     * the run (the members of a cycle are written one after the other), and a spec must depend on
     * the code alone.
     */
    private static String unitList(Unit u, List<UnitId> ids, Map<UnitId, DependencySummary> summaries) {
        List<String> lines = new ArrayList<>();
        for (UnitId id : ids.subList(0, Math.min(ids.size(), LIST_LIMIT))) {
            DependencySummary s = summaries.get(id);
            String target = Markdown.linkTarget(RelativeLinks.relative(u.specDir, SpecLayout.specPath(id)));
            String link = Markdown.codeLink(shortName(u, id), target);
            boolean noIntent = s == null || s.intent() == null || s.intent().isBlank();
            // the dependency's own spec says the rest: its first sentence tells what it is for
            String intent = noIntent ? "" : ": " + Markdown.text(shortened(DocComment.firstSentence(s.intent())));
            lines.add("- " + link + intent);
        }
        if (ids.size() > LIST_LIMIT) {
            List<UnitId> rest = ids.subList(LIST_LIMIT, ids.size());
            lines.add("- and " + rest.size() + " more: "
                    + rest.stream()
                            .map(id -> Markdown.codeLink(
                                    shortName(u, id),
                                    Markdown.linkTarget(RelativeLinks.relative(u.specDir, SpecLayout.specPath(id)))))
                            .collect(Collectors.joining(", ")));
        }
        return String.join("\n", lines);
    }

    /** The users as one line of links, those of the unit's own module first (their intents are in their specs). */
    private static String userList(Unit u, List<UnitId> ids) {
        List<UnitId> ordered = new ArrayList<>(ids);
        ordered.sort(Comparator.comparing((UnitId id) -> !sameModule(u, id)));
        List<String> links = ordered.stream()
                .map(id -> Markdown.codeLink(
                        shortName(u, id),
                        Markdown.linkTarget(RelativeLinks.relative(u.specDir, SpecLayout.specPath(id)))))
                .toList();
        String all = String.join(", ", links) + ".";
        return u.overflow("Users", all, () -> linkList(links, LIST_LIMIT) + ".");
    }

    /**
     * The unit among its neighbours. A big neighbourhood is cut to {@link #MAX_DIAGRAM_NODES}
     * packages, shared between those it uses and those that use it (each side keeps at least half
     * unless the other needs less), taken in the order of the lists above; what is left out is one
     * "more" node per side and a sentence that points to the lists and the index. When the packages
     * shown belong to several reactor projects, each project is a cluster.
     */
    private static String dependencyDiagram(Unit u) {
        UnitNode node = u.node;
        Set<UnitId> uses = new HashSet<>(node.dependencies());
        List<UnitId> usersOnly =
                node.dependents().stream().filter(d -> !uses.contains(d)).toList();
        int usesShown = Math.min(
                node.dependencies().size(), Math.max(MAX_DIAGRAM_NODES / 2, MAX_DIAGRAM_NODES - usersOnly.size()));
        int usersOnlyShown = Math.min(usersOnly.size(), MAX_DIAGRAM_NODES - usesShown);
        List<UnitId> neighbours = new ArrayList<>(node.dependencies().subList(0, usesShown));
        neighbours.addAll(usersOnly.subList(0, usersOnlyShown));
        Set<UnitId> shown = new HashSet<>(neighbours);
        List<UnitId> usersShown =
                node.dependents().stream().filter(shown::contains).toList();
        int usesLeftOut = node.dependencies().size() - usesShown;
        int usersLeftOut = node.dependents().size() - usersShown.size();

        Mermaid.Ids ids = Mermaid.Ids.numbered("u");
        String self = ids.of(u.id().display());
        List<UnitId> all = new ArrayList<>();
        all.add(u.id());
        all.addAll(neighbours);
        StringBuilder sb = new StringBuilder("```mermaid\nflowchart LR\n");
        Map<String, List<UnitId>> byProject = byProject(u.id(), all);
        if (byProject.size() == 1) {
            all.forEach(id -> sb.append("    ")
                    .append(ids.of(id.display()))
                    .append('[')
                    .append(Mermaid.label(id.displayPackage()))
                    .append("]\n"));
        } else {
            // The cluster names the project, so a node needs only its package.
            Mermaid.Ids clusterIds = new Mermaid.Ids("p_");
            byProject.forEach((project, members) -> {
                sb.append("    subgraph ")
                        .append(clusterIds.of(project))
                        .append('[')
                        .append(Mermaid.label(members.get(0).artifactId()))
                        .append("]\n");
                members.forEach(id -> sb.append("        ")
                        .append(ids.of(id.display()))
                        .append('[')
                        .append(Mermaid.label(id.displayPackage()))
                        .append("]\n"));
                sb.append("    end\n");
            });
        }
        if (usesLeftOut > 0) {
            sb.append("    more_used[")
                    .append(Mermaid.label("… " + usesLeftOut + " more"))
                    .append("]\n");
        }
        if (usersLeftOut > 0) {
            sb.append("    more_users[")
                    .append(Mermaid.label("… " + usersLeftOut + " more"))
                    .append("]\n");
        }
        node.dependencies()
                .subList(0, usesShown)
                .forEach(d -> sb.append("    ")
                        .append(self)
                        .append(" --> ")
                        .append(ids.of(d.display()))
                        .append('\n'));
        usersShown.forEach(d -> sb.append("    ")
                .append(ids.of(d.display()))
                .append(" --> ")
                .append(self)
                .append('\n'));
        if (usesLeftOut > 0) {
            sb.append("    ").append(self).append(" -.-> more_used\n");
        }
        if (usersLeftOut > 0) {
            sb.append("    more_users -.-> ").append(self).append('\n');
        }
        sb.append("    classDef current stroke-width:3px\n");
        sb.append("    class ").append(self).append(" current\n");
        sb.append("```");
        if (usesLeftOut > 0 || usersLeftOut > 0) {
            String index = Markdown.linkTarget(RelativeLinks.relative(u.specDir, IndexRenderer.INDEX_PATH));
            sb.append("\n\nThe diagram shows ")
                    .append(usesShown)
                    .append(" of the ")
                    .append(plural(node.dependencies().size(), "package"))
                    .append(" used and ")
                    .append(usersShown.size())
                    .append(" of the ")
                    .append(plural(node.dependents().size(), "user"))
                    .append(", in the order of the lists above, which link to them all; the [architecture index](")
                    .append(index)
                    .append(") shows the whole reactor.");
        }
        return sb.toString();
    }

    /**
     * The units grouped by their reactor project, the unit's own project first, the others in
     * reactor-directory order; each group keeps the order it was given.
     */
    private static Map<String, List<UnitId>> byProject(UnitId self, List<UnitId> units) {
        Map<String, List<UnitId>> groups = new LinkedHashMap<>();
        groups.put(projectOf(self), new ArrayList<>());
        units.stream()
                .sorted(Comparator.comparing(UnitId::moduleDir).thenComparing(UnitId::projectKey))
                .forEach(id -> groups.putIfAbsent(projectOf(id), new ArrayList<>()));
        units.forEach(id -> groups.get(projectOf(id)).add(id));
        return groups;
    }

    private static String projectOf(UnitId id) {
        return id.moduleDir() + "|" + id.projectKey();
    }

    private static String files(Unit u) {
        if (u.unit.files().isEmpty()) {
            return "No files.";
        }
        List<String> rows = new ArrayList<>();
        rows.add(Markdown.tableHead("File", "Lines", "Status"));
        for (SourceFile f : u.unit.files()) {
            String status = f.problem()
                    .map(p -> "parse problem: " + Markdown.code(p.describe()))
                    .orElse("parsed");
            rows.add(Markdown.row(List.of(fileLink(u, f.path(), 0, f.path()), Integer.toString(f.lines()), status)));
        }
        return String.join("\n", rows);
    }

    // ---------------------------------------------------------------- helpers

    private static String fileLink(Unit u, String file, int line) {
        return fileLink(u, file, line, RelativeLinks.fileName(file));
    }

    /** A link from the spec to a source file (and line), with the label in a code span. */
    private static String fileLink(Unit u, String file, int line, String label) {
        String target = Markdown.linkTarget(RelativeLinks.relative(u.specDir, file)) + (line > 0 ? "#L" + line : "");
        return Markdown.codeLink(label, target);
    }

    private static String javaBlock(String code) {
        String body = Markdown.oneLine(code);
        String fence = body.contains("```") ? "~~~~" : "```";
        return fence + "java\n" + body + "\n" + fence;
    }

    private static String kindPhrase(TypeModel t) {
        List<String> words = new ArrayList<>();
        words.add(t.visibility().label());
        t.modifiers().stream().filter(m -> !m.equals("static") || t.isNested()).forEach(words::add);
        words.add(t.kind() == TypeKind.ANNOTATION ? "annotation" : t.kind().keyword());
        return String.join(" ", words);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Types for a summary line: the exported ones named (a reader of the package meets them), the
     * others counted; when none is exported, the first few named.
     */
    private static String typeNames(List<TypeModel> types) {
        List<String> exported = names(types.stream().filter(TypeModel::exported).toList());
        List<String> internal = names(types.stream().filter(t -> !t.exported()).toList());
        if (exported.isEmpty()) {
            return codeList(internal, INTERNAL_NAMED) + (internal.size() == 1 ? " (not exported)" : " (none exported)");
        }
        return codeList(exported, LIST_LIMIT)
                + (internal.isEmpty() ? "" : "; and " + internal.size() + " not exported");
    }

    private static List<String> names(List<TypeModel> types) {
        return types.stream().map(TypeModel::name).toList();
    }

    private static String codeList(List<String> items) {
        return codeList(items, NAMES_IN_SENTENCE);
    }

    static String codeList(List<String> items, int max) {
        String shown = items.stream().limit(max).map(Markdown::code).collect(Collectors.joining(", "));
        return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
    }

    /** "- `Serializable`: `A`, `B` and 2 more, and 5 not exported": the exported types named, the others counted. */
    private static String contractLine(String contract, List<String> exported, int internal) {
        String line = "- " + Markdown.code(contract) + ": ";
        return line + codeList(exported, CONTRACT_TYPES) + (internal == 0 ? "" : ", and " + internal + " not exported");
    }

    /** "- `Base` is subclassed by `A`, `B`.", naming at most {@code max} subtypes. */
    private static String relationLine(Map.Entry<String, List<String>> relation, int max) {
        String head = relation.getKey();
        int verb = head.indexOf(' ');
        return "- " + Markdown.code(head.substring(0, verb)) + head.substring(verb) + " "
                + codeList(relation.getValue(), max) + ".";
    }

    /** A type as written without its type arguments or annotations: {@code DirectoryStream.Filter<Path>} is {@code DirectoryStream.Filter}. */
    private static String erasure(String type) {
        String raw = type.replaceAll("<.*", "").strip();
        return raw.substring(raw.lastIndexOf(' ') + 1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** One newline at the end, no trailing blanks, never more than one blank line in a row. */
    private static String normalise(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        boolean inFence = false;
        int blanks = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            String t = l.stripLeading();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                inFence = !inFence;
            }
            if (l.isEmpty() && !inFence) {
                if (++blanks > 1) {
                    continue;
                }
            } else {
                blanks = 0;
            }
            sb.append(l).append('\n');
        }
        return sb.toString().strip() + "\n";
    }

    /** The unit being rendered, with what every section needs. */
    private static final class Unit {
        final SpecFacts facts;
        final Prose prose;
        final UnitAnalysis unit;
        final UnitNode node;
        final boolean llm;
        final String specDir;
        private TypeNames typeNames;
        private List<TypeRanking.Ranked> ranked;
        /** Full texts of the sections that outgrew {@link #SECTION_BUDGET}, by appendix title. */
        final Map<String, String> appendices = new LinkedHashMap<>();

        Unit(SpecFacts facts, Prose prose) {
            this.facts = facts;
            this.prose = prose;
            this.unit = facts.unit();
            this.node = facts.node();
            this.llm = !prose.isEmpty();
            this.specDir = RelativeLinks.parent(SpecLayout.specPath(unit.id()));
        }

        UnitId id() {
            return unit.id();
        }

        /** The exported types, best first ({@link TypeRanking}). */
        List<TypeRanking.Ranked> ranked() {
            if (ranked == null) {
                ranked = TypeRanking.rank(facts);
            }
            return ranked;
        }

        /**
         * The full text when it fits the budget; else the summary and a link to an appendix that
         * holds the full text.
         */
        String overflow(String title, String full, java.util.function.Supplier<String> summary) {
            return overflow(title, full, SECTION_BUDGET, summary);
        }

        /** As {@link #overflow(String, String, java.util.function.Supplier)}, for a part of a section with a budget of its own. */
        String overflow(String title, String full, int budget, java.util.function.Supplier<String> summary) {
            if (full.length() <= budget) {
                return full;
            }
            appendices.put(title, full);
            return summary.get() + "\n\nThe whole list is in [Appendix: " + title + "](#" + anchor("Appendix: " + title)
                    + ").";
        }

        /** Whether section 2 can list every public and protected member itself. */
        boolean smallInterface() {
            return ranked().stream().mapToInt(TypeRanking.Ranked::apiMembers).sum() <= SMALL_INTERFACE_MEMBERS;
        }

        /**
         * Whether the spec has the member reference: always for a large interface, and for a small
         * one when its Javadoc says more than section 2's first sentences (a tag, a longer
         * paragraph).
         */
        boolean memberReference() {
            if (!smallInterface()) {
                return true;
            }
            for (TypeRanking.Ranked r : ranked()) {
                TypeModel t = r.type();
                if (t.doc().saysMoreThan(t.javadocSummary())) {
                    return true;
                }
                for (MemberModel m : t.members()) {
                    if (isApiMember(m) && m.doc().saysMoreThan(m.javadocSummary())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * The type of this package a supertype reference of {@code from} names, if any; type
         * arguments ignored. As Java looks a name up in a type's header ({@link TypeNames#inHeader}):
         * the member types of the types enclosing {@code from} (not its own), then its file's
         * single-type imports, the package's top-level types, its on-demand imports. Only what none
         * of these finds in the package lies outside it.
         */
        Optional<TypeModel> resolve(String reference, TypeModel from) {
            if (typeNames == null) {
                typeNames = TypeNames.of(unit, q -> false);
            }
            return typeNames.inHeader(reference, from).flatMap(typeNames::typeOf);
        }
    }

    /** Markdown blocks separated by blank lines. */
    private static final class Blocks {
        private final List<String> blocks = new ArrayList<>();

        void add(String block) {
            if (block != null && !block.isBlank()) {
                blocks.add(block.strip());
            }
        }

        void insertFirst(String block) {
            blocks.add(0, block);
        }

        int size() {
            return blocks.size();
        }

        @Override
        public String toString() {
            return String.join("\n\n", blocks);
        }
    }
}
