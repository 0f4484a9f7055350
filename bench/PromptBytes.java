import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reversespec.batch.BatchRequest;
import io.github.reversespec.batch.BatchRunner;
import io.github.reversespec.batch.RefreshMode;
import io.github.reversespec.batch.UnitSelector;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.generate.GenerationSteps;
import io.github.reversespec.generate.ModelSettings;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import io.github.reversespec.testing.FakeModelServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the prompts of a whole run weigh: runs {@code batch} over a source tree against the
 * in-process fake model and sums the UTF-8 bytes of every message sent (system and user; the JSON
 * around them left out), with how many of those bytes are the lines of a file's leading comment.
 * Compare two builds of the plugin on the same tree.
 *
 * <p>Usage (classes and test classes of a build on the class path, with its dependencies):
 * {@code java -cp target/classes:target/test-classes:<deps> bench/PromptBytes.java <root>
 * [contextTokens=32000]}. Every directory under {@code root} holding {@code src/main/java} is a
 * source root of one project (so modules' packages are units of that one project); the run
 * writes {@code specs/} under {@code root}, removed first.
 */
public final class PromptBytes {

    private PromptBytes() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int contextTokens = args.length > 1 ? Integer.parseInt(args[1]) : 32_000;
        List<Path> sourceRoots;
        try (Stream<Path> walk = Files.walk(root)) {
            sourceRoots = walk.filter(p -> p.endsWith(Path.of("src/main/java")) && Files.isDirectory(p))
                    .sorted()
                    .toList();
        }
        Path specs = root.resolve("specs");
        if (Files.exists(specs)) {
            try (Stream<Path> walk = Files.walk(specs)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ProjectModel project = new ProjectModel(
                "g", "bench", "1", "bench", "", root, "", 0, sourceRoots, List.of(), List.of(), List.of(),
                StandardCharsets.UTF_8, true);
        ReactorModel reactor = new ReactorModel(root, List.of(project));
        BatchRequest request = new BatchRequest(
                reactor, Path.of("specs/.reverse-spec-checkpoint.json"), RefreshMode.ALL, UnitSelector.all(), false,
                2, 2, "reverse-spec/bench");
        try (FakeModelServer server = new FakeModelServer()) {
            ModelSettings settings = new ModelSettings(
                    "openai", server.baseUrl("/v1"), "bench-model", "reverse-spec", Secret.none(),
                    Map.of("OPENAI_API_KEY", "sk-bench-0123456789abcdef0123456789"), false, Duration.ofSeconds(30),
                    contextTokens, 0, 0, "English", null);
            try (GenerationStep step = GenerationSteps.create(settings, ProgressLog.SILENT)) {
                new BatchRunner(step, ProgressLog.SILENT).run(request);
            }
            ObjectMapper json = new ObjectMapper();
            long bytes = 0;
            long header = 0;
            long code = 0;
            long dependencies = 0;
            long requests = 0;
            for (FakeModelServer.Received received : server.received()) {
                requests++;
                for (JsonNode message : json.readTree(received.body()).path("messages")) {
                    String content = message.path("content").asText();
                    bytes += content.getBytes(StandardCharsets.UTF_8).length;
                    header += leadingCommentBytes(content);
                    code += blockBytes(content, "<source ", "</source>\n");
                    dependencies += blockBytes(content, "<dependencies>\n", "</dependencies>\n");
                }
            }
            System.out.printf(
                    "requests %d, message bytes %d; in source blocks %d, of which leading comments %d (%.1f%% of all);"
                            + " dependency blocks %d%n",
                    requests, bytes, code, header, 100.0 * header / Math.max(1, bytes), dependencies);
        }
    }

    /** Bytes of every block from {@code open} to {@code close}, both included. */
    private static long blockBytes(String text, String open, String close) {
        long total = 0;
        int at = 0;
        while ((at = text.indexOf(open, at)) >= 0) {
            int end = text.indexOf(close, at);
            if (end < 0) {
                break;
            }
            total += text.substring(at, end + close.length()).getBytes(StandardCharsets.UTF_8).length;
            at = end + close.length();
        }
        return total;
    }

    /** Bytes of the leading block comment of every {@code <source>} block that starts at a file's top. */
    private static long leadingCommentBytes(String user) {
        long total = 0;
        int at = 0;
        while ((at = user.indexOf("<source path=\"", at)) >= 0) {
            int open = user.indexOf(">\n", at);
            if (open < 0) {
                break;
            }
            int body = open + 2;
            at = body;
            if (user.startsWith("/*", body) && !user.startsWith("/**", body)) {
                int end = user.indexOf("*/", body);
                if (end > 0) {
                    total += user.substring(body, end + 2).getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return total;
    }
}
