package io.github.reversespec.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.llm.TokenEstimator;
import io.github.reversespec.spec.Section;
import io.github.reversespec.spec.SpecFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextAssemblerTest {

    private static final SecretRedactor REDACTOR = new SecretRedactor();

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ one request

    @Test
    void smallUnitIsOneRequestWithInstructionSkeletonDependenciesThenCode() {
        Units units = shop(new Units(dir));
        SpecFacts facts = units.facts("com.acme.shop");

        AssembledContext ctx = new ContextAssembler(32_000, 4_000, REDACTOR).assemble(facts, units.root(), "Deutsch");

        assertThat(ctx.parts()).hasSize(1);
        assertThat(ctx.merge()).isNull();
        assertThat(ctx.split()).isFalse();
        ModelPrompt prompt = ctx.parts().get(0);
        assertThat(ctx.estimatedTokens()).isEqualTo(prompt.estimatedTokens());

        assertThat(prompt.system()).contains("Write in Deutsch.");
        for (Section section : Section.values()) {
            assertThat(prompt.system()).contains(section.heading());
        }
        assertThat(prompt.system()).contains("front matter").contains("HTML").contains("signatures");

        String user = prompt.user();
        assertThat(user)
                .contains("package: com.acme.shop")
                .contains("public final class Invoice")
                .contains("The bill sent to a customer.")
                .contains("public BigDecimal total()")
                .contains("- app:com.acme.money: Keeps money arithmetic exact. [llm]")
                .contains("external packages: java.math, java.util")
                .contains("return amount.multiply(BigDecimal.valueOf(quantity));")
                .contains("TODO");
        int skeleton = user.indexOf("<skeleton>");
        int deps = user.indexOf("<dependencies>");
        int firstSource = user.indexOf("<source ");
        assertThat(skeleton).isNotNegative().isLessThan(deps);
        assertThat(deps).isLessThan(firstSource);
        // Files with exported types come first.
        assertThat(user.indexOf("<source path=\"src/main/java/com/acme/shop/Invoice.java\">"))
                .isNotNegative()
                .isLessThan(user.indexOf("<source path=\"src/main/java/com/acme/shop/Rounding.java\">"));
        assertWithinBudget(ctx, 32_000, 4_000);
    }

    @Test
    void dependencySummariesAreIncludedButNeverTheirSource() {
        Units units = shop(new Units(dir));
        units.write("com/acme/money/Money.java", """
                package com.acme.money;
                /** Money. */
                public final class Money {
                    public static String marker() { return "DEPENDENCY_BODY_MARKER"; }
                }
                """);
        SpecFacts facts = units.facts("com.acme.shop");

        for (int context : new int[] {2_000, 6_000, 32_000}) {
            AssembledContext ctx =
                    new ContextAssembler(context, 500, REDACTOR).assemble(facts, units.root(), "English");
            String all = everything(ctx);
            assertThat(all).doesNotContain("DEPENDENCY_BODY_MARKER").doesNotContain("class Money");
            assertThat(all).contains("Keeps money arithmetic exact.");
        }
    }

    @Test
    void codeThatDoesNotFitIsCutAtALineBoundaryWithAMarker() {
        Units units = new Units(dir);
        StringBuilder body = new StringBuilder("package com.acme.big;\n/** Big. */\npublic class Big {\n");
        body.append("    public int run(int i) {\n        int total = 0;\n");
        for (int i = 0; i < 5_000; i++) {
            body.append("        total += i * ")
                    .append(i)
                    .append("; // step ")
                    .append(i)
                    .append('\n');
        }
        body.append("        return total;\n    }\n}\n");
        units.write("com/acme/big/Big.java", body.toString());

        AssembledContext ctx = new ContextAssembler(4_000, 1_000, REDACTOR)
                .assemble(units.facts("com.acme.big"), units.root(), "English");

        assertThat(ctx.parts()).hasSize(1);
        String user = ctx.parts().get(0).user();
        Matcher cut = Pattern.compile("\\[… cut: lines (\\d+)-5008 of 5008 not shown]\n</source>")
                .matcher(user);
        assertThat(cut.find()).isTrue();
        int firstHidden = Integer.parseInt(cut.group(1));
        // The last line shown is the one before the first line hidden, whole.
        assertThat(user).contains("total += i * " + (firstHidden - 7) + "; // step " + (firstHidden - 7) + "\n[… cut:");
        assertWithinBudget(ctx, 4_000, 1_000);
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void plantedSecretsReachNoPromptWhereverTheyArePlanted() {
        List<String> secrets = List.of(
                "hunter2-planted",
                "AKIA" + "ZZZZPLANTED12345",
                "gh" + "p_" + "PlantedPlantedPlantedPlanted123456789",
                "sk-" + "ant-" + "api03-PlantedPlantedPlantedPlanted",
                "sk" + "_live_" + "PlantedPlanted123456",
                "T0PLANTED/B0PLANTED/PlantedWebhookPath",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.plantedSignature",
                "MIIEplantedPEMbodyMIIEplantedPEMbodyMIIEplantedPEMbodyMIIEplantedPEMbodyXYZ",
                "dbpass-in-url",
                "sk-" + "proj-" + "PlantedPlantedPlantedPlanted1234",
                "annotation-default-secret",
                "xo" + "xb-" + "planted-slack-token-value");
        Units units = new Units(dir)
                .description("Billing; deploy key " + "sk" + "_live_" + "PlantedPlanted123456")
                .dependency(
                        "com.acme.money",
                        "Uses " + "sk-" + "proj-" + "PlantedPlantedPlantedPlanted1234" + " to price things.",
                        "llm");
        units.write("com/acme/vault/package-info.java", """
                /** Talks to https://hooks.slack.com/services/T0PLANTED/B0PLANTED/PlantedWebhookPath for alerts. */
                package com.acme.vault;
                """);
        units.write("com/acme/vault/Vault.java", """
                package com.acme.vault;

                /** Opens the vault with token ghp_PlantedPlantedPlantedPlanted123456789 for now. */
                public class Vault {
                    private String dbPassword = "hunter2-planted";
                    private static final String URL = "jdbc:mysql://root:dbpass-in-url@db:3306/app";
                    // TODO drop eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.plantedSignature before release
                    private static final String KEY = \"""
                        -----BEGIN RSA PRIVATE KEY-----
                        MIIEplantedPEMbodyMIIEplantedPEMbodyMIIEplantedPEMbodyMIIEplantedPEMbodyXYZ
                        -----END RSA PRIVATE KEY-----
                        \""";

                    /** Uses AKIAZZZZPLANTED12345 as the access key. */
                    public String open(String who) {
                        return who + dbPassword;
                    }
                }
                """.replace("ghp_", "gh" + "p_"));
        units.write(
                "com/acme/vault/Env.java", """
                package com.acme.vault;
                /** Environments. */
                public enum Env {
                    PROD("sk-ant-api03-PlantedPlantedPlantedPlanted"),
                    TEST("xoxb-planted-slack-token-value");
                    private final String apiKey;
                    Env(String apiKey) { this.apiKey = apiKey; }
                }
                """.replace("sk-ant", "sk-" + "ant").replace("xoxb", "xo" + "xb"));
        units.write("com/acme/vault/Secured.java", """
                package com.acme.vault;
                /** Marks secured calls. */
                public @interface Secured {
                    String password() default "annotation-default-secret";
                }
                """);
        SpecFacts facts = units.facts("com.acme.vault");
        List<String> notes = List.of("Part one mentions hunter2-planted.", "Part two: AKIA" + "ZZZZPLANTED12345.");

        for (int context : new int[] {2_000, 3_000, 32_000}) {
            ContextAssembler assembler = new ContextAssembler(context, 500, REDACTOR);
            AssembledContext ctx = assembler.assemble(facts, units.root(), "English");
            List<String> texts = new ArrayList<>();
            texts.add(everything(ctx));
            if (ctx.split()) {
                ModelPrompt filled = assembler.fillMerge(ctx.merge(), notes);
                texts.add(filled.system() + filled.user());
            }
            for (String text : texts) {
                for (String secret : secrets) {
                    assertThat(text).as("contextTokens=%d", context).doesNotContain(secret);
                }
            }
            assertWithinBudget(ctx, context, 500);
        }
        // The skeleton still shows the code's shape around what was removed.
        String whole = everything(new ContextAssembler(32_000, 500, REDACTOR).assemble(facts, units.root(), "en"));
        assertThat(whole)
                .contains("private String dbPassword = \"[REDACTED:password]\";")
                .contains("Opens the vault with token [REDACTED:github-token] for now.")
                .contains("jdbc:mysql://root:[REDACTED:url-password]@db:3306/app");
    }

    // ------------------------------------------------------------------ large units

    @Test
    void threeHundredFilesAreDescribedInPartsAndAMergeWithinTheBudget() {
        Units units = new Units(dir).dependency("com.acme.money", "Keeps money arithmetic exact.", "llm");
        for (int i = 0; i < 300; i++) {
            units.write("com/acme/many/Service" + i + ".java", service(i));
        }
        SpecFacts facts = units.facts("com.acme.many");
        ContextAssembler assembler = new ContextAssembler(8_000, 1_000, REDACTOR);

        AssembledContext ctx = assembler.assemble(facts, units.root(), "Français");

        assertThat(ctx.split()).isTrue();
        assertThat(ctx.parts()).hasSizeGreaterThan(3);
        assertWithinBudget(ctx, 8_000, 1_000);
        String parts =
                String.join("\n", ctx.parts().stream().map(ModelPrompt::user).toList());
        for (int i = 0; i < 300; i++) {
            assertThat(parts).contains("public class Service" + i + " ");
        }
        for (int i = 0; i < ctx.parts().size(); i++) {
            ModelPrompt part = ctx.parts().get(i);
            assertThat(part.system()).contains("in Français").contains("### Behavior");
            assertThat(part.user())
                    .contains("part " + (i + 1) + " of " + ctx.parts().size());
            int skeleton = part.user().indexOf("<skeleton>");
            int source = part.user().indexOf("<source ");
            assertThat(skeleton).isNotNegative();
            if (source >= 0) {
                assertThat(skeleton).isLessThan(source);
            }
        }
        ModelPrompt merge = ctx.merge();
        assertThat(merge.system()).contains("Write in Français.").contains(Section.TECHNICAL_DEBT.heading());
        assertThat(merge.user())
                .contains(ContextAssembler.PART_NOTES_PLACEHOLDER)
                .contains("Keeps money arithmetic exact.")
                .contains("public class Service0 ")
                .doesNotContain("<source");
        int budget = assembler.partNotesBudget(merge);
        assertThat(budget).isGreaterThan(1_000);

        List<String> notes = new ArrayList<>();
        for (int i = 0; i < ctx.parts().size(); i++) {
            notes.add(i == 1 ? "short" : ("- note line about part " + i + "\n").repeat(2_000));
        }
        ModelPrompt filled = assembler.fillMerge(merge, notes);
        assertThat(filled.user())
                .doesNotContain(ContextAssembler.PART_NOTES_PLACEHOLDER)
                .doesNotContain(ContextAssembler.GUARD_MARKER)
                .contains("### Part 1 of " + notes.size())
                .contains("### Part 2 of " + notes.size() + "\nshort\n")
                .contains("- note line about part 0\n")
                .contains("[… cut to fit the context window]");
        assertFits(filled, 8_000, 1_000);
    }

    @Test
    void aSingleHugeFileIsSpreadOverPartsByLineRanges() {
        Units units = new Units(dir);
        StringBuilder code = new StringBuilder("package com.acme.huge;\n\n/** Huge. */\npublic class Huge {\n");
        // Few comments: JavaParser's comment attribution is slow on thousands of them in one type.
        for (int m = 0; m < 1_500; m++) {
            code.append("    /** Step ").append(m).append(". */\n");
            code.append("    public int step").append(m).append("(int value) {\n");
            for (int l = 0; l < 24; l++) {
                code.append("        value = value * 31 + ")
                        .append(m * 31 + l)
                        .append("; value ^= (value >>> 7) + ")
                        .append(l)
                        .append(";\n");
            }
            code.append("        return value;\n    }\n");
        }
        code.append("}\n");
        assertThat(code.length()).isGreaterThan(2_000_000);
        units.write("com/acme/huge/Huge.java", code.toString());
        SpecFacts facts = units.facts("com.acme.huge");

        AssembledContext ctx = new ContextAssembler(16_000, 2_000, REDACTOR).assemble(facts, units.root(), "English");

        assertThat(ctx.split()).isTrue();
        assertWithinBudget(ctx, 16_000, 2_000);
        assertThat(ctx.parts().get(0).user())
                .contains("file src/main/java/com/acme/huge/Huge.java")
                .contains("<source path=\"src/main/java/com/acme/huge/Huge.java\" lines=\"1-");
        assertThat(ctx.parts().get(1).user()).contains("Huge.java (").contains("(continued)");
        String all =
                String.join("\n", ctx.parts().stream().map(ModelPrompt::user).toList());
        assertThat(all).contains("public int step0(int value)").contains("public int step1499(int value)");
        // The second part's code starts where its skeleton starts, not at the top of the file.
        Matcher range = Pattern.compile("lines=\"(\\d+)-(\\d+) of (\\d+)\"")
                .matcher(ctx.parts().get(1).user());
        assertThat(range.find()).isTrue();
        assertThat(Integer.parseInt(range.group(1))).isGreaterThan(1);
    }

    @ParameterizedTest
    @CsvSource({"2000, 500", "2500, 1000", "5000, 4000"})
    void smallWindowsAreRespectedForSmallAndLargeUnits(int context, int reserved) {
        Units units = shop(new Units(dir));
        for (int i = 0; i < 300; i++) {
            units.write("com/acme/many/Service" + i + ".java", service(i));
        }
        ContextAssembler assembler = new ContextAssembler(context, reserved, REDACTOR);

        AssembledContext small = assembler.assemble(units.facts("com.acme.shop"), units.root(), "English");
        AssembledContext large = assembler.assemble(units.facts("com.acme.many"), units.root(), "English");

        assertWithinBudget(small, context, reserved);
        assertWithinBudget(large, context, reserved);
        assertThat(large.split()).isTrue();
        ModelPrompt filled = assembler.fillMerge(
                large.merge(), Collections.nCopies(large.parts().size(), "- a note\n".repeat(500)));
        assertFits(filled, context, reserved);
    }

    // ------------------------------------------------------------------ configuration

    @Test
    void aWindowTooSmallForTheInstructionIsAClearError() {
        Units units = shop(new Units(dir));
        SpecFacts facts = units.facts("com.acme.shop");

        assertThatThrownBy(() -> new ContextAssembler(1_000, 500, REDACTOR).assemble(facts, units.root(), "English"))
                .isInstanceOf(PromptBudgetException.class)
                .hasMessageContaining("reverse-spec.contextTokens")
                .satisfies(e -> assertThat(e.getMessage())
                        .contains(String.valueOf(((PromptBudgetException) e).minimumContextTokens())));

        int minimum = 0;
        try {
            new ContextAssembler(1_000, 500, REDACTOR).assemble(facts, units.root(), "English");
        } catch (PromptBudgetException e) {
            minimum = e.minimumContextTokens();
        }
        assertThat(minimum).isGreaterThan(1_000);
        AssembledContext ctx = new ContextAssembler(minimum, 500, REDACTOR).assemble(facts, units.root(), "English");
        assertWithinBudget(ctx, minimum, 500);
        assertThatThrownBy(() -> new ContextAssembler(0, 0, REDACTOR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameInputGivesTheSamePrompts() {
        Units units = new Units(dir);
        for (int i = 0; i < 120; i++) {
            units.write("com/acme/many/Service" + i + ".java", service(i));
        }
        SpecFacts facts = units.facts("com.acme.many");

        AssembledContext first = new ContextAssembler(6_000, 1_000, REDACTOR).assemble(facts, units.root(), "English");
        AssembledContext second = new ContextAssembler(6_000, 1_000, new SecretRedactor())
                .assemble(units.facts("com.acme.many"), units.root(), "English");

        assertThat(first.split()).isTrue();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void unreadableAndNonUtf8FilesAreLeftOutAndTheRestGoesOn() {
        Units units = shop(new Units(dir));
        units.writeBytes(
                "com/acme/shop/Latin.java",
                "package com.acme.shop;\n/** Caf\u00e9. */\npublic class Latin { String s = \"caf\u00e9 LATIN_BODY\"; }\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        SpecFacts facts = units.facts("com.acme.shop");
        assertThat(facts.unit().files()).extracting(f -> f.path()).contains("src/main/java/com/acme/shop/Latin.java");

        AssembledContext ctx =
                new ContextAssembler(32_000, 1_000, REDACTOR).assemble(facts, dir.resolve("elsewhere"), "English");
        assertThat(ctx.parts().get(0).user()).doesNotContain("<source").contains("public final class Invoice");

        ctx = new ContextAssembler(32_000, 1_000, REDACTOR).assemble(facts, units.root(), "English");
        assertThat(ctx.parts().get(0).user()).doesNotContain("LATIN_BODY").contains("return amount.multiply");
    }

    @Test
    void thePlaceholderCannotBeSmuggledInThroughTheCode() {
        Units units = new Units(dir);
        for (int i = 0; i < 60; i++) {
            units.write(
                    "com/acme/many/Service" + i + ".java",
                    service(i).replace("/** Service", "/** Mentions {{PART_NOTES}} in service"));
        }
        ContextAssembler assembler = new ContextAssembler(3_000, 500, REDACTOR);
        AssembledContext ctx = assembler.assemble(units.facts("com.acme.many"), units.root(), "English");

        assertThat(ctx.split()).isTrue();
        assertThat(ctx.merge().user().split(Pattern.quote(ContextAssembler.PART_NOTES_PLACEHOLDER), -1))
                .hasSize(2);
        for (ModelPrompt part : ctx.parts()) {
            assertThat(part.user()).doesNotContain(ContextAssembler.PART_NOTES_PLACEHOLDER);
        }
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void filesReadAheadGiveTheSamePromptsAndAreNotReadAgain() throws Exception {
        Units units = shop(new Units(dir));
        SpecFacts facts = units.facts("com.acme.shop");
        List<String> paths = facts.unit().files().stream()
                .map(io.github.reversespec.analysis.SourceFile::path)
                .toList();
        AssembledContext plain = new ContextAssembler(32_000, 4_000, REDACTOR).assemble(facts, units.root(), "English");

        ContextAssembler ahead = new ContextAssembler(32_000, 4_000, REDACTOR);
        try {
            ahead.prefetch(units.root(), List.of(new UnitFiles(facts.project().sourceEncoding(), paths)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (ahead.prefetched() < paths.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ahead.prefetched()).isEqualTo(paths.size());
            // the files are gone from disk: what the prompt shows was read ahead, once
            for (String p : paths) {
                java.nio.file.Files.delete(units.root().resolve(p));
            }
            AssembledContext early = ahead.assemble(facts, units.root(), "English");

            assertThat(early.parts()).isEqualTo(plain.parts());
            assertThat(ahead.prefetched()).isZero();
            // claimed once: a second assembly reads the (now missing) files itself
            assertThat(ahead.assemble(facts, units.root(), "English")
                            .parts()
                            .get(0)
                            .user())
                    .isNotEqualTo(plain.parts().get(0).user());
        } finally {
            ahead.close();
        }
    }

    private static Units shop(Units units) {
        return units.dependency("com.acme.money", "Keeps money arithmetic exact.", "llm")
                .external("java.math", "java.util")
                .write("com/acme/shop/Invoice.java", """
                        package com.acme.shop;

                        import java.math.BigDecimal;

                        /** The bill sent to a customer. */
                        public final class Invoice {
                            private final BigDecimal amount;
                            private final int quantity;

                            public Invoice(BigDecimal amount, int quantity) {
                                this.amount = amount;
                                this.quantity = quantity;
                            }

                            /** What the customer pays. */
                            public BigDecimal total() {
                                // TODO round per line, not per invoice
                                return amount.multiply(BigDecimal.valueOf(quantity));
                            }
                        }
                        """)
                .write("com/acme/shop/Rounding.java", """
                        package com.acme.shop;

                        final class Rounding {
                            static int half(int v) { return v / 2; }
                        }
                        """);
    }

    private static String service(int i) {
        return "package com.acme.many;\n\nimport java.util.List;\n\n"
                + "/** Service number " + i + " handles one slice of the orders. */\n"
                + "public class Service" + i + " {\n"
                + "    private final List<String> names;\n\n"
                + "    public Service" + i + "(List<String> names) {\n        this.names = names;\n    }\n\n"
                + "    /** Counts the names of slice " + i + ". */\n"
                + "    public int count() {\n        int n = 0;\n        for (String s : names) {\n"
                + "            if (s.hashCode() % " + (i + 2) + " == 0) {\n                n++;\n            }\n"
                + "        }\n        return n;\n    }\n\n"
                + "    /** Joins the names. */\n"
                + "    public String join(String separator) {\n        return String.join(separator, names);\n    }\n"
                + "}\n";
    }

    @Test
    void theCodeIsReadWithTheProjectsSourceEncoding() {
        Units units = new Units(dir)
                .encoding(java.nio.charset.StandardCharsets.ISO_8859_1)
                .writeBytes("com/acme/menu/Menu.java", """
                        package com.acme.menu;

                        /** Le menu du café. */
                        public class Menu {
                            public String special() {
                                return "crème brûlée";
                            }
                        }
                        """.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        SpecFacts facts = units.facts("com.acme.menu");
        assertThat(facts.unit().problems()).isEmpty();

        String user = new ContextAssembler(32_000, 1_000, REDACTOR)
                .assemble(facts, units.root(), "English")
                .parts()
                .get(0)
                .user();
        // the body comes from the file, re-read for the prompt: decoded as the analysis decoded it
        assertThat(user).contains("Le menu du café.").contains("return \"crème brûlée\";");
    }

    private static String everything(AssembledContext ctx) {
        StringBuilder b = new StringBuilder();
        for (ModelPrompt p : ctx.prompts()) {
            b.append(p.system()).append('\n').append(p.user()).append('\n');
        }
        return b.toString();
    }

    private static void assertWithinBudget(AssembledContext ctx, int contextTokens, int reserved) {
        assertThat(ctx.parts()).isNotEmpty();
        for (ModelPrompt p : ctx.prompts()) {
            assertFits(p, contextTokens, reserved);
            // The budgeting itself keeps within the window; the last-resort cut is never needed.
            assertThat(p.user()).doesNotContain(ContextAssembler.GUARD_MARKER);
        }
    }

    private static void assertFits(ModelPrompt p, int contextTokens, int reserved) {
        int tokens = TokenEstimator.estimate(p.system()) + TokenEstimator.estimate(p.user());
        assertThat(tokens + reserved).isLessThanOrEqualTo(contextTokens);
        assertThat(p.estimatedTokens()).isGreaterThanOrEqualTo(tokens);
        assertThat(p.estimatedTokens() + reserved).isLessThanOrEqualTo(contextTokens);
    }
}
