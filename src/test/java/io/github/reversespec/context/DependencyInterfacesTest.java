package io.github.reversespec.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.llm.TokenEstimator;
import io.github.reversespec.spec.SpecFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyInterfacesTest {

    private static final SecretRedactor REDACTOR = new SecretRedactor();

    @TempDir
    Path dir;

    @Test
    void aUnitGetsTheTypesOfADependencyItReferencesWithTheMembersItNames() {
        Units units = money(new Units(dir)).write("com/acme/shop/Cart.java", """
                        package com.acme.shop;

                        import com.acme.money.Money;

                        /** A cart. */
                        public final class Cart {
                            private Money total = Money.of("0");

                            public void add(String price) {
                                total = total.plus(Money.of(price));
                            }

                            public String currency() {
                                return com.acme.money.Currency.EUR.code();
                            }

                            public String show() {
                                return total.toString();
                            }
                        }
                        """);
        SpecFacts facts = units.facts("com.acme.shop");

        String user = single(facts, units.root(), 32_000);

        String deps = user.substring(user.indexOf("<dependencies>"), user.indexOf("</dependencies>"));
        // The dependency's types in its own order (its files by path), each with the members the unit names.
        assertThat(deps)
                .contains("- app:com.acme.money: Keeps money arithmetic exact. [llm]\n"
                        + "  public enum Currency\n"
                        + "    EUR\n"
                        + "    public String code()\n"
                        + "    (1 other public member this unit does not name)\n"
                        + "  public final class Money\n"
                        + "    public static Money of(String amount)\n"
                        + "    public Money plus(Money other)\n"
                        + "    (3 other public members this unit does not name)\n")
                .doesNotContain("minus")
                .doesNotContain("Ledger")
                .doesNotContain("GBP")
                .doesNotContain("rate()")
                // Every type has toString(): naming it tells nothing, so it is only counted.
                .doesNotContain("toString");
    }

    @Test
    void anOnDemandImportBringsInTheTypesWhoseNamesTheCodeUsesAndTheirConstructors() {
        Units units = money(new Units(dir)).write("com/acme/shop/Till.java", """
                package com.acme.shop;

                import com.acme.money.*;

                /** A till. */
                public final class Till {
                    private final Ledger ledger = new Ledger();
                }
                """);

        String user = single(units.facts("com.acme.shop"), units.root(), 32_000);

        assertThat(user)
                .contains("  public class Ledger\n    public Ledger()\n    (1 other public member")
                .doesNotContain("class Money")
                .doesNotContain("enum Currency");
    }

    @Test
    void theInterfaceIsCutBeforeTheUnitsOwnCodeAndSaysWhatIsLeftOut() {
        Units units = new Units(dir).analysedDependency("com.acme.wide", "Many operations.", "llm");
        StringBuilder wide = new StringBuilder("package com.acme.wide;\n/** Wide. */\npublic class Wide {\n");
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            wide.append("    public static int operationNumber").append(i).append("(int value) { return value; }\n");
            calls.append("        x += Wide.operationNumber").append(i).append("(x);\n");
        }
        units.write("com/acme/wide/Wide.java", wide.append("}\n").toString());
        units.write(
                "com/acme/user/User.java",
                "package com.acme.user;\n\nimport com.acme.wide.Wide;\n\n/** Uses it all. */\npublic class User {\n"
                        + "    public int run(int x) {\n" + calls + "        return x; // END_OF_USER\n    }\n}\n");
        SpecFacts facts = units.facts("com.acme.user");

        String roomy = single(facts, units.root(), 64_000);
        assertThat(roomy)
                .contains("public static int operationNumber399(int value)")
                .contains("END_OF_USER");

        // Enough for the code and part of the interface: the code is whole, the interface says what it cuts.
        String tight = single(facts, units.root(), 9_000);
        assertThat(tight).contains("END_OF_USER").doesNotContain("[… cut: lines");
        assertThat(tight).containsPattern("    … and \\d+ more lines of the interface this unit references");
        assertThat(tight).doesNotContain("public static int operationNumber399(int value)");

        // No room beyond the code: the interface goes first, and is counted.
        String tighter = single(facts, units.root(), 5_600);
        assertThat(tighter).doesNotContain("public class Wide");
        assertThat(tighter)
                .contains(
                        "… and the interfaces this unit references of 1 more dependencies (1 types), not shown for room");
    }

    @Test
    void aCredentialInADependencysSignatureIsRedacted() {
        String token = "gh" + "p_" + "PlantedPlantedPlantedPlanted123456789";
        Units units = new Units(dir).analysedDependency("com.acme.keys", "Keys.", "llm");
        units.write("com/acme/keys/Keys.java", """
                package com.acme.keys;
                /** Keys. */
                public final class Keys {
                    public static final String TOKEN = "%s";
                }
                """.formatted(token));
        units.write("com/acme/app/App.java", """
                package com.acme.app;
                import com.acme.keys.Keys;
                /** App. */
                public class App {
                    String t = Keys.TOKEN;
                }
                """);

        String user = single(units.facts("com.acme.app"), units.root(), 32_000);

        assertThat(user).contains("public static final String TOKEN").doesNotContain(token);
    }

    private static Units money(Units units) {
        return units.analysedDependency("com.acme.money", "Keeps money arithmetic exact.", "llm")
                .write("com/acme/money/Money.java", """
                        package com.acme.money;

                        /** Money. */
                        public final class Money {
                            private Money() {}

                            public static Money of(String amount) { return new Money(); }

                            public Money plus(Money other) { return this; }

                            public Money minus(Money other) { return this; }

                            public static final int SCALE = 2;

                            @Override
                            public String toString() { return "money"; }
                        }
                        """)
                .write("com/acme/money/Currency.java", """
                        package com.acme.money;

                        /** Currencies. */
                        public enum Currency {
                            EUR,
                            GBP;

                            public String code() { return name(); }

                            int rate() { return 1; }
                        }
                        """)
                .write("com/acme/money/Ledger.java", """
                        package com.acme.money;

                        /** A ledger. */
                        public class Ledger {
                            public Ledger() {}

                            public void post(Money amount) {}
                        }
                        """);
    }

    private static String single(SpecFacts facts, Path root, int contextTokens) {
        AssembledContext ctx = new ContextAssembler(contextTokens, 1_000, REDACTOR).assemble(facts, root, "English");
        assertThat(ctx.split()).as("one request at %d", contextTokens).isFalse();
        ModelPrompt prompt = ctx.parts().get(0);
        assertThat(TokenEstimator.estimate(prompt.system()) + TokenEstimator.estimate(prompt.user()) + 1_000)
                .isLessThanOrEqualTo(contextTokens);
        assertThat(prompt.user()).doesNotContain(ContextAssembler.GUARD_MARKER);
        return prompt.user();
    }
}
