import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The baseline of the benchmark: reading and parsing every {@code *.java} under a directory with
 * a bare JavaParser, single-threaded — its default configuration (tokens stored, comments
 * attributed) at the plugin's language level, which is also what the plugin needs to get
 * positions and Javadoc. {@code --no-tokens} parses without token storage instead, the cheapest
 * parse JavaParser can do (it loses every position and Javadoc attribution).
 *
 * <p>Usage: {@code java -cp javaparser-core.jar ParseOnly.java <dir> [rounds] [--no-tokens]}; with
 * more than one round the later ones show the time once the JIT has warmed up.
 */
public final class ParseOnly {

    private ParseOnly() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java -cp javaparser-core.jar ParseOnly.java <dir> [rounds=1] [--no-tokens]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean tokens = !(args.length > 2 && args[2].equals("--no-tokens"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }

        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                .setStoreTokens(tokens)
                .setAttributeComments(true);
        JavaParser parser = new JavaParser(configuration);

        for (int round = 1; round <= rounds; round++) {
            long bytes = 0;
            int failed = 0;
            int types = 0;
            long readNanos = 0;
            long start = System.nanoTime();
            for (Path file : files) {
                long readStart = System.nanoTime();
                byte[] content = Files.readAllBytes(file);
                String text;
                try {
                    // Strict UTF-8, as the analysis reads: a bad byte is a problem, not a replacement char.
                    text = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(content))
                            .toString();
                } catch (CharacterCodingException e) {
                    failed++;
                    continue;
                }
                readNanos += System.nanoTime() - readStart;
                bytes += content.length;
                ParseResult<CompilationUnit> result = parser.parse(text);
                if (result.isSuccessful() && result.getResult().isPresent()) {
                    types += result.getResult().get().getTypes().size();
                } else {
                    failed++;
                }
            }
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT,
                    "round %d: %d files (%d failed, %d top-level types, %.1f MB) in %d ms (read %d ms, parse %d ms)%n",
                    round, files.size(), failed, types, bytes / 1e6, totalMillis, readNanos / 1_000_000,
                    totalMillis - readNanos / 1_000_000);
        }
    }
}
