package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.core.ConfigurationException;
import io.github.reversespec.generate.AstOnlyStep;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * specs/ and drift-logs/ must be real directories inside the execution root: a link that leads
 * out, or does not lead anywhere, is refused before any work, and nothing is written anywhere.
 */
class OutputDirsTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path outside;
    private TinyReactor tiny;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void reactor() throws Exception {
        root = Files.createDirectories(tmp.resolve("reactor"));
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        tiny = new TinyReactor(root);
    }

    private void assertRefused(String... messageParts) {
        assertThatThrownBy(() -> new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.ALL)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContainingAll(messageParts);
        assertThat(log.at("INFO")).as("refused before the analysis").noneMatch(l -> l.startsWith("Analysed"));
    }

    @Test
    void specsLinkedOutOfTheRootIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("specs"), outside);
        assertRefused("specs is a symbolic link to " + outside.toRealPath(), "outside the execution root");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aLinkThroughDotsIsJudgedByItsRealPath() throws Exception {
        Files.createSymbolicLink(root.resolve("specs"), Path.of("../elsewhere"));
        assertRefused("outside the execution root");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aDirectoryUnderSpecsLinkedOutIsRefused() throws Exception {
        Files.createDirectories(root.resolve("specs/core"));
        Files.createSymbolicLink(root.resolve("specs/core/deep"), outside);
        assertRefused("specs/core/deep is a symbolic link to " + outside.toRealPath());
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aCacheDirectoryLinkedOutIsRefusedAndALinkAmongItsEntriesIsReplacedNotFollowed() throws Exception {
        Path cache = Files.createDirectories(root.resolve("specs/.reverse-spec/cache"));
        Files.createSymbolicLink(cache.resolve("ab"), outside);
        assertRefused("specs/.reverse-spec/cache/ab is a symbolic link to " + outside.toRealPath());
        assertThat(outside).isEmptyDirectory();

        Files.delete(cache.resolve("ab"));
        Path bucket = Files.createDirectories(cache.resolve("ab"));
        Files.createSymbolicLink(bucket.resolve("cdef.smile"), outside);
        new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.ALL));
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void driftLogsLinkedOutIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("drift-logs"), outside);
        assertRefused("drift-logs is a symbolic link to", "outside the execution root");
    }

    @Test
    void theCheckpointsDirectoryLinkedOutIsRefused() throws Exception {
        Files.createDirectories(root.resolve("specs"));
        Files.createSymbolicLink(root.resolve("specs/state"), outside);
        BatchRequest r = tiny.request(RefreshMode.ALL);
        BatchRequest elsewhere = new BatchRequest(
                r.reactor(),
                Path.of("specs/state/checkpoint.json"),
                r.refresh(),
                r.selector(),
                false,
                1,
                1,
                r.generator());
        assertThatThrownBy(() -> new BatchRunner(new AstOnlyStep(), log).run(elsewhere))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("specs/state is a symbolic link to " + outside.toRealPath());
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aDanglingSpecsLinkSaysSo() throws Exception {
        Files.createSymbolicLink(root.resolve("specs"), tmp.resolve("gone"));
        assertRefused("specs is a symbolic link to " + tmp.resolve("gone"), "which does not exist");
        assertThat(tmp.resolve("gone")).doesNotExist();
    }

    @Test
    void aSpecsLinkLoopSaysSo() throws Exception {
        Files.createSymbolicLink(root.resolve("specs"), Path.of("specs"));
        assertRefused("specs is a symbolic link loop");
    }

    @Test
    void specsAsARegularFileSaysSo() throws Exception {
        Files.writeString(root.resolve("specs"), "not a directory");
        assertRefused("specs in " + root + " is a file, not a directory");
        assertThat(root.resolve("specs")).content().isEqualTo("not a directory");
    }

    @Test
    void aLinkThatStaysInsideTheRootIsFine() throws Exception {
        Path docs = Files.createDirectories(root.resolve("docs/specs"));
        Files.createSymbolicLink(root.resolve("specs"), docs);
        BatchResult result = new BatchRunner(new AstOnlyStep(), log).run(tiny.request(RefreshMode.ALL));
        assertThat(result.failed()).isEmpty();
        assertThat(docs.resolve("com.acme.app.spec.md")).exists();
        assertThat(docs.resolve("_index.spec.md")).content().contains("com.acme.app.spec.md", "com.acme.base.spec.md");
    }
}
