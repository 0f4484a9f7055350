package io.github.reversespec.analysis;

import static io.github.reversespec.analysis.SourceTree.member;
import static io.github.reversespec.analysis.SourceTree.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures as a caller reads them: the annotations of members, parameters and types as written,
 * and the values of constants.
 */
class ExactSignaturesTest {

    @TempDir
    static Path dir;

    static UnitAnalysis unit;

    @BeforeAll
    static void analyse() {
        SourceTree tree = new SourceTree(dir).project("core", "");
        String src = "src/main/java/com/acme/web/";
        tree.write(src + "Foo.java", """
                package com.acme.web;

                import java.util.List;
                import java.util.Map;

                public class Foo {
                    @JsonProperty("name")
                    private String name;

                    public Foo(@Nullable String name, @Value("${x}") int n) {}

                    @Deprecated(since = "2",
                            forRemoval   =   true)
                    public @Nullable String find(@JsonProperty("x") final String key) { return null; }

                    @Override
                    public String toString() { return name; }

                    public List<@NonNull String> names(Map<String, ? extends @NonNull Number> m) { return null; }

                    public java.util.@NonNull List<String> qualified(String @NonNull [] values) { return null; }

                    public <@Immutable T> void rest(@Size(min = 1, max = 3) String @NonNull ... tags) {}
                }
                """);
        tree.write(src + "Point.java", """
                package com.acme.web;

                public record Point(@JsonProperty("x") int x, @Nullable String label) {}
                """);
        tree.write(src + "Keys.java", """
                package com.acme.web;

                public final class Keys {
                    public static final String AOT_ENABLED = "spring.aot.enabled";
                    public static final int TIMEOUT = 60 * 1000;
                    public static final long MAX = 1_000_000L;
                    static final boolean ON = true;
                    private static final char SEP = '|';
                    public static final String JOINED = "a" + "b";
                    public static final byte MASK = (byte) 0x7F;
                    public static final int NEGATIVE = -(1 << 4);
                    public static final java.lang.String QUALIFIED = "q";
                    public static final String LONG = "%s";
                    public static final String TICKS = "a`b|c";

                    public static final Keys INSTANCE = new Keys();
                    public static final String COMPUTED = System.getProperty("x");
                    public static final String DERIVED = AOT_ENABLED + ".more";
                    public static final int POWER = 1 << (Integer.SIZE - 2);
                    public static final int FIRST = ARRAY[0];
                    public static final int CALLED = Integer.SIZE + Math.abs(-1);
                    public static final String NOTHING = null;
                    public static final Object OBJECT = "o";
                    public static final int[] ARRAY = {1, 2};
                    public static String notFinal = "x";
                    public final String notStatic = "y";
                    public static final int LATER;

                    static { LATER = 3; }

                    private Keys() {}
                }
                """.replace("%s", "x".repeat(300)));
        tree.write(src + "Config.java", """
                package com.acme.web;

                public interface Config {
                    String PREFIX = "acme";
                    @Deprecated int OLD = 1;
                }
                """);
        unit = SourceTree.unit(tree.analyze(), "core", "com.acme.web");
    }

    @Test
    void parameterAnnotationsAreKeptAsWritten() {
        TypeModel foo = type(unit, "Foo");
        assertThat(foo.members())
                .filteredOn(m -> m.kind() == MemberModel.MemberKind.CONSTRUCTOR)
                .singleElement()
                .extracting(MemberModel::signature)
                .isEqualTo("public Foo(@Nullable String name, @Value(\"${x}\") int n)");
    }

    @Test
    void memberAnnotationsAreKeptInSourceOrderOnOneLine() {
        TypeModel foo = type(unit, "Foo");
        assertThat(member(foo, "name").signature()).isEqualTo("@JsonProperty(\"name\") private String name");
        assertThat(member(foo, "find").signature())
                .isEqualTo("@Deprecated(since = \"2\", forRemoval = true)"
                        + " public @Nullable String find(@JsonProperty(\"x\") String key)");
        assertThat(member(foo, "toString").signature()).isEqualTo("@Override public String toString()");
    }

    @Test
    void typeUseAnnotationsAreKeptWhereWritten() {
        TypeModel foo = type(unit, "Foo");
        assertThat(member(foo, "names").signature())
                .isEqualTo("public List<@NonNull String> names(Map<String, ? extends @NonNull Number> m)");
        assertThat(member(foo, "qualified").signature())
                .isEqualTo("public java.util.@NonNull List<String> qualified(String @NonNull [] values)");
        assertThat(member(foo, "rest").signature())
                .isEqualTo("public <@Immutable T> void rest(@Size(min = 1, max = 3) String @NonNull ... tags)");
    }

    @Test
    void recordComponentAnnotationsAreInTheDeclaration() {
        TypeModel point = type(unit, "Point");
        assertThat(point.signature())
                .isEqualTo("public record Point(@JsonProperty(\"x\") int x, @Nullable String label)");
        // the bare type, which names a type, stays without annotations
        assertThat(point.recordComponents()).extracting(FieldModel::type).containsExactly("int", "String");
    }

    @Test
    void constantValuesOfLiteralsAndNamesAreShownAsWritten() {
        TypeModel keys = type(unit, "Keys");
        assertThat(member(keys, "AOT_ENABLED").signature())
                .isEqualTo("public static final String AOT_ENABLED = \"spring.aot.enabled\"");
        assertThat(member(keys, "TIMEOUT").signature()).isEqualTo("public static final int TIMEOUT = 60 * 1000");
        assertThat(member(keys, "MAX").signature()).isEqualTo("public static final long MAX = 1_000_000L");
        assertThat(member(keys, "ON").signature()).isEqualTo("static final boolean ON = true");
        assertThat(member(keys, "SEP").signature()).isEqualTo("private static final char SEP = '|'");
        assertThat(member(keys, "JOINED").signature()).isEqualTo("public static final String JOINED = \"a\" + \"b\"");
        assertThat(member(keys, "MASK").signature()).isEqualTo("public static final byte MASK = (byte) 0x7F");
        assertThat(member(keys, "NEGATIVE").signature()).isEqualTo("public static final int NEGATIVE = -(1 << 4)");
        assertThat(member(keys, "QUALIFIED").signature())
                .isEqualTo("public static final java.lang.String QUALIFIED = \"q\"");
        assertThat(member(keys, "TICKS").signature()).isEqualTo("public static final String TICKS = \"a`b|c\"");
        // names of other constants are shown as written, not followed
        assertThat(member(keys, "DERIVED").signature())
                .isEqualTo("public static final String DERIVED = AOT_ENABLED + \".more\"");
        assertThat(member(keys, "POWER").signature())
                .isEqualTo("public static final int POWER = 1 << (Integer.SIZE - 2)");
        assertThat(keys.fields())
                .filteredOn(f -> f.name().equals("SEP"))
                .singleElement()
                .extracting(FieldModel::constantValue)
                .isEqualTo("'|'");
    }

    @Test
    void longValuesAreCut() {
        String signature = member(type(unit, "Keys"), "LONG").signature();
        String value = signature.substring(signature.indexOf(" = ") + 3);
        assertThat(value).startsWith("\"xxxx").endsWith("…").hasSizeLessThanOrEqualTo(Signatures.MAX_CONSTANT_VALUE);
    }

    @Test
    void otherInitialisersAndFieldsShowNoValue() {
        TypeModel keys = type(unit, "Keys");
        assertThat(member(keys, "INSTANCE").signature()).isEqualTo("public static final Keys INSTANCE");
        assertThat(member(keys, "COMPUTED").signature()).isEqualTo("public static final String COMPUTED");
        // an array element and a call are computed, names or not
        assertThat(member(keys, "FIRST").signature()).isEqualTo("public static final int FIRST");
        assertThat(member(keys, "CALLED").signature()).isEqualTo("public static final int CALLED");
        assertThat(member(keys, "NOTHING").signature()).isEqualTo("public static final String NOTHING");
        assertThat(member(keys, "OBJECT").signature()).isEqualTo("public static final Object OBJECT");
        assertThat(member(keys, "ARRAY").signature()).isEqualTo("public static final int[] ARRAY");
        assertThat(member(keys, "notFinal").signature()).isEqualTo("public static String notFinal");
        assertThat(member(keys, "notStatic").signature()).isEqualTo("public final String notStatic");
        assertThat(member(keys, "LATER").signature()).isEqualTo("public static final int LATER");
        assertThat(keys.fields())
                .filteredOn(f -> f.name().equals("INSTANCE"))
                .singleElement()
                .extracting(FieldModel::constantValue)
                .isEqualTo("");
    }

    @Test
    void interfaceFieldsAreConstantsWithoutSayingSo() {
        TypeModel config = type(unit, "Config");
        assertThat(member(config, "PREFIX").signature()).isEqualTo("String PREFIX = \"acme\"");
        assertThat(member(config, "OLD").signature()).isEqualTo("@Deprecated int OLD = 1");
    }
}
