package io.github.reversespec.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reversespec.spec.SpecFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicenceHeadersTest {

    private static final SecretRedactor REDACTOR = new SecretRedactor();

    private static final String HEADER = """
            /*
             * Licensed to the Acme Foundation under one or more contributor licence agreements.
             * The Acme Foundation licenses this file to you under the Apache License, Version 2.0
             * (the "License"); you may not use this file except in compliance with the License.
             * You may obtain a copy of the License at
             *
             *     https://www.apache.org/licenses/LICENSE-2.0
             *
             * Unless required by applicable law or agreed to in writing, software distributed
             * under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
             * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific
             * language governing permissions and limitations under the License.
             */
            """;

    private static final Pattern SOURCE = Pattern.compile(
            "<source path=\"([^\"]+)\"(?: lines=\"(\\d+)-(\\d+) of (\\d+)\")?>\n(.*?)(\\[… cut: lines [^\\]]*]\n)?</source>\n",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theLeadingCommentIsABlockOrLineCommentBeforeAnyCode() {
        assertThat(LicenceHeaders.headerLines("/* x */\npackage a;\n")).isEqualTo(1);
        assertThat(LicenceHeaders.headerLines("\n/*\n * x\n */\npackage a;\n")).isEqualTo(4);
        assertThat(LicenceHeaders.headerLines("// a\n  // b\n\npackage a;\n")).isEqualTo(2);
        // Javadoc documents what follows it (the package, in package-info.java): never a header.
        assertThat(LicenceHeaders.headerLines("/**\n * The package.\n */\npackage a;\n"))
                .isZero();
        assertThat(LicenceHeaders.headerLines("/* x */ package a;\n")).isZero();
        assertThat(LicenceHeaders.headerLines("/* only a comment */\n\n")).isZero();
        assertThat(LicenceHeaders.headerLines("package a;\n/* late */\n")).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {32_000, 2_600})
    void aHeaderEveryFileSharesIsSentOncePerRequestAndLineNumbersStayTrue(int contextTokens) throws IOException {
        Units units = new Units(dir);
        for (String name : List.of("Alpha", "Beta", "Gamma")) {
            StringBuilder body = new StringBuilder(HEADER)
                    .append("\npackage com.acme.lic;\n\n/** ")
                    .append(name)
                    .append(". */\npublic class ")
                    .append(name)
                    .append(" {\n");
            for (int i = 0; i < 100; i++) {
                body.append("    public int m")
                        .append(i)
                        .append("() { return ")
                        .append(i)
                        .append("; }\n");
            }
            units.write("com/acme/lic/" + name + ".java", body.append("}\n").toString());
        }
        units.write("com/acme/lic/Odd.java", """
                // Copyright 2020 Other Corp. All rights reserved.
                package com.acme.lic;

                /** Odd. */
                public class Odd {}
                """);
        SpecFacts facts = units.facts("com.acme.lic");

        AssembledContext ctx =
                new ContextAssembler(contextTokens, 500, REDACTOR).assemble(facts, units.root(), "English");

        assertThat(ctx.split()).isEqualTo(contextTokens < 10_000);
        int sources = 0;
        for (ModelPrompt prompt : ctx.prompts()) {
            String user = prompt.user();
            assertThat(count(user, "Licensed to the Acme Foundation")).isEqualTo(1);
            assertThat(user)
                    .contains("licence header: 3 of 4 files open with the same 13-line comment; their sources below"
                            + " start after it (their lines attribute says where): Licensed to the Acme Foundation"
                            + " under one or more contributor licence agreements.");
            assertThat(user).doesNotContain("WITHOUT WARRANTIES");
            Matcher m = SOURCE.matcher(user);
            while (m.find()) {
                sources++;
                List<String> original = Files.readAllLines(units.root().resolve(m.group(1)));
                int first = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                List<String> shown = m.group(5).lines().toList();
                assertThat(shown).isEqualTo(original.subList(first - 1, first - 1 + shown.size()));
                if (m.group(1).endsWith("Odd.java")) {
                    // Its own header is not the shared one: it keeps it.
                    assertThat(m.group(2)).isNull();
                    assertThat(shown.get(0)).isEqualTo("// Copyright 2020 Other Corp. All rights reserved.");
                } else if (first == 1) {
                    throw new AssertionError("a file shown with the shared header: " + m.group(1));
                } else if (m.group(2) != null && !ctx.split()) {
                    // Lines 1-13 are the header and 14 the blank line after it.
                    assertThat(first).isEqualTo(15);
                    assertThat(shown.get(0)).isEqualTo("package com.acme.lic;");
                }
            }
        }
        assertThat(sources).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aUnitOfOneFileLeavesOutALicenceButNotAnyOtherComment() {
        Units units = new Units(dir)
                .write("com/acme/one/One.java", HEADER + "package com.acme.one;\n/** One. */\npublic class One {}\n")
                .write(
                        "com/acme/two/Two.java",
                        "/* Generated from two.proto: edit that instead. */\npackage com.acme.two;\n"
                                + "/** Two. */\npublic class Two {}\n");

        String one = new ContextAssembler(32_000, 500, REDACTOR)
                .assemble(units.facts("com.acme.one"), units.root(), "English")
                .parts()
                .get(0)
                .user();
        String two = new ContextAssembler(32_000, 500, REDACTOR)
                .assemble(units.facts("com.acme.two"), units.root(), "English")
                .parts()
                .get(0)
                .user();

        assertThat(one)
                .contains("licence header: the unit's one file opens with the same 13-line comment")
                .contains(
                        "<source path=\"src/main/java/com/acme/one/One.java\" lines=\"14-16 of 16\">\npackage com.acme.one;");
        assertThat(two)
                .doesNotContain("licence header")
                .contains("<source path=\"src/main/java/com/acme/two/Two.java\">\n/* Generated from two.proto");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
