package io.github.reversespec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.core.ProgressLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Analysing: N of M files parsed" while a long analysis runs, and nothing for a short one. */
class AnalysisProgressTest {

    private static final Pattern LINE =
            Pattern.compile("Analysing: (\\d+) of (\\d+) files parsed \\(main and test sources\\)");

    @TempDir
    Path dir;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private final ProgressLog log = new ProgressLog() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add(message);
        }

        @Override
        public void error(String message) {
            lines.add(message);
        }

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };

    private SourceTree tree(int files) {
        SourceTree tree = new SourceTree(dir).project("app", "");
        for (int i = 0; i < files; i++) {
            tree.write(
                    "src/main/java/p" + (i % 7) + "/C" + i + ".java",
                    "package p" + (i % 7) + ";\n\n/** Class " + i + ". */\npublic class C" + i + " {\n"
                            + "    public int f(int x) {\n        return x * " + i + ";\n    }\n}\n");
        }
        return tree;
    }

    @Test
    void anAnalysisWithinTheFirstIntervalPrintsNothing() {
        new ReactorAnalyzer(2, log).analyze(tree(20).reactor());

        assertThat(lines).isEmpty();
    }

    @Test
    void aLongerAnalysisReportsEveryIntervalCountingUpToTheTotal() {
        int files = 300;
        ReactorAnalysis analysis = new ReactorAnalyzer(2, log, TimeUnit.MILLISECONDS.toNanos(20))
                .analyze(tree(files).reactor());

        assertThat(analysis.projects().get(0).units()).hasSize(7);
        assertThat(lines)
                .isNotEmpty()
                .hasSizeLessThan(files)
                .allMatch(l -> LINE.matcher(l).matches());
        int last = 0;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).isTrue();
            int parsed = Integer.parseInt(m.group(1));
            assertThat(parsed).isBetween(last, files);
            assertThat(m.group(2)).isEqualTo(Integer.toString(files));
            last = parsed;
        }
    }
}
