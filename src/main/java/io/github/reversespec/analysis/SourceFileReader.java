package io.github.reversespec.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.CommentsCollection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, decodes, parses and extracts one file. Runs on a worker thread with that thread's own
 * parser: JavaParser instances are not thread-safe.
 */
final class SourceFileReader {

    /** Files larger than this are recorded but not parsed: they are generated, not written. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** How much of a file is searched for its package declaration when it cannot be parsed. */
    private static final int PACKAGE_SCAN_BYTES = 64 * 1024;

    private static final int MAX_MESSAGE = 200;

    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern PACKAGE = Pattern.compile(
            "(?m)^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*;");
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    /** What became of one file. */
    record Result(
            SourceWalker.Found found,
            boolean test,
            String packageName,
            byte[] bytes,
            boolean tooLarge,
            int lines,
            ParseProblem problem,
            FileFacts facts) {}

    /**
     * Made at this reader's first parse: when the cache holds every file, a run never loads the
     * parser's classes nor builds its configuration.
     */
    private JavaParser parser;

    private JavaParser parser() {
        if (parser == null) {
            parser = new JavaParser(configuration());
        }
        return parser;
    }

    /**
     * The parser's configuration: the Java 25 grammar (so {@code yield}, records, sealed types
     * parse), tokens stored and comments attributed, and no language-level validation.
     */
    static ParserConfiguration configuration() {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                // Tokens must be stored: without them JavaParser records no positions at all, so
                // there would be no line numbers, no Javadoc attribution and no error location.
                .setStoreTokens(true)
                .setAttributeComments(true)
                .setLexicalPreservationEnabled(false);
        withoutValidation(config);
        return config;
    }

    /**
     * Replaces the processor that validates each tree against the language level (and then
     * post-processes it) with one that only post-processes. Validation walks the whole tree once
     * more per rule, close to a fifth of the parse, to report code that javac would reject
     * although it parses (a {@code private} top-level class, say): documentation does not need
     * it, and such code is documented as written. The processor is found by what it does (it
     * reports a problem on such a tree), not by its position, so a JavaParser that arranges its
     * processors otherwise keeps validating rather than losing something else.
     *
     * @return whether the validation was found and removed
     */
    static boolean withoutValidation(ParserConfiguration config) {
        List<java.util.function.Supplier<com.github.javaparser.Processor>> processors = config.getProcessors();
        for (int i = 0; i < processors.size(); i++) {
            if (validates(processors.get(i).get(), config)) {
                processors.set(i, PostProcessingOnly::new);
                return true;
            }
        }
        return false;
    }

    private static boolean validates(com.github.javaparser.Processor processor, ParserConfiguration config) {
        CompilationUnit probe = new CompilationUnit();
        probe.addClass("Probe", com.github.javaparser.ast.Modifier.Keyword.PRIVATE);
        ParseResult<CompilationUnit> result = new ParseResult<>(probe, new java.util.ArrayList<>(), null);
        try {
            processor.postProcess(result, config);
        } catch (RuntimeException e) {
            return false; // a processor that needs a real parse (tokens, comments) is not the validator
        }
        return !result.getProblems().isEmpty();
    }

    /** What the Java 25 level does after a parse, less the validation. */
    private static final class PostProcessingOnly extends com.github.javaparser.Processor {
        private final com.github.javaparser.ast.validator.postprocessors.PostProcessors post =
                new com.github.javaparser.ast.validator.postprocessors.Java25PostProcessor();

        @Override
        public void postProcess(
                ParseResult<? extends com.github.javaparser.ast.Node> result, ParserConfiguration configuration) {
            post.postProcess(result, configuration);
        }
    }

    /**
     * Analyses one file; never throws. Main files keep their bytes for the unit's source hash;
     * test files do not need them.
     *
     * @param charset the project's source encoding; a file that does not decode under it is a
     *     problem naming the file, the charset and the byte offset
     */
    Result read(SourceWalker.Found found, boolean test, Charset charset) {
        return read(found, test, charset, FactCache.NONE);
    }

    /**
     * As {@link #read(SourceWalker.Found, boolean, Charset)}, taking the facts from {@code cache}
     * when it holds them for these bytes, and keeping them there when it does not. A file that
     * cannot be read or is too large is not cached: it is looked at again every run.
     */
    Result read(SourceWalker.Found found, boolean test, Charset charset, FactCache cache) {
        String rel = found.relPath();
        if (found.size() > MAX_FILE_BYTES) {
            return tooLarge(found, test, found.size(), readHead(found.file()));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(found.file());
        } catch (IOException | RuntimeException e) {
            ParseProblem p = new ParseProblem(rel, 0, 0, "cannot read file: " + oneLine(e.toString()));
            return new Result(found, test, directoryPackage(found), null, false, 0, p, null);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return tooLarge(found, test, bytes.length, bytes);
        }
        byte[] kept = test ? null : bytes;
        if (!cache.enabled()) {
            return analyse(found, test, charset, bytes, kept);
        }
        String key = cache.key(rel, test, charset, bytes);
        if (!cache.mayHold(bytes)) {
            cache.withhold(key);
            return analyse(found, test, charset, bytes, kept);
        }
        Optional<FactCache.Entry> cached = cache.get(key);
        if (cached.isPresent()) {
            FactCache.Entry e = cached.get();
            return new Result(found, test, e.packageName(), kept, false, e.lines(), e.problem(), e.facts());
        }
        Result r = analyse(found, test, charset, bytes, kept);
        cache.put(key, new FactCache.Entry(r.packageName(), r.lines(), r.problem(), r.facts()));
        return r;
    }

    /** Decodes, parses and collects the facts of a file's bytes. */
    private Result analyse(SourceWalker.Found found, boolean test, Charset charset, byte[] bytes, byte[] kept) {
        String rel = found.relPath();
        int lines = countLines(bytes);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // at most maxCharsPerByte chars per byte (1 for UTF-8 and the single-byte charsets), so
        // the whole file decodes in one call; the files are at most MAX_FILE_BYTES
        CharBuffer chars = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult cr = decoder.decode(in, chars, true);
        if (!cr.isError()) {
            cr = decoder.flush(chars);
        }
        if (cr.isError()) {
            int offset = in.position();
            ParseProblem p = new ParseProblem(
                    rel,
                    lineAt(bytes, offset),
                    0,
                    "not valid " + charset.name() + " (" + (cr.isMalformed() ? "malformed" : "unmappable")
                            + " byte sequence at byte offset " + offset + "); save the file as " + charset.name()
                            + " or set project.build.sourceEncoding to its encoding");
            String head = new String(bytes, 0, Math.min(bytes.length, PACKAGE_SCAN_BYTES), StandardCharsets.ISO_8859_1);
            return new Result(found, test, packageOf(head, found), kept, false, lines, p, null);
        }
        chars.flip();
        if (chars.hasRemaining() && chars.charAt(0) == '\uFEFF') {
            chars.position(1);
        }
        String text = chars.toString();
        try {
            ParseResult<CompilationUnit> result = parser().parse(text);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                ParseProblem p = firstProblem(rel, result.getProblems());
                return new Result(found, test, packageOf(text, found), kept, false, lines, p, null);
            }
            Collection<Comment> comments = result.getCommentsCollection()
                    .map(CommentsCollection::getComments)
                    .map(c -> (Collection<Comment>) c)
                    .orElse(List.of());
            FileFacts facts = FactCollector.collect(result.getResult().get(), comments, rel, test);
            return new Result(found, test, facts.packageName(), kept, false, lines, null, facts);
        } catch (StackOverflowError e) {
            ParseProblem p = new ParseProblem(rel, 0, 0, "nested too deeply to analyse");
            return new Result(found, test, packageOf(text, found), kept, false, lines, p, null);
        } catch (RuntimeException e) {
            ParseProblem p = new ParseProblem(rel, 0, 0, "analysis failed: " + oneLine(e.toString()));
            return new Result(found, test, packageOf(text, found), kept, false, lines, p, null);
        }
    }

    private Result tooLarge(SourceWalker.Found found, boolean test, long size, byte[] head) {
        ParseProblem p = new ParseProblem(
                found.relPath(),
                0,
                0,
                "file too large to parse (" + size + " bytes, limit " + (MAX_FILE_BYTES / (1024 * 1024))
                        + " MiB); skipped");
        String headText = new String(head, 0, Math.min(head.length, PACKAGE_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        // the bytes are not kept: the unit's hash streams the file when it gets to it
        return new Result(found, test, packageOf(headText, found), null, true, 0, p, null);
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PACKAGE_SCAN_BYTES);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static ParseProblem firstProblem(String rel, List<Problem> problems) {
        if (problems.isEmpty()) {
            return new ParseProblem(rel, 0, 0, "could not be parsed");
        }
        Problem first = problems.get(0);
        int line = 0;
        int column = 0;
        var begin = first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin);
        if (begin.isPresent()) {
            line = begin.get().line;
            column = begin.get().column;
        } else {
            // lexical errors carry their position only in the message
            Matcher m = LEXICAL_POSITION.matcher(first.getMessage());
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
        }
        return new ParseProblem(rel, line, column, Text.truncate(oneLine(first.getMessage()), MAX_MESSAGE));
    }

    private static String oneLine(String s) {
        return Text.oneLine(s == null ? "" : s);
    }

    /** The declared package of text that does not parse, else the directory's. */
    static String packageOf(String text, SourceWalker.Found found) {
        String head = text.length() > PACKAGE_SCAN_BYTES ? text.substring(0, PACKAGE_SCAN_BYTES) : text;
        Matcher m = PACKAGE.matcher(COMMENTS.matcher(head).replaceAll(" "));
        if (m.find()) {
            return m.group(1).replaceAll("\\s+", "");
        }
        return directoryPackage(found);
    }

    static String directoryPackage(SourceWalker.Found found) {
        Path dir = found.root().relativize(found.file()).getParent();
        return dir == null ? "" : dir.toString().replace('\\', '/').replace('/', '.');
    }

    static int countLines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
