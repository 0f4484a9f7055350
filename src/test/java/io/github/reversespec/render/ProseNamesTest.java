package io.github.reversespec.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.spec.CodeNames;
import io.github.reversespec.spec.Prose;
import io.github.reversespec.spec.Section;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProseNamesTest {

    @Test
    void namesComeFromInlineCodeOnlyNotFromCodeBlocksOrPlainText() {
        String md = """
                The `Store#put()` method writes; Store alone in text is not looked up.

                | Type | Role |
                |---|---|
                | `Cache` | `-Dx=1` |

                ```java
                Frobnicator f = new Frobnicator();
                ```
                """;
        Prose checked =
                ProseNames.verify(new Prose("m", Map.of(Section.BEHAVIOR, md)), CodeNames.reactorWide(List.of()));
        assertThat(checked.names()).containsExactly("Store#put()", "Cache");
    }

    @Test
    void anUnresolvedNameIsMarkedWhereverItStandsAndNothingElseChanges() {
        String md = """
                Call `flush()` first, then `Store#put()`; `flush()` again.

                | Type | Role |
                |---|---|
                | `Cache` | keeps `Store` |
                """;
        String marked = ProseNames.mark(md, Set.of("flush()", "Cache"));
        assertThat(marked).isEqualTo("""
                        Call `flush()`%1$s first, then `Store#put()`; `flush()`%1$s again.

                        | Type | Role |
                        |---|---|
                        | `Cache`%1$s | keeps `Store` |
                        """.formatted(ProseNames.MARK));
        assertThat(ProseNames.mark(md, Set.of())).isSameAs(md);
    }
}
