package io.github.reversespec.spec;

import io.github.reversespec.analysis.UnitId;
import java.nio.file.Path;

/**
 * Where everything the plugin writes lives, relative to the execution root: the one place that
 * knows the output layout (docs/spec-format.md). Paths as text are '/'-separated and relative to the
 * root; {@link Path}s are resolved against the root given.
 */
public final class SpecLayout {

    /** The specs directory, relative to the root. */
    public static final String SPECS_DIR = "specs";

    /** The drift reports' directory, relative to the root. */
    public static final String DRIFT_LOGS_DIR = "drift-logs";

    /** {@code check}'s report for people, relative to the root. */
    public static final String DRIFT_REPORT_MARKDOWN = DRIFT_LOGS_DIR + "/drift-report.md";

    /** {@code check}'s report for scripts, relative to the root (docs/spec-format.md). */
    public static final String DRIFT_REPORT_JSON = DRIFT_LOGS_DIR + "/drift-report.json";

    /** {@code check}'s report as JUnit XML, for CI test reporters, relative to the root. */
    public static final String DRIFT_REPORT_JUNIT = DRIFT_LOGS_DIR + "/TEST-reverse-spec-check.xml";

    /** What every spec file's name ends with. */
    public static final String SPEC_SUFFIX = ".spec.md";

    /** The file-name stand-in for the default package. */
    public static final String DEFAULT_PACKAGE = UnitId.DEFAULT_PACKAGE;

    /** The architecture index's file name in {@code specs/}. */
    public static final String INDEX_FILE = "_index" + SPEC_SUFFIX;

    /** The architecture index, relative to the root. */
    public static final String INDEX_PATH = SPECS_DIR + "/" + INDEX_FILE;

    /** The spec set for coding agents' file name in {@code specs/}, in the llms.txt format (llmstxt.org). */
    public static final String LLMS_TXT_FILE = "llms.txt";

    /** The spec set for coding agents, relative to the root: regenerated with the index. */
    public static final String LLMS_TXT_PATH = SPECS_DIR + "/" + LLMS_TXT_FILE;

    /** The run summary for people, relative to the root. */
    public static final String SUMMARY_MARKDOWN = SPECS_DIR + "/_batch-summary.md";

    /** The run summary for scripts, relative to the root. */
    public static final String SUMMARY_JSON = SPECS_DIR + "/_batch-summary.json";

    /** What the summary files' names start with (no checkpoint may take their place). */
    public static final String SUMMARY_PREFIX = "_batch-summary.";

    /** The default checkpoint, relative to the root. */
    public static final String DEFAULT_CHECKPOINT = SPECS_DIR + "/.reverse-spec-checkpoint.json";

    /** The plugin's own working directory under {@code specs/}, ignored by git. */
    public static final String WORK_DIR = ".reverse-spec";

    /** The run lock's file name in the working directory. */
    public static final String LOCK_FILE = "lock";

    /** The facts cache's directory name in the working directory. */
    public static final String CACHE_DIR = "cache";

    private SpecLayout() {}

    /**
     * A unit's spec, relative to the root: {@code specs/<moduleDir>/<package>.spec.md}, the module
     * directory left out for the root project.
     */
    public static String specPath(UnitId id) {
        String file = id.displayPackage() + SPEC_SUFFIX;
        return id.moduleDir().isEmpty() ? SPECS_DIR + "/" + file : SPECS_DIR + "/" + id.moduleDir() + "/" + file;
    }

    /** A path under {@code specs/} relative to {@code specs/} itself, as links between specs use it. */
    public static String underSpecs(String rootRelativePath) {
        String prefix = SPECS_DIR + "/";
        return rootRelativePath.startsWith(prefix) ? rootRelativePath.substring(prefix.length()) : rootRelativePath;
    }

    public static Path specsDir(Path root) {
        return root.resolve(SPECS_DIR);
    }

    public static Path driftLogsDir(Path root) {
        return root.resolve(DRIFT_LOGS_DIR);
    }

    public static Path workDir(Path root) {
        return specsDir(root).resolve(WORK_DIR);
    }

    public static Path lockFile(Path root) {
        return workDir(root).resolve(LOCK_FILE);
    }

    public static Path cacheDir(Path root) {
        return workDir(root).resolve(CACHE_DIR);
    }
}
