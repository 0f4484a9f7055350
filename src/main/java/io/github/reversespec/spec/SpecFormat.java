package io.github.reversespec.spec;

/**
 * The spec file format's vocabulary (docs/spec-format.md): the
 * front-matter keys, the {@code type} value and the statuses. The writer, the reader, the
 * checks and the tests all take them from here, so changing the format is one change. The
 * sections are {@link Section}.
 */
public final class SpecFormat {

    /** The {@code type} of a unit's spec. */
    public static final String MODULE_SPEC = "module-spec";

    public static final String TYPE = "type";
    public static final String MODULE = "module";
    public static final String PACKAGE = "package";
    public static final String STATUS = "status";
    public static final String MODEL = "model";
    public static final String SOURCE_HASH = "sourceHash";
    public static final String GENERATOR = "generator";
    public static final String RELATED_FILES = "relatedFiles";
    public static final String LEVEL = "level";
    public static final String INTERFACE_HASH = "interfaceHash";
    public static final String DEPENDENCY_HASH = "dependencyHash";
    public static final String DEPENDS_ON = "dependsOn";
    public static final String GENERATED_HASH = "generatedHash";
    /** A model-written spec: the code names its prose uses, each once (see {@link CodeNames}). */
    public static final String PROSE_NAMES = "proseNames";
    /**
     * A model-written spec: the feature version of the JDK its prose names were looked up on (the
     * JDK's own types and members differ between versions, so a check on an older JDK cannot tell).
     */
    public static final String PROSE_JDK = "proseJdk";
    /** A model-written spec: those of its prose names the code did not have when it was written. */
    public static final String UNRESOLVED_NAMES = "unresolvedNames";

    /** {@code status} of a spec whose prose a model wrote. */
    public static final String STATUS_LLM = "llm";

    /** {@code status} of a spec written from the code alone. */
    public static final String STATUS_AST_ONLY = "ast-only";

    /** {@code model} of an AST-only spec. */
    public static final String NO_MODEL = "none";

    /** How many numbered sections a spec has. */
    public static final int SECTION_COUNT = Section.values().length;

    private SpecFormat() {}
}
