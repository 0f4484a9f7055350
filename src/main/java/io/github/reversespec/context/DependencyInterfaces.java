package io.github.reversespec.context;

import io.github.reversespec.analysis.ImportRef;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.SpecInterface;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The part of a dependency's public interface a unit references, as lines for its request: each
 * exported type of the dependency the unit names, with its declaration, then the signatures of its
 * members the unit's code names, exactly as the dependency's spec lists them ({@link
 * SpecInterface#listed}), and how many other members it has.
 *
 * <p>A type is referenced when an import (single-type, static, or on demand from inside the type)
 * or a fully-qualified reference names it or something inside it; when an on-demand import of its
 * package, or the unit sharing its package name (the same package in another project), brings it
 * in and the unit's code uses its simple name; and a member type also when the code writes {@code
 * Outer.Inner} while its outer type is referenced. The syntax facts do not say which members a call
 * reaches, so a member counts as named when the unit's code uses its name the way the member is
 * used: a method or annotation element followed by {@code (} or after {@code ::} (an annotation
 * element also before {@code =}), a field or constant as a word, a constructor after {@code new} or
 * as {@code Type::new}; {@code toString}, {@code hashCode} and {@code equals} are only counted,
 * every type having them. The order is the dependency's (its files, then source order).
 */
final class DependencyInterfaces {

    private static final int LINE_CHARS = 600;

    private final UnitAnalysis unit;
    private final Words words;
    private final UnaryOperator<String> clean;

    /**
     * @param unit the unit whose request is built
     * @param code the unit's code as the request shows it (without the licence header)
     * @param clean what every line passes through (redaction)
     */
    DependencyInterfaces(UnitAnalysis unit, Collection<String> code, UnaryOperator<String> clean) {
        this.unit = unit;
        this.words = Words.of(code);
        this.clean = clean;
    }

    /** The lines of {@code dependency}'s interface the unit references; empty when it names none of it. */
    List<String> lines(DependencySummary dependency) {
        List<String> lines = new ArrayList<>();
        for (TypeModel type : referencedTypes(dependency)) {
            String declaration = "  " + SpecInterface.oneLine(type.signature());
            if (type.isNested()) {
                declaration += " (in " + type.name().substring(0, type.name().lastIndexOf('.')) + ")";
            }
            lines.add(line(declaration));
            int others = 0;
            for (MemberModel member : type.members()) {
                if (!SpecInterface.listed(member)) {
                    continue;
                }
                if (named(member, type) && !objectMethod(member)) {
                    lines.add(line("    " + SpecInterface.oneLine(member.signature())));
                } else {
                    others++;
                }
            }
            if (others > 0) {
                lines.add("    (" + others + " other public member" + (others == 1 ? "" : "s")
                        + " this unit does not name)");
            }
        }
        return lines;
    }

    /** The dependency's exported types the unit references, in the dependency's order. */
    List<TypeModel> referencedTypes(DependencySummary dependency) {
        String pkg = dependency.id().packageName();
        boolean onDemand = pkg.equals(unit.id().packageName())
                || unit.imports().stream()
                        .anyMatch(i -> i.onDemand() && !i.isStatic() && i.name().equals(pkg));
        Set<String> referenced = new HashSet<>();
        List<TypeModel> out = new ArrayList<>();
        for (TypeModel type : dependency.exportedTypes()) {
            String qualified = type.qualifiedName();
            boolean uses = names(qualified);
            if (!uses && !type.isNested()) {
                uses = onDemand && words.any.contains(type.name());
            } else if (!uses) {
                String outer = type.name().substring(0, type.name().lastIndexOf('.'));
                String simple = type.name().substring(type.name().lastIndexOf('.') + 1);
                String outerQualified = qualified.substring(0, qualified.lastIndexOf('.'));
                uses = referenced.contains(outer)
                        && (words.dotted.contains(outer.substring(outer.lastIndexOf('.') + 1) + "." + simple)
                                || unit.imports().stream()
                                                .anyMatch(i ->
                                                        i.onDemand() && i.name().equals(outerQualified))
                                        && words.any.contains(simple));
            }
            if (uses) {
                referenced.add(type.name());
                out.add(type);
            }
        }
        return out;
    }

    /** Whether an import or a qualified reference of the unit is {@code qualified} or inside it. */
    private boolean names(String qualified) {
        String inside = qualified + ".";
        for (ImportRef ref : unit.imports()) {
            if (ref.name().equals(qualified) || ref.name().startsWith(inside)) {
                return true;
            }
        }
        for (String ref : unit.qualifiedReferences()) {
            if (ref.equals(qualified) || ref.startsWith(inside)) {
                return true;
            }
        }
        return false;
    }

    private boolean named(MemberModel member, TypeModel type) {
        String name = member.name();
        return switch (member.kind()) {
            case CONSTRUCTOR ->
                words.constructed.contains(type.name().substring(type.name().lastIndexOf('.') + 1));
            case METHOD -> words.called.contains(name);
            case ANNOTATION_ELEMENT -> words.called.contains(name) || words.assigned.contains(name);
            case FIELD, ENUM_CONSTANT -> words.any.contains(name);
        };
    }

    /** {@code toString()}, {@code hashCode()}, {@code equals(Object)}: every type has them, naming them tells nothing. */
    private static boolean objectMethod(MemberModel member) {
        if (member.kind() != MemberModel.MemberKind.METHOD || member.isStatic()) {
            return false;
        }
        List<String> parameters = member.parameterTypes();
        return switch (member.name()) {
            case "toString", "hashCode" -> parameters.isEmpty();
            case "equals" -> parameters.equals(List.of("Object"));
            default -> false;
        };
    }

    private String line(String text) {
        String cleaned = clean.apply(text);
        return cleaned.length() > LINE_CHARS ? cleaned.substring(0, LINE_CHARS) + "…" : cleaned;
    }

    /**
     * The identifiers of the unit's code and how each is used: any use, a call ({@code name(} or
     * {@code ::name}), an instance creation ({@code new Name}, {@code Name::new}), an assignment
     * ({@code name =}, as in annotation arguments), and the dotted pairs ({@code Outer.Inner}).
     */
    private record Words(
            Set<String> any, Set<String> called, Set<String> constructed, Set<String> assigned, Set<String> dotted) {

        static Words of(Collection<String> code) {
            Words w = new Words(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (String text : code) {
                w.scan(text);
            }
            return w;
        }

        private void scan(String text) {
            int n = text.length();
            String previous = "";
            int previousEnd = -1;
            boolean afterNew = false;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (!Character.isJavaIdentifierStart(c)) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                any.add(word);
                int before = start - 1;
                while (before >= 0 && text.charAt(before) == ' ') {
                    before--;
                }
                boolean reference = before >= 1 && text.charAt(before) == ':' && text.charAt(before - 1) == ':';
                boolean dottedAfterPrevious =
                        before >= 0 && text.charAt(before) == '.' && onlySpaces(text, previousEnd, before);
                if (dottedAfterPrevious) {
                    dotted.add(previous + "." + word);
                }
                int after = i;
                while (after < n && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                    after++;
                }
                char next = after < n ? text.charAt(after) : '\0';
                boolean dottedNext = next == '.';
                if (next == '(' || reference) {
                    called.add(word);
                }
                if (next == '=' && (after + 1 >= n || text.charAt(after + 1) != '=')) {
                    assigned.add(word);
                }
                if (word.equals("new") && reference) {
                    constructed.add(previous);
                } else if (afterNew && !dottedNext) {
                    constructed.add(word);
                    afterNew = false;
                } else if (!dottedNext && !dottedAfterPrevious) {
                    afterNew = false;
                }
                if (word.equals("new") && !reference) {
                    afterNew = true;
                }
                previous = word;
                previousEnd = i;
            }
        }

        private static boolean onlySpaces(String text, int from, int to) {
            if (from < 0) {
                return false;
            }
            for (int k = from; k < to; k++) {
                if (text.charAt(k) != ' ') {
                    return false;
                }
            }
            return true;
        }
    }
}
