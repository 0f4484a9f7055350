package io.github.reversespec.batch;

import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.core.ProgressLog;
import io.github.reversespec.generate.GenerationStep;
import io.github.reversespec.generate.GenerationSteps;
import io.github.reversespec.generate.ModelSettings;
import io.github.reversespec.llm.Secret;
import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.reactor.ReactorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real batch (model-backed generation, real files, real checkpoint) as a process of its own,
 * so that a test can kill it at any instant. Progress goes to stdout, one line per message.
 *
 * <p>Arguments: {@code <root> <baseUrl> <concurrency> <refresh> <module>...}, where a module is
 * {@code <dir>} or {@code <dir>:<dir>,<dir>} (the reactor modules it depends on), in reactor
 * order; each module's sources are {@code <root>/<dir>/src/main/java}. The provider is {@code
 * openai} at {@code baseUrl}. Exit code 0 when the run ended with nothing failed or pending, 1
 * when it ended otherwise, 2 on a configuration error.
 */
public final class ChildBatchMain {

    /** The API key the child sends; a test may check it never lands on disk. */
    public static final String API_KEY = "sk-kill-test-0123456789abcdef";

    /** The model id the child asks for. */
    public static final String MODEL = "kill-test-model";

    private ChildBatchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ChildBatchMain <root> <baseUrl> <concurrency> <refresh> <module>...");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String baseUrl = args[1];
        int concurrency = Integer.parseInt(args[2]);
        RefreshMode refresh = RefreshMode.parse(args[3]);
        ReactorModel reactor = reactor(root, List.of(args).subList(4, args.length));

        ProgressLog log = new PrintingLog();
        ModelSettings settings = new ModelSettings(
                "openai",
                baseUrl,
                MODEL,
                "reverse-spec",
                Secret.none(),
                Map.of("OPENAI_API_KEY", API_KEY),
                false,
                Duration.ofSeconds(60),
                Duration.ofMinutes(30),
                32000,
                0,
                1,
                "English",
                null);
        BatchRequest request = new BatchRequest(
                reactor,
                Path.of("specs/.reverse-spec-checkpoint.json"),
                refresh,
                UnitSelector.all(),
                false,
                concurrency,
                1,
                "reverse-spec-maven-plugin/kill-test");
        BatchResult result;
        try (GenerationStep step = GenerationSteps.create(settings, log)) {
            result = new BatchRunner(step, log).run(request);
        } catch (ConfigurationException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.flush();
        System.exit(result.failed().isEmpty() && !result.stoppedEarly() ? 0 : 1);
    }

    private static ReactorModel reactor(Path root, List<String> modules) {
        List<ProjectModel> projects = new ArrayList<>();
        for (String module : modules) {
            int colon = module.indexOf(':');
            String dir = colon < 0 ? module : module.substring(0, colon);
            List<String> deps = colon < 0 || colon == module.length() - 1
                    ? List.of()
                    : List.of(module.substring(colon + 1).split(",")).stream()
                            .map(d -> "kill.test:" + d)
                            .toList();
            Path base = root.resolve(dir);
            Path tests = base.resolve("src/test/java");
            projects.add(new ProjectModel(
                    "kill.test",
                    dir,
                    "1.0",
                    dir,
                    "",
                    base,
                    dir,
                    projects.size(),
                    List.of(base.resolve("src/main/java")),
                    Files.isDirectory(tests) ? List.of(tests) : List.of(),
                    deps,
                    List.of()));
        }
        return new ReactorModel(root, projects);
    }

    /** Each message on a line of its own on stdout, flushed at once so a kill loses none of it. */
    private static final class PrintingLog implements ProgressLog {

        private synchronized void print(String level, String message) {
            System.out.println("[" + level + "] " + message);
            System.out.flush();
        }

        @Override
        public void info(String message) {
            print("INFO", message);
        }

        @Override
        public void warn(String message) {
            print("WARN", message);
        }

        @Override
        public void error(String message) {
            print("ERROR", message);
        }

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }
}
