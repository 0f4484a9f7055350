package io.github.reversespec.render;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One module's package diagrams for the index, drawn so that a reader can follow them: never more
 * than {@link #MAX_NODES} nodes in one diagram, the packages most of the module uses drawn once as a
 * shared layer without the edges into it, edges a longer path already implies left out, and every
 * package of the module drawn in one of the diagrams. A module too big for one diagram gets an
 * overview in which each group of packages under one name prefix is one node, then a diagram per
 * group (split again the same way while it is too big). Edges between packages of different modules
 * are left to the module diagram and the tables. Deterministic: the same entries give the same text.
 */
final class PackageDiagrams {

    /** No diagram has more nodes than this. */
    static final int MAX_NODES = 60;

    /** Modules with fewer packages draw every edge: a small diagram is legible without a shared layer. */
    static final int MIN_PACKAGES_FOR_SHARED_LAYER = 10;

    /** At most this many packages form the shared layer (those used by the most packages). */
    static final int MAX_SHARED = 10;

    /** The shared layer's subgraph id and title. */
    static final String SHARED_ID = "shared";

    private final String heading;
    private final Map<String, IndexEntry> byName = new LinkedHashMap<>();
    private final Map<String, List<String>> deps = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final Set<String> sharedNames = new java.util.HashSet<>();

    /**
     * @param heading the Markdown heading prefix of the sub-diagrams' titles, e.g. {@code ####}
     */
    private PackageDiagrams(String heading, List<IndexEntry> module) {
        this.heading = heading;
        module.forEach(e -> byName.putIfAbsent(e.display(), e));
        for (IndexEntry e : byName.values()) {
            List<String> own = e.dependsOn().stream()
                    .filter(byName::containsKey)
                    .filter(d -> !d.equals(e.display()))
                    .distinct()
                    .toList();
            deps.put(e.display(), own);
        }
    }

    /**
     * The diagrams of one module with their notes, or empty for a module of fewer than two packages.
     *
     * @param heading the heading prefix for the titles of sub-diagrams
     * @param module the module's entries in processing order
     * @return Markdown, without a trailing newline
     */
    static String render(String heading, List<IndexEntry> module) {
        PackageDiagrams d = new PackageDiagrams(heading, module);
        if (d.byName.size() < 2) {
            return "";
        }
        List<IndexEntry> shared = d.sharedLayer();
        shared.forEach(e -> d.sharedNames.add(e.display()));
        List<IndexEntry> rest =
                d.byName.values().stream().filter(e -> !shared.contains(e)).toList();
        d.emit(null, rest, shared);
        return d.out.toString().strip();
    }

    /** How many users a package needs to be in the shared layer of a module of {@code n} packages. */
    static int sharedThreshold(int n) {
        return Math.max(3, (n - 1 + 2) / 3);
    }

    /**
     * The packages that at least a third of the module's other packages (and at least three) use,
     * most used first, at most {@link #MAX_SHARED}.
     */
    private List<IndexEntry> sharedLayer() {
        int n = byName.size();
        if (n < MIN_PACKAGES_FOR_SHARED_LAYER) {
            return List.of();
        }
        Map<String, Integer> users = users();
        int threshold = sharedThreshold(n);
        return byName.values().stream()
                .filter(e -> users.get(e.display()) >= threshold)
                .sorted((a, b) -> {
                    int c = Integer.compare(users.get(b.display()), users.get(a.display()));
                    return c != 0 ? c : a.displayPackage().compareTo(b.displayPackage());
                })
                .limit(MAX_SHARED)
                .toList();
    }

    /** For each package, how many packages of the module use it. */
    private Map<String, Integer> users() {
        Map<String, Integer> users = new HashMap<>();
        byName.keySet().forEach(k -> users.put(k, 0));
        deps.values().forEach(ds -> ds.forEach(d -> users.merge(d, 1, Integer::sum)));
        return users;
    }

    /** One node: a package, or a group of packages drawn as one. */
    private record Node(String id, String name, List<IndexEntry> members, boolean shared) {

        boolean isGroup() {
            return members.size() > 1;
        }
    }

    /** Writes the diagram of these packages (and the shared layer), then one per group it collapsed. */
    private void emit(Node group, List<IndexEntry> packages, List<IndexEntry> shared) {
        int room = MAX_NODES - shared.size();
        List<Node> nodes = new ArrayList<>();
        shared.forEach(e -> nodes.add(packageNode(e, true)));
        if (packages.size() <= room) {
            packages.forEach(e -> nodes.add(packageNode(e, false)));
        } else {
            nodes.addAll(clusters(packages, room));
        }
        // Two names may sanitise alike (a.b_c, a_b.c); the later node gets a suffix.
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            int seen = taken.merge(n.id(), 1, Integer::sum);
            if (seen > 1) {
                nodes.set(i, new Node(n.id() + "_" + seen, n.name(), n.members(), n.shared()));
            }
        }
        if (group != null) {
            out.append(heading)
                    .append(' ')
                    .append(group.name())
                    .append(" (")
                    .append(group.members().size())
                    .append(" packages)\n\n");
        }
        diagram(group, nodes);
        for (Node n : nodes) {
            if (n.isGroup()) {
                emit(n, n.members(), List.of());
            }
        }
    }

    private static Node packageNode(IndexEntry e, boolean shared) {
        return new Node("p_" + Mermaid.sanitise(e.displayPackage()), e.displayPackage(), List.of(e), shared);
    }

    /**
     * The packages as at most {@code room} nodes: one per group of packages under the next segment
     * of their common name prefix, or, when that gives too many, runs of consecutive groups packed
     * together.
     */
    private static List<Node> clusters(List<IndexEntry> packages, int room) {
        List<String> names = packages.stream().map(IndexEntry::displayPackage).toList();
        List<String> prefix = commonPrefix(names);
        Map<String, List<IndexEntry>> groups = new java.util.TreeMap<>();
        for (IndexEntry e : packages) {
            List<String> segs = segments(e.displayPackage());
            String key = segs.size() <= prefix.size()
                    ? e.displayPackage()
                    : String.join(".", segs.subList(0, prefix.size() + 1));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<Node> nodes = new ArrayList<>();
        if (groups.size() <= room) {
            groups.forEach((key, members) -> nodes.add(groupNode(key, members)));
            return nodes;
        }
        // Greedy runs of consecutive groups: two neighbouring runs hold more than cap packages, so
        // there are at most 2 * total / cap + 1 of them, which cap keeps within room.
        int total = packages.size();
        int cap = Math.max(room, (2 * total + room - 2) / (room - 1));
        List<Map.Entry<String, List<IndexEntry>>> run = new ArrayList<>();
        int inRun = 0;
        for (Map.Entry<String, List<IndexEntry>> g : groups.entrySet()) {
            if (!run.isEmpty() && inRun + g.getValue().size() > cap) {
                nodes.add(runNode(run));
                run = new ArrayList<>();
                inRun = 0;
            }
            run.add(g);
            inRun += g.getValue().size();
        }
        nodes.add(runNode(run));
        return nodes;
    }

    private static Node groupNode(String key, List<IndexEntry> members) {
        if (members.size() == 1) {
            return packageNode(members.get(0), false);
        }
        return new Node("g_" + Mermaid.sanitise(key), Markdown.code(key + ".*"), members, false);
    }

    private static Node runNode(List<Map.Entry<String, List<IndexEntry>>> run) {
        if (run.size() == 1) {
            return groupNode(run.get(0).getKey(), run.get(0).getValue());
        }
        String first = run.get(0).getKey();
        String last = run.get(run.size() - 1).getKey();
        List<IndexEntry> members =
                run.stream().flatMap(g -> g.getValue().stream()).toList();
        return new Node(
                "r_" + Mermaid.sanitise(first), Markdown.code(first) + " to " + Markdown.code(last), members, false);
    }

    /** The diagram block and the sentences under it that say what it leaves out. */
    private void diagram(Node group, List<Node> nodes) {
        Map<String, Node> nodeOf = new HashMap<>();
        nodes.forEach(n -> n.members().forEach(e -> nodeOf.put(e.display(), n)));
        List<String> shortened = new ArrayList<>();
        nodes.forEach(n -> n.members().forEach(e -> shortened.add(e.displayPackage())));
        List<String> prefix = commonPrefix(shortened);
        if (prefix.size() < 2) {
            prefix = List.of();
        }
        String cut = prefix.isEmpty() ? "" : String.join(".", prefix) + ".";

        // Edges between the nodes, in node order, each once.
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        nodes.forEach(n -> edges.put(n.id(), new LinkedHashSet<>()));
        int intoShared = 0;
        int outside = 0;
        int outsideShared = 0;
        Set<String> seenIntoShared = new java.util.HashSet<>();
        for (Node n : nodes) {
            for (IndexEntry e : n.members()) {
                for (String d : deps.get(e.display())) {
                    Node target = nodeOf.get(d);
                    if (target == null && sharedNames.contains(d)) {
                        outsideShared++;
                    } else if (target == null) {
                        outside++;
                    } else if (target != n) {
                        if (target.shared() && !n.shared()) {
                            if (seenIntoShared.add(n.id() + ">" + target.id())) {
                                intoShared++;
                            }
                        } else {
                            edges.get(n.id()).add(target.id());
                        }
                    }
                }
            }
        }
        int before = edges.values().stream().mapToInt(Set::size).sum();
        Map<String, Set<String>> kept = reduce(edges);
        int implied = before - kept.values().stream().mapToInt(Set::size).sum();

        StringBuilder sb = new StringBuilder("```mermaid\nflowchart TB\n");
        List<Node> sharedNodes = nodes.stream().filter(Node::shared).toList();
        for (Node n : nodes) {
            if (!n.shared()) {
                sb.append("    ")
                        .append(n.id())
                        .append('[')
                        .append(label(n, cut))
                        .append("]\n");
            }
        }
        if (!sharedNodes.isEmpty()) {
            sb.append("    subgraph ")
                    .append(SHARED_ID)
                    .append('[')
                    .append(Mermaid.label("shared: used by most packages"))
                    .append("]\n");
            for (Node n : sharedNodes) {
                sb.append("        ")
                        .append(n.id())
                        .append('[')
                        .append(label(n, cut))
                        .append("]\n");
            }
            sb.append("    end\n");
        }
        kept.forEach((from, tos) -> tos.forEach(
                to -> sb.append("    ").append(from).append(" --> ").append(to).append('\n')));
        sb.append("```");

        List<String> notes = new ArrayList<>();
        notes.add(SpecRenderer.plural(nodes.size(), "node") + ", "
                + SpecRenderer.plural(kept.values().stream().mapToInt(Set::size).sum(), "edge")
                + "; an arrow points from a package to one it uses"
                + (cut.isEmpty() ? "." : ", names without " + Markdown.code(cut) + "."));
        if (!sharedNodes.isEmpty()) {
            notes.add("Shared layer: "
                    + sharedNodes.stream()
                            .map(n -> Markdown.code(shorten(n.name(), cut)))
                            .collect(Collectors.joining(", "))
                    + ", each used by at least "
                    + sharedThreshold(byName.size())
                    + " of the module's packages, drawn once without the "
                    + SpecRenderer.plural(intoShared, "edge")
                    + " that lead into it (the table lists every package's dependencies).");
        }
        if (implied > 0) {
            notes.add(SpecRenderer.plural(implied, "edge")
                    + " left out because a longer path already leads there (a → b → c drawn, a → c not).");
        }
        if (group != null && outside > 0) {
            notes.add(dependencies(outside) + " on the module's other packages outside " + group.name()
                    + " are drawn between the groups above.");
        }
        if (group != null && outsideShared > 0) {
            notes.add(dependencies(outsideShared) + " on the shared layer are not drawn.");
        }
        out.append(sb).append("\n\n").append(String.join(" ", notes)).append("\n\n");
        List<Node> groups = nodes.stream().filter(Node::isGroup).toList();
        if (!groups.isEmpty()) {
            out.append("Not drawn one by one here: each group below is one node, with a diagram of its own further"
                    + " down.\n\n");
            for (Node g : groups) {
                out.append("- ")
                        .append(g.name())
                        .append(" (")
                        .append(g.members().size())
                        .append(" packages): ")
                        .append(g.members().stream()
                                .map(e -> Markdown.code(shorten(e.displayPackage(), cut)))
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
            out.append('\n');
        }
    }

    private static String dependencies(int n) {
        return "Its packages' " + n + (n == 1 ? " dependency" : " dependencies");
    }

    private static String label(Node n, String cut) {
        if (n.isGroup()) {
            String shown = java.util.Arrays.stream(n.name().replace("`", "").split(" to "))
                    .map(k -> shorten(k, cut))
                    .collect(Collectors.joining(" to "));
            return Mermaid.label(shown + " (" + n.members().size() + " packages)");
        }
        return Mermaid.label(shorten(n.name(), cut));
    }

    private static String shorten(String name, String cut) {
        return !cut.isEmpty() && name.startsWith(cut) && name.length() > cut.length()
                ? name.substring(cut.length())
                : name;
    }

    /**
     * The edges without those a longer path implies: on the graph of its strongly connected
     * components (a DAG) an edge is dropped when its target is reachable through another
     * successor; edges inside a component are all kept.
     */
    static Map<String, Set<String>> reduce(Map<String, Set<String>> edges) {
        List<String> nodes = new ArrayList<>(edges.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        int[] comp = components(nodes, edges, index);
        int comps = 0;
        for (int c : comp) {
            comps = Math.max(comps, c + 1);
        }
        List<Set<Integer>> dag = new ArrayList<>();
        for (int i = 0; i < comps; i++) {
            dag.add(new java.util.TreeSet<>());
        }
        edges.forEach((from, tos) -> tos.forEach(to -> {
            int a = comp[index.get(from)];
            int b = comp[index.get(to)];
            if (a != b) {
                dag.get(a).add(b);
            }
        }));
        BitSet[] reach = new BitSet[comps];
        for (int c = 0; c < comps; c++) {
            reach(c, dag, reach);
        }
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        edges.forEach((from, tos) -> {
            Set<String> keep = new LinkedHashSet<>();
            int a = comp[index.get(from)];
            for (String to : tos) {
                int b = comp[index.get(to)];
                boolean implied = a != b && dag.get(a).stream().anyMatch(w -> w != b && reach[w].get(b));
                if (!implied) {
                    keep.add(to);
                }
            }
            kept.put(from, keep);
        });
        return kept;
    }

    /** The components reachable from c, c excluded. */
    private static BitSet reach(int c, List<Set<Integer>> dag, BitSet[] reach) {
        if (reach[c] == null) {
            BitSet r = new BitSet();
            for (int w : dag.get(c)) {
                r.set(w);
                r.or(reach(w, dag, reach));
            }
            reach[c] = r;
        }
        return reach[c];
    }

    /** Tarjan's strongly connected components; component numbers in order of completion. */
    private static int[] components(List<String> nodes, Map<String, Set<String>> edges, Map<String, Integer> index) {
        int n = nodes.size();
        int[] comp = new int[n];
        int[] low = new int[n];
        int[] num = new int[n];
        java.util.Arrays.fill(num, -1);
        java.util.Arrays.fill(comp, -1);
        java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
        boolean[] onStack = new boolean[n];
        int[] counter = {0, 0};
        for (int i = 0; i < n; i++) {
            if (num[i] < 0) {
                strongConnect(i, nodes, edges, index, comp, low, num, stack, onStack, counter);
            }
        }
        return comp;
    }

    private static void strongConnect(
            int v,
            List<String> nodes,
            Map<String, Set<String>> edges,
            Map<String, Integer> index,
            int[] comp,
            int[] low,
            int[] num,
            java.util.Deque<Integer> stack,
            boolean[] onStack,
            int[] counter) {
        num[v] = low[v] = counter[0]++;
        stack.push(v);
        onStack[v] = true;
        for (String to : edges.get(nodes.get(v))) {
            int w = index.get(to);
            if (num[w] < 0) {
                strongConnect(w, nodes, edges, index, comp, low, num, stack, onStack, counter);
                low[v] = Math.min(low[v], low[w]);
            } else if (onStack[w]) {
                low[v] = Math.min(low[v], num[w]);
            }
        }
        if (low[v] == num[v]) {
            int w;
            do {
                w = stack.pop();
                onStack[w] = false;
                comp[w] = counter[1];
            } while (w != v);
            counter[1]++;
        }
    }

    static List<String> segments(String name) {
        return List.of(name.split("\\.", -1));
    }

    /** The longest run of leading name segments all the names share. */
    static List<String> commonPrefix(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> prefix = new ArrayList<>(segments(names.get(0)));
        for (String name : names) {
            List<String> segs = segments(name);
            int i = 0;
            while (i < prefix.size() && i < segs.size() && prefix.get(i).equals(segs.get(i))) {
                i++;
            }
            prefix = new ArrayList<>(prefix.subList(0, i));
        }
        return prefix;
    }
}
