package io.github.reversespec.analysis;

/**
 * One place in a type's code that says something about its behaviour: a configuration lookup, a
 * {@code synchronized} block, a thread or executor created.
 *
 * @param member the simple name of the member whose body (or initialiser) holds it, or empty for a
 *     field initialiser or an annotation on a field
 * @param what the lookup or construct as a short label: {@code System.getProperty}, {@code
 *     System.getenv}, {@code getProperty}, {@code @Value}, {@code synchronized}, {@code new Thread},
 *     {@code Executors.newFixedThreadPool}
 * @param detail the key or lock as written: a string literal with its quotes ({@code "app.port"}),
 *     a constant's name ({@code PORT_KEY}, {@code Keys.PORT}), another expression cut when long;
 *     empty when there is none
 * @param line the line in the type's file
 */
public record CodeSite(String member, String what, String detail, int line) {

    public CodeSite {
        member = member == null ? "" : member;
        detail = detail == null ? "" : detail;
    }
}
