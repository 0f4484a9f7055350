package io.github.reversespec.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a spec file on disk says about itself: its front matter and its one-line intent. Read back
 * to decide whether a spec is stale and to build the index.
 *
 * @param frontMatter the front matter in file order; each value a {@code String} or a {@code
 *     List<String>}
 * @param intent the first paragraph of section 1, Markdown stripped, at most 200 characters; empty
 *     when there is none
 * @param notes the text of its notes block, carried over when it is regenerated
 * @param edited whether it was changed by hand outside the notes block since it was written
 */
public record SpecFileInfo(Map<String, Object> frontMatter, String intent, String notes, boolean edited) {

    public SpecFileInfo {
        frontMatter = Collections.unmodifiableMap(new LinkedHashMap<>(frontMatter));
        intent = intent == null ? "" : intent;
        notes = notes == null ? "" : notes;
    }

    /** A spec with no notes, as generated. */
    public SpecFileInfo(Map<String, Object> frontMatter, String intent) {
        this(frontMatter, intent, "", false);
    }

    /** {@code module}: the artifactId. */
    public String module() {
        return string(SpecFormat.MODULE);
    }

    /** {@code package}: the package name ({@code _default} for the default package). */
    public String packageName() {
        return string(SpecFormat.PACKAGE);
    }

    /** {@code status}: {@code llm} or {@code ast-only}. */
    public String status() {
        return string(SpecFormat.STATUS);
    }

    /** {@code model}: the model id, or {@code none}. */
    public String model() {
        return string(SpecFormat.MODEL);
    }

    public String sourceHash() {
        return string(SpecFormat.SOURCE_HASH);
    }

    public String interfaceHash() {
        return string(SpecFormat.INTERFACE_HASH);
    }

    public String dependencyHash() {
        return string(SpecFormat.DEPENDENCY_HASH);
    }

    /** {@code level}, or -1 when missing or not a number. */
    public int level() {
        try {
            return Integer.parseInt(string(SpecFormat.LEVEL).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code dependsOn}: {@code artifactId:package} of the direct dependencies. */
    public List<String> dependsOn() {
        return list(SpecFormat.DEPENDS_ON);
    }

    /** {@code relatedFiles}: the unit's files relative to the root. */
    public List<String> relatedFiles() {
        return list(SpecFormat.RELATED_FILES);
    }

    /** A scalar value, or empty when missing or a list. */
    public String string(String key) {
        return frontMatter.get(key) instanceof String s ? s : "";
    }

    /** A list value; a scalar counts as a one-element list, a missing or empty key as none. */
    public List<String> list(String key) {
        Object v = frontMatter.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v instanceof String s && !s.isEmpty() ? List.of(s) : List.of();
    }
}
