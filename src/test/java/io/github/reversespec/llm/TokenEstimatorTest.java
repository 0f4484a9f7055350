package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    private static final String JAVA = """
            package com.acme.shop;

            import java.math.BigDecimal;
            import java.util.List;

            /** The bill sent to a customer. */
            public final class Invoice {
                private final List<Line> lines;

                public BigDecimal total() {
                    return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                }
            }
            """;

    @Test
    void countsOneTokenPerThreeAsciiCharactersRoundedUp() {
        assertThat(TokenEstimator.estimate(null)).isZero();
        assertThat(TokenEstimator.estimate("")).isZero();
        assertThat(TokenEstimator.estimate("a")).isEqualTo(1);
        assertThat(TokenEstimator.estimate("abc")).isEqualTo(1);
        assertThat(TokenEstimator.estimate("abcd")).isEqualTo(2);
        assertThat(TokenEstimator.estimate(JAVA)).isEqualTo((JAVA.length() + 2) / 3);
    }

    @Test
    void isAboveWhatCodeTokenizersProduce() {
        // Tokenizers average 3.2 to 3.6 characters per token on Java; the estimate must not be lower.
        assertThat(TokenEstimator.estimate(JAVA)).isGreaterThanOrEqualTo((int) Math.ceil(JAVA.length() / 3.2));
    }

    @Test
    void countsNonAsciiCodePointsByTheirUtf8Length() {
        // Two-byte letters one token, three-byte (CJK) two, four-byte (emoji) three: byte-level
        // tokenizers split rare characters into up to one token per byte.
        assertThat(TokenEstimator.estimate("café")).isEqualTo(1 + 1);
        assertThat(TokenEstimator.estimate("Привет")).isEqualTo(6);
        assertThat(TokenEstimator.estimate("日本語")).isEqualTo(6);
        assertThat(TokenEstimator.estimate("\uD83D\uDE00")).isEqualTo(3); // one emoji, two chars
    }

    @Test
    void aRequestAddsItsFramingToBothMessages() {
        assertThat(TokenEstimator.estimateRequest("abc", "abcdef")).isEqualTo(1 + 2 + TokenEstimator.REQUEST_FRAMING);
        assertThat(TokenEstimator.estimateRequest("", "a")).isEqualTo(1 + TokenEstimator.REQUEST_FRAMING);
    }

    @Test
    void isSubAdditiveSoPiecesNeverUnderEstimateTheWhole() {
        String[] pieces = {"a", "bc", "défg", "日本", "hijklmn", "\uD83D\uDE00x", JAVA};
        for (String a : pieces) {
            for (String b : pieces) {
                assertThat(TokenEstimator.estimate(a + b))
                        .isLessThanOrEqualTo(TokenEstimator.estimate(a) + TokenEstimator.estimate(b));
            }
        }
    }

    @Test
    void prefixLengthIsTheLongestPrefixWithinTheTokens() {
        assertThat(TokenEstimator.prefixLength("abcdefg", 2)).isEqualTo(6);
        assertThat(TokenEstimator.prefixLength("abcdefg", 0)).isZero();
        assertThat(TokenEstimator.prefixLength("abc", 10)).isEqualTo(3);
        assertThat(TokenEstimator.prefixLength("ab\uD83D\uDE00cd", 1)).isEqualTo(2); // never half an emoji
        for (int t = 0; t < 40; t++) {
            int n = TokenEstimator.prefixLength(JAVA, t);
            assertThat(TokenEstimator.estimate(JAVA.substring(0, n))).isLessThanOrEqualTo(t);
            assertThat(TokenEstimator.estimate(JAVA.substring(0, Math.min(JAVA.length(), n + 1))))
                    .isGreaterThan(t);
        }
    }
}
