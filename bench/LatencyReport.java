import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One row of the latency benchmark (bench/latency.sh): reads what a model-backed batch run left
 * (the specs' front matter for the unit graph, the summary for the processing order) and what the
 * fake model saw (FakeModelServer's /stats and /timeline), and compares the wall time with the ideal.
 *
 * <p>Usage: {@code java LatencyReport.java header} prints the table's header;
 * {@code java LatencyReport.java row <reactorDir> <concurrency> <wallSeconds> <astOnlySeconds>
 * <latencyMs> <contextTokens> <stats.json> <timeline.csv>} prints one row.
 *
 * <p>The ideal: {@code max(N·L/C, CP·L) + AST-only time}, where N is the requests made and CP the
 * longest chain of requests the unit graph forces, in steps of L: a one-request unit is one step, a
 * unit sent in parts is two (its parts at once, then the merge; issue 14's definition), a unit starts when the units it depends on outside its cycle are written,
 * and the members of a cycle start together, so a cycle block is one step whose length is its
 * longest member's.
 *
 * <p>Two more columns tell the scheduling from the overheads: the request span (the fake's first
 * request start to its last request end) against {@code max(N·L/C, CP·L)}, and the makespan of
 * the plugin's scheduling rule simulated with requests of exactly L and nothing else taking time.
 */
public final class LatencyReport {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n(.*?)\\n---\\n", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A unit as its spec's front matter describes it. */
    private record Unit(String key, int level, List<String> dependsOn) {}

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("header")) {
            System.out.printf(Locale.ROOT, "| %s |%n|%s|%n", String.join(" | ", HEADER),
                    "---:|".repeat(HEADER.length).replaceAll("\\|$", ""));
            return;
        }
        if (args.length != 9 || !args[0].equals("row")) {
            System.err.println("usage: java LatencyReport.java header | row <reactorDir> <concurrency> <wallSeconds> "
                    + "<astOnlySeconds> <latencyMs> <contextTokens> <stats.json> <timeline.csv>");
            System.exit(2);
        }
        Path reactor = Path.of(args[1]);
        int c = Integer.parseInt(args[2]);
        double wall = Double.parseDouble(args[3]);
        double ast = Double.parseDouble(args[4]);
        double latency = Long.parseLong(args[5]) / 1000.0;
        long contextTokens = Long.parseLong(args[6]);
        String stats = Files.readString(Path.of(args[7]));
        List<String> timeline = Files.readAllLines(Path.of(args[8]));

        Map<String, Unit> units = readUnits(reactor.resolve("specs"));
        List<String> order = processingOrder(reactor.resolve("specs/_batch-summary.json"));
        Map<String, Integer> requestsOf = new HashMap<>();
        Map<String, Long> unitStart = new HashMap<>();
        Map<String, Long> unitEnd = new HashMap<>();
        long firstStart = Long.MAX_VALUE;
        long lastEnd = 0;
        for (String line : timeline.subList(1, timeline.size())) {
            String[] f = line.split(",", 5);
            firstStart = Math.min(firstStart, Long.parseLong(f[0]));
            lastEnd = Math.max(lastEnd, Long.parseLong(f[1]));
            requestsOf.merge(f[4], 1, Integer::sum);
            unitStart.merge(f[4], Long.parseLong(f[0]), Math::min);
            unitEnd.merge(f[4], Long.parseLong(f[1]), Math::max);
        }
        for (String unit : requestsOf.keySet()) {
            if (!units.containsKey(unit)) {
                throw new IllegalStateException("the fake saw a request for " + unit + ", which has no spec");
            }
        }

        long requests = number(stats, "requests");
        long n = requestsOf.values().stream().mapToLong(Integer::longValue).sum();
        if (n != requests) {
            throw new IllegalStateException("timeline has " + n + " requests, stats " + requests);
        }
        Graph graph = new Graph(units, order);
        int chain = graph.longestChain(requestsOf);
        double throughputBound = requests * latency / c;
        double chainBound = chain * latency;
        double modelIdeal = Math.max(throughputBound, chainBound);
        double ideal = modelIdeal + ast;
        double span = requests == 0 ? 0 : (lastEnd - firstStart) / 1000.0;
        // The plugin's own rule (processing-order priority, a cycle's members released together)
        // with every request taking exactly L and nothing else taking any time.
        double rule = graph.simulate(c, requestsOf) * latency;
        long gap = graph.medianGap(unitStart, unitEnd);
        long largest = number(stats, "maxRequestTokens");

        List<String> row = List.of(
                String.valueOf(c),
                fmt(wall),
                fmt(ast),
                requests + (requestsOf.size() == requests ? "" : " for " + requestsOf.size() + " units"),
                String.format(Locale.ROOT, "%,d", number(stats, "promptTokens")),
                String.format(Locale.ROOT, "%,d", number(stats, "usageTokens")),
                String.format(Locale.ROOT, "%,d / %,d%s", largest, contextTokens, largest > contextTokens ? " OVER" : ""),
                String.valueOf(number(stats, "maxInFlight")),
                "max(" + fmt(throughputBound) + ", " + chain + " × L = " + fmt(chainBound) + ")",
                fmt(ideal),
                String.format(Locale.ROOT, "**%.2f**", wall / ideal),
                fmt(span),
                String.format(Locale.ROOT, "%.2f", span / modelIdeal),
                fmt(rule),
                gap < 0 ? "" : String.valueOf(gap));
        System.out.printf(Locale.ROOT, "| %s |%n", String.join(" | ", row));
    }

    private static final String[] HEADER = {
        "C", "wall (s)", "AST-only (s)", "requests", "prompt tokens (est.)", "usage tokens",
        "largest request / contextTokens", "most in flight", "max(N·L/C, CP·L) (s)", "ideal (s)",
        "wall / ideal", "request span (s)", "span / max(…)", "the plugin's rule alone (s)",
        "answer → dependent's request (median ms)",
    };

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static Map<String, Unit> readUnits(Path specs) throws IOException {
        Map<String, Unit> units = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(specs)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".spec.md")).sorted().toList()) {
                Matcher fm = FRONT_MATTER.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (!fm.find() || !fm.group(1).contains("type: module-spec")) {
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (String line : fm.group(1).split("\n")) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        fields.put(line.substring(0, colon), line.substring(colon + 2));
                    }
                }
                List<String> deps = new ArrayList<>();
                Matcher q = QUOTED.matcher(fields.getOrDefault("dependsOn", "[]"));
                while (q.find()) {
                    deps.add(q.group(1));
                }
                String key = fields.get("module") + ":" + fields.get("package");
                units.put(key, new Unit(key, Integer.parseInt(fields.get("level")), deps));
            }
        }
        return units;
    }

    /** The units in the order the summary lists them, which is the processing order. */
    private static List<String> processingOrder(Path summaryJson) throws IOException {
        List<String> order = new ArrayList<>();
        Matcher m = Pattern.compile("\"unit\"\\s*:\\s*\"([^\"]*)\"").matcher(Files.readString(summaryJson));
        while (m.find()) {
            order.add(m.group(1));
        }
        return order;
    }

    /** The unit graph condensed into cycle blocks. */
    private static final class Graph {
        final Map<String, Unit> units;
        final Map<String, Integer> position = new HashMap<>();
        final Map<String, Integer> block = new HashMap<>();
        final List<List<String>> members = new ArrayList<>();

        Graph(Map<String, Unit> units, List<String> order) {
            this.units = units;
            for (int i = 0; i < order.size(); i++) {
                position.put(order.get(i), i);
            }
            if (!position.keySet().equals(units.keySet())) {
                throw new IllegalStateException("the summary and the specs name different units");
            }
            tarjan();
        }

        /** Strongly connected components, iteratively (chains can be long). */
        private void tarjan() {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onStack = new HashSet<>();
            int[] next = {0};
            for (String root : units.keySet()) {
                if (index.containsKey(root)) {
                    continue;
                }
                Deque<Object[]> work = new ArrayDeque<>();
                work.push(new Object[] {root, 0});
                index.put(root, next[0]);
                low.put(root, next[0]++);
                stack.push(root);
                onStack.add(root);
                while (!work.isEmpty()) {
                    Object[] frame = work.peek();
                    String v = (String) frame[0];
                    List<String> deps = units.get(v).dependsOn();
                    int i = (Integer) frame[1];
                    if (i < deps.size()) {
                        frame[1] = i + 1;
                        String w = deps.get(i);
                        if (!units.containsKey(w)) {
                            continue; // a unit outside the selection has no spec here
                        }
                        if (!index.containsKey(w)) {
                            index.put(w, next[0]);
                            low.put(w, next[0]++);
                            stack.push(w);
                            onStack.add(w);
                            work.push(new Object[] {w, 0});
                        } else if (onStack.contains(w)) {
                            low.put(v, Math.min(low.get(v), index.get(w)));
                        }
                        continue;
                    }
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        List<String> component = new ArrayList<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            block.put(w, members.size());
                            component.add(w);
                        } while (!w.equals(v));
                        members.add(component);
                    }
                }
            }
        }

        List<String> outside(String unit) {
            return units.get(unit).dependsOn().stream()
                    .filter(d -> units.containsKey(d) && !block.get(d).equals(block.get(unit)))
                    .toList();
        }

        /** The longest chain in steps (a split unit's parts are one step, its merge another); a block starts when its members' outside dependencies finish. */
        int longestChain(Map<String, Integer> requestsOf) {
            List<List<String>> blocks = new ArrayList<>(members);
            // A dependency outside the block has a lower level, so level order is a topological order.
            blocks.sort(Comparator.comparingInt(b -> units.get(b.get(0)).level()));
            Map<String, Integer> finish = new HashMap<>();
            int longest = 0;
            for (List<String> b : blocks) {
                int start = 0;
                for (String m : b) {
                    for (String d : outside(m)) {
                        start = Math.max(start, finish.get(d));
                    }
                }
                for (String m : b) {
                    int requests = requestsOf.getOrDefault(m, 0);
                    int end = start + Math.min(requests, 2);
                    finish.put(m, end);
                    longest = Math.max(longest, end);
                }
            }
            return longest;
        }

        /**
         * The median, over units that wait for others, of the time from the last answer the unit
         * waited for (the latest end among its block's outside dependencies) to its own first
         * request: what each step of a chain costs beyond L. -1 when no unit waits.
         */
        long medianGap(Map<String, Long> start, Map<String, Long> end) {
            List<Long> gaps = new ArrayList<>();
            for (List<String> b : members) {
                long ready = -1;
                for (String m : b) {
                    for (String d : outside(m)) {
                        ready = Math.max(ready, end.getOrDefault(d, -1L));
                    }
                }
                for (String m : b) {
                    if (ready >= 0 && start.containsKey(m)) {
                        gaps.add(start.get(m) - ready);
                    }
                }
            }
            gaps.sort(null);
            return gaps.isEmpty() ? -1 : gaps.get(gaps.size() / 2);
        }

        /**
         * The makespan, in units of L, of BatchRunner's rule with zero overhead: at most c units in
         * flight, the ready unit first in processing order goes next, a block's members become
         * ready together once every outside dependency of the block is done.
         */
        double simulate(int c, Map<String, Integer> requestsOf) {
            Map<Integer, Set<String>> waiting = new HashMap<>();
            Map<String, List<Integer>> blocksWaitingOn = new HashMap<>();
            PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparingInt(position::get));
            for (int b = 0; b < members.size(); b++) {
                Set<String> deps = new HashSet<>();
                for (String m : members.get(b)) {
                    deps.addAll(outside(m));
                }
                waiting.put(b, deps);
                for (String d : deps) {
                    blocksWaitingOn.computeIfAbsent(d, k -> new ArrayList<>()).add(b);
                }
                if (deps.isEmpty()) {
                    ready.addAll(members.get(b));
                }
            }
            record Running(double end, String unit) {}
            PriorityQueue<Running> running = new PriorityQueue<>(
                    Comparator.comparingDouble(Running::end).thenComparing(r -> position.get(r.unit())));
            double now = 0;
            int done = 0;
            while (done < units.size()) {
                while (running.size() < c && !ready.isEmpty()) {
                    String u = ready.poll();
                    running.add(new Running(now + requestsOf.getOrDefault(u, 0), u));
                }
                Running r = running.poll();
                now = r.end();
                done++;
                for (int b : blocksWaitingOn.getOrDefault(r.unit(), List.of())) {
                    Set<String> deps = waiting.get(b);
                    deps.remove(r.unit());
                    if (deps.isEmpty()) {
                        ready.addAll(members.get(b));
                    }
                }
            }
            return now;
        }
    }
}
