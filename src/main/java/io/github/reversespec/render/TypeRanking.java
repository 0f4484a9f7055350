package io.github.reversespec.render;

import io.github.reversespec.analysis.FieldModel;
import io.github.reversespec.analysis.MemberModel;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.TypeModel;
import io.github.reversespec.analysis.TypeNames;
import io.github.reversespec.analysis.TypeRoles;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.spec.SpecFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported types of a unit, the ones a reader needs first at the top. Types the package's own
 * documentation names come first (its authors chose them as the way in), deprecated types and
 * exceptions last (a reader meets them through the others); within each group they are ranked by
 * how many other packages of the reactor use them, then by how many other types of the package
 * name them in their declarations and signatures, then by how many test classes refer to them, then
 * by the size of their public interface, then by name. Member types follow their top-level type,
 * in source order.
 *
 * <p>Every input is a fact of the code, so the ranking is the same for the same code.
 */
final class TypeRanking {

    /** One identifier: the words of a package documentation a type name may be. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*+");

    /** A name as written: {@code Entry}, {@code Multiset.Entry}, {@code java.util.Map.Entry}. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_$][\\w$]*+(?:\\.[A-Za-z_$][\\w$]*+)*+");

    /** How one type stands, with what its rank was decided by. */
    record Ranked(TypeModel type, List<UnitId> users, int inPackage, int tests, int apiMembers) {

        /** "used by 3 packages and 2 tests", or empty when nothing uses it. */
        String usePhrase() {
            List<String> parts = new ArrayList<>();
            if (!users.isEmpty()) {
                parts.add(SpecRenderer.plural(users.size(), "package"));
            }
            if (tests > 0) {
                parts.add(tests + (tests == 1 ? " test class" : " test classes"));
            }
            if (inPackage > 0) {
                parts.add(inPackage + " of this package's types");
            }
            return String.join(", ", parts);
        }

        /** "3 pkg · 2 tests · 4 in package" for a table cell; empty when nothing uses it. */
        String shortUsePhrase() {
            List<String> parts = new ArrayList<>();
            if (!users.isEmpty()) {
                parts.add(users.size() + " pkg");
            }
            if (tests > 0) {
                parts.add(tests + (tests == 1 ? " test" : " tests"));
            }
            if (inPackage > 0) {
                parts.add(inPackage + " in package");
            }
            return String.join(" · ", parts);
        }
    }

    private TypeRanking() {}

    /**
     * Ranks the exported types of the unit.
     *
     * @param facts the unit's facts
     * @return every exported type once, best first
     */
    static List<Ranked> rank(SpecFacts facts) {
        List<TypeModel> exported = facts.unit().exportedTypes();
        Map<String, Integer> tests = new HashMap<>();
        for (TypeCoverage c : facts.coverage()) {
            tests.put(c.typeName(), c.testClasses().size());
        }
        Map<String, Integer> inPackage = mentions(facts.unit());
        List<Ranked> tops = new ArrayList<>();
        Map<String, List<TypeModel>> nested = new LinkedHashMap<>();
        for (TypeModel t : exported) {
            if (t.isNested()) {
                nested.computeIfAbsent(t.topLevelName(), k -> new ArrayList<>()).add(t);
            } else {
                tops.add(ranked(t, facts, inPackage, tests));
            }
        }
        Set<String> introduced = namedIn(facts.unit().packageJavadoc());
        Set<String> exceptions = TypeRoles.exceptionTypes(facts.unit().types());
        tops.sort(Comparator.comparingInt((Ranked r) -> group(r.type(), introduced, exceptions))
                .thenComparingInt(r -> -r.users().size())
                .thenComparingInt(r -> -r.inPackage())
                .thenComparingInt(r -> -r.tests())
                .thenComparingInt(r -> -r.apiMembers())
                .thenComparing(r -> r.type().name()));
        List<Ranked> out = new ArrayList<>(exported.size());
        Set<String> placed = new HashSet<>();
        for (Ranked r : tops) {
            out.add(r);
            placed.add(r.type().name());
            for (TypeModel n : nested.getOrDefault(r.type().name(), List.of())) {
                out.add(ranked(n, facts, inPackage, tests));
            }
        }
        // A public member type of a type that is not itself exported cannot be exported, but keep
        // every exported type whatever the model says.
        nested.forEach((top, list) -> {
            if (!placed.contains(top)) {
                list.forEach(n -> out.add(ranked(n, facts, inPackage, tests)));
            }
        });
        return out;
    }

    /** 0 for a type the package documentation names, 2 for a deprecated type or an exception, else 1. */
    private static int group(TypeModel t, Set<String> introduced, Set<String> exceptions) {
        if (t.deprecated() || exceptions.contains(t.name())) {
            return 2;
        }
        return introduced.contains(t.name()) ? 0 : 1;
    }

    /** The identifiers of a text, as whole words: the type names a package documentation mentions. */
    private static Set<String> namedIn(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static Ranked ranked(
            TypeModel t, SpecFacts facts, Map<String, Integer> inPackage, Map<String, Integer> tests) {
        boolean top = !t.isNested();
        int api = (int) t.members().stream().filter(SpecRenderer::isApiMember).count();
        return new Ranked(
                t,
                facts.usersOf(t.name()),
                inPackage.getOrDefault(t.name(), 0),
                top ? tests.getOrDefault(t.name(), 0) : 0,
                api);
    }

    /**
     * For each type, how many other types of the package name it in their declaration, member
     * signatures or field types, each name resolved as Java does ({@link TypeNames}): {@code Entry}
     * in a file importing {@code java.util.Map.Entry} is not the package's {@code Multiset.Entry},
     * and a type's own member {@code Builder} is not in scope in its {@code implements} clause.
     * Types inside the same top-level type do not count.
     */
    private static Map<String, Integer> mentions(UnitAnalysis unit) {
        TypeNames names = TypeNames.of(unit, q -> false);
        Map<String, Integer> counts = new HashMap<>();
        for (TypeModel from : unit.types()) {
            Set<String> named = new HashSet<>();
            List<String> texts = texts(from);
            for (int i = 0; i < texts.size(); i++) {
                Matcher m = TYPE_NAME.matcher(texts.get(i));
                while (m.find()) {
                    String written = m.group();
                    // the first text is the declaration: its own member types are not in scope there
                    (i == 0 ? names.inHeader(written, from) : names.inBody(written, from))
                            .flatMap(names::typeOf)
                            .ifPresent(t -> named.addAll(writtenTypes(written, t.name())));
                }
            }
            for (String target : named) {
                if (!target.equals(from.name()) && !sameTopLevel(target, from.name())) {
                    counts.merge(target, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * The types a name as written names: {@code Multiset.Entry} names {@code Multiset} too, a
     * simple {@code Entry} only {@code Multiset.Entry}.
     */
    private static List<String> writtenTypes(String written, String resolved) {
        long segments = Arrays.stream(written.split("\\."))
                .filter(segment -> !segment.isEmpty() && Character.isUpperCase(segment.charAt(0)))
                .count();
        List<String> chain = new ArrayList<>();
        for (int dot = resolved.indexOf('.'); dot > 0; dot = resolved.indexOf('.', dot + 1)) {
            chain.add(resolved.substring(0, dot));
        }
        chain.add(resolved);
        return chain.subList((int) Math.max(0, chain.size() - Math.max(1, segments)), chain.size());
    }

    private static List<String> texts(TypeModel t) {
        List<String> texts = new ArrayList<>();
        texts.add(t.signature());
        for (MemberModel m : t.members()) {
            texts.add(m.signature());
        }
        for (FieldModel f : t.fields()) {
            texts.add(f.type());
        }
        return texts;
    }

    private static boolean sameTopLevel(String a, String b) {
        String ta = a.indexOf('.') < 0 ? a : a.substring(0, a.indexOf('.'));
        String tb = b.indexOf('.') < 0 ? b : b.substring(0, b.indexOf('.'));
        return ta.equals(tb);
    }
}
