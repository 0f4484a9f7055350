package io.github.reversespec.llm;

/**
 * A cheap, conservative estimate of how many tokens a model's tokenizer makes of a text.
 *
 * <p>The rule: one token per three ASCII characters, rounded up, plus one token per non-ASCII
 * code point. BPE tokenizers (cl100k, o200k, Claude's) average about 3.2 to 3.6 characters per
 * token on Java source and 4 or more on English prose, so three characters per token
 * over-estimates ordinary code by 5 to 20 percent, which is the point: a request must never
 * exceed the context window because the estimate was low. Non-ASCII text (accented prose, CJK,
 * emoji) is often one or more tokens per code point, hence one token each. Indentation makes
 * the estimate larger still (runs of spaces are merged by real tokenizers), never smaller.
 *
 * <p>The estimate is sub-additive: {@code estimate(a + b) <= estimate(a) + estimate(b)}, so
 * summing the estimates of pieces never under-estimates the text they make up.
 */
public final class TokenEstimator {

    /** ASCII characters per token assumed. */
    public static final int CHARS_PER_TOKEN = 3;

    private TokenEstimator() {}

    /** The estimated token count of {@code text}; 0 for {@code null} or empty text. */
    public static int estimate(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        long ascii = 0;
        long other = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                ascii++;
            } else if (!Character.isLowSurrogate(c)) {
                // A surrogate pair is one code point: count its high half only.
                other++;
            }
        }
        long tokens = (ascii + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + other;
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /**
     * The length of the longest prefix of {@code text} whose estimate is at most {@code tokens},
     * never splitting a surrogate pair.
     */
    public static int prefixLength(CharSequence text, int tokens) {
        if (tokens <= 0) {
            return 0;
        }
        long ascii = 0;
        long other = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                ascii++;
            } else if (!Character.isLowSurrogate(c)) {
                other++;
            }
            if ((ascii + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + other > tokens) {
                // Low surrogates never add to the count, so the cut never falls inside a pair.
                return i;
            }
        }
        return length;
    }
}
