package io.github.reversespec.context;

import io.github.reversespec.analysis.DebtItem;
import io.github.reversespec.analysis.ParseProblem;
import io.github.reversespec.analysis.SourceFile;
import io.github.reversespec.analysis.TypeCoverage;
import io.github.reversespec.analysis.UnitAnalysis;
import io.github.reversespec.context.Skeleton.FileOutline;
import io.github.reversespec.llm.TokenEstimator;
import io.github.reversespec.spec.DependencySummary;
import io.github.reversespec.spec.SpecFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one unit's facts and sources into the requests that ask a model for its spec, within the
 * context window.
 *
 * <p>A request holds, in this order: the instruction (system message); the unit block (package,
 * module, counts, and the licence header its files share, said once: {@link LicenceHeaders}); the
 * unit's skeleton from the syntax tree; facts from the code (tests, debt markers); its direct
 * dependencies, each with its intent and the part of its public interface the unit references
 * ({@link DependencyInterfaces}: the types, with their declarations and the signatures of the
 * members the unit names), never their source; then as much of the unit's own code as fits, files
 * declaring exported types first and smaller files before larger ones so more of them fit, the
 * last one cut at a line boundary with a marker. The unit's code comes before the dependencies'
 * interfaces: they get the room all of the code leaves (at most a quarter of the content), cut
 * with a line saying how much is not shown. A file that opens with the shared licence header is
 * shown from the line after it, its {@code lines} attribute giving the file's own line numbers.
 * When even the skeleton does not fit, the unit is described in parts, each with a slice of the
 * skeleton and the matching code and each asking for notes, plus a merge request that receives
 * the notes in place of {@link #PART_NOTES_PLACEHOLDER} (and the dependencies, their interfaces
 * within an eighth of its content).
 *
 * <p>Promises: every prompt's estimated tokens ({@link TokenEstimator}, system plus user) plus
 * the tokens reserved for the answer stay within {@code contextTokens}, whatever the size of the
 * unit; everything that goes into a prompt, instruction and skeleton included, passes through the
 * {@link SecretRedactor}; the same input gives the same prompts.
 *
 * <p>Instances are immutable and thread-safe; each call reads the unit's files afresh.
 */
public final class ContextAssembler {

    /** Where the merge prompt receives the parts' notes; see {@link #fillMerge(ModelPrompt, List)}. */
    public static final String PART_NOTES_PLACEHOLDER = "{{PART_NOTES}}";

    /** Allowance per request for the chat template's role markers and separators. */
    static final int MESSAGE_OVERHEAD = 16;
    /** The least room for the unit's own material next to the instruction and the unit header. */
    static final int MIN_CONTENT_TOKENS = 400;

    private static final String NEUTRALISED_PLACEHOLDER = "{{ PART_NOTES }}";
    private static final int MIN_CUT_BODY_TOKENS = 60;
    private static final int PACKAGE_DOC_CHARS = 2_000;
    private static final int VALUE_CHARS = 150;
    private static final int DESCRIPTION_CHARS = 240;
    private static final int INTENT_CHARS = 400;
    private static final int LIST_LINE_CHARS = 600;
    private static final String CONTINUED = " (continued)";
    private static final String PART_LINE_LONGEST = partLine(99_999, 99_999, 9_999_999);
    private static final String CUT_MARKER = "[… cut to fit the context window]\n";
    private static final String SOURCE_CLOSE = "</source>\n";
    private static final int LICENCE_CHARS = 300;
    private static final String INTERFACE_MORE_LONGEST = interfaceMore(9_999_999);
    private static final String INTERFACES_HIDDEN_LONGEST = interfacesHidden(99_999, 9_999_999);
    /** Ends a request the last-resort guard had to cut; the budgeting above should make it unused. */
    static final String GUARD_MARKER = "[… request cut to fit the context window]\n";

    private final int contextTokens;
    private final int reservedOutputTokens;
    private final SecretRedactor redactor;
    private final SourcePrefetch prefetch = new SourcePrefetch(this::clean);

    /**
     * @param contextTokens the upper bound of one request, input and answer ({@code
     *     reverse-spec.contextTokens})
     * @param reservedOutputTokens the tokens kept free for the answer
     * @param redactor applied to everything that goes into a prompt
     */
    public ContextAssembler(int contextTokens, int reservedOutputTokens, SecretRedactor redactor) {
        if (contextTokens <= 0) {
            throw new IllegalArgumentException("reverse-spec.contextTokens must be positive, was " + contextTokens);
        }
        if (reservedOutputTokens < 0) {
            throw new IllegalArgumentException(
                    "reserved output tokens must not be negative, was " + reservedOutputTokens);
        }
        this.contextTokens = contextTokens;
        this.reservedOutputTokens = reservedOutputTokens;
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * Reads and redacts the files of the units to come, in the order given, on a thread of its
     * own, so that each unit's assembly finds them ready: the order should be the run's, and the
     * units those it will ask the model about. Returns at once; the prompts are the same bytes with
     * or without it. Iterating {@code units} happens on that thread.
     *
     * @param root the execution root the paths are relative to
     */
    public void prefetch(Path root, Iterable<UnitFiles> units) {
        prefetch.warm(root, units);
    }

    /** Files read ahead and not yet claimed by an assembly. */
    int prefetched() {
        return prefetch.waiting();
    }

    /** Stops reading ahead and drops what was read; the assembler still works, without it. */
    public void close() {
        prefetch.close();
    }

    /**
     * Builds the requests for one unit.
     *
     * @param facts the unit's facts with its dependencies' summaries
     * @param root the execution root; the unit's file paths are relative to it
     * @param language the language the prose is to be written in ({@code reverse-spec.language})
     * @return one prompt, or parts and a merge prompt when the unit is too large for one
     * @throws PromptBudgetException when {@code contextTokens} cannot hold the instruction, the
     *     unit header, a minimum of code and the answer
     */
    public AssembledContext assemble(SpecFacts facts, Path root, String language) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(root, "root");
        String lang = language(language);
        String singleSystem = clean(Instructions.single(lang));
        String partSystem = clean(Instructions.part(lang));
        String mergeSystem = clean(Instructions.merge(lang));

        SourceTexts sources = new SourceTexts(root, facts.project().sourceEncoding(), this::clean, prefetch);
        Map<String, SourceTexts.Text> texts = new LinkedHashMap<>();
        for (SourceFile file : facts.unit().files()) {
            sources.get(file.path()).ifPresent(text -> texts.put(file.path(), text));
        }
        LicenceHeaders licence = LicenceHeaders.of(texts);
        String licenceLine = licenceLine(licence);

        int instruction = Math.max(est(singleSystem), Math.max(est(partSystem), est(mergeSystem)));
        int longestHeader = est(unitBlock(facts, licenceLine, PART_LINE_LONGEST));
        long minimum =
                (long) instruction + longestHeader + MIN_CONTENT_TOKENS + MESSAGE_OVERHEAD + reservedOutputTokens;
        if (contextTokens < minimum) {
            throw new PromptBudgetException(
                    contextTokens, reservedOutputTokens, (int) Math.min(Integer.MAX_VALUE, minimum));
        }

        List<String> code = new ArrayList<>();
        texts.forEach((path, text) -> code.add(text.lines(licence.firstShown(path), Integer.MAX_VALUE)));
        DependencyInterfaces interfaces = new DependencyInterfaces(facts.unit(), code, this::clean);
        Material material = new Material(
                facts,
                Skeleton.of(facts.unit(), this::clean),
                dependencyLines(facts),
                facts.dependencies().stream()
                        .map(d -> new Interface(
                                interfaces.lines(d),
                                interfaces.referencedTypes(d).size()))
                        .toList(),
                factLines(facts),
                packageDocLine(facts.unit()),
                sources,
                licence,
                licenceLine);
        AssembledContext single = single(material, singleSystem);
        return single != null ? single : split(material, partSystem, mergeSystem);
    }

    /**
     * The tokens the parts' notes may take in {@code merge}: what is left of the window once the
     * merge prompt without its placeholder and the answer's reserve are counted.
     */
    public int partNotesBudget(ModelPrompt merge) {
        String user = merge.user();
        int at = user.lastIndexOf(PART_NOTES_PLACEHOLDER);
        if (at < 0) {
            throw new IllegalArgumentException("not a merge prompt: it holds no " + PART_NOTES_PLACEHOLDER);
        }
        int used = est(merge.system())
                + est(user.substring(0, at))
                + est(user.substring(at + PART_NOTES_PLACEHOLDER.length()));
        return Math.max(0, available() - used);
    }

    /**
     * The merge prompt with the parts' notes in place of the placeholder, redacted and cut so the
     * prompt stays within the window: each part gets an equal share, and what a short note leaves
     * unused goes to the longer ones. A cut note ends at a line boundary with a marker.
     *
     * @param merge the merge prompt of an {@link AssembledContext}
     * @param partNotes the answers to its parts, in order
     */
    public ModelPrompt fillMerge(ModelPrompt merge, List<String> partNotes) {
        int budget = partNotesBudget(merge);
        int n = partNotes.size();
        List<String> headers = new ArrayList<>(n);
        List<String> bodies = new ArrayList<>(n);
        int[] cost = new int[n];
        for (int i = 0; i < n; i++) {
            headers.add("### Part " + (i + 1) + " of " + n + "\n");
            String note = partNotes.get(i) == null ? "" : clean(partNotes.get(i).strip());
            bodies.add(note + "\n\n");
            cost[i] = est(headers.get(i)) + est(bodies.get(i));
        }
        int[] share = shares(cost, budget);
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (cost[i] <= share[i]) {
                notes.append(headers.get(i)).append(bodies.get(i));
                continue;
            }
            int room = share[i] - est(headers.get(i)) - est(CUT_MARKER) - 1;
            if (room > 0) {
                notes.append(headers.get(i))
                        .append(cutAtLine(bodies.get(i), room).text())
                        .append(CUT_MARKER)
                        .append('\n');
            }
        }
        String user = merge.user();
        int at = user.lastIndexOf(PART_NOTES_PLACEHOLDER);
        String filled = user.substring(0, at) + notes + user.substring(at + PART_NOTES_PLACEHOLDER.length());
        return prompt(merge.system(), filled);
    }

    // ------------------------------------------------------------------ one request

    private AssembledContext single(Material m, String system) {
        String header = unitBlock(m.facts, m.licenceLine, null);
        int content = available() - est(system) - est(header);
        String skeleton = skeletonBlock(m.packageDoc(content / 10), m.outlines);
        String facts = listBlock("facts", capLines(m.factLines, content / 10));
        String intents = dependenciesBlock(m, content / 6, 0);
        int used = est(header) + est(skeleton) + est(facts) + est(intents);
        if (est(system) + used > available()) {
            return null;
        }
        List<BodyRequest> requests = new ArrayList<>();
        for (FileOutline outline : m.outlines) {
            int first = m.licence.firstShown(outline.path());
            requests.add(new BodyRequest(outline.path(), outline.exported(), first, Integer.MAX_VALUE, first == 1));
        }
        List<Body> bodies = bodies(requests, m.sources);
        // The unit's own code comes first: the dependencies' interfaces get what all of it leaves.
        int codeRoom = available() - est(system) - used;
        int interfaceRoom = Math.min(content / 4, codeRoom - bodiesTokens(bodies) - MESSAGE_OVERHEAD);
        String deps = dependenciesBlock(m, content / 6, interfaceRoom);
        used += est(deps) - est(intents);
        StringBuilder user =
                new StringBuilder(header).append(skeleton).append(facts).append(deps);
        appendBodies(user, available() - est(system) - used, bodies);
        ModelPrompt prompt = prompt(system, user.toString());
        return new AssembledContext(List.of(prompt), null, prompt.estimatedTokens());
    }

    // ------------------------------------------------------------------ parts and merge

    private AssembledContext split(Material m, String partSystem, String mergeSystem) {
        int partContent = available() - est(partSystem) - est(unitBlock(m.facts, m.licenceLine, PART_LINE_LONGEST));
        int skeletonBudget = (partContent - est("<skeleton>\n</skeleton>\n")) / 2;
        List<List<Slice>> parts = partition(m.outlines, skeletonBudget);
        int n = parts.size();

        String mergeHeader = unitBlock(m.facts, m.licenceLine, "read in " + n + " parts; their notes are below");
        int content = available() - est(mergeSystem) - est(mergeHeader);
        List<String> overviewLines = new ArrayList<>();
        m.packageDoc(content / 10).ifPresent(overviewLines::add);
        overviewLines.addAll(Skeleton.overview(m.facts.unit(), this::clean));
        String overview = listBlock("overview", capLines(overviewLines, content / 4));
        String facts = listBlock("facts", capLines(m.factLines, content / 10));
        String deps = dependenciesBlock(m, content / 6, content / 8);
        String notes = "<part-notes>\n" + PART_NOTES_PLACEHOLDER + "\n</part-notes>\n";
        ModelPrompt merge = prompt(mergeSystem, mergeHeader + overview + facts + deps + notes);
        if (!merge.user().contains(PART_NOTES_PLACEHOLDER)) {
            throw new IllegalStateException("the merge prompt lost its placeholder");
        }
        int notesBudget = partNotesBudget(merge);
        int words = Math.max(30, notesBudget / n / 2);
        if (reservedOutputTokens > 0) {
            words = Math.max(30, Math.min(words, reservedOutputTokens * 3 / 5));
        }

        List<ModelPrompt> prompts = new ArrayList<>(n);
        long total = (long) merge.estimatedTokens() + notesBudget;
        for (int i = 0; i < n; i++) {
            String header = unitBlock(m.facts, m.licenceLine, partLine(i + 1, n, words));
            List<Slice> slices = parts.get(i);
            StringBuilder user = new StringBuilder(header);
            int skeletonTokens = appendSkeletonSlices(user, slices, skeletonBudget);
            List<BodyRequest> bodies = new ArrayList<>();
            for (Slice slice : slices) {
                int first = m.licence.firstShown(slice.file().path());
                bodies.add(new BodyRequest(
                        slice.file().path(),
                        slice.file().exported(),
                        Math.max(first, slice.firstLine()),
                        slice.lastLine(),
                        slice.whole() && first == 1));
            }
            appendBodies(user, available() - est(partSystem) - est(header) - skeletonTokens, bodies(bodies, m.sources));
            ModelPrompt prompt = prompt(partSystem, user.toString());
            prompts.add(prompt);
            total += prompt.estimatedTokens();
        }
        return new AssembledContext(prompts, merge, (int) Math.min(Integer.MAX_VALUE, total));
    }

    /**
     * Packs the outline into parts of at most {@code budget} tokens each: whole files while they
     * fit, a file that fits a part of its own is never split, and a larger file is spread over
     * consecutive parts by lines.
     */
    private static List<List<Slice>> partition(List<FileOutline> outlines, int budget) {
        List<List<int[]>> parts = new ArrayList<>();
        List<int[]> current = new ArrayList<>();
        int used = 0;
        for (int f = 0; f < outlines.size(); f++) {
            FileOutline outline = outlines.get(f);
            int headerTokens = est(outline.header() + CONTINUED) + 1;
            int[] lineTokens =
                    outline.lines().stream().mapToInt(l -> est(l.text()) + 1).toArray();
            int fileTokens = headerTokens;
            for (int t : lineTokens) {
                fileTokens += t;
            }
            int idx = 0;
            while (true) {
                int room = budget - used - headerTokens;
                int rest = headerTokens;
                for (int j = idx; j < lineTokens.length; j++) {
                    rest += lineTokens[j];
                }
                boolean splitNeeded = rest > budget - used;
                boolean keepWhole = idx == 0 && fileTokens <= budget;
                if (!current.isEmpty()
                        && splitNeeded
                        && (keepWhole || room <= 0 || (idx < lineTokens.length && lineTokens[idx] > room))) {
                    parts.add(current);
                    current = new ArrayList<>();
                    used = 0;
                    continue;
                }
                int j = idx;
                int taken = 0;
                while (j < lineTokens.length && taken + lineTokens[j] <= room) {
                    taken += lineTokens[j];
                    j++;
                }
                if (j == idx && idx < lineTokens.length) {
                    // A line too long for an empty part: it goes alone and is cut when rendered.
                    j = idx + 1;
                    taken = Math.max(0, room);
                }
                current.add(new int[] {f, idx, j});
                used += headerTokens + taken;
                idx = j;
                if (idx >= lineTokens.length) {
                    break;
                }
                parts.add(current);
                current = new ArrayList<>();
                used = 0;
            }
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(current);
        }
        return withSourceRanges(outlines, parts);
    }

    /**
     * Gives each slice the lines of its file it covers: all of them for a file in one slice, else
     * from the declaration its first outline line shows to the line before the next slice's.
     */
    private static List<List<Slice>> withSourceRanges(List<FileOutline> outlines, List<List<int[]>> parts) {
        List<List<int[]>> byFile = new ArrayList<>();
        for (int f = 0; f < outlines.size(); f++) {
            byFile.add(new ArrayList<>());
        }
        for (List<int[]> part : parts) {
            for (int[] s : part) {
                byFile.get(s[0]).add(s);
            }
        }
        Map<int[], int[]> ranges = new IdentityHashMap<>();
        for (int f = 0; f < outlines.size(); f++) {
            List<int[]> slices = byFile.get(f);
            List<Skeleton.Line> lines = outlines.get(f).lines();
            int start = 1;
            for (int k = 0; k < slices.size(); k++) {
                int next = Integer.MAX_VALUE;
                if (k + 1 < slices.size()) {
                    int from = slices.get(k + 1)[1];
                    int line = from < lines.size() ? lines.get(from).sourceLine() : 0;
                    next = Math.max(start, line);
                }
                ranges.put(slices.get(k), new int[] {start, next == Integer.MAX_VALUE ? next : next - 1});
                if (next != Integer.MAX_VALUE) {
                    start = next;
                }
            }
        }
        List<List<Slice>> result = new ArrayList<>();
        for (List<int[]> part : parts) {
            List<Slice> slices = new ArrayList<>();
            for (int[] s : part) {
                FileOutline outline = outlines.get(s[0]);
                int[] range = ranges.get(s);
                boolean whole = byFile.get(s[0]).size() == 1;
                slices.add(new Slice(outline, s[1], s[2], range[0], range[1], whole));
            }
            result.add(slices);
        }
        return result;
    }

    /** Appends the part's skeleton, cutting a line that alone exceeds the budget; returns its tokens. */
    private static int appendSkeletonSlices(StringBuilder user, List<Slice> slices, int budget) {
        StringBuilder block = new StringBuilder("<skeleton>\n");
        int room = budget;
        for (Slice slice : slices) {
            String header = slice.file().header() + (slice.from() > 0 ? CONTINUED : "") + "\n";
            block.append(header);
            room -= est(header);
            for (int i = slice.from(); i < slice.to(); i++) {
                String line = slice.file().lines().get(i).text();
                int cost = est(line) + 1;
                if (cost > room) {
                    int keep = TokenEstimator.prefixLength(line, room - 2);
                    line = line.substring(0, keep) + "…";
                    cost = est(line) + 1;
                }
                block.append(line).append('\n');
                room -= cost;
            }
        }
        block.append("</skeleton>\n");
        user.append(block);
        return est(block);
    }

    // ------------------------------------------------------------------ bodies

    /**
     * The source blocks asked for, in the order they are shown: files with exported types first,
     * then the smaller before the larger, so that more files fit. A request that does not start at
     * line 1 (a part's slice, or a file shown without its licence header) says which lines it shows.
     */
    private static List<Body> bodies(List<BodyRequest> requests, SourceTexts sources) {
        List<Body> bodies = new ArrayList<>();
        for (BodyRequest request : requests) {
            Optional<SourceTexts.Text> text = sources.get(request.path());
            if (text.isEmpty()) {
                continue;
            }
            String lines = text.get().lines(request.from(), request.to());
            if (lines.isBlank()) {
                continue;
            }
            bodies.add(new Body(request, lines, text.get().lineCount(), est(lines)));
        }
        bodies.sort(Comparator.comparing((Body b) -> !b.request().exported())
                .thenComparingInt(Body::tokens)
                .thenComparing(b -> b.request().path())
                .thenComparingInt(b -> b.request().from()));
        return bodies;
    }

    /** What the blocks take shown whole. */
    private static int bodiesTokens(List<Body> bodies) {
        long total = 0;
        for (Body body : bodies) {
            total += est(body.open()) + est(SOURCE_CLOSE) + body.tokens();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /**
     * Appends the blocks within {@code room} tokens, in order; the first that does not fit whole is
     * cut at a line boundary when enough room is left for the cut to be worth reading.
     */
    private static void appendBodies(StringBuilder user, int room, List<Body> bodies) {
        int left = room;
        for (Body body : bodies) {
            BodyRequest request = body.request();
            int first = Math.max(1, request.from());
            int last = Math.min(body.lineCount(), request.to());
            String open = body.open();
            String close = SOURCE_CLOSE;
            int frame = est(open) + est(close);
            if (frame + body.tokens() <= left) {
                user.append(open).append(body.lines()).append(close);
                left -= frame + body.tokens();
                continue;
            }
            String marker = "[… cut: lines 9999999-9999999 of 9999999 not shown]\n";
            int avail = left - frame - est(marker);
            if (avail < MIN_CUT_BODY_TOKENS) {
                continue;
            }
            Cut cut = cutAtLine(body.lines(), avail);
            int shownLast = first + cut.lines() - 1;
            String realMarker =
                    "[… cut: lines " + (shownLast + 1) + "-" + last + " of " + body.lineCount() + " not shown]\n";
            user.append(open).append(cut.text()).append(realMarker).append(close);
            left -= frame + est(cut.text()) + est(realMarker);
        }
    }

    /** The longest prefix within {@code tokens} ending at a line break (mid-line if the first line is too long). */
    private static Cut cutAtLine(String text, int tokens) {
        int end = TokenEstimator.prefixLength(text, tokens);
        if (end >= text.length()) {
            return new Cut(text, countLines(text));
        }
        int newline = text.lastIndexOf('\n', end - 1);
        String prefix = newline >= 0 ? text.substring(0, newline + 1) : text.substring(0, Math.max(0, end - 1)) + "\n";
        return new Cut(prefix, Math.max(1, countLines(prefix)));
    }

    private static int countLines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
    }

    // ------------------------------------------------------------------ blocks

    private String unitBlock(SpecFacts facts, String licenceLine, String partLine) {
        UnitAnalysis unit = facts.unit();
        StringBuilder b = new StringBuilder("<unit>\n");
        b.append("package: ")
                .append(cap(unit.id().displayPackage(), VALUE_CHARS))
                .append('\n');
        b.append("module: ").append(cap(unit.id().artifactId(), VALUE_CHARS));
        if (!unit.id().moduleDir().isEmpty()) {
            b.append(" (directory ")
                    .append(cap(unit.id().moduleDir(), VALUE_CHARS))
                    .append(')');
        }
        b.append('\n');
        String description = Skeleton.oneLine(facts.project().description());
        if (!description.isEmpty()) {
            b.append("project description: ")
                    .append(cap(description, DESCRIPTION_CHARS))
                    .append('\n');
        }
        long exported = unit.types().stream().filter(t -> t.exported()).count();
        b.append("files: ")
                .append(unit.files().size())
                .append(", types: ")
                .append(unit.types().size())
                .append(" (")
                .append(exported)
                .append(" exported)\n");
        if (!licenceLine.isEmpty()) {
            b.append(licenceLine).append('\n');
        }
        if (partLine != null) {
            b.append(partLine).append('\n');
        }
        b.append("</unit>\n");
        return clean(b.toString());
    }

    private static String partLine(int part, int of, int words) {
        return "this request shows part " + part + " of " + of + "; write notes of at most about " + words + " words";
    }

    private static String skeletonBlock(Optional<String> packageDoc, List<FileOutline> outlines) {
        StringBuilder b = new StringBuilder("<skeleton>\n");
        packageDoc.ifPresent(doc -> b.append(doc).append('\n'));
        for (FileOutline outline : outlines) {
            b.append(outline.header()).append('\n');
            for (Skeleton.Line line : outline.lines()) {
                b.append(line.text()).append('\n');
            }
        }
        return b.append("</skeleton>\n").toString();
    }

    private static String listBlock(String tag, List<String> lines) {
        StringBuilder b = new StringBuilder("<").append(tag).append(">\n");
        if (lines.isEmpty()) {
            b.append("(none)\n");
        }
        for (String line : lines) {
            b.append(line).append('\n');
        }
        return b.append("</").append(tag).append(">\n").toString();
    }

    /** The lines that fit in {@code tokens}, then a line saying how many were left out. */
    private static List<String> capLines(List<String> lines, int tokens) {
        List<String> kept = new ArrayList<>();
        String more = "… and 9999999 more";
        int left = tokens - est(more) - 1;
        int i = 0;
        for (; i < lines.size(); i++) {
            int cost = est(lines.get(i)) + 1;
            if (cost > left) {
                break;
            }
            kept.add(lines.get(i));
            left -= cost;
        }
        if (i < lines.size()) {
            kept.add("… and " + (lines.size() - i) + " more");
        }
        return kept;
    }

    /**
     * The dependencies block: each dependency's intent, within {@code intentTokens} as before, and
     * under each the part of its interface the unit references, within {@code interfaceTokens}
     * shared out evenly (what a small interface leaves passes to the larger ones). An interface cut
     * says how many of its lines are not shown; one with no room at all is counted in a last line.
     */
    private String dependenciesBlock(Material m, int intentTokens, int interfaceTokens) {
        List<String> intents = capLines(m.dependencyLines, intentTokens);
        int kept = 0;
        while (kept < Math.min(intents.size(), m.interfaces.size())
                && intents.get(kept).equals(m.dependencyLines.get(kept))) {
            kept++;
        }
        int[] cost = new int[kept];
        long total = 0;
        for (int i = 0; i < kept; i++) {
            cost[i] = m.interfaces.get(i).tokens();
            total += cost[i];
        }
        boolean cut = total > interfaceTokens;
        int[] share = cut ? shares(cost, interfaceTokens - est(INTERFACES_HIDDEN_LONGEST) - 1) : cost;
        List<String> lines = new ArrayList<>();
        int hiddenDependencies = 0;
        int hiddenTypes = 0;
        for (int i = 0; i < intents.size(); i++) {
            lines.add(intents.get(i));
            if (i >= kept || cost[i] == 0) {
                continue;
            }
            Interface shown = m.interfaces.get(i);
            if (cost[i] <= share[i]) {
                lines.addAll(shown.lines());
                continue;
            }
            int left = share[i] - est(INTERFACE_MORE_LONGEST) - 1;
            int n = 0;
            while (n < shown.lines().size() && est(shown.lines().get(n)) + 1 <= left) {
                left -= est(shown.lines().get(n)) + 1;
                n++;
            }
            if (n == 0) {
                hiddenDependencies++;
                hiddenTypes += shown.types();
                continue;
            }
            lines.addAll(shown.lines().subList(0, n));
            lines.add(interfaceMore(shown.lines().size() - n));
        }
        if (hiddenDependencies > 0) {
            lines.add(interfacesHidden(hiddenDependencies, hiddenTypes));
        }
        return listBlock("dependencies", lines);
    }

    private static String interfaceMore(int lines) {
        return "    … and " + lines + " more lines of the interface this unit references, not shown for room";
    }

    private static String interfacesHidden(int dependencies, int types) {
        return "… and the interfaces this unit references of " + dependencies + " more dependencies (" + types
                + " types), not shown for room";
    }

    /** The unit block's line about the licence header its files' sources are shown without, or empty. */
    private String licenceLine(LicenceHeaders licence) {
        if (!licence.present()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : licence.text().split("\n")) {
            String bare =
                    line.strip().replaceFirst("^(/\\*+|\\*+/|\\*+|//+)", "").replaceFirst("\\*+/$", "");
            if (!bare.isBlank()) {
                text.append(bare.strip()).append(' ');
            }
        }
        String who = licence.of() == 1
                ? "the unit's one file opens"
                : licence.files() == licence.of()
                        ? "all " + licence.files() + " files open"
                        : licence.files() + " of " + licence.of() + " files open";
        return clean("licence header: " + who + " with the same " + licence.lineCount()
                + "-line comment; their sources below start after it (their lines attribute says where): "
                + cap(Skeleton.oneLine(text.toString()), LICENCE_CHARS));
    }

    private List<String> dependencyLines(SpecFacts facts) {
        List<String> lines = new ArrayList<>();
        for (DependencySummary dependency : facts.dependencies()) {
            String intent = Skeleton.oneLine(dependency.intent());
            StringBuilder line = new StringBuilder("- ")
                    .append(dependency.id().display())
                    .append(": ")
                    .append(intent.isEmpty() ? "(no spec yet)" : cap(intent, INTENT_CHARS));
            String status =
                    dependency.status() == null ? "" : dependency.status().strip();
            if (!status.isEmpty()) {
                line.append(" [").append(status).append(']');
            }
            lines.add(clean(line.toString()));
        }
        List<String> external = facts.node().externalPackages();
        if (!external.isEmpty()) {
            lines.add(clean(cap("external packages: " + String.join(", ", external), LIST_LINE_CHARS)));
        }
        return lines;
    }

    private List<String> factLines(SpecFacts facts) {
        List<String> lines = new ArrayList<>();
        List<String> untested = new ArrayList<>();
        for (TypeCoverage coverage : facts.coverage()) {
            if (coverage.testClasses().isEmpty()) {
                untested.add(coverage.typeName());
            } else {
                String tests = String.join(", ", coverage.testClasses());
                lines.add(clean(cap("tests of " + coverage.typeName() + ": " + tests, LIST_LINE_CHARS)));
            }
        }
        if (!untested.isEmpty()) {
            lines.add(clean(cap("types no test refers to: " + String.join(", ", untested), LIST_LINE_CHARS)));
        }
        facts.moduleDescriptor()
                .ifPresent(module -> lines.add(clean("module " + module.name()
                        + (module.exportsPackage(facts.unit().id().packageName()) ? " exports" : " does not export")
                        + " this package")));
        for (DebtItem debt : facts.unit().debt()) {
            String where = debt.file() + ":" + debt.line();
            lines.add(clean(cap(debt.kind() + " " + where + " " + Skeleton.oneLine(debt.text()), LIST_LINE_CHARS)));
        }
        for (ParseProblem problem : facts.unit().problems()) {
            lines.add(clean(cap("not parsed: " + Skeleton.oneLine(problem.describe()), LIST_LINE_CHARS)));
        }
        return lines;
    }

    private Optional<String> packageDocLine(UnitAnalysis unit) {
        String doc = Skeleton.oneLine(unit.packageDocText());
        return doc.isEmpty() ? Optional.empty() : Optional.of(clean("package doc: " + cap(doc, PACKAGE_DOC_CHARS)));
    }

    // ------------------------------------------------------------------ plumbing

    /** The final prompt: one more redaction pass as a safety net, then cut to the window if ever needed. */
    private ModelPrompt prompt(String system, String user) {
        String text = redactor.redact(user);
        int max = available() - est(system);
        if (est(text) > max) {
            text = cutAtLine(text, max - est(GUARD_MARKER)).text() + GUARD_MARKER;
        }
        return new ModelPrompt(system, text, est(system) + est(text) + MESSAGE_OVERHEAD);
    }

    /** Redacts, and defuses a placeholder in the material so that only the real one is filled. */
    private String clean(String text) {
        return redactor.redact(text).replace(PART_NOTES_PLACEHOLDER, NEUTRALISED_PLACEHOLDER);
    }

    private String language(String language) {
        String lang = language == null
                ? ""
                : language.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return clean(lang.isEmpty() ? "English" : cap(lang, 60));
    }

    private int available() {
        return contextTokens - reservedOutputTokens - MESSAGE_OVERHEAD;
    }

    /** Water-filling: equal shares, with what small items leave unused passed on to the larger ones. */
    private static int[] shares(int[] cost, int budget) {
        int n = cost.length;
        int[] share = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> cost[i]).thenComparingInt(i -> i));
        int left = Math.max(0, budget);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int fair = left / (n - k);
            share[i] = Math.min(cost[i], fair);
            left -= share[i];
        }
        return share;
    }

    private static int est(CharSequence text) {
        return TokenEstimator.estimate(text);
    }

    private static String cap(String s, int chars) {
        return s.length() > chars ? s.substring(0, chars) + "…" : s;
    }

    // ------------------------------------------------------------------ internal records

    private record Material(
            SpecFacts facts,
            List<FileOutline> outlines,
            List<String> dependencyLines,
            List<Interface> interfaces,
            List<String> factLines,
            Optional<String> packageDocLine,
            SourceTexts sources,
            LicenceHeaders licence,
            String licenceLine) {

        Optional<String> packageDoc(int tokens) {
            return packageDocLine.map(doc -> est(doc) <= tokens
                    ? doc
                    : doc.substring(0, TokenEstimator.prefixLength(doc, Math.max(0, tokens - 1))) + "…");
        }
    }

    private record Slice(FileOutline file, int from, int to, int firstLine, int lastLine, boolean whole) {}

    private record BodyRequest(String path, boolean exported, int from, int to, boolean whole) {}

    private record Body(BodyRequest request, String lines, int lineCount, int tokens) {

        String open() {
            int first = Math.max(1, request.from());
            int last = Math.min(lineCount, request.to());
            return "<source path=\"" + request.path() + "\""
                    + (request.whole() ? "" : " lines=\"" + first + "-" + last + " of " + lineCount + "\"")
                    + ">\n";
        }
    }

    /** What a dependency's request shows of its interface: lines and the types they declare. */
    private record Interface(List<String> lines, int types) {

        int tokens() {
            int total = 0;
            for (String line : lines) {
                total += est(line) + 1;
            }
            return total;
        }
    }

    private record Cut(String text, int lines) {}
}
