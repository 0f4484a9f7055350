package io.github.reversespec.spec;

import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A unit's public interface as a spec lists it: every exported type's declaration and the exact
 * signatures of its public and protected members (enum constants and annotation elements
 * included), each on one line. Read back from a spec's section 2 and member reference, and built
 * from the code the same way, so the two compare: what changed since the spec was written.
 *
 * @param declarations exported type name (nested types dotted, {@code Outer.Inner}) to its
 *     declaration
 * @param members exported type name to its members' signatures, in the order listed
 */
public record SpecInterface(Map<String, String> declarations, Map<String, List<String>> members) {

    public SpecInterface {
        declarations = Collections.unmodifiableMap(new LinkedHashMap<>(declarations));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        members = Collections.unmodifiableMap(copy);
    }

    /** Whether a spec lists this member: public and protected ones, every enum constant and annotation element. */
    public static boolean listed(MemberModel m) {
        return m.visibility().isApi()
                || m.kind() == MemberModel.MemberKind.ENUM_CONSTANT
                || m.kind() == MemberModel.MemberKind.ANNOTATION_ELEMENT;
    }

    /**
     * The interface as a spec written now would list it.
     *
     * @param unit the analysed unit
     * @param redact what the spec's writer passes every line through (the configured credentials)
     */
    public static SpecInterface of(UnitAnalysis unit, UnaryOperator<String> redact) {
        Map<String, String> declarations = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (TypeModel type : unit.exportedTypes()) {
            declarations.put(type.name(), oneLine(redact.apply(type.signature())));
            List<String> signatures = new ArrayList<>();
            for (MemberModel m : type.members()) {
                if (listed(m)) {
                    signatures.add(oneLine(redact.apply(m.signature())));
                }
            }
            members.put(type.name(), signatures);
        }
        return new SpecInterface(declarations, members);
    }

    /** Text on one line, as a spec's tables and code blocks hold it. */
    public static String oneLine(String s) {
        return s == null
                ? ""
                : s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').strip();
    }

    /** How a member or type differs. */
    public enum ChangeKind {
        ADDED,
        REMOVED,
        CHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One difference.
     *
     * @param kind added, removed or changed
     * @param name {@code Type} or {@code Type#member}
     * @param before the signatures before (empty when added)
     * @param after the signatures now (empty when removed)
     */
    public record Change(ChangeKind kind, String name, List<String> before, List<String> after) {
        public Change {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /**
     * What changed from this interface (the spec's) to {@code now} (the code's): types added,
     * removed or redeclared, then members by name; a member name whose overloads differ on both sides
     * is changed, on one side only added or removed. Sorted by name.
     */
    public List<Change> changesTo(SpecInterface now) {
        Map<String, Change> changes = new TreeMap<>();
        Set<String> types = new TreeSet<>(declarations.keySet());
        types.addAll(now.declarations.keySet());
        for (String type : types) {
            String was = declarations.get(type);
            String is = now.declarations.get(type);
            if (was == null) {
                changes.put(type, new Change(ChangeKind.ADDED, type, List.of(), List.of(is)));
            } else if (is == null) {
                changes.put(type, new Change(ChangeKind.REMOVED, type, List.of(was), List.of()));
            } else if (!was.equals(is)) {
                changes.put(type, new Change(ChangeKind.CHANGED, type, List.of(was), List.of(is)));
            }
            Map<String, List<String>> before = byName(members.getOrDefault(type, List.of()));
            Map<String, List<String>> after = byName(now.members.getOrDefault(type, List.of()));
            Set<String> names = new TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String name : names) {
                List<String> b = new ArrayList<>(before.getOrDefault(name, List.of()));
                List<String> a = new ArrayList<>(after.getOrDefault(name, List.of()));
                List<String> common = new ArrayList<>(b);
                common.retainAll(a);
                b.removeAll(common);
                a.removeAll(common);
                if (b.isEmpty() && a.isEmpty()) {
                    continue;
                }
                ChangeKind kind =
                        b.isEmpty() ? ChangeKind.ADDED : a.isEmpty() ? ChangeKind.REMOVED : ChangeKind.CHANGED;
                String key = type + "#" + name;
                changes.put(key, new Change(kind, key, b, a));
            }
        }
        return List.copyOf(changes.values());
    }

    private static Map<String, List<String>> byName(List<String> signatures) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String s : new LinkedHashSet<>(signatures)) {
            out.computeIfAbsent(memberName(s), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /**
     * A member's name from its signature: the identifier before the parameter list of a method,
     * constructor or enum constant with arguments, else the last identifier before {@code =} (a
     * field, a constant) or the end (an enum constant). Annotations, with their arguments, and
     * type arguments are skipped.
     */
    public static String memberName(String signature) {
        String s = oneLine(signature);
        int i = 0;
        int n = s.length();
        int angle = 0;
        String lastIdentifier = "";
        while (i < n) {
            char c = s.charAt(i);
            if (c == '@' && angle == 0) {
                i = skipAnnotation(s, i + 1);
                continue;
            }
            if (c == '"' || c == '\'') {
                i = skipQuoted(s, i);
                continue;
            }
            if (c == '<') {
                angle++;
            } else if (c == '>') {
                angle = Math.max(0, angle - 1);
            } else if (angle == 0 && (c == '(' || c == '=' || c == '{')) {
                break;
            } else if (angle == 0 && Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                lastIdentifier = s.substring(start, i);
                continue;
            }
            i++;
        }
        return lastIdentifier.isEmpty() ? s : lastIdentifier;
    }

    /** Past an annotation's (qualified) name and its arguments, from just after the {@code @}. */
    private static int skipAnnotation(String s, int i) {
        int n = s.length();
        while (i < n && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        int j = i;
        while (j < n && s.charAt(j) == ' ') {
            j++;
        }
        if (j < n && s.charAt(j) == '(') {
            int depth = 0;
            while (j < n) {
                char c = s.charAt(j);
                if (c == '"' || c == '\'') {
                    j = skipQuoted(s, j);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return j + 1;
                }
                j++;
            }
            return n;
        }
        return i;
    }

    private static int skipQuoted(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                return j + 1;
            }
            j++;
        }
        return s.length();
    }
}
