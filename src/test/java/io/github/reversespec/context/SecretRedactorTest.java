package io.github.reversespec.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();

    // Test secrets are assembled at run time so that secret scanners do not flag this file.
    private static final String GITHUB = "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String GITHUB_PAT =
            "github_" + "pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private static final String SLACK = "xo" + "xb-" + "1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String STRIPE = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    private static final String STRIPE_RESTRICTED = "rk" + "_live_" + "51H8xZ2eZvKYlo2C0aBcDeFgHi";
    private static final String OPENAI = "sk-" + "proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_Ab3dEf6hIj9kLm";
    private static final String OPENAI_LEGACY = "sk-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2n";
    private static final String ANTHROPIC = "sk-" + "ant-" + "api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z-Ab3dEf6hIj9kLmAA";
    private static final String GCP = "AI" + "za" + "SyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI";
    private static final String AWS_ID = "AKIA" + "IOSFODNN7EXAMPLE";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
            + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    private static final String AZURE_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu" + "Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String SAS_SIG = "sig=" + "AbCdEf0123456789%2BxyZqRsTuVwXyZ%2F0123456789ab%3D";
    private static final String PEM_BODY = "MIIEowIBAAKCAQEA7bq98TnC9Gb1RkP0xq3Zc2vQ1n8wXy4zAb3dEf6hIj9kLm2nOp5q\n"
            + "Rs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5qRs8t\n";

    static Stream<Arguments> shapedTokens() {
        return Stream.of(
                Arguments.of(AWS_ID, "aws-access-key-id"),
                Arguments.of("ASIA" + "Y34FZKBOKMUTVV7A", "aws-access-key-id"),
                Arguments.of(GCP, "gcp-api-key"),
                Arguments.of(GITHUB, "github-token"),
                Arguments.of("gh" + "o_" + "16C7e42F292c6912E7710c838347Ae178B4a", "github-token"),
                Arguments.of("gh" + "u_" + "16C7e42F292c6912E7710c838347Ae178B4a", "github-token"),
                Arguments.of("gh" + "s_" + "16C7e42F292c6912E7710c838347Ae178B4a", "github-token"),
                Arguments.of("gh" + "r_" + "16C7e42F292c6912E7710c838347Ae178B4a", "github-token"),
                Arguments.of(GITHUB_PAT, "github-token"),
                Arguments.of(SLACK, "slack-token"),
                Arguments.of("xo" + "xp-" + "1234567890-abcdefghijkl", "slack-token"),
                Arguments.of(STRIPE, "stripe-key"),
                Arguments.of(STRIPE_RESTRICTED, "stripe-key"),
                Arguments.of(OPENAI, "openai-api-key"),
                Arguments.of(OPENAI_LEGACY, "openai-api-key"),
                Arguments.of(ANTHROPIC, "anthropic-api-key"),
                Arguments.of(JWT, "jwt"),
                Arguments.of("glpat-" + "xxXXxxXXxxXXxxXX1234", "gitlab-token"),
                Arguments.of("npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "npm-token"),
                // Classes a scanner such as gitleaks knows, each with a prefix or shape of its own.
                Arguments.of("Xy7" + "8Q~" + "PtYgjmUh.Bel31iEl2hpChYgCfrL1spNxn", "azure-ad-client-secret"),
                Arguments.of("SK" + "6b3216fdaeeb975729fae923d5a4fd12", "twilio-api-key"),
                Arguments.of("key-" + "aabfe228f219e9cb0eb53f16947ccf25", "mailgun-api-key"),
                Arguments.of("shpat_" + "ec84d8dbc74254770f58904dba41eccc", "shopify-token"),
                Arguments.of("shpss_" + "ec84d8dbc74254770f58904dba41eccc", "shopify-token"),
                Arguments.of(
                        "pypi-" + "AgEIcHlwaS5vcmc" + "Yn9ZhyiA4uoRgnatmUdjAWtGSU8po_799NksnRH9ucAUsdMlHUvTC",
                        "pypi-token"),
                Arguments.of("dapi" + "bb2737f6a6f0fb23c6f5da2cec255404", "databricks-token"),
                Arguments.of("dop_" + "v1_" + "e4fb440034d6608697a8d41bed440e50".repeat(2), "digitalocean-token"),
                Arguments.of("ATATT3" + "xFfGF0" + "4OjE2jBMptUsGr7CmY_uCu3ZR1z-".repeat(7), "atlassian-token"),
                Arguments.of("dp.pt." + "1CJdObOIRpFqaDZeV7G5IfQHeVVEqZe2qpUWnoVPDF2", "doppler-token"),
                Arguments.of("sq0atp-" + "Wj9KfzjsQGMrb9h_ImB_LK", "square-token"),
                Arguments.of("EAAA" + "DDDXh5Jmtf7EbsDe0G9Cryn687neLfjVHq8xiM0OGr4hTxoF54Fzbka8FRCz", "square-token"),
                Arguments.of(
                        "PMAK-" + "94dbca3a0aac36098b2cc2bd-818319478da6bd0c621de49f145fda9988", "postman-api-key"),
                Arguments.of("glc_" + "ZEM9YpvujA/C5Q52ryFlwRlOEVHzc0X0AWIRh/JUqBlIFXZ5==", "grafana-token"),
                Arguments.of("glsa_" + "B9t2039bicBTW5ZE9LFaez7770H2DCpY_37443e21", "grafana-token"),
                Arguments.of(
                        "eyJrIjoi" + "aYioK6cPTt9iOqHOBSWhgetH8LmyqoYMaaItDr9uP14pEHpJpb9ATPtdbmF4RPAfqoQB7xoF",
                        "grafana-token"),
                Arguments.of(
                        "AGE-SECRET-KEY-1" + "Z46HEVQJYDLVNVWAWSJXLTWL6RFERDPF6RRTEU58924VTAZNCH4U2XQ939",
                        "age-secret-key"),
                Arguments.of("glptt-" + "bd36cb9d21f6be6abf0d7c1c1e21862ab8a18a89", "gitlab-token"),
                Arguments.of("glrt-" + "aUWM6ZO88eb0ogET9D9X", "gitlab-token"),
                Arguments.of("GR1348941" + "XG3-q-xbMtEPO6UkzYuF", "gitlab-token"),
                Arguments.of("hvs." + "0ie9Pu2njHkAm1-5wDr16EpLLJIVGHz4FxFEtKyPiYGF".repeat(3), "vault-token"),
                Arguments.of(
                        "OIfPkzSrAsQtA9.atlas" + "v1.gNT11cUzYZAa3u2olZU6uqbgsYlV=vsSKuvinX_zMqf9OgXluCZz8xB"
                                + "fZuXTptFyf",
                        "terraform-token"),
                Arguments.of("sntryu_" + "1a3ce9d97dcbee500fe7ee5fc324bdb2".repeat(2), "sentry-token"),
                Arguments.of("lin_api_" + "uxcmlzkO7rRu5ykYYqhXHdO2x93CJHLS45gqIO2z", "linear-api-key"),
                Arguments.of("pscale_tkn_" + "VHWVsUQk4DwgLGNOaeCtL31Ugq_DfcgaTMnTC0Mr", "planetscale-token"),
                Arguments.of("pul-" + "6bf54074e3248c801bef750110c57513064d6d59", "pulumi-token"),
                Arguments.of("rubygems_" + "291f0cde2e5738713a818d8962058765a6ca7cff00d796c2", "rubygems-token"),
                Arguments.of(
                        "dt0c01." + "K6kjcbhgN7kwjSbbciSPOcSe." + "Vce2LWxm090I5Qe43W6T8ygpnnhcc826".repeat(2),
                        "dynatrace-token"),
                Arguments.of(
                        "xkeysib-" + "af90d0d3bf16295d06910bf3f5fb8596".repeat(2) + "-DCSXqLoivDP4SpGm",
                        "brevo-api-key"),
                Arguments.of("pplx-" + "rtWT01NjUjpUuMHwkpu9mq9Ugk9QgmyjjYtUtBrmgO6grn4y", "perplexity-api-key"),
                Arguments.of(
                        "HRKU-AA" + "7ebZ3CL7csGZaF31DDxp63OHm1FZuG296c0xPbX_neGBuzSm6A8cVR06Ax", "heroku-api-key"),
                Arguments.of("LTAI" + "zGW7hUNwOdqryzdaeA6A", "alibaba-access-key-id"),
                Arguments.of("sha256~" + "THnCMZCY7Bvqiy8CsT07Lq8TDIWG2x9aJTFMP9_2kUt", "openshift-token"),
                Arguments.of("api_org_" + "tydfKuYiHwOLaQanePsqMgLjolXCwYjnzY", "huggingface-token"),
                Arguments.of(
                        "AKCp" + "IkN5SMYfQ55JYO1tmFSnHfV1CQ4hJhqAo0iEFJdED5jSFpFkIM3Vak1uDSKFQs1DxBA9R",
                        "artifactory-api-key"),
                Arguments.of(
                        "ops_" + "eyJ" + "jxUdcfQm9+seB1qRmUR8AK3R2GgLLT/ZQISA/pQyOMqlfZZgZMnafy8hW".repeat(5),
                        "1password-token"),
                Arguments.of("xoxe-" + "1-" + "My0xLTQ4MjY5OTM5NzU1NTQtNzIx", "slack-token"),
                Arguments.of("sk" + "_prod_" + "4eC39HqLyjWDarjtT1zdp7dc", "stripe-key"));
    }

    @Test
    void twilioAccountSidsAndAuthTokensAreRedactedNearTwilio() {
        String sid = "AC" + "6b3216fdaeeb975729fae923d5a4fd12";
        String authToken = "aabfe228f219e9cb0eb53f16947ccf25";
        String code = "Twilio.init(\"" + sid + "\", \"" + authToken + "\");\n";

        assertThat(redactor.redact(code))
                .isEqualTo("Twilio.init(\"[REDACTED:twilio-account-sid]\", \"[REDACTED:twilio-auth-token]\");\n");
        // Far from any mention of Twilio, 32 hex digits are as likely an MD5 sum.
        String checksum = "String md5 = \"" + authToken + "\";\nString id = \"" + sid + "\";\n";
        assertThat(redactor.redact(checksum)).isEqualTo(checksum);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "String md5 = \"key-\" + digest;",
                "String cacheKey = \"user-key-d41d8cd98f00b204e9800998ecf8427e\";",
                "static final String PREFIX = \"shpat_\";",
                "String padding = \"EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\";",
                "String sku = \"SKU-12345\";",
                "String label = \"pul-request\";",
                "int dapi = 3;",
            })
    void prefixesAloneAndLookalikesAreKept(String code) {
        assertThat(redactor.redact(code)).isEqualTo(code);
    }

    @ParameterizedTest
    @MethodSource("shapedTokens")
    void shapedTokensAreRedactedWhateverTheirName(String secret, String kind) {
        String code = "class Config {\n    static final String VALUE = \"" + secret + "\";\n"
                + "    void call() { client.connect(\"" + secret + "\"); }\n"
                + "    // see " + secret + " in the vault\n}\n";

        String out = redactor.redact(code);

        assertThat(out).doesNotContain(secret).contains("[REDACTED:" + kind + "]");
        assertThat(out).contains("static final String VALUE = \"[REDACTED:" + kind + "]\";");
        assertThat(out).contains("client.connect(\"[REDACTED:" + kind + "]\")");
        assertThat(out).contains("// see [REDACTED:" + kind + "] in the vault");
    }

    @Test
    void awsSecretKeyIsRedactedByNameAndNextToItsKeyId() {
        String code = "aws_secret_access_key = " + AWS_SECRET + "\n"
                + "props.put(\"aws.secretAccessKey\", \"" + AWS_SECRET + "\");\n"
                + "AwsCredentials c = AwsBasicCredentials.create(\"" + AWS_ID + "\", \"" + AWS_SECRET + "\");\n"
                + "String secretAccessKey = \"" + AWS_SECRET + "\";\n";

        String out = redactor.redact(code);

        assertThat(out).doesNotContain(AWS_SECRET).doesNotContain(AWS_ID);
        assertThat(out)
                .contains("AwsBasicCredentials.create(\"[REDACTED:aws-access-key-id]\", "
                        + "\"[REDACTED:aws-secret-access-key]\")");
    }

    @Test
    void base64OfOrdinaryDataUnderAnOrdinaryNameIsKept() {
        String code = "String encoded = \"SGVsbG8gV29ybGQh\";\n"
                + "String checksum = \"Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTAvKys=\";\n"
                + "String sha1 = \"2fd4e1c67a2d28fced849ee1bb76e7391b93eb12\";\n"
                + "String logo = \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\";\n";

        assertThat(redactor.redact(code)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "", "DSA "})
    void privateKeyBlocksAreRemovedWhole(String type) {
        String pem = "-----BEGIN " + type + "PRIVATE KEY-----\n" + PEM_BODY + "-----END " + type + "PRIVATE KEY-----";
        String textBlock = "String key = \"\"\"\n" + pem + "\n\"\"\";\nint after = 1;\n";
        String concatenated = "String key = \"-----BEGIN " + type + "PRIVATE KEY-----\\n\" +\n"
                + "    \"" + PEM_BODY.replace("\n", "\\n\" +\n    \"") + "-----END " + type + "PRIVATE KEY-----\";\n"
                + "int after = 1;\n";

        for (String code : List.of(textBlock, concatenated, "# key.pem\n" + pem + "\n")) {
            String out = redactor.redact(code);
            assertThat(out)
                    .doesNotContain("MIIEowIBAAKCAQEA")
                    .doesNotContain("PRIVATE KEY-----\n")
                    .contains("[REDACTED:private-key]");
            if (code != textBlock && code.contains("int after")) {
                assertThat(out).contains("String key = \"[REDACTED:private-key]\";\nint after = 1;");
            }
        }
    }

    @Test
    void pgpPrivateKeyBlocksAreRemovedWhole() {
        String pgp =
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + PEM_BODY + "=twTO\n-----END PGP PRIVATE KEY BLOCK-----";

        String out = redactor.redact("String key = \"\"\"\n" + pgp + "\n\"\"\";\n");

        assertThat(out).isEqualTo("String key = \"\"\"\n[REDACTED:private-key]\n\"\"\";\n");
    }

    @Test
    void unterminatedPrivateKeyBlockIsRemovedButABareHeaderConstantIsKept() {
        String cut = "String key = \"-----BEGIN PRIVATE KEY-----\\n" + PEM_BODY.replace("\n", "\\n");
        assertThat(redactor.redact(cut)).doesNotContain("MIIEowIBAAKCAQEA").contains("[REDACTED:private-key]");

        String parser = "static final String BEGIN = \"-----BEGIN PRIVATE KEY-----\";\n"
                + "static final String END = \"-----END PRIVATE KEY-----\";\n";
        assertThat(redactor.redact(parser)).isEqualTo(parser);
    }

    @Test
    void urlPasswordsAreRedactedKeepingUserAndHost() {
        String code = "String url = \"jdbc:postgresql://admin:s3cr3t-P4ss@db.example.com:5432/shop\";\n"
                + "String redis = \"redis://:redisPass123@cache:6379\";\n"
                + "String amqp = \"amqp://guest:guest@localhost\";\n"
                + "String oracle = \"jdbc:oracle:thin:scott/tiger@dbhost:1521:orcl\";\n"
                + "String sqlserver = \"jdbc:sqlserver://h;user=sa;password=Sql$erver1;db=x\";\n"
                + "String api = \"https://api.example.com/v1?apiKey=abc123def&user=bob\";\n"
                + "String plain = \"https://example.com:8443/path?q=1\";\n";

        String out = redactor.redact(code);

        assertThat(out)
                .contains("jdbc:postgresql://admin:[REDACTED:url-password]@db.example.com:5432/shop")
                .contains("redis://:[REDACTED:url-password]@cache:6379")
                .contains("amqp://guest:[REDACTED:url-password]@localhost")
                .contains("jdbc:oracle:thin:scott/[REDACTED:url-password]@dbhost")
                .contains(";user=sa;password=[REDACTED:password];db=x")
                .contains("?apiKey=[REDACTED:api-key]&user=bob")
                .contains("\"https://example.com:8443/path?q=1\"")
                .doesNotContain("s3cr3t-P4ss", "redisPass123", "tiger", "Sql$erver1", "abc123def");
    }

    @Test
    void webhooksKeepTheirHostButLoseTheirPath() {
        String slack = "https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
        String discord = "https://discord.com/api/webhooks/" + "123456789012345678/AbCdEf-GhIjKl_MnOp";

        String out = redactor.redact("a = \"" + slack + "\"; b = \"" + discord + "\";");

        assertThat(out)
                .contains("https://hooks.slack.com/services/[REDACTED:slack-webhook]")
                .contains("https://discord.com/api/webhooks/[REDACTED:discord-webhook]")
                .doesNotContain("XXXXXXXXXXXXXXXXXXXXXXXX", "AbCdEf-GhIjKl_MnOp");
    }

    @Test
    void authorizationHeadersAreRedacted() {
        String code = "conn.setRequestProperty(\"Authorization\", \"Basic dXNlcjpwYXNzd29yZA==\");\n"
                + "request.header(\"Authorization\", \"Bearer abcdefghijklmnopqrstuvwxyz0123\");\n"
                + "// Authorization: Basic YWRtaW46YWRtaW4=\n";

        String out = redactor.redact(code);

        assertThat(out)
                .doesNotContain("dXNlcjpwYXNzd29yZA", "abcdefghijklmnopqrstuvwxyz0123", "YWRtaW46YWRtaW4")
                .contains("\"Basic [REDACTED:basic-auth]\"")
                .contains("\"Bearer [REDACTED:bearer-token]\"");
    }

    static Stream<Arguments> namedLiterals() {
        return Stream.of(
                Arguments.of("String dbPassword = \"hunter2\";", "String dbPassword = \"[REDACTED:password]\";"),
                Arguments.of(
                        "private static final String API_KEY = \"k-123\";",
                        "private static final String API_KEY = \"[REDACTED:api-key]\";"),
                Arguments.of("String secret=\"x9\";", "String secret=\"[REDACTED:secret]\";"),
                Arguments.of("this.authToken = \"t-1\";", "this.authToken = \"[REDACTED:token]\";"),
                Arguments.of("var passwd = \"p\";", "var passwd = \"[REDACTED:password]\";"),
                Arguments.of("String pwd = \"p\";", "String pwd = \"[REDACTED:password]\";"),
                Arguments.of("String accessKey = \"ak\";", "String accessKey = \"[REDACTED:access-key]\";"),
                Arguments.of("String api_key = \"ak\";", "String api_key = \"[REDACTED:api-key]\";"),
                Arguments.of("String credentials = \"u:p\";", "String credentials = \"[REDACTED:credential]\";"),
                Arguments.of("String privateKey = \"pk\";", "String privateKey = \"[REDACTED:private-key]\";"),
                Arguments.of("String clientSecret = \"cs\";", "String clientSecret = \"[REDACTED:secret]\";"),
                Arguments.of("String DB_PASS = \"changeme\";", "String DB_PASS = \"[REDACTED:password]\";"),
                Arguments.of("map.put(\"password\", \"x\");", "map.put(\"password\", \"[REDACTED:password]\");"),
                Arguments.of(
                        "props.setProperty(\"db.password\", \"x\");",
                        "props.setProperty(\"db.password\", \"[REDACTED:password]\");"),
                Arguments.of(
                        "Map.of(\"user\", \"bob\", \"token\", \"abc\")",
                        "Map.of(\"user\", \"bob\", \"token\", \"[REDACTED:token]\")"),
                Arguments.of("ds.setPassword(\"hunter2\");", "ds.setPassword(\"[REDACTED:password]\");"),
                Arguments.of("builder.apiKey(\"abc\").build();", "builder.apiKey(\"[REDACTED:api-key]\").build();"),
                Arguments.of(
                        "@DataSourceDefinition(name = \"ds\", user = \"app\", password = \"pw1\")",
                        "@DataSourceDefinition(name = \"ds\", user = \"app\", password = \"[REDACTED:password]\")"),
                Arguments.of("if (password.equals(\"admin123\")) {", "if (password.equals(\"[REDACTED:password]\")) {"),
                Arguments.of(
                        "if (\"admin123\".equals(user.password)) {",
                        "if (\"[REDACTED:password]\".equals(user.password)) {"),
                Arguments.of(
                        "String json = \"{\\\"password\\\": \\\"pw\\\"}\";",
                        "String json = \"{\\\"password\\\": \\\"[REDACTED:password]\\\"}\";"),
                Arguments.of("# password=hunter2", "# password=[REDACTED:password]"),
                Arguments.of(
                        "// spring.datasource.password: hunter2", "// spring.datasource.password: [REDACTED:password]"),
                Arguments.of(" * <li>token=abc</li>", " * <li>token=[REDACTED:token]</li>"),
                Arguments.of(
                        "String conf = \"user=app\\npassword=hunter2\\n\";",
                        "String conf = \"user=app\\npassword=[REDACTED:password]\\n\";"),
                Arguments.of(
                        "String props = \"\"\"\n    db.password=hunter2\n    \"\"\";",
                        "String props = \"\"\"\n    db.password=[REDACTED:password]\n    \"\"\";"),
                Arguments.of(
                        "// run with -Dreverse-spec.apiKey=abc",
                        "// run with -Dreverse-spec.apiKey=[REDACTED:api-key]"),
                Arguments.of("String password() default \"pw\";", "String password() default \"[REDACTED:password]\";"),
                Arguments.of("char passwordChar = 'x';", "char passwordChar = '[REDACTED:password]';"));
    }

    @ParameterizedTest
    @MethodSource("namedLiterals")
    void literalsGivenSecretNamesLoseTheirContentButKeepTheirShape(String code, String expected) {
        assertThat(redactor.redact(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "String tokenizer = \"split\";",
                "StringTokenizer st = new StringTokenizer(line, \",\");",
                "String password = user.getPassword();",
                "char[] password = console.readPassword(\"Password: \");",
                "if (token == null) { return; }",
                "String passwordEncoder = \"bcrypt\";",
                "static final String TOKEN_HEADER = \"X-Auth-Token\";",
                "static final String PASSWORD_PATTERN = \"^(?=.*[0-9]).{8,}$\";",
                "static final int PASSWORD_MIN_LENGTH = 8;",
                "String passwordProperty = \"db.password\";",
                "String key = \"name\";",
                "log.info(\"password reset for {}\", user);",
                "throw new InvalidTokenException(\"token expired\");",
                "String password = \"\";",
                "@Value(\"${db.password}\") String password;",
                "String password = \"${db.password}\";",
                "password = computePassword(user);",
                "String url = base + \"?token=\" + token;",
                "for (int i = 0; i < tokens.size(); i++) { sum += i; }",
                "String secretary = \"Jane\";",
                "map.get(\"password\");",
                "String tokenUrl = \"https://auth.example.com/oauth/token\";",
                "char[] buffer = {'a','b'};",
                "char[] password = new char[16];",
                "char[] password = {};",
                "static final char[] TOKEN_SEPARATOR = {',', ';'};",
                "static final char[] TOKEN_SEPARATORS = {',', ';'};",
                "String pw = store.getPassword(\"db\");",
                "getCredentials(\"user\", \"realm\");",
                "if (Objects.equals(password, other)) { return; }",
                "if (Objects.equals(name, \"bob\")) { return; }",
                "assertEquals(\"bob\", user.getName());",
                "static final String PASSWORD_VALIDATORS = \"length,digits\";",
                "String passwordHint = \"Enter your password\";",
                "if (password.isEmpty()) { return; }",
                "user.setName(\"bob\");",
                "props.put(\"mail.smtp.host\", \"smtp.example.com\");",
            })
    void ordinaryCodeIsNotMangled(String code) {
        assertThat(redactor.redact(code)).isEqualTo(code);
    }

    @Test
    void countsReplacementsAndRedactingTwiceChangesNothing() {
        String code = "String dbPassword = \"hunter2\";\nString k = \"" + GITHUB + "\";\n"
                + "String url = \"mysql://root:toor@localhost/db\";\n";

        SecretRedactor.Result first = redactor.redactCounting(code);
        SecretRedactor.Result second = redactor.redactCounting(first.text());

        assertThat(first.count()).isEqualTo(3);
        assertThat(second.count()).isZero();
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void nullStaysNull() {
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void secretKindReadsNamesByWords() {
        assertThat(SecretRedactor.secretKind("dbPassword")).isEqualTo("password");
        assertThat(SecretRedactor.secretKind("KEYSTORE_PASSWORD")).isEqualTo("password");
        assertThat(SecretRedactor.secretKind("aws.secretAccessKey")).isEqualTo("secret");
        assertThat(SecretRedactor.secretKind("X-Api-Key")).isEqualTo("api-key");
        assertThat(SecretRedactor.secretKind("csrftoken")).isEqualTo("token");
        assertThat(SecretRedactor.secretKind("tokenizer")).isNull();
        assertThat(SecretRedactor.secretKind("passwordEncoder")).isNull();
        assertThat(SecretRedactor.secretKind("tokenExpirySeconds")).isNull();
        assertThat(SecretRedactor.secretKind("TOKEN_SEPARATORS")).isNull();
        assertThat(SecretRedactor.secretKind("passwordHints")).isNull();
        assertThat(SecretRedactor.secretKind("passwords")).isEqualTo("password");
        assertThat(SecretRedactor.secretKind("key")).isNull();
        assertThat(SecretRedactor.secretKind("monkey")).isNull();
    }

    @Test
    void isSafeToShareBetweenThreads() {
        String code = "String dbPassword = \"hunter2\"; String k = \"" + GITHUB + "\";";
        String expected = redactor.redact(code);

        List<String> results = IntStream.range(0, 200)
                .parallel()
                .mapToObj(i -> redactor.redact(code))
                .toList();

        assertThat(results).containsOnly(expected);
    }

    @Test
    @Timeout(60) // a guard against catastrophic backtracking, not a benchmark
    void largeAndHostileInputsAreHandled() {
        StringBuilder big = new StringBuilder();
        big.append("x".repeat(300_000)).append('\n');
        big.append("A1/".repeat(100_000)).append('\n');
        big.append("\"".repeat(50_000)).append('\n');
        big.append("-----BEGIN PRIVATE KEY-----\n").append("a = b;\n".repeat(20_000));
        big.append("password = \"").append("y".repeat(100_000)).append("\";\n");
        big.append("String s = \"\"\"").append("z".repeat(100_000)).append('\n');
        for (int i = 0; i < 20_000; i++) {
            big.append("int v").append(i).append(" = compute(").append(i).append(");\n");
        }

        String out = redactor.redact(big.toString());

        assertThat(out).contains("password = \"[REDACTED:password]\";").doesNotContain("y".repeat(100));
        assertThat(out).contains("int v19999 = compute(19999);");
    }

    static Stream<Arguments> placeholderDefaults() {
        return Stream.of(
                Arguments.of(
                        "@Value(\"${db.password:s3cr3tP@ss}\") String password;",
                        "@Value(\"${db.password:[REDACTED:password]}\") String password;"),
                Arguments.of(
                        "@Value(\"${spring.datasource.password:hunter2}\")",
                        "@Value(\"${spring.datasource.password:[REDACTED:password]}\")"),
                Arguments.of("String t = \"${API_TOKEN:abc123xyz}\";", "String t = \"${API_TOKEN:[REDACTED:token]}\";"),
                // Named for a secret itself: the property name is still worth keeping.
                Arguments.of(
                        "String password = \"${db.password:hunter2}\";",
                        "String password = \"${db.password:[REDACTED:password]}\";"),
                Arguments.of("  password: ${DB_PASSWORD:hunter2}", "  password: ${DB_PASSWORD:[REDACTED:password]}"),
                Arguments.of(
                        "POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-hunter2}",
                        "POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-[REDACTED:password]}"),
                Arguments.of(
                        "@Value(\"${db.password:${FALLBACK_PW:hunter2}}\")",
                        "@Value(\"${db.password:${FALLBACK_PW:[REDACTED:password]}}\")"),
                Arguments.of("@Value(\"#{'${api.key:abc123}'}\")", "@Value(\"#{'${api.key:[REDACTED:api-key]}'}\")"),
                Arguments.of(
                        "// defaults to ${jwt.secret:change me}", "// defaults to ${jwt.secret:[REDACTED:secret]}"));
    }

    @ParameterizedTest
    @MethodSource("placeholderDefaults")
    void placeholderDefaultsForSecretsAreRedactedKeepingThePropertyName(String code, String expected) {
        assertThat(redactor.redact(code)).isEqualTo(expected);
        assertThat(redactor.redact(expected)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@Value(\"${db.password:}\") String password;",
                "String password = \"${db.password:}\";",
                "@Value(\"${server.port:8080}\") int port;",
                "@Value(\"${app.token.ttl:3600}\") long ttl;",
                "@Value(\"${db.password:#{null}}\") String password;",
                "String url = \"${db.url:jdbc:h2:mem:test}\";",
            })
    void placeholdersWithoutASecretDefaultAreKept(String code) {
        assertThat(redactor.redact(code)).isEqualTo(code);
    }

    static Stream<Arguments> secretsInComments() {
        return Stream.of(
                Arguments.of("// password: hunter2xyz", "// password: [REDACTED:password]"),
                Arguments.of("/* admin password is Tr0ub4dor&3 */", "/* admin password is [REDACTED:password] */"),
                Arguments.of(
                        "// e.g. \"/* token=abc*/\" or /* pwd is x1y2*/",
                        "// e.g. \"/* token=[REDACTED:token]*/\" or /* pwd is [REDACTED:password]*/"),
                Arguments.of(
                        "/* admin password is Tr0ub4dor&3*/ int x;",
                        "/* admin password is [REDACTED:password]*/ int x;"),
                Arguments.of(
                        "     * @param pwd the password, e.g. \"letmein123\"",
                        "     * @param pwd the password, e.g. \"[REDACTED:password]\""),
                Arguments.of("// the api key is " + OPENAI, "// the api key is [REDACTED:openai-api-key]"),
                Arguments.of("// API key: abc123def456", "// API key: [REDACTED:api-key]"),
                Arguments.of(
                        "int retries = 3; // password=hunter2", "int retries = 3; // password=[REDACTED:password]"),
                Arguments.of(
                        "connect(url); // the token is 'tok_9f8e7d'",
                        "connect(url); // the token is '[REDACTED:token]'"),
                Arguments.of("/*\n   default secret is s3cr3t!\n*/", "/*\n   default secret is [REDACTED:secret]\n*/"),
                Arguments.of("# db password is hunter2.", "# db password is [REDACTED:password]."),
                Arguments.of("<!-- the password is p@ssw0rd -->", "<!-- the password is [REDACTED:password] -->"),
                Arguments.of(
                        "String q = \"\"\"\n    # admin password hunter2xyz\n    \"\"\";",
                        "String q = \"\"\"\n    # admin password [REDACTED:password]\n    \"\"\";"),
                Arguments.of(
                        "// login with admin / password hunter2xyz",
                        "// login with admin / password [REDACTED:password]"),
                Arguments.of("// the reset token is set to abc-123", "// the reset token is set to [REDACTED:token]"));
    }

    @ParameterizedTest
    @MethodSource("secretsInComments")
    void secretsWrittenInCommentsAreRedacted(String code, String expected) {
        assertThat(redactor.redact(code)).isEqualTo(expected);
        assertThat(redactor.redact(expected)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "// password must be at least 8 characters",
                "// the token is refreshed every 5 minutes",
                "// TODO: hash the password before storing",
                "/** Returns the API key for the given tenant. */",
                "     * @param password the password to check, never null",
                "// password is hashed with SHA-256 and a 16-byte salt",
                "// the secret is base64-encoded, see RFC-4648",
                "// the token endpoint is https://auth.example.com/oauth2/token",
                "// the password hint is shown after 3 attempts",
                "// see {@link #setPassword(String)} and token2 handling",
                "// password is ${DB_PASSWORD}",
                "log.info(\"the password is \" + masked); // never log it",
                "String help = \"// password is hunter2xyz\";",
                "String glob = \"/static/*\"; String s = \"admin password is x\";",
                // Seen in the JDK's sources while tuning the heuristic:
                "/// @param sk2 parsed private key, `null` if none.",
                "     * The timestampTokenInfo ASN.1 type has the following definition:",
                "     * Retries an action with password \"\\0\" if \"\" fails.",
                "     * @see #CertAndKeyGen(String, String, String, PrivateKey, X500Name)",
                "//     HKDF-Expand-Label(derivedSecret, \"exporter\",",
                "     * example, \"SOCKS\" for a password-protected SOCKS5 firewall.",
                "     * their respective mechanisms for the credential elements?",
                "//      debug(\"  mechToken length=\" + mechTokenLength);",
                "     * Added here to pass KrbKdcRep.check:73",
                "// used when the password is set/reset.",
                "     *        auth-param        = token \"=\" ( token | quoted-string )",
            })
    void proseAboutSecretsInCommentsIsKept(String code) {
        assertThat(redactor.redact(code)).isEqualTo(code);
    }

    static Stream<Arguments> charArrays() {
        return Stream.of(
                Arguments.of(
                        "char[] password = {'h','u','n','t','e','r','2'};",
                        "char[] password = {'[REDACTED:password]'};"),
                Arguments.of("char[] pwd = new char[] {'a', 'b'};", "char[] pwd = new char[] {'[REDACTED:password]'};"),
                Arguments.of(
                        "private static final char[] STORE_PASSWORD = { 'c', '\\'', '\\u0041' };",
                        "private static final char[] STORE_PASSWORD = { '[REDACTED:password]' };"),
                Arguments.of("char secret[] = {'s'};", "char secret[] = {'[REDACTED:secret]'};"),
                Arguments.of(
                        "this.apiKey = new char[]{'k', '1',};", "this.apiKey = new char[]{'[REDACTED:api-key]',};"),
                Arguments.of(
                        "char[] password = {\n    'h', 'u',\n    'n'\n};",
                        "char[] password = {\n    '[REDACTED:password]'\n};"),
                Arguments.of(
                        "char[] password = \"hunter2\".toCharArray();",
                        "char[] password = \"[REDACTED:password]\".toCharArray();"));
    }

    @ParameterizedTest
    @MethodSource("charArrays")
    void charArraysNamedForSecretsLoseTheirCharacters(String code, String expected) {
        assertThat(redactor.redact(code)).isEqualTo(expected);
        assertThat(redactor.redact(expected)).isEqualTo(expected);
    }

    static Stream<Arguments> comparedAndPassedLiterals() {
        return Stream.of(
                // Covered already; pinned here with their variants.
                Arguments.of("if (\"hunter2\".equals(password))", "if (\"[REDACTED:password]\".equals(password))"),
                Arguments.of("\"x1\".equals(this.password)", "\"[REDACTED:password]\".equals(this.password)"),
                Arguments.of("password.equals(\"x1\")", "password.equals(\"[REDACTED:password]\")"),
                Arguments.of("\"x1\".equalsIgnoreCase(pwd)", "\"[REDACTED:password]\".equalsIgnoreCase(pwd)"),
                Arguments.of("token.contentEquals(\"t1\")", "token.contentEquals(\"[REDACTED:token]\")"),
                Arguments.of("b.password(\"hunter2\")", "b.password(\"[REDACTED:password]\")"),
                Arguments.of("ds.setPassword(\"hunter2\")", "ds.setPassword(\"[REDACTED:password]\")"),
                Arguments.of("builder.apiKey(\"abc\")", "builder.apiKey(\"[REDACTED:api-key]\")"),
                Arguments.of(
                        "setProperty(\"db.password\", \"hunter2\")",
                        "setProperty(\"db.password\", \"[REDACTED:password]\")"),
                Arguments.of(
                        "props.put(\"mail.smtp.password\", \"x\")",
                        "props.put(\"mail.smtp.password\", \"[REDACTED:password]\")"),
                Arguments.of(
                        "System.setProperty(\"javax.net.ssl.keyStorePassword\", \"changeit2\");",
                        "System.setProperty(\"javax.net.ssl.keyStorePassword\", \"[REDACTED:password]\");"),
                Arguments.of(
                        "System.setProperty(\"javax.net.ssl.trustStorePassword\", \"changeit2\");",
                        "System.setProperty(\"javax.net.ssl.trustStorePassword\", \"[REDACTED:password]\");"),
                // Two-argument equals.
                Arguments.of("Objects.equals(password, \"x1\")", "Objects.equals(password, \"[REDACTED:password]\")"),
                Arguments.of(
                        "Objects.equals(\"x1\", this.password)",
                        "Objects.equals(\"[REDACTED:password]\", this.password)"),
                Arguments.of(
                        "StringUtils.equalsIgnoreCase(user.pwd, \"x1\")",
                        "StringUtils.equalsIgnoreCase(user.pwd, \"[REDACTED:password]\")"),
                Arguments.of(
                        "assertEquals(\"hunter2\", password);", "assertEquals(\"[REDACTED:password]\", password);"),
                // A user and then a secret: the second argument is the secret.
                Arguments.of(
                        "withCredentials(\"user\", \"hunter2\")",
                        "withCredentials(\"user\", \"[REDACTED:credential]\")"),
                Arguments.of(
                        "new UsernamePasswordCredentials(\"admin\", \"s3cret\")",
                        "new UsernamePasswordCredentials(\"admin\", \"[REDACTED:password]\")"),
                Arguments.of(
                        "new UsernamePasswordAuthenticationToken(\"bob\", \"pw1\")",
                        "new UsernamePasswordAuthenticationToken(\"bob\", \"[REDACTED:password]\")"),
                Arguments.of(
                        "new PasswordAuthentication(\"user\", \"pass\".toCharArray())",
                        "new PasswordAuthentication(\"user\", \"[REDACTED:password]\".toCharArray())"),
                Arguments.of(
                        "headers.setBasicAuth(\"admin\", \"s3cret\");",
                        "headers.setBasicAuth(\"admin\", \"[REDACTED:password]\");"),
                Arguments.of(
                        "Credentials.basic(\"user\", \"pass\")",
                        "Credentials.basic(\"user\", \"[REDACTED:password]\")"),
                Arguments.of(
                        "given().auth().preemptive().basic(\"u\", \"p1\")",
                        "given().auth().preemptive().basic(\"u\", \"[REDACTED:password]\")"),
                Arguments.of(
                        "headers.setBasicAuth(\"dXNlcjpwYXNz\");", "headers.setBasicAuth(\"[REDACTED:basic-auth]\");"),
                // One argument, as before: taken as the secret.
                Arguments.of("withCredentials(\"token-only\")", "withCredentials(\"[REDACTED:credential]\")"));
    }

    @ParameterizedTest
    @MethodSource("comparedAndPassedLiterals")
    void literalsComparedWithOrPassedToSecretsAreRedacted(String code, String expected) {
        assertThat(redactor.redact(code)).isEqualTo(expected);
        assertThat(redactor.redact(expected)).isEqualTo(expected);
    }

    static Stream<Arguments> connectionStrings() {
        return Stream.of(
                Arguments.of(
                        "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + AZURE_KEY
                                + ";EndpointSuffix=core.windows.net",
                        "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=[REDACTED:azure-key]"
                                + ";EndpointSuffix=core.windows.net"),
                Arguments.of(
                        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
                                + "SharedAccessKey=" + AZURE_KEY.substring(0, 44) + ";EntityPath=orders",
                        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
                                + "SharedAccessKey=[REDACTED:azure-key];EntityPath=orders"),
                Arguments.of(
                        "BlobEndpoint=https://shop.blob.core.windows.net/;SharedAccessSignature=sv=2020-08-04&ss=b"
                                + "&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&" + SAS_SIG,
                        "BlobEndpoint=https://shop.blob.core.windows.net/;SharedAccessSignature=sv=2020-08-04&ss=b"
                                + "&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=[REDACTED:azure-sas]"),
                Arguments.of(
                        "https://shop.blob.core.windows.net/c/a.txt?sv=2021-06-08&sr=b&sp=r&" + SAS_SIG + "&se=2030",
                        "https://shop.blob.core.windows.net/c/a.txt?sv=2021-06-08&sr=b&sp=r&sig=[REDACTED:azure-sas]"
                                + "&se=2030"),
                Arguments.of(
                        "SharedAccessSignature sr=ns.servicebus.windows.net&" + SAS_SIG + "&se=1700000000&skn=Root",
                        "SharedAccessSignature sr=ns.servicebus.windows.net&sig=[REDACTED:azure-sas]"
                                + "&se=1700000000&skn=Root"),
                Arguments.of(
                        "String u = \"jdbc:postgresql://h/db?user=u&password=hunter2\";",
                        "String u = \"jdbc:postgresql://h/db?user=u&password=[REDACTED:password]\";"),
                Arguments.of(
                        "String u = \"jdbc:mysql://h:3306/db?user=app&password=p@ss&useSSL=false\";",
                        "String u = \"jdbc:mysql://h:3306/db?user=app&password=[REDACTED:password]&useSSL=false\";"),
                Arguments.of(
                        "String u = \"jdbc:sqlserver://h:1433;databaseName=x;user=sa;password=x;encrypt=true\";",
                        "String u = \"jdbc:sqlserver://h:1433;databaseName=x;user=sa;password=[REDACTED:password]"
                                + ";encrypt=true\";"),
                Arguments.of(
                        "String u = \"jdbc:sqlserver://h;user=sa;password={p@ss;word};encrypt=true\";",
                        "String u = \"jdbc:sqlserver://h;user=sa;password={[REDACTED:password]};encrypt=true\";"),
                Arguments.of(
                        "String odbc = \"Driver={ODBC Driver 18};Server=h;Uid=sa;Pwd={se;cret};\";",
                        "String odbc = \"Driver={ODBC Driver 18};Server=h;Uid=sa;Pwd={[REDACTED:password]};\";"),
                Arguments.of(
                        "String m = \"mongodb+srv://user:pass@cluster0.mongodb.net/db\";",
                        "String m = \"mongodb+srv://user:[REDACTED:url-password]@cluster0.mongodb.net/db\";"),
                Arguments.of(
                        "String m = \"mongodb://app:p%40ss@h1:27017,h2:27017/db?replicaSet=rs0\";",
                        "String m = \"mongodb://app:[REDACTED:url-password]@h1:27017,h2:27017/db?replicaSet=rs0\";"),
                Arguments.of(
                        "String r = \"redis://:pass@host:6379\";",
                        "String r = \"redis://:[REDACTED:url-password]@host:6379\";"),
                Arguments.of(
                        "String r = \"rediss://default:s3cret@cache:6380/0\";",
                        "String r = \"rediss://default:[REDACTED:url-password]@cache:6380/0\";"));
    }

    @ParameterizedTest
    @MethodSource("connectionStrings")
    void connectionStringsLoseTheirKeysAndPasswordsButKeepTheirShape(String code, String expected) {
        assertThat(redactor.redact(code)).isEqualTo(expected);
        assertThat(redactor.redact(expected)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "String c = \"UseDevelopmentStorage=true\";",
                "String c = \"DefaultEndpointsProtocol=https;AccountName=shop;EndpointSuffix=core.windows.net\";",
                "String c = \"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey\";",
                "String c = \"Driver={ODBC Driver 18 for SQL Server};Server=tcp:h,1433;Database=shop\";",
                "String q = \"https://example.com/search?q=1&sig=short\";",
            })
    void connectionStringsWithoutSecretsAreKept(String code) {
        assertThat(redactor.redact(code)).isEqualTo(code);
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                // One long line of name=value candidates, each asking where its line starts.
                Arguments.of("&password=a".repeat(100_000), "&password=[REDACTED:password]&password="),
                Arguments.of(" ".repeat(500_000) + "&token=b".repeat(50_000), "&token=[REDACTED:token]&token="),
                // name=value runs: each value runs on to the end, and is not redacted (no secret
                // name, or no context), so it must not be read again for every candidate in it.
                Arguments.of("x password=".repeat(100_000), "x password=x password="),
                Arguments.of("a=".repeat(300_000) + "&token=t", "&token=[REDACTED:token]"),
                // Placeholders: unclosed, nested deeply, and a secret default after a long name.
                Arguments.of("${a:".repeat(200_000), "${a:${a:"),
                Arguments.of("${password:".repeat(200_000) + "x}", "${password:[REDACTED:password]}"),
                Arguments.of("${a:".repeat(100_000) + "${db.password:${b:${c:x}}}", "${c:[REDACTED:password]}}}"),
                Arguments.of("${" + "a".repeat(300_000) + ":${b:x}}", "${b:x}}"),
                // Comments: many candidates on one line, in and out of comments, and unclosed ones.
                Arguments.of("// password is ".repeat(100_000), "// password is //"),
                Arguments.of("x password is a1b2 ".repeat(100_000), "x password is a1b2 x"),
                Arguments.of("/* x */ password is a1b2 ".repeat(100_000), "*/ password is a1b2 /*"),
                Arguments.of("/*".repeat(200_000) + " token: x1y2", "/*/*"),
                Arguments.of(
                        "\"".repeat(100_000) + "'".repeat(100_000) + "\n// token: x1y2", "// token: [REDACTED:token]"),
                Arguments.of(" * password: x1\n".repeat(100_000), " * password: [REDACTED:password]\n"),
                Arguments.of("// the api key is " + "a1".repeat(500_000), "// the api key is [REDACTED:api-key]"),
                Arguments.of("AccountKey=".repeat(100_000), "AccountKey=AccountKey="),
                Arguments.of("// " + "token:".repeat(200_000), "// token:[REDACTED:token]"),
                Arguments.of("// " + "key".repeat(300_000) + "(x)", "keykey(x)"),
                Arguments.of("// secret " + "x".repeat(1_000_000) + " y", "// secret [REDACTED:secret] y"),
                // char[] literals: a long unclosed one named for a secret, and a long run of chars.
                Arguments.of("char[] password = {" + "'a',".repeat(100_000), "{'a','a',"),
                Arguments.of("'a',".repeat(100_000), "'a','a',"),
                Arguments.of("char[] pwd = {" + "'a',".repeat(100_000) + "};", "{'[REDACTED:password]',};"),
                // Calls: long dotted chains in equals, many arguments, many pairs.
                Arguments.of(
                        "Objects.equals(" + "a.".repeat(200_000) + "password, \"x\")",
                        "password, \"[REDACTED:password]\")"),
                Arguments.of("equals(".repeat(200_000), "equals(equals("),
                // Connection strings: long runs of keys, key names and signatures, braces left open.
                Arguments.of("AccountKey=" + "A1/+".repeat(250_000) + ";", "AccountKey=[REDACTED:azure-key];"),
                Arguments.of("&sig=".repeat(200_000), "&sig=&sig="),
                Arguments.of(";password={".repeat(200_000), ";password={;password={"),
                // Shaped tokens: runs of their prefixes and of their alphabets, and Twilio context.
                Arguments.of("shpat_dapi".repeat(100_000), "shpat_dapishpat_"),
                Arguments.of("~Q8".repeat(300_000), "~Q8~Q8"),
                Arguments.of("twilio " + "0123456789abcdef".repeat(100_000), "twilio 0123"),
                Arguments.of(
                        "twilio " + "AC0123456789abcdef0123456789abcdef ".repeat(30_000),
                        "[REDACTED:twilio-account-sid] [REDACTED:twilio-account-sid]"),
                Arguments.of(
                        "withCredentials(\"u\", \"p\", ".repeat(100_000),
                        "withCredentials(\"u\", \"[REDACTED:credential]\""));
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    // Linear work takes a few seconds at most, quadratic work takes minutes. A separate thread, so
    // that a regex that never returns fails the test instead of hanging the build.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hostileInputsStayLinear(String input, String expected) {
        String out = redactor.redact(input);

        // Not contains(): a failure would print megabytes.
        assertThat(out.contains(expected))
                .as("redacted output contains %s", expected)
                .isTrue();
    }
}
