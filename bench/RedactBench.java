import io.github.reversespec.context.KnownSecrets;
import io.github.reversespec.context.SecretRedactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of the secret redaction every prompt goes through (issue 14: on big packages a step
 * of the chain is mostly redaction). Reads Java files under a directory until about 120,000
 * characters, the size of a big package's prompt, then times {@code SecretRedactor.redact} on
 * them after a warm-up.
 *
 * <pre>
 *   ./mvnw -B -ntp -o -q compile
 *   java -cp target/classes bench/RedactBench.java /tmp/latbig2/reactor/m05/src/main/java
 * </pre>
 *
 * Nothing here is a test.
 */
public final class RedactBench {

    private RedactBench() {}

    public static void main(String[] args) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                text.append(Files.readString(p));
                if (text.length() > 120_000) {
                    break;
                }
            }
        }
        String prompt = text.toString();
        SecretRedactor redactor = new SecretRedactor(KnownSecrets.of(List.of("sk-bench-0123456789abcdef")));
        for (int i = 0; i < 20; i++) {
            redactor.redact(prompt);
        }
        int runs = 50;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            redactor.redact(prompt);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("%,d characters: %.1f ms a pass (%.2f us a character)%n", prompt.length(), ms, ms * 1000 / prompt.length());
    }
}
