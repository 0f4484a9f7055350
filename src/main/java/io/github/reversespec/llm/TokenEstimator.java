package io.github.reversespec.llm;

/**
 * A cheap, conservative estimate of how many tokens a model's tokenizer makes of a text: it is
 * meant to err high, because the prompts are sized by it (a request must never exceed the context
 * window because the estimate was low) and the token budget reserves by it (a request must never
 * pass the budget because the estimate was low).
 *
 * <p>The rule, by character class:
 *
 * <ul>
 *   <li>ASCII: one token per three characters, rounded up. BPE tokenizers (cl100k, o200k,
 *       Claude's) average about 3.2 to 3.6 characters per token on Java source and 4 or more on
 *       English prose, so three over-estimates ordinary code by 5 to 20 percent. Runs of spaces
 *       (indentation) are merged by real tokenizers and counted in full here, so they only raise
 *       the estimate.
 *   <li>A code point of two UTF-8 bytes (accented Latin, Greek, Cyrillic, Hebrew, Arabic): one
 *       token. Real tokenizers often merge such letters with their neighbours; none makes more
 *       than one token of a common one.
 *   <li>A code point of three UTF-8 bytes (CJK, most other scripts, symbols): two tokens.
 *       Byte-level tokenizers give common CJK characters one token and rarer ones two or three (one
 *       per byte at worst); Chinese and Japanese text averages 1 to 1.5 tokens per character, so
 *       two errs high, where one per character (this class's earlier rule) could err low.
 *   <li>A code point of four UTF-8 bytes (emoji, rare ideographs; a surrogate pair in Java):
 *       three tokens, as emoji usually are two or three.
 * </ul>
 *
 * <p>What it can still under-count is text that tokenizes worse than three characters a token
 * (long hex or base64 literals, minified data); such text is rare in source packages, the
 * answer's {@code max_tokens} a request reserves is usually mostly unused, and the budget charges
 * the usage servers report, not the estimate, wherever there is one.
 *
 * <p>The estimate is sub-additive: {@code estimate(a + b) <= estimate(a) + estimate(b)}, so
 * summing the estimates of pieces never under-estimates the text they make up.
 */
public final class TokenEstimator {

    /** ASCII characters per token assumed. */
    public static final int CHARS_PER_TOKEN = 3;

    private TokenEstimator() {}

    /**
     * Tokens a chat request's framing adds to its messages (role markers, separators, the priming of
     * the reply): OpenAI documents 3 per message and 3 for the reply; this rounds up for two
     * messages and for providers that add a little more.
     */
    public static final int REQUEST_FRAMING = 16;

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
            } else {
                other += weight(c);
            }
        }
        long tokens = (ascii + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + other;
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /**
     * The estimated input tokens of a request with these system and user messages: both texts and
     * the {@link #REQUEST_FRAMING}, the prompt side of what a provider bills.
     */
    public static long estimateRequest(CharSequence system, CharSequence user) {
        return (long) estimate(system) + estimate(user) + REQUEST_FRAMING;
    }

    /**
     * The tokens one non-ASCII char adds: by the UTF-8 length of its code point (see the class
     * comment). A surrogate pair counts once, on its high half.
     */
    private static int weight(char c) {
        if (Character.isLowSurrogate(c)) {
            return 0;
        }
        if (Character.isHighSurrogate(c)) {
            return 3;
        }
        return c < 0x800 ? 1 : 2;
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
            } else {
                other += weight(c);
            }
            if ((ascii + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + other > tokens) {
                // Low surrogates never add to the count, so the cut never falls inside a pair.
                return i;
            }
        }
        return length;
    }
}
