package io.github.reversespec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.reversespec.testing.WrittenFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Keeps the README from rotting: every fenced block in it is either checked against the files that
 * run or hold it, named in an HTML comment on the line before the fence (invisible on GitHub),
 *
 * <pre>{@code
 * <!-- checked against: src/it/lifecycle-binding/pom.xml, ... -->
 * }</pre>
 *
 * <p>or says why it is not ({@code <!-- not checked: reason -->}). An unmarked block fails. What a
 * check means depends on the block and the file:
 *
 * <ul>
 *   <li>a command (each line of a {@code bash} block, split at {@code &&}) against an IT's {@code
 *       invoker.properties}: one of the IT's invocations runs the same goals, with every option and
 *       {@code -D} property the README gives and every environment variable it sets. Property values
 *       are the reader's own (URLs, model ids) and are not compared. The IT may add options (such as
 *       {@code -X}); an IT that starts the shared fake model endpoint also gets {@code
 *       reverse-spec.baseUrl}, which the fake passes through {@code .mvn/maven.config} because its
 *       port is only known at run time;
 *   <li>a command against a script ({@code .ci/run}): the script runs exactly that command;
 *   <li>an XML snippet against an XML file: each of its elements is in the file, with the same
 *       nesting and text; the snippet may leave elements out. The invoker's {@code @project.*@}
 *       placeholders stand for this plugin's coordinates;
 *   <li>a {@code markdown} excerpt against a file: its lines are the file's, verbatim; a line {@code
 *       …} stands for lines left out;
 *   <li>a table against the plugin descriptor: the parameters of {@code batch} and {@code check} with their defaults and
 *       {@code reverse-spec.<name>} properties (tables are checked only when marked).
 * </ul>
 */
class ReadmeSnippetsTest {

    private static final Path PROJECT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!--\\s*(checked against|not checked):(.*?)-->");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("[A-Z_][A-Z0-9_]*=.*");
    private static final Pattern INVOKER_GOALS = Pattern.compile("invoker\\.goals(\\.\\d+)?");
    private static final String INVOKER_ENV = "invoker.environmentVariables.";
    private static final Set<String> OPTIONS_WITH_ARGUMENT = Set.of("-pl", "-f", "-s", "-gs", "-P", "-rf", "-T", "-l");
    private static final String FAKE_MODEL = "common/fake-model.groovy";
    private static final String FAKE_MODEL_PROPERTY = "-Dreverse-spec.baseUrl";

    /** A fenced block or a table of the README, with the marker above it if any. */
    record Block(int line, String kind, List<String> body, Optional<String> verdict, String argument) {

        boolean checked() {
            return verdict.filter(v -> v.equals("checked against")).isPresent();
        }

        List<String> targets() {
            return Stream.of(argument.split(","))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .toList();
        }

        String name() {
            return "README.md:" + line + " (" + kind + ")";
        }
    }

    @Test
    void everyFencedBlockIsCheckedOrSaysWhyNot() throws IOException {
        List<Block> blocks = readmeBlocks();
        List<Block> fences =
                blocks.stream().filter(b -> !b.kind().equals("table")).toList();

        assertThat(fences).as("fenced blocks in the README").isNotEmpty();
        for (Block b : fences) {
            assertThat(b.verdict())
                    .as(
                            "%s has no '<!-- checked against: … -->' or '<!-- not checked: why -->' on the line before it",
                            b.name())
                    .isPresent();
            assertThat(b.argument())
                    .as("%s: the marker names no file or reason", b.name())
                    .isNotBlank();
        }
        for (Block b : blocks.stream().filter(Block::checked).toList()) {
            for (String target : b.targets()) {
                assertThat(PROJECT.resolve(target))
                        .as("%s is checked against %s", b.name(), target)
                        .exists();
            }
        }
        // A typo in the marker syntax must not turn the checks off quietly.
        Set<String> checkedKinds =
                blocks.stream().filter(Block::checked).map(Block::kind).collect(Collectors.toSet());
        assertThat(checkedKinds).contains("bash", "xml", "markdown", "table");
    }

    @TestFactory
    Stream<DynamicTest> everyCheckedBlockMatchesWhatRunsOrHoldsIt() throws IOException {
        return readmeBlocks().stream()
                .filter(Block::checked)
                .map(b -> DynamicTest.dynamicTest(b.name() + " against " + b.targets(), () -> check(b)));
    }

    private void check(Block b) throws Exception {
        switch (b.kind()) {
            case "bash" -> checkCommands(b);
            case "xml" -> checkXml(b);
            case "markdown" -> checkExcerpt(b);
            case "table" -> checkParameterTable(b);
            default -> fail("%s: no check for a '%s' block", b.name(), b.kind());
        }
    }

    // ---------------------------------------------------------------- commands

    private void checkCommands(Block b) throws IOException {
        List<String> commands = b.body().stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .flatMap(l -> Stream.of(l.split("&&")))
                .map(ReadmeSnippetsTest::normaliseSpaces)
                .toList();
        assertThat(commands).as("%s holds no command", b.name()).isNotEmpty();
        Map<String, List<String>> runByTarget = new LinkedHashMap<>();
        for (String target : b.targets()) {
            runByTarget.put(target, target.endsWith("invoker.properties") ? List.of() : scriptCommands(target));
        }
        for (String command : commands) {
            Invocation wanted = Invocation.parse(command);
            boolean found = false;
            for (String target : b.targets()) {
                found |= target.endsWith("invoker.properties")
                        ? itInvocations(target).stream().anyMatch(it -> it.runs(wanted))
                        : runByTarget.get(target).contains(command);
            }
            assertThat(found)
                    .as(
                            "%s: '%s' is run by none of %s (what they run: %s)",
                            b.name(), command, b.targets(), describeTargets(b.targets()))
                    .isTrue();
        }
    }

    private String describeTargets(List<String> targets) throws IOException {
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            out.add(
                    t.endsWith("invoker.properties")
                            ? itInvocations(t).toString()
                            : scriptCommands(t).toString());
        }
        return String.join("; ", out);
    }

    /** The commands a shell script runs, one per line or per {@code &&}-separated part. */
    private static List<String> scriptCommands(String script) throws IOException {
        return Files.readAllLines(PROJECT.resolve(script)).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .flatMap(l -> Stream.of(l.split("&&")))
                .map(ReadmeSnippetsTest::normaliseSpaces)
                .toList();
    }

    /** What an IT runs: each {@code invoker.goals} line, with the IT's environment variables. */
    private static List<Invocation> itInvocations(String invokerProperties) throws IOException {
        Path file = PROJECT.resolve(invokerProperties);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        }
        // A variable set to nothing is there to blank the developer's own, not to set one.
        Set<String> env = new HashSet<>();
        props.stringPropertyNames().stream()
                .filter(k -> k.startsWith(INVOKER_ENV) && !props.getProperty(k).isBlank())
                .forEach(k -> env.add(k.substring(INVOKER_ENV.length())));
        Path setup = file.resolveSibling("setup.groovy");
        boolean fakeModel = Files.exists(setup) && Files.readString(setup).contains(FAKE_MODEL);
        List<Invocation> out = new ArrayList<>();
        for (String key : props.stringPropertyNames().stream().sorted().toList()) {
            if (INVOKER_GOALS.matcher(key).matches()) {
                Invocation i = Invocation.parse("mvn " + interpolate(props.getProperty(key)));
                Set<String> options = new HashSet<>(i.options());
                if (fakeModel) {
                    options.add(FAKE_MODEL_PROPERTY);
                }
                out.add(new Invocation(env, i.goals(), options));
            }
        }
        assertThat(out).as("%s has no invoker.goals", invokerProperties).isNotEmpty();
        return out;
    }

    /**
     * One Maven command: the environment variables it sets, its goals and phases in order, and its
     * options ({@code -D} properties by name only).
     */
    record Invocation(Set<String> env, List<String> goals, Set<String> options) {

        static Invocation parse(String command) {
            List<String> tokens = List.of(normaliseSpaces(command).split(" "));
            Set<String> env = new HashSet<>();
            int i = 0;
            while (i < tokens.size() && ENV_ASSIGNMENT.matcher(tokens.get(i)).matches()) {
                env.add(tokens.get(i).substring(0, tokens.get(i).indexOf('=')));
                i++;
            }
            i++; // mvn, ./mvnw
            List<String> goals = new ArrayList<>();
            Set<String> options = new HashSet<>();
            for (; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (t.startsWith("-D")) {
                    options.add(t.contains("=") ? t.substring(0, t.indexOf('=')) : t);
                } else if (OPTIONS_WITH_ARGUMENT.contains(t) && i + 1 < tokens.size()) {
                    options.add(t + " " + tokens.get(++i));
                } else if (t.startsWith("-")) {
                    options.add(t);
                } else {
                    goals.add(t);
                }
            }
            return new Invocation(env, goals, options);
        }

        boolean runs(Invocation readme) {
            return goals.equals(readme.goals())
                    && options.containsAll(readme.options())
                    && env.containsAll(readme.env());
        }

        @Override
        public String toString() {
            return (env.isEmpty() ? "" : new TreeSet<>(env) + " ") + goals + " " + new TreeSet<>(options);
        }
    }

    // ---------------------------------------------------------------- XML

    private void checkXml(Block b) throws Exception {
        Element snippet = parseXml("<readme-snippet>" + String.join("\n", b.body()) + "</readme-snippet>")
                .getDocumentElement();
        List<Document> targets = new ArrayList<>();
        for (String t : b.targets()) {
            targets.add(parseXml(interpolate(Files.readString(PROJECT.resolve(t)))));
        }
        for (Element wanted : children(snippet)) {
            boolean found = targets.stream().anyMatch(doc -> appearsIn(wanted, doc));
            assertThat(found)
                    .as("%s: <%s> with this content is in none of %s", b.name(), wanted.getTagName(), b.targets())
                    .isTrue();
        }
        assertThat(children(snippet)).as("%s holds no XML element", b.name()).isNotEmpty();
    }

    private static boolean appearsIn(Element wanted, Document doc) {
        NodeList candidates = doc.getElementsByTagName(wanted.getTagName());
        for (int i = 0; i < candidates.getLength(); i++) {
            if (contains((Element) candidates.item(i), wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Same name; same text for a leaf; else each wanted child matched by a later child, in order. */
    private static boolean contains(Element actual, Element wanted) {
        if (!actual.getTagName().equals(wanted.getTagName())) {
            return false;
        }
        List<Element> want = children(wanted);
        List<Element> have = children(actual);
        if (want.isEmpty()) {
            return have.isEmpty()
                    && normaliseSpaces(actual.getTextContent()).equals(normaliseSpaces(wanted.getTextContent()));
        }
        int from = 0;
        for (Element w : want) {
            int at = from;
            while (at < have.size() && !contains(have.get(at), w)) {
                at++;
            }
            if (at == have.size()) {
                return false;
            }
            from = at + 1;
        }
        return true;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setIgnoringComments(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    // ---------------------------------------------------------------- excerpts

    private void checkExcerpt(Block b) throws IOException {
        assertThat(b.targets())
                .as("%s: an excerpt comes from one file", b.name())
                .hasSize(1);
        String target = b.targets().get(0);
        List<String> file = Files.readAllLines(PROJECT.resolve(target));
        List<List<String>> runs = new ArrayList<>();
        runs.add(new ArrayList<>());
        for (String line : b.body()) {
            if (line.strip().equals("…")) {
                runs.add(new ArrayList<>());
            } else {
                runs.get(runs.size() - 1).add(line);
            }
        }
        int from = 0;
        for (List<String> run : runs) {
            assertThat(run).as("%s: an empty run of lines around '…'", b.name()).isNotEmpty();
            int at = indexOf(file, run, from);
            assertThat(at)
                    .as(
                            "%s: these lines are not, in this order, in %s (regenerated specs? copy the"
                                    + " excerpt again):%n%s",
                            b.name(), target, String.join("\n", run))
                    .isNotNegative();
            from = at + run.size();
        }
    }

    private static int indexOf(List<String> lines, List<String> run, int from) {
        for (int i = from; i + run.size() <= lines.size(); i++) {
            if (lines.subList(i, i + run.size()).equals(run)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- parameters

    private void checkParameterTable(Block b) throws Exception {
        assertThat(b.targets())
                .as("%s: the parameter table is checked against the plugin descriptor", b.name())
                .containsExactly("target/classes/META-INF/maven/plugin.xml");
        Map<String, Parameter> descriptor = new LinkedHashMap<>();
        for (String goal : List.of("batch", "check")) {
            goalParameters(PROJECT.resolve(b.targets().get(0)), goal).forEach((name, p) -> {
                Parameter earlier = descriptor.putIfAbsent(name, p);
                assertThat(earlier == null || earlier.equals(p))
                        .as("%s is the same parameter in every goal", name)
                        .isTrue();
            });
        }
        String mainSources = mainSources();

        Map<String, String> defaults = new LinkedHashMap<>();
        for (String row : b.body().subList(2, b.body().size())) {
            List<String> cells = cells(row);
            assertThat(cells).as("%s: row '%s'", b.name(), row).hasSize(3);
            List<String> names = codeSpans(cells.get(0));
            assertThat(names)
                    .as("%s: row '%s' names no parameter", b.name(), row)
                    .isNotEmpty();
            names.forEach(n -> assertThat(defaults.put(n, cells.get(1)))
                    .as("%s lists %s twice", b.name(), n)
                    .isNull());
        }
        assertThat(defaults.keySet())
                .as("%s: the parameters of batch and check", b.name())
                .containsExactlyInAnyOrderElementsOf(descriptor.keySet());
        defaults.forEach((name, cell) -> {
            Parameter p = descriptor.get(name);
            assertThat(p.expression()).as("the property of %s", name).isEqualTo("${reverse-spec." + name + "}");
            List<String> values = codeSpans(cell);
            if (p.defaultValue() != null) {
                assertThat(values).as("the default of %s in '%s'", name, cell).isNotEmpty();
                assertThat(values.get(0)).as("the default of %s", name).isEqualTo(p.defaultValue());
            } else {
                // No default in the descriptor: a value the README names must come from the code.
                values.forEach(v -> assertThat(mainSources)
                        .as("the default '%s' of %s is a literal of the code", v, name)
                        .contains("\"" + v + "\""));
            }
        });
    }

    record Parameter(String expression, String defaultValue) {}

    /** The editable parameters of a goal: their property expression and default value. */
    private static Map<String, Parameter> goalParameters(Path descriptor, String goal) throws Exception {
        assertThat(descriptor)
                .as("the plugin descriptor (written by maven-plugin-plugin in process-classes)")
                .exists();
        Document doc = parseXml(Files.readString(descriptor));
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!text(mojo, "goal").equals(goal)) {
                continue;
            }
            Set<String> editable = new HashSet<>();
            Element parameters = child(mojo, "parameters");
            for (Element p : children(parameters)) {
                if (text(p, "editable").equals("true")) {
                    editable.add(text(p, "name"));
                }
            }
            Map<String, Parameter> out = new LinkedHashMap<>();
            for (Element c : children(child(mojo, "configuration"))) {
                if (editable.contains(c.getTagName())) {
                    String def = c.hasAttribute("default-value") ? c.getAttribute("default-value") : null;
                    out.put(c.getTagName(), new Parameter(c.getTextContent().strip(), def));
                }
            }
            assertThat(out.keySet()).as("configured parameters of %s", goal).isEqualTo(editable);
            return out;
        }
        throw new AssertionError("no " + goal + " goal in " + descriptor);
    }

    private static Element child(Element e, String name) {
        return children(e).stream()
                .filter(c -> c.getTagName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + e.getTagName() + ">"));
    }

    private static String text(Element e, String name) {
        return child(e, name).getTextContent().strip();
    }

    private static String mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/main/java"))) {
            StringBuilder sb = new StringBuilder();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sb.append(WrittenFiles.text(p));
            }
            return sb.toString();
        }
    }

    /** The cells of a Markdown table row; {@code \|} is a pipe inside a cell. */
    private static List<String> cells(String row) {
        String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return Stream.of(inner.split("(?<!\\\\)\\|")).map(String::strip).toList();
    }

    private static List<String> codeSpans(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    private static String readme() throws IOException {
        return Files.readString(PROJECT.resolve("README.md"));
    }

    /** The README's fenced blocks, and its tables that carry a marker. */
    static List<Block> readmeBlocks() throws IOException {
        List<String> lines = readme().lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Optional<Matcher> marker = i > 0 ? marker(lines.get(i - 1)) : Optional.empty();
            if (line.startsWith("```")) {
                int close = i + 1;
                while (close < lines.size() && !lines.get(close).startsWith("```")) {
                    close++;
                }
                assertThat(close)
                        .as("README.md:%d: the fence is not closed", i + 1)
                        .isLessThan(lines.size());
                blocks.add(block(i + 1, line.substring(3).strip(), lines.subList(i + 1, close), marker));
                i = close;
            } else if (line.startsWith("|") && marker.isPresent()) {
                int end = i;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                blocks.add(block(i + 1, "table", lines.subList(i, end), marker));
                i = end - 1;
            }
        }
        return blocks;
    }

    private static Block block(int line, String kind, List<String> body, Optional<Matcher> marker) {
        return new Block(
                line,
                kind.isEmpty() ? "text" : kind,
                List.copyOf(body),
                marker.map(m -> m.group(1)),
                marker.map(m -> m.group(2).strip()).orElse(""));
    }

    private static Optional<Matcher> marker(String line) {
        Matcher m = MARKER.matcher(line.strip());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** The invoker's placeholders for this plugin's coordinates: {@code ${project.x}} and {@code @project.x@}. */
    private static String interpolate(String text) throws IOException {
        String out = text;
        for (Map.Entry<String, String> e : coordinates().entrySet()) {
            out = out.replace("${project." + e.getKey() + "}", e.getValue())
                    .replace("@project." + e.getKey() + "@", e.getValue());
        }
        return out;
    }

    private static Map<String, String> coordinates() throws IOException {
        try {
            Element project =
                    parseXml(Files.readString(PROJECT.resolve("pom.xml"))).getDocumentElement();
            return Map.of(
                    "groupId",
                    text(project, "groupId"),
                    "artifactId",
                    text(project, "artifactId"),
                    "version",
                    text(project, "version"));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read pom.xml", e);
        }
    }

    private static String normaliseSpaces(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
