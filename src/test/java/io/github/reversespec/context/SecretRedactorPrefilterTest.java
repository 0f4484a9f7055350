package io.github.reversespec.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.reactor.ProjectModel;
import io.github.reversespec.testing.OwnSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Redacting with each rule tried only where its prefilter says a kept match may start gives
 * what the rules' regexes alone, tried everywhere, give: the same text and the same count, byte
 * for byte. The prefilters are what make redaction cheap on a big prompt (issue 14), and a start
 * one of them misses is a secret left in a prompt, so they are checked on real code, on every
 * fixture of {@link SecretRedactorTest}, and on code with those fixtures dropped in at random
 * places, where a secret lands inside a name, a comment, a string or another secret.
 */
class SecretRedactorPrefilterTest {

    private final SecretRedactor redactor = new SecretRedactor(KnownSecrets.of(List.of("sk-known-0123456789abcdef")));

    @Test
    void ownSourcesAreRedactedAsByTheRegexesAlone() {
        List<String> sources = ownSources();
        assertThat(sources).hasSizeGreaterThan(100);
        int redacted = 0;
        for (String source : sources) {
            redacted += sameBothWays(source);
        }
        // Whole prompts: the sources joined into texts of a big package's size.
        StringBuilder prompt = new StringBuilder();
        for (String source : sources) {
            prompt.append(source);
            if (prompt.length() > 120_000) {
                sameBothWays(prompt.toString());
                prompt.setLength(0);
            }
        }
        sameBothWays(prompt.toString());
        assertThat(redacted).as("the tests' sources hold secrets to redact").isGreaterThan(20);
    }

    @Test
    void fixturesAreRedactedAsByTheRegexesAlone() {
        int redacted = 0;
        for (String fixture : fixtures()) {
            redacted += sameBothWays(fixture);
        }
        assertThat(redacted).isGreaterThan(100);
    }

    @Test
    void hostileInputsAreRedactedAsByTheRegexesAlone() {
        // Their two ends only: the regexes alone take long on a whole one, and each end keeps its shape.
        SecretRedactorTest.hostileInputs().forEach(arguments -> {
            String input = (String) arguments.get()[0];
            sameBothWays(
                    input.length() <= 40_000
                            ? input
                            : input.substring(0, 20_000) + input.substring(input.length() - 20_000));
        });
    }

    @Test
    void secretsDroppedAtRandomPlacesAreRedactedAsByTheRegexesAlone() {
        List<String> fixtures = fixtures();
        List<String> sources = ownSources();
        // What often stands next to a secret, so that fixtures are also joined to names, quotes,
        // escapes, comments, URLs and the context words some rules look for.
        String[] joints = {
            "",
            " ",
            "\n",
            "\t",
            "\\n",
            ".",
            "-",
            "_",
            "$",
            "\"",
            "'",
            "\\\"",
            "=",
            ":",
            "(",
            ",",
            "//",
            "/*",
            "*/",
            "#",
            "${",
            "?",
            "&",
            ";",
            "twilio ",
            "AWS ",
            "secret ",
            "key ",
            "api key is ",
            "Basic ",
            "Bearer ",
            "://",
            "@"
        };
        Random random = new Random(14);
        int redacted = 0;
        for (int round = 0; round < 400; round++) {
            String source = sources.get(random.nextInt(sources.size()));
            StringBuilder text = new StringBuilder(source.substring(0, Math.min(source.length(), 20_000)));
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                String piece = joints[random.nextInt(joints.length)]
                        + fixtures.get(random.nextInt(fixtures.size()))
                        + joints[random.nextInt(joints.length)];
                text.insert(random.nextInt(text.length() + 1), piece);
            }
            redacted += sameBothWays(text.toString());
        }
        assertThat(redacted).isGreaterThan(400);
    }

    /** Asserts both ways give the same result, and says how many secrets it replaced. */
    private int sameBothWays(String text) {
        SecretRedactor.Result fast = redactor.redactCounting(text, true);
        SecretRedactor.Result everywhere = redactor.redactCounting(text, false);
        if (!fast.equals(everywhere)) {
            // Not isEqualTo() on the texts: a failure would print whole sources twice.
            int at = 0;
            while (at < fast.text().length()
                    && at < everywhere.text().length()
                    && fast.text().charAt(at) == everywhere.text().charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 80);
            assertThat(fast.text().substring(from, Math.min(fast.text().length(), at + 80)))
                    .as(
                            "prefiltered (count %d) against regexes alone (count %d), from character %d of %s",
                            fast.count(), everywhere.count(), from, snippet(text, from))
                    .isEqualTo(everywhere
                            .text()
                            .substring(from, Math.min(everywhere.text().length(), at + 80)));
            assertThat(fast.count()).isEqualTo(everywhere.count());
        }
        return everywhere.count();
    }

    private static String snippet(String text, int from) {
        return "\"" + text.substring(from, Math.min(text.length(), from + 200)) + "\"";
    }

    /** Every string argument of {@link SecretRedactorTest}'s parameter sources but the hostile ones. */
    private static List<String> fixtures() {
        List<Supplier<Stream<Arguments>>> sources = List.of(
                SecretRedactorTest::shapedTokens,
                SecretRedactorTest::namedLiterals,
                SecretRedactorTest::placeholderDefaults,
                SecretRedactorTest::secretsInComments,
                SecretRedactorTest::charArrays,
                SecretRedactorTest::comparedAndPassedLiterals,
                SecretRedactorTest::connectionStrings);
        List<String> fixtures = new ArrayList<>();
        for (Supplier<Stream<Arguments>> source : sources) {
            source.get().flatMap(arguments -> Arrays.stream(arguments.get())).forEach(argument -> {
                if (argument instanceof String s && !s.isEmpty()) {
                    fixtures.add(s);
                }
            });
        }
        return fixtures;
    }

    private static List<String> ownSources() {
        ProjectModel project = OwnSources.reactor().projects().get(0);
        List<Path> roots = new ArrayList<>(project.sourceRoots());
        roots.addAll(project.testSourceRoots());
        List<String> texts = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    texts.add(Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
