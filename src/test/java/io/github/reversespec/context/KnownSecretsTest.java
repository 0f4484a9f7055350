package io.github.reversespec.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownSecretsTest {

    private static final String KEY = "sk-test-9f8e7d6c5b4a3210fedcba";
    private static final KnownSecrets SECRETS = KnownSecrets.of(List.of(KEY));

    @Test
    void theValueItselfIsReplacedWherever() {
        assertThat(SECRETS.redact("static final String DEFAULT_KEY = \"" + KEY + "\"; // " + KEY))
                .isEqualTo("static final String DEFAULT_KEY = \"[REDACTED:api-key]\"; // [REDACTED:api-key]");
    }

    @Test
    void base64OfTheValueIsReplacedAtEveryAlignment() {
        for (String prefix : List.of("", "u:", "us:", "user:", "Bearer ")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + KEY).getBytes(StandardCharsets.UTF_8));
            String redacted = SECRETS.redact("Authorization: Basic " + encoded + " end");
            assertThat(redacted).as(prefix).isEqualTo("Authorization: Basic [REDACTED:api-key] end");
            String urlSafe = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((prefix + KEY + "?").getBytes(StandardCharsets.UTF_8));
            assertThat(SECRETS.redact("(" + urlSafe + ")")).as(prefix).isEqualTo("([REDACTED:api-key])");
        }
    }

    @Test
    void hexAndUrlEncodingsAreReplaced() {
        String hex = HexFormat.of().formatHex(KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(SECRETS.redact("k=" + hex)).isEqualTo("k=[REDACTED:api-key]");
        assertThat(SECRETS.redact("k=" + hex.toUpperCase())).isEqualTo("k=[REDACTED:api-key]");
        KnownSecrets odd = KnownSecrets.of(List.of("p@ss word/with+chars"));
        assertThat(odd.redact("?key=" + URLEncoder.encode("p@ss word/with+chars", StandardCharsets.UTF_8)))
                .isEqualTo("?key=[REDACTED:api-key]");
    }

    @Test
    void textWithoutTheKeyIsReturnedUnchanged() {
        String text = "String apiKey = System.getenv(\"OPENAI_API_KEY\"); // c2stdGVzdA== is not it";
        assertThat(SECRETS.redact(text)).isSameAs(text);
        assertThat(KnownSecrets.none().redact(text)).isSameAs(text);
        assertThat(SECRETS.redact(null)).isNull();
    }

    @Test
    void shortDummyKeysAndBlanksAreNotSecrets() {
        KnownSecrets dummies = KnownSecrets.of(java.util.Arrays.asList("ollama", " ", null, "none"));
        assertThat(dummies.isEmpty()).isTrue();
        assertThat(dummies.redact("served by ollama")).isEqualTo("served by ollama");
    }

    @Test
    void aValueInsideAnotherIsReplacedWhole() {
        KnownSecrets both = KnownSecrets.of(List.of("abcdefgh", "abcdefgh-longer-key"));
        assertThat(both.redact("x abcdefgh-longer-key y abcdefgh"))
                .isEqualTo("x [REDACTED:api-key] y [REDACTED:api-key]");
    }

    @Test
    void neverShowsTheValues() {
        assertThat(SECRETS.toString()).doesNotContain(KEY);
    }
}
