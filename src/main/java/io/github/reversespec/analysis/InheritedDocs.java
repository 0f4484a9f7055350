package io.github.reversespec.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills in the Javadoc a method inherits from the method it overrides in the reactor, as the
 * javadoc tool does: a method without a description, {@code @return}, or {@code @param}/{@code
 * @throws} text for one of its parameters or declared exceptions takes it from the overridden
 * method, and {@code {@inheritDoc}} (in the description or in a tag) is replaced by the overridden
 * method's corresponding text. {@code @since} and {@code @deprecated} are never inherited.
 *
 * <p>It runs once over the whole reactor after every file is parsed, since an override and the
 * method it overrides may sit in different packages and projects. Supertypes are resolved by
 * the names written in {@code extends} and {@code implements}: a member type of the type or of its
 * enclosing types, then the file's single-type imports, then its package, then its on-demand
 * imports. A method overrides one with the same name and the same erased parameter types as
 * written (a type variable matches any type). The search goes depth first, the superclass before
 * the interfaces in the order written, and stops at the first overriding candidate found; each
 * method is resolved once (memoised), so the cost grows with the members times the depth of
 * their hierarchies, not with the square of the reactor.
 */
final class InheritedDocs {

    /**
     * One type of the reactor with the imports of its file.
     *
     * @param type the type as parsed
     * @param imports the imports of the file that declares it
     */
    record Site(TypeModel type, List<ImportRef> imports) {}

    private static final java.util.regex.Pattern VOID_METHOD =
            java.util.regex.Pattern.compile("\\bvoid\\s+\\w+\\s*\\(");

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new HashMap<>();

    private InheritedDocs(List<Site> sites) {
        for (Site s : sites) {
            Node n = new Node(s);
            nodes.add(n);
            // the same qualified name in two projects: the first in reactor order wins, as for the graph
            byName.putIfAbsent(s.type().qualifiedName(), n);
        }
    }

    /**
     * The types with their methods' inherited Javadoc filled in.
     *
     * @param sites every main type of the reactor, in reactor, file and source order
     * @return the types in the same order; a type with nothing to inherit is returned as it was
     */
    static List<TypeModel> resolve(List<Site> sites) {
        InheritedDocs docs = new InheritedDocs(sites);
        List<TypeModel> out = new ArrayList<>(sites.size());
        for (Node n : docs.nodes) {
            boolean changed = false;
            for (int i = 0; i < n.members.size(); i++) {
                MemberModel before = n.members.get(i);
                changed |= docs.doc(n, i) != before.doc();
            }
            out.add(changed ? n.site.type().withMembers(n.members) : n.site.type());
        }
        return out;
    }

    /** The resolved Javadoc of member {@code i} of {@code n}, computed once. */
    private DocComment doc(Node n, int i) {
        MemberModel m = n.members.get(i);
        if (n.state[i] != 0 || !inherits(m)) {
            return m.doc();
        }
        n.state[i] = 1; // in progress: a cycle of supertypes ends here
        Set<Node> visited = new HashSet<>();
        visited.add(n);
        for (Node sup : supertypes(n)) {
            Found f = find(sup, m, visited);
            if (f != null) {
                MemberModel merged = merge(m, f);
                n.members.set(i, merged);
                break;
            }
        }
        n.state[i] = 2;
        return n.members.get(i).doc();
    }

    private static boolean inherits(MemberModel m) {
        return m.kind() == MemberModel.MemberKind.METHOD
                && !m.isStatic()
                && m.visibility() != Visibility.PRIVATE
                && (m.doc().wantsInherited() || missesTags(m));
    }

    /** A parameter, the return value or a declared exception without text of its own. */
    private static boolean missesTags(MemberModel m) {
        DocComment d = m.doc();
        if (d.isEmpty()) {
            return true;
        }
        for (String p : m.parameterNames()) {
            if (d.params().getOrDefault(p, "").isEmpty()) {
                return true;
            }
        }
        if (d.returns().isEmpty() && !VOID_METHOD.matcher(m.signature()).find()) {
            return true;
        }
        for (String t : m.thrownTypes()) {
            if (throwsText(d, t).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The overridden method and its resolved Javadoc; {@code origin} names where that Javadoc is
     * written when the method has none of its own and took it all from further up.
     */
    private record Found(MemberModel member, DocComment doc, String origin) {}

    /** The first method {@code m} overrides in {@code n} or its supertypes, depth first. */
    private Found find(Node n, MemberModel m, Set<Node> visited) {
        if (!visited.add(n)) {
            return null;
        }
        for (int j : n.methodsNamed(m.name())) {
            MemberModel candidate = n.members.get(j);
            if (overrides(m, candidate)) {
                DocComment resolved = doc(n, j);
                boolean noneOfItsOwn = n.site.type().members().get(j).doc().isEmpty();
                String origin = noneOfItsOwn && !resolved.inheritedFrom().isEmpty()
                        ? resolved.inheritedFrom()
                        : n.site.type().name() + "#" + candidate.name();
                return new Found(n.members.get(j), resolved, origin);
            }
        }
        for (Node sup : supertypes(n)) {
            Found f = find(sup, m, visited);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static boolean overrides(MemberModel m, MemberModel candidate) {
        if (candidate.kind() != MemberModel.MemberKind.METHOD
                || candidate.isStatic()
                || candidate.visibility() == Visibility.PRIVATE) {
            return false;
        }
        List<String> a = m.parameterTypes();
        List<String> b = candidate.parameterTypes();
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            String x = a.get(k);
            String y = b.get(k);
            if (!x.equals(y) && !isVariable(x) && !isVariable(y)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ?} or {@code ?[]}: a type variable (of any dimension) matches anything. */
    private static boolean isVariable(String erased) {
        return erased.startsWith("?");
    }

    /** The member with what it lacks taken from the method it overrides. */
    private static MemberModel merge(MemberModel m, Found f) {
        DocComment own = m.doc();
        DocComment from = f.doc();
        Set<DocComment.Part> taken = EnumSet.noneOf(DocComment.Part.class);
        String description = part(own.description(), from.description(), DocComment.Part.DESCRIPTION, taken);
        String returns = part(own.returns(), from.returns(), DocComment.Part.RETURN, taken);
        Map<String, String> params = new LinkedHashMap<>();
        List<String> names = m.parameterNames();
        List<String> fromNames = f.member().parameterNames();
        for (int k = 0; k < names.size(); k++) {
            String fromName = fromNames.size() == names.size() ? fromNames.get(k) : names.get(k);
            String text = part(
                    own.params().getOrDefault(names.get(k), ""),
                    from.params().getOrDefault(fromName, ""),
                    DocComment.Part.PARAMETERS,
                    taken);
            if (!text.isEmpty()) {
                params.put(names.get(k), text);
            }
        }
        own.params().forEach(params::putIfAbsent);
        Map<String, String> throwsDocs = new LinkedHashMap<>();
        own.throwsDocs()
                .forEach((type, text) ->
                        throwsDocs.put(type, part(text, throwsText(from, type), DocComment.Part.THROWS, taken)));
        for (String type : m.thrownTypes()) {
            if (throwsText(own, type).isEmpty()) {
                String text = part("", throwsText(from, type), DocComment.Part.THROWS, taken);
                if (!text.isEmpty()) {
                    throwsDocs.put(type, text);
                }
            }
        }
        if (taken.isEmpty()) {
            return m;
        }
        DocComment merged = new DocComment(
                description, params, returns, throwsDocs, own.since(), own.deprecation(), f.origin(), taken);
        String summary = description.equals(own.description()) ? m.javadocSummary() : JavadocText.summary(description);
        return m.withDoc(merged, summary);
    }

    /**
     * Own text, with {@code {@inheritDoc}} replaced in place by the inherited text (the own text
     * around it kept); the inherited text when there is none. {@code taken} records which.
     */
    private static String part(String own, String inherited, DocComment.Part whole, Set<DocComment.Part> taken) {
        if (inherited.isEmpty()) {
            return own;
        }
        if (own.isEmpty()) {
            taken.add(whole);
            return inherited;
        }
        if (own.contains(DocComment.INHERIT_DOC)) {
            taken.add(DocComment.Part.INHERIT_DOC);
            return own.replace(DocComment.INHERIT_DOC, inherited).strip();
        }
        return own;
    }

    /** The {@code @throws} text for a type, matched by simple name ({@code IOException}, {@code java.io.IOException}). */
    private static String throwsText(DocComment d, String type) {
        String text = d.throwsDocs().get(type);
        if (text != null) {
            return text;
        }
        String simple = Text.lastSegment(type);
        for (Map.Entry<String, String> e : d.throwsDocs().entrySet()) {
            if (Text.lastSegment(e.getKey()).equals(simple)) {
                return e.getValue();
            }
        }
        return "";
    }

    // ---- supertypes --------------------------------------------------------------------------

    /** The supertypes of the reactor, the superclass (or extended interfaces) first, as written. */
    private List<Node> supertypes(Node n) {
        if (n.supertypes == null) {
            List<Node> found = new ArrayList<>();
            TypeModel t = n.site.type();
            for (List<String> names : List.of(t.extendedTypes(), t.implementedTypes())) {
                for (String written : names) {
                    Node s = resolve(n, written);
                    if (s != null && s != n && !found.contains(s)) {
                        found.add(s);
                    }
                }
            }
            n.supertypes = found;
        }
        return n.supertypes;
    }

    /** The reactor type a name written in {@code n}'s declaration stands for, or null. */
    private Node resolve(Node n, String written) {
        int lt = written.indexOf('<');
        String name = (lt < 0 ? written : written.substring(0, lt)).strip();
        int dot = name.indexOf('.');
        if (dot < 0) {
            return resolveSimple(n, name);
        }
        Node direct = byName.get(name);
        if (direct != null) {
            return direct;
        }
        Node first = resolveSimple(n, name.substring(0, dot));
        return first == null ? null : byName.get(first.site.type().qualifiedName() + name.substring(dot));
    }

    private Node resolveSimple(Node n, String simple) {
        TypeModel t = n.site.type();
        String pkg = n.packageName();
        // member types of the type and its enclosing types, and the enclosing types themselves
        String enclosing = t.name();
        while (true) {
            String outer = pkg.isEmpty() ? enclosing : pkg + "." + enclosing;
            Node member = byName.get(outer + "." + simple);
            if (member != null) {
                return member;
            }
            if (Text.lastSegment(enclosing).equals(simple)) {
                return byName.get(outer);
            }
            int dot = enclosing.lastIndexOf('.');
            if (dot < 0) {
                break;
            }
            enclosing = enclosing.substring(0, dot);
        }
        for (ImportRef i : n.site.imports()) {
            if (!i.onDemand() && Text.lastSegment(i.name()).equals(simple)) {
                Node imported = byName.get(i.name());
                if (imported != null) {
                    return imported;
                }
            }
        }
        Node same = byName.get(pkg.isEmpty() ? simple : pkg + "." + simple);
        if (same != null) {
            return same;
        }
        for (ImportRef i : n.site.imports()) {
            if (i.onDemand()) {
                Node imported = byName.get(i.name() + "." + simple);
                if (imported != null) {
                    return imported;
                }
            }
        }
        return null;
    }

    /** A type being resolved: its members as they get their inherited Javadoc. */
    private static final class Node {
        final Site site;
        final List<MemberModel> members;
        /** Per member: 0 not resolved, 1 in progress, 2 done. */
        final byte[] state;

        List<Node> supertypes;
        Map<String, List<Integer>> methods;

        Node(Site site) {
            this.site = site;
            this.members = new ArrayList<>(site.type().members());
            this.state = new byte[members.size()];
        }

        String packageName() {
            TypeModel t = site.type();
            int len = t.qualifiedName().length() - t.name().length() - 1;
            return len > 0 ? t.qualifiedName().substring(0, len) : "";
        }

        List<Integer> methodsNamed(String name) {
            if (methods == null) {
                methods = new HashMap<>();
                for (int i = 0; i < members.size(); i++) {
                    if (members.get(i).kind() == MemberModel.MemberKind.METHOD) {
                        methods.computeIfAbsent(members.get(i).name(), k -> new ArrayList<>(1))
                                .add(i);
                    }
                }
            }
            return methods.getOrDefault(name, List.of());
        }
    }
}
