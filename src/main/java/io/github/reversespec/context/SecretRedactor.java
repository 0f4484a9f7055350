package io.github.reversespec.context;

import io.github.reversespec.llm.ModelProvider;
import io.github.reversespec.llm.ModelProviders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces secrets in text bound for a model with {@code [REDACTED:<kind>]}.
 *
 * <p>Two families of rules run in a fixed order. Secrets with a recognisable shape (private key
 * blocks, JWTs, cloud and SaaS tokens with a prefix of their own, passwords in URLs, Azure
 * account keys and SAS signatures) are found wherever they are. Secrets without one (a password
 * is any string) are found by the name they are given: a string literal assigned to, passed to,
 * compared with or paired with a name such as {@code dbPassword}, {@code API_KEY} or {@code
 * "client_secret"}; a {@code char[]} spelled out for such a name; the default of a placeholder
 * such as {@code ${db.password:s3cr3t}}; {@code name=value} in comments, strings, query and
 * connection strings; and, in comments only, prose such as {@code admin password is Tr0ub4dor&3},
 * where the value must also look like one (see {@code commentedValue}). Only the literal's
 * content is replaced, so the code keeps its shape: {@code String dbPassword =
 * "[REDACTED:password]";}, {@code @Value("${db.password:[REDACTED:password]}")}, {@code char[] pwd
 * = {'[REDACTED:password]'};}, {@code withCredentials("user", "[REDACTED:credential]")}.
 *
 * <p>The rules lean towards redacting: a false positive costs a little context, a miss leaks a
 * secret. Two things are kept on purpose, since they hide nothing: empty literals, and literals
 * that are only a property reference such as {@code "${db.password}"} (or one whose default is
 * empty or already redacted). Text already redacted is left as it is, so redacting twice changes
 * nothing.
 *
 * <p>Redaction stays linear on hostile input: quantifiers are possessive and groups atomic, a
 * replacer that reads on past its match (a long value) claims what it read so nothing is read
 * twice, and what replacers ask about the text (line starts, comment spans) is worked out once
 * per rule.
 *
 * <p>Redaction is cheap on text that cannot match: each rule's regex is tried only where a plain
 * string search says a match it keeps may start (a literal the match starts with, a word its
 * replacer wants nearby, a fragment such as {@code key} or {@code pass} its name must hold), not at
 * every character. That gives the same output as the regexes alone, which a test checks on real
 * code and on secrets dropped into it.
 *
 * <p>Instances hold only precompiled patterns and are safe to share between threads.
 */
public final class SecretRedactor {

    /** The marker's opening, {@code [REDACTED:}; the kind and a {@code ]} follow. */
    public static final String MARKER_PREFIX = "[REDACTED:";

    /**
     * The outcome of one redaction.
     *
     * @param text the redacted text
     * @param count how many secrets were replaced
     */
    public record Result(String text, int count) {}

    // Atomic: once a literal is found the engine must not try longer ones, or a run of quotes
    // costs quadratic time.
    private static final String LITERAL = "((?>\"\"\"[\\s\\S]*?\"\"\"" // a text block
            + "|\\\\\"(?:[^\"\\\\\\r\\n])*+\\\\\"" // an escaped literal inside a string: \"...\"
            + "|\"(?:[^\"\\\\\\r\\n]|\\\\.)*+\"" // a string literal
            + "|'(?:[^'\\\\\\r\\n]|\\\\.)*+'))"; // a char literal, or a single-quoted string in scripts

    private static final String QUOTE = "(?:\\\\?[\"'])";
    /** The qualifiers before a name, {@code this.} or {@code user.}; possessive, so a long chain is read once. */
    private static final String QUALIFIED = "(?:[\\w$]++\\.)*+";

    private static final String CHAR_LITERAL = "'(?:[^'\\\\\\r\\n]|\\\\.)*+'";
    private static final String BASE64_40 = "(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])";

    /** A property reference, with no default or an empty or already redacted one: {@code ${db.password:}}. */
    private static final Pattern PROPERTY_REFERENCE =
            Pattern.compile("[$#]\\{[\\w.\\-]+(?::-?(?:\\[REDACTED:[\\w-]+])?)?}");

    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern AWS_CONTEXT = Pattern.compile("(?i)aws|akia|asia|secret");

    /** Words that, after a secret word, make a name describe the secret rather than hold it. */
    private static final Set<String> DESCRIPTIVE_WORDS = Set.of(
            "algorithm",
            "algo",
            "attr",
            "attribute",
            "begin",
            "callback",
            "changed",
            "class",
            "col",
            "column",
            "converter",
            "cookie",
            "count",
            "delimiter",
            "description",
            "dir",
            "directory",
            "disabled",
            "enabled",
            "encoder",
            "encoding",
            "end",
            "endpoint",
            "env",
            "error",
            "errors",
            "exception",
            "expiration",
            "expire",
            "expires",
            "expiry",
            "factory",
            "field",
            "fields",
            "file",
            "filename",
            "filter",
            "format",
            "generator",
            "handler",
            "header",
            "headers",
            "helper",
            "hint",
            "holder",
            "index",
            "kind",
            "label",
            "len",
            "length",
            "lifetime",
            "listener",
            "location",
            "manager",
            "mapper",
            "max",
            "message",
            "min",
            "mode",
            "msg",
            "name",
            "names",
            "param",
            "params",
            "parameter",
            "parser",
            "path",
            "pattern",
            "policy",
            "prefix",
            "prompt",
            "prop",
            "props",
            "property",
            "properties",
            "provider",
            "query",
            "regex",
            "repository",
            "request",
            "required",
            "reset",
            "resolver",
            "response",
            "rule",
            "rules",
            "scope",
            "scopes",
            "separator",
            "service",
            "size",
            "source",
            "splitter",
            "strategy",
            "strength",
            "style",
            "suffix",
            "table",
            "template",
            "timeout",
            "title",
            "tokenizer",
            "ttl",
            "type",
            "types",
            "uri",
            "url",
            "urls",
            "util",
            "utils",
            "validation",
            "validator",
            "validity",
            "var",
            "variable",
            "version");

    /**
     * First words of methods whose argument names or asks for a secret rather than being one:
     * {@code getSecret("db-password")}, {@code readPassword("Password: ")}.
     */
    private static final Set<String> LOOKUP_VERBS = Set.of(
            "ask",
            "contains",
            "delete",
            "fetch",
            "find",
            "get",
            "has",
            "is",
            "load",
            "lookup",
            "prompt",
            "read",
            "remove",
            "request",
            "resolve",
            "retrieve");

    /**
     * Words of calls that take a user and then a secret, so the secret is the second literal:
     * {@code withCredentials}, {@code UsernamePasswordCredentials}, {@code PasswordAuthentication}.
     */
    private static final Set<String> USER_AND_SECRET_WORDS =
            Set.of("authentication", "credential", "credentials", "creds", "login", "user", "username");

    /** First words of two-word names that end in {@code key}: {@code apiKey}, {@code signing_key}. */
    private static final Set<String> KEY_QUALIFIERS = Set.of(
            "access",
            "api",
            "app",
            "auth",
            "client",
            "consumer",
            "encryption",
            "hmac",
            "jwt",
            "master",
            "private",
            "secret",
            "session",
            "signing",
            "subscription");

    /** A second word that makes a two-word name in prose: "api key", "admin password". */
    private static final String SECRET_WORD = "(?i:key|token|secret|password|passphrase)(?![\\w.\\-])";

    /**
     * What stands between a name and its value in prose: {@code :} or {@code =}; words such as
     * {@code is}, {@code set to}, {@code , e.g.}; or a blank alone (group 1 then matches, and the
     * name must end in the secret word). Atomic, so a value that fails does not make the engine
     * try shorter separators.
     */
    private static final String PROSE_SEPARATOR = "(?>[ \\t]*+[:=][ \\t]*+"
            + "|,?[ \\t]++(?:(?i:is|was|are|be|set to|e\\.g\\.|eg|i\\.e\\.|for example|such as|like"
            + "|defaults? to|default)(?![\\w.])[ \\t]*+[:,]?[ \\t]*+)++|([ \\t]++))";

    /**
     * A value in prose: quoted, or where an unquoted word starts (the replacer reads the word, so
     * that a long one is not matched again for every candidate in it).
     */
    private static final String PROSE_VALUE =
            "((?>\"[^\"\\r\\n]*+\"|'[^'\\r\\n]*+'|`[^`\\r\\n]*+`)" + "|(?=[^\\s\"'`<>(){}\\[\\],;=]))";

    /** Characters that end an unquoted word in prose. */
    private static final String PROSE_WORD_END = " \t\n\013\f\r\"'`<>(){}[],;";

    /** Longer than any word of prose: an unquoted word this long after a secret's name is a value. */
    private static final int LONG_WORD = 256;

    /**
     * Words of technical prose that look like values (a digit among letters) but name an
     * algorithm, encoding or version: {@code SHA-256}, {@code base64-encoded}, {@code v2}.
     */
    private static final Pattern TECHNICAL_TERM = Pattern.compile("(?i)(?:(?:sha|md|utf|aes|rsa|dsa|pbkdf|base|argon"
            + "|oauth|http|tls|ssl|rfc|iso|crc|ucs|des|ecdsa|ed|asn|socks)\\.?-?\\d++|x\\.?509|hmac-?sha-?\\d++)"
            + "(?:[-_./]?+[a-z]++\\d*+)*+|v\\d++(?:\\.\\d++)*+");

    /** Names that may take a value after a blank alone: "password hunter2xyz", not "pass KrbRep.check:73". */
    private static final Pattern BARE_NAME =
            Pattern.compile("(?i).*(?:password|passwd|pwd|passphrase|secret|token|key)");

    /** A word that starts a name=value of its own ("size=", "length=8"), which other rules read. */
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][\\w.]*+=.*+");

    /**
     * Tokens that announce themselves by a prefix or a fixed shape, after the classes a secret
     * scanner such as gitleaks knows (the patterns are our own): kind, then pattern with no
     * capturing group and its own end boundary (the start one is shared). They are found in one
     * pass, each alternative captured as one group whose index names its kind.
     */
    private static final String[][] PREFIXED_TOKENS = {
        {"twilio-api-key", "SK[0-9a-fA-F]{32}(?![A-Za-z0-9])"},
        {"mailgun-api-key", "key-[0-9a-f]{32}(?![\\w-])"},
        {"shopify-token", "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?!\\w)"},
        {"pypi-token", "pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[\\w-]{50,}+"},
        {"databricks-token", "dapi[a-f0-9]{32}(?:-\\d)?+(?![\\w-])"},
        {"digitalocean-token", "do[por]_v1_[a-f0-9]{64}(?!\\w)"},
        {"atlassian-token", "ATATT3[\\w=-]{100,}+"},
        {"doppler-token", "dp\\.(?:pt|st|sa|ct|scim|audit)\\.[\\w.-]{40,}+"},
        {"square-token", "sq0(?:atp|csp)-[\\w-]{22,}+"},
        {"square-token", "EAAA[\\w-]{56,60}+(?![\\w+/=-])"},
        {"postman-api-key", "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}(?!\\w)"},
        {"grafana-token", "glc_[A-Za-z0-9+/]{32,}+={0,2}+"},
        {"grafana-token", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?!\\w)"},
        {"grafana-token", "eyJrIjoi[A-Za-z0-9+/]{60,}+={0,2}+"},
        {"age-secret-key", "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])"},
        {"vault-token", "hv[sb]\\.[\\w-]{90,}+"},
        {"sentry-token", "sntry[us]_[\\w+/=]{40,}+"},
        {"linear-api-key", "lin_api_[A-Za-z0-9]{40}(?!\\w)"},
        {"planetscale-token", "pscale_(?:tkn|oauth|pw)_[\\w.=-]{32,}+"},
        {"pulumi-token", "pul-[a-f0-9]{40}(?![\\w-])"},
        {"rubygems-token", "rubygems_[a-f0-9]{48}(?!\\w)"},
        {"dynatrace-token", "dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}(?!\\w)"},
        {"brevo-api-key", "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?!\\w)"},
        {"perplexity-api-key", "pplx-[A-Za-z0-9]{48}(?!\\w)"},
        {"heroku-api-key", "HRKU-AA[\\w-]{58}(?![\\w-])"},
        {"alibaba-access-key-id", "LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9])"},
        {"openshift-token", "sha256~[\\w-]{43}(?![\\w-])"},
        {"artifactory-api-key", "AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])"},
        {"1password-token", "ops_eyJ[A-Za-z0-9+/]{250,}+={0,3}+"}
    };

    /**
     * All of {@link #PREFIXED_TOKENS}, behind one shared boundary and a look at the first
     * character (every pattern there starts with a literal one): most positions fail at once
     * instead of trying every alternative.
     */
    private static final Pattern PREFIXED_TOKEN = Pattern.compile("(?<![\\w.~+/-])(?=["
            + Arrays.stream(PREFIXED_TOKENS)
                    .map(token -> token[1].substring(0, 1))
                    .distinct()
                    .collect(Collectors.joining())
            + "])(?:"
            + Arrays.stream(PREFIXED_TOKENS).map(token -> "(" + token[1] + ")").collect(Collectors.joining("|"))
            + ")");

    /** The literal each of {@link #PREFIXED_TOKENS} starts with, for {@link #literal}. */
    private static final String[] PREFIXED_TOKEN_PREFIXES = Arrays.stream(PREFIXED_TOKENS)
            .map(token -> literalPrefix(token[1]))
            .distinct()
            .toArray(String[]::new);

    private static final Pattern TWILIO_CONTEXT = Pattern.compile("(?i)twilio");

    /** Marks where the registered model providers' key shapes run, among the shaped rules. */
    private static final Rule PROVIDER_KEYS = new Rule("provider-keys", Pattern.compile("(?!)"), Rule::whole);

    private static final List<Rule> RULES = withProviderKeys(List.of(
            // Whole PEM blocks first: their base64 body would otherwise feed the other rules.
            new Rule(
                    "private-key",
                    Pattern.compile("-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----"
                            + "[^;{}]{0,200000}?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----"),
                    Rule::whole,
                    literal("-----BEGIN")),
            new Rule(
                    "private-key",
                    Pattern.compile("-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----"
                            + "(?:[\\s\"'+]|\\\\[nr]|[A-Za-z0-9+/=:,\\-])*+"),
                    SecretRedactor::unterminatedPem,
                    literal("-----BEGIN")),
            new Rule(
                    "jwt",
                    Pattern.compile("(?<![\\w-])eyJ[\\w-]{4,}+\\.eyJ[\\w-]{4,}+\\.[\\w-]*+"),
                    Rule::whole,
                    literal("eyJ")),
            new Rule(
                    "aws-access-key-id",
                    Pattern.compile(
                            "(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}"
                                    + "(?![A-Za-z0-9])"),
                    Rule::whole,
                    literal("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "A3T")),
            // Before the AWS secret rule, which would take a 40-character body for its own.
            new Rule("token", PREFIXED_TOKEN, SecretRedactor::prefixedToken, literal(PREFIXED_TOKEN_PREFIXES)),
            // Shaped tokens without a literal first character.
            new Rule(
                    "azure-ad-client-secret",
                    Pattern.compile("(?<![\\w~.+/-])[\\w~.]{3}\\dQ~[\\w~.-]{31,34}+(?![\\w~.-])"),
                    Rule::whole,
                    literalAt(4, "Q~")),
            new Rule(
                    "terraform-token",
                    Pattern.compile("(?<![\\w.+/-])[A-Za-z0-9]{14}\\.atlasv1\\.[\\w=-]{60,}+"),
                    Rule::whole,
                    literalAt(14, ".atlasv1.")),
            new Rule(
                    "twilio",
                    Pattern.compile("(?<![A-Za-z0-9])(?:AC)?[0-9a-f]{32}(?![A-Za-z0-9])"),
                    SecretRedactor::twilioCredential,
                    after(300, "twilio")),
            new Rule(
                    "aws-secret-access-key",
                    Pattern.compile(BASE64_40),
                    SecretRedactor::awsSecret,
                    after(300, "aws", "akia", "asia", "secret")),
            PROVIDER_KEYS,
            new Rule(
                    "github-token",
                    Pattern.compile("(?<!\\w)(?:gh[pousr]_[A-Za-z0-9]{20,}+|github_pat_\\w{20,}+)"),
                    Rule::whole,
                    literal("gh", "github_pat_")),
            new Rule(
                    "gitlab-token",
                    Pattern.compile("(?<!\\w)(?:gl(?:pat|ptt|dt|rt|cbt|ft|imt|agent|oas|soat|ffct)-"
                            + "|GR1348941)[\\w-]{20,}+"),
                    Rule::whole,
                    literal("gl", "GR1348941")),
            new Rule(
                    "slack-webhook",
                    Pattern.compile("(https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/)([\\w/\\-]+)"),
                    Rule.group(2),
                    literal("http")),
            new Rule(
                    "discord-webhook",
                    Pattern.compile("(https?://(?:\\w+\\.)?discord(?:app)?\\.com/api/webhooks/)([\\w/\\-]+)"),
                    Rule.group(2),
                    literal("http")),
            new Rule(
                    "slack-token",
                    Pattern.compile("(?<!\\w)(?:xox[abposre]-[A-Za-z0-9-]{10,}+|xapp-\\d-[A-Za-z0-9-]{10,}+)"),
                    Rule::whole,
                    literal("xox", "xapp-")),
            new Rule(
                    "stripe-key",
                    Pattern.compile(
                            "(?<!\\w)(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,}+" + "|whsec_[A-Za-z0-9]{20,}+)"),
                    Rule::whole,
                    literal("sk_", "rk_", "whsec_")),
            new Rule("gcp-api-key", Pattern.compile("(?<![\\w-])AIza[\\w-]{30,}+"), Rule::whole, literal("AIza")),
            new Rule(
                    "gcp-oauth-token",
                    Pattern.compile("(?<![\\w-])ya29\\.[\\w-]{20,}+"),
                    Rule::whole,
                    literal("ya29.")),
            new Rule("npm-token", Pattern.compile("(?<!\\w)npm_[A-Za-z0-9]{30,}+"), Rule::whole, literal("npm_")),
            new Rule(
                    "huggingface-token",
                    Pattern.compile("(?<!\\w)(?:hf_[A-Za-z0-9]{30,}+|api_org_[A-Za-z]{34})"),
                    Rule::whole,
                    literal("hf_", "api_org_")),
            new Rule(
                    "sendgrid-key",
                    Pattern.compile("(?<![\\w.])SG\\.[\\w-]{16,}+\\.[\\w-]{16,}+"),
                    Rule::whole,
                    literal("SG.")),
            new Rule(
                    "url-password",
                    Pattern.compile(
                            "(?<![\\w+.\\-])([A-Za-z][A-Za-z0-9+.\\-]*+://)([^\\s:/@\"'<>\\[\\]]*+):([^\\s@/\"'<>]++)@"),
                    Rule.group(3),
                    SecretRedactor::schemes),
            new Rule(
                    "url-password",
                    Pattern.compile("(jdbc:oracle:[a-z]++:)([^/@\\s\"':;]++)/([^@\\s\"']++)@"),
                    Rule.group(3),
                    literal("jdbc:oracle:")),
            // Azure connection strings: the storage or Service Bus key, and a SAS token's signature
            // (the other SAS fields, such as expiry and permissions, are no secret).
            new Rule(
                    "azure-key",
                    Pattern.compile(
                            "(?<![\\w])((?i:AccountKey|SharedAccessKey)[ \\t]*+=[ \\t]*+)([A-Za-z0-9+/]{20,}+={0,2}+)"),
                    Rule.group(2),
                    literalIgnoreCase("accountkey", "sharedaccesskey")),
            new Rule(
                    "azure-sas",
                    Pattern.compile("([?&;\\s]sig=)([A-Za-z0-9%+/=]{16,}+)"),
                    Rule.group(2),
                    literalAt(1, "sig=")),
            new Rule(
                    "basic-auth",
                    Pattern.compile("(?i)(authorization" + QUOTE + "?\\s*+[:=,]\\s*+" + QUOTE + "?basic\\s++)"
                            + "([A-Za-z0-9+/]{4,}+={0,2})"),
                    Rule.group(2),
                    literalIgnoreCase("authorization")),
            new Rule(
                    "basic-auth",
                    Pattern.compile("([\"']Basic\\s++)([A-Za-z0-9+/]{8,}+={0,2})(?=[\"'])"),
                    Rule.group(2),
                    literalAt(1, "Basic")),
            new Rule(
                    "bearer-token",
                    Pattern.compile("(?i)(\\bbearer\\s++)([\\w.~+/\\-]{16,}+=*+)"),
                    Rule.group(2),
                    literalIgnoreCase("bearer")),
            // Secrets known only by their name. A placeholder's default first, so that a literal named
            // for a secret and holding one keeps the property name: "${db.password:[REDACTED:password]}".
            new Rule(
                    "placeholder",
                    Pattern.compile("\\$\\{([A-Za-z_][\\w.\\-]*+)(:-?)([^{}\"'\\\\\\r\\n]*+)}"),
                    SecretRedactor::placeholderDefault,
                    literal("${")),
            // Then literals assigned, compared, paired or passed.
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$.\\-\"'\\\\])" + QUOTE + "?+([A-Za-z_$][\\w$.\\-]*+)" + QUOTE
                            + "?(\\s*+(?:[=!]=|=>|:=|=|:)\\s*+)" + LITERAL),
                    SecretRedactor::namedLiteral,
                    names()),
            // A char[] spelled out, the way a password is kept out of the string pool.
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*+)(\\s*+(?:\\[\\s*+]\\s*+)?=\\s*+"
                            + "(?:new\\s++char\\s*+\\[\\s*+]\\s*+)?\\{\\s*+)"
                            + "(" + CHAR_LITERAL + "(?:\\s*+,\\s*+" + CHAR_LITERAL + ")*+)(?=\\s*+,?\\s*+})"),
                    SecretRedactor::charArray,
                    names()),
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$.\\-\"'\\\\])" + QUOTE + "([A-Za-z_][\\w.\\-]*+)" + QUOTE
                            + "(\\s*+,\\s*+)" + LITERAL),
                    SecretRedactor::namedLiteral,
                    names()),
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*+)(\\s*+\\(\\s*+)" + LITERAL + "(?:(\\s*+,\\s*+)"
                            + LITERAL + ")?"),
                    SecretRedactor::passedLiteral,
                    names("basic")),
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*+)(\\s*+\\(\\s*+\\)\\s*+default\\s*+)" + LITERAL),
                    SecretRedactor::namedLiteral,
                    names()),
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*+)(\\s*+\\.\\s*+"
                            + "(?:equals|equalsIgnoreCase|contentEquals|startsWith|endsWith|matches)\\s*+\\(\\s*+)"
                            + LITERAL),
                    SecretRedactor::namedLiteral,
                    names()),
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$])(?:equals|equalsIgnoreCase|assertEquals|assertNotEquals)"
                            + "\\s*+\\(\\s*+(?:" + QUALIFIED + "([A-Za-z_$][\\w$]*+)\\s*+,\\s*+" + LITERAL
                            + "|" + LITERAL + "\\s*+,\\s*+" + QUALIFIED + "([A-Za-z_$][\\w$]*+))\\s*+\\)"),
                    SecretRedactor::equalsCall,
                    literal("equals", "assertEquals", "assertNotEquals")),
            new Rule(
                    "name",
                    Pattern.compile(LITERAL
                            + "\\s*+\\.\\s*+(?:equals|equalsIgnoreCase|contentEquals)\\s*+\\(\\s*+"
                            + "(?:[\\w$]+\\.)*([A-Za-z_$][\\w$]*+)"
                            + "\\s*+\\)"),
                    SecretRedactor::comparedLiteral,
                    SecretRedactor::comparedLiteralStarts),
            // A braced value in a connection string, where it may hold ';': "password={p@ss;word}".
            new Rule(
                    "name",
                    Pattern.compile("(?<=[;?&\"'])([A-Za-z_][\\w.\\-]*+)([ \\t]*+=[ \\t]*+\\{)([^{}\\r\\n\"']*+)}"),
                    SecretRedactor::bracedValue,
                    names()),
            new Rule(
                    "name",
                    Pattern.compile("(?:(?<=\\\\[nrt])|(?<![\\w$.\\-\\\\])(-D)?)([A-Za-z_][\\w.\\-]*+)"
                            + "([ \\t]*+[=:][ \\t]*+)(?=[^\\s\"'`<>;,&(){}\\[\\]\\\\$%])"),
                    SecretRedactor::unquotedValue,
                    names()),
            // Secrets written out in a comment: "admin password is Tr0ub4dor&3", "API key: abc123".
            new Rule(
                    "name",
                    Pattern.compile("(?<![\\w$.\\-])((?:[A-Za-z_][\\w.\\-]*+[ \\t]++" + SECRET_WORD + ")"
                            + "|(?>(?=[A-Za-z_])[\\w.\\-]*?(?i:pass|pwd|secret|token|key|cred))[\\w.\\-]*+)"
                            + "(" + PROSE_SEPARATOR + ")" + PROSE_VALUE),
                    SecretRedactor::commentedValue,
                    SecretRedactor::proseNames)));

    private final KnownSecrets known;

    /** A redactor that knows no configured credential: it finds secrets by their shape and name. */
    public SecretRedactor() {
        this(KnownSecrets.none());
    }

    /**
     * A redactor that also replaces the configured credentials, in any of their encodings, first:
     * a key in use is redacted as {@code [REDACTED:api-key]} whatever its shape.
     */
    public SecretRedactor(KnownSecrets known) {
        this.known = known;
    }

    /**
     * The rules with the registered providers' API-key shapes in place of {@link #PROVIDER_KEYS}: a
     * provider added to {@link ModelProviders} has its keys redacted without a change here.
     */
    private static List<Rule> withProviderKeys(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule == PROVIDER_KEYS) {
                for (ModelProvider p : ModelProviders.all()) {
                    out.add(new Rule(p.keyKind(), p.keyShape(), Rule::whole, shapeStarts(p.keyShape())));
                }
            } else {
                out.add(rule);
            }
        }
        return List.copyOf(out);
    }

    /** Redacts {@code text}; {@code null} stays {@code null}. */
    public String redact(String text) {
        return text == null ? null : redactCounting(text).text();
    }

    /** Redacts {@code text} and reports how many secrets were replaced. */
    public Result redactCounting(String text) {
        return redactCounting(text, true);
    }

    /**
     * Redacts {@code text}, each rule looking for matches only where its {@link Rule#starts} says
     * one may begin when {@code prefilter} is set, everywhere otherwise. Both give the same
     * result; the second, the rules' regexes alone, is kept for the test that says so.
     */
    Result redactCounting(String text, boolean prefilter) {
        String current = text == null ? "" : text;
        int count = 0;
        String withoutKnown = known.redact(current);
        if (!withoutKnown.equals(current)) {
            count++;
            current = withoutKnown;
        }
        Scan scan = null;
        for (Rule rule : RULES) {
            BitSet starts = null;
            if (prefilter && rule.starts() != null) {
                if (scan == null || scan.text != current) {
                    scan = new Scan(current);
                }
                starts = rule.starts().of(scan);
                if (starts != null && starts.isEmpty()) {
                    continue; // no match this rule keeps can start anywhere in the text
                }
            }
            Source source = new Source(current);
            Matcher m = rule.pattern().matcher(current);
            if (starts != null) {
                m.useTransparentBounds(true).useAnchoringBounds(false);
            }
            StringBuilder out = null;
            int last = 0;
            boolean found = starts == null ? m.find() : matchFrom(m, starts, 0, current.length());
            while (found) {
                String replacement = rule.replacer().replace(m, source, rule.kind());
                if (replacement == null) {
                    // The match may hide a secret inside it, such as JSON in a string assigned to
                    // an ordinary name: look again one character further on.
                    found = starts == null
                            ? m.find(m.start() + 1)
                            : matchFrom(m, starts, m.start() + 1, current.length());
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(current.length() + 64);
                }
                out.append(current, last, m.start()).append(replacement);
                int claimed = source.takeClaim();
                last = Math.max(m.end(), claimed);
                count++;
                if (starts != null) {
                    // As find() goes on: after the claim, or the match, or one past an empty match.
                    int from = claimed > m.end() ? last : m.end() == m.start() ? m.end() + 1 : m.end();
                    found = matchFrom(m, starts, from, current.length());
                } else {
                    found = claimed > m.end() ? last < current.length() && m.find(last) : m.find();
                }
            }
            if (out != null) {
                current = out.append(current, last, current.length()).toString();
            }
        }
        return new Result(current, count);
    }

    /**
     * The kind of secret a name holds ({@code password}, {@code token}, {@code api-key}, ...), or
     * {@code null} when the name does not look like it holds one. {@code dbPassword}, {@code
     * API_KEY}, {@code client_secret} and {@code aws.secretAccessKey} hold secrets; {@code
     * tokenizer}, {@code passwordEncoder} and {@code TOKEN_HEADER} do not.
     */
    static String secretKind(String name) {
        if (!mayNameASecret(name)) {
            return null; // most names: no need to split them into words
        }
        List<String> words = words(name);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String kind = null;
            int end = i;
            if (word.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                kind = keyKind(words.get(i - 1));
            } else if (word.endsWith("password")
                    || word.endsWith("passwd")
                    || word.equals("pwd")
                    || word.equals("passphrase")
                    || word.equals("passwords")
                    || (word.equals("pass") && i == words.size() - 1)) {
                kind = "password";
            } else if (word.endsWith("secret") || word.equals("secrets") || word.equals("secretkey")) {
                kind = "secret";
                if (i + 1 < words.size() && words.get(i + 1).equals("key")) {
                    end = i + 1;
                }
            } else if (word.endsWith("token")) {
                kind = "token";
            } else if (word.endsWith("apikey")) {
                kind = "api-key";
            } else if (word.endsWith("accesskey")) {
                kind = "access-key";
            } else if (word.endsWith("privatekey")) {
                kind = "private-key";
            } else if (word.equals("credential") || word.equals("credentials") || word.equals("creds")) {
                kind = "credential";
            }
            if (kind != null) {
                for (int j = end + 1; j < words.size(); j++) {
                    if (isDescriptive(words.get(j))) {
                        return null;
                    }
                }
                return kind;
            }
        }
        return null;
    }

    /** A descriptive word or its plural: {@code TOKEN_SEPARATORS} names separators, as {@code TOKEN_SEPARATOR} does. */
    private static boolean isDescriptive(String word) {
        return DESCRIPTIVE_WORDS.contains(word)
                || word.endsWith("s") && DESCRIPTIVE_WORDS.contains(word.substring(0, word.length() - 1));
    }

    private static String keyKind(String qualifier) {
        return switch (qualifier) {
            case "api", "app", "subscription" -> "api-key";
            case "access" -> "access-key";
            case "private" -> "private-key";
            default -> "secret";
        };
    }

    /**
     * Whether {@code name} contains, in any case, one of the fragments every secret name of
     * {@link #secretKind} has (pass, pwd, secret, token, key, cred). A quick test before the
     * word split, which is the costly part and is asked of every name in a prompt.
     */
    private static boolean mayNameASecret(String name) {
        for (String fragment : SECRET_FRAGMENTS) {
            if (containsIgnoreCase(name, fragment)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SECRET_FRAGMENTS = {"pass", "pwd", "secret", "token", "key", "cred"};

    private static boolean containsIgnoreCase(String text, String lowerFragment) {
        int n = lowerFragment.length();
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            if (text.regionMatches(true, i, lowerFragment, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : NON_ALNUM.split(name)) {
            for (String word : CAMEL_BOUNDARY.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    private static String marker(String kind) {
        return MARKER_PREFIX + kind + "]";
    }

    private static boolean isMarker(String s) {
        return s.startsWith(MARKER_PREFIX);
    }

    // ------------------------------------------------------------------ replacers

    private static String unterminatedPem(Matcher m, Source source, String kind) {
        long base64 = m.group()
                .chars()
                .filter(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/')
                .count();
        // A bare header (a constant in PEM-parsing code) is no secret; a header with a body is.
        return base64 - "BEGINPRIVATEKEY".length() >= 64 ? marker(kind) : null;
    }

    private static String prefixedToken(Matcher m, Source source, String ruleKind) {
        for (int i = 1; i <= PREFIXED_TOKENS.length; i++) {
            String token = m.group(i);
            if (token != null) {
                // Square's EAAA tokens are random; base64 of binary data may start EAAA too.
                return token.startsWith("EAAA") && !mixed(token) ? null : marker(PREFIXED_TOKENS[i - 1][0]);
            }
        }
        return null;
    }

    /**
     * A Twilio account SID ({@code AC} and 32 hex digits) or auth token (32 hex digits) with
     * Twilio mentioned shortly before; elsewhere 32 hex digits are as likely an MD5 sum.
     */
    private static String twilioCredential(Matcher m, Source source, String ruleKind) {
        int from = Math.max(0, m.start() - 300);
        if (!TWILIO_CONTEXT.matcher(source.text).region(from, m.start()).find()) {
            return null;
        }
        return marker(m.group().startsWith("AC") ? "twilio-account-sid" : "twilio-auth-token");
    }

    /** Whether {@code s} has an upper-case letter, a lower-case letter and a digit, as random tokens do. */
    private static boolean mixed(String s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
        }
        return upper && lower && digit;
    }

    private static String awsSecret(Matcher m, Source source, String kind) {
        String text = source.text;
        if (!mixed(m.group(1))) {
            return null;
        }
        // Random 40-character base64 strings are AWS secret keys when AWS or a secret is nearby;
        // elsewhere they are as likely to be test data, so the context decides.
        int from = Math.max(0, m.start() - 300);
        return AWS_CONTEXT.matcher(text.substring(from, m.start())).find() ? marker(kind) : null;
    }

    /**
     * The default of a placeholder named for a secret, {@code ${db.password:s3cr3t}}, or nested in
     * one, {@code ${db.password:${FALLBACK:s3cr3t}}}. Empty defaults hide nothing and are kept.
     */
    private static String placeholderDefault(Matcher m, Source source, String ruleKind) {
        String value = m.group(3).strip();
        if (value.isEmpty() || isMarker(value)) {
            return null;
        }
        String kind = secretKind(m.group(1));
        if (kind == null) {
            kind = enclosingPlaceholderKind(source.text, m.start());
        }
        return kind == null ? null : Rule.replaceGroup(m, 3, marker(kind));
    }

    /**
     * The kind of the nearest of a few placeholders around the one at {@code at} whose default it
     * is and which are named for a secret, or {@code null}. Bounded, so that a deep or hostile
     * nesting costs no more than a few names for each placeholder.
     */
    private static String enclosingPlaceholderKind(String text, int at) {
        int pos = at;
        for (int depth = 0; depth < 4; depth++) {
            int colon = pos - 1;
            if (colon >= 0 && text.charAt(colon) == '-') {
                colon--;
            }
            if (colon < 0 || text.charAt(colon) != ':') {
                return null;
            }
            int nameStart = colon;
            while (nameStart > 0 && colon - nameStart < 200 && isPropertyNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (nameStart == colon || nameStart < 2 || !text.startsWith("${", nameStart - 2)) {
                return null;
            }
            String kind = secretKind(text.substring(nameStart, colon));
            if (kind != null) {
                return kind;
            }
            pos = nameStart - 2;
        }
        return null;
    }

    private static boolean isPropertyNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
    }

    private static String namedLiteral(Matcher m, Source source, String ruleKind) {
        String kind = secretKind(m.group(1));
        return kind == null ? null : redactLiteral(m, 3, kind);
    }

    /**
     * The characters of a {@code char[]} named for a secret, replaced by one char literal holding
     * the marker: {@code char[] password = {'[REDACTED:password]'};}. It reads as what it was, an
     * array initialised with a literal secret, in the quoted form every other redacted literal
     * has, and tells nothing of the length. An empty array, {@code {}}, or a comment in the
     * braces would read as code with a different meaning.
     */
    private static String charArray(Matcher m, Source source, String ruleKind) {
        String kind = secretKind(m.group(1));
        String chars = m.group(3);
        if (kind == null || isMarker(chars.substring(1))) {
            return null;
        }
        return Rule.replaceGroup(m, 3, "'" + marker(kind) + "'");
    }

    /**
     * A literal passed to a method named for a secret: {@code setPassword("x")}, not {@code
     * readPassword("P")}. A call taking a user and then a secret, {@code withCredentials("user",
     * "pw")}, {@code new UsernamePasswordCredentials("u", "pw")} or {@code setBasicAuth("u", "pw")},
     * loses its second literal and keeps the user.
     */
    private static String passedLiteral(Matcher m, Source source, String ruleKind) {
        String name = m.group(1);
        List<String> words = words(name);
        if (!words.isEmpty() && LOOKUP_VERBS.contains(words.get(0)) && words.size() > 1) {
            return null;
        }
        String kind = secretKind(name);
        boolean basicAuth = kind == null && isBasicAuth(words);
        if (kind == null && !basicAuth) {
            return null;
        }
        if (m.group(5) != null && (basicAuth || words.stream().anyMatch(USER_AND_SECRET_WORDS::contains))) {
            return redactLiteral(m, 5, basicAuth ? "password" : kind);
        }
        return redactLiteral(m, 3, basicAuth ? "basic-auth" : kind);
    }

    /** {@code basic}, {@code basicAuth}, {@code setBasicAuth}, {@code basicAuthentication}. */
    private static boolean isBasicAuth(List<String> words) {
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        return words.contains("basic")
                && (last.equals("basic") || last.equals("auth") || last.equals("authentication"));
    }

    /** A literal compared with a name for a secret: {@code Objects.equals(password, "x")}. */
    private static String equalsCall(Matcher m, Source source, String ruleKind) {
        boolean nameFirst = m.group(1) != null;
        String kind = secretKind(nameFirst ? m.group(1) : m.group(4));
        return kind == null ? null : redactLiteral(m, nameFirst ? 2 : 3, kind);
    }

    private static String comparedLiteral(Matcher m, Source source, String ruleKind) {
        String kind = secretKind(m.group(2));
        return kind == null ? null : redactLiteral(m, 1, kind);
    }

    /** Replaces the content of the literal in {@code group}, keeping its quotes. */
    private static String redactLiteral(Matcher m, int group, String kind) {
        String literal = m.group(group);
        String open;
        String close;
        if (literal.startsWith("\"\"\"")) {
            int newline = literal.indexOf('\n');
            open = newline > 0 ? literal.substring(0, newline + 1) : "\"\"\"";
            close = "\"\"\"";
        } else if (literal.startsWith("\\")) {
            open = "\\\"";
            close = "\\\"";
        } else {
            open = literal.substring(0, 1);
            close = open;
        }
        if (literal.length() < open.length() + close.length()) {
            return null;
        }
        String content = literal.substring(open.length(), literal.length() - close.length())
                .strip();
        if (content.isEmpty()
                || isMarker(content)
                || PROPERTY_REFERENCE.matcher(content).matches()) {
            return null;
        }
        String whole = m.group();
        int start = m.start(group) - m.start();
        return whole.substring(0, start) + open + marker(kind) + close + whole.substring(start + literal.length());
    }

    /** A braced value named for a secret: {@code Pwd={se;cret}} keeps its braces. */
    private static String bracedValue(Matcher m, Source source, String ruleKind) {
        String kind = secretKind(m.group(1));
        String value = m.group(3).strip();
        return kind == null || value.isEmpty() || isMarker(value) ? null : Rule.replaceGroup(m, 3, marker(kind));
    }

    /**
     * An unquoted value after a secret's name, in a context that makes it configuration. The
     * pattern stops where the value starts and the value is read here, only once a secret's name
     * and its context are found: a value may run on for the rest of a line ({@code a=b=c...}),
     * and matching it for every candidate it holds would be quadratic.
     */
    private static String unquotedValue(Matcher m, Source source, String ruleKind) {
        String kind = secretKind(m.group(2));
        if (kind == null || !valueContext(m, source)) {
            return null;
        }
        int start = m.end();
        int end = valueEnd(source.text, start);
        int commentEnd = source.commentEnd(start);
        if (commentEnd > start) {
            end = Math.min(end, commentEnd); // "/* token=abc*/" keeps its comment closed
        }
        if (end == start) {
            return null;
        }
        source.claim(end);
        return m.group() + marker(kind);
    }

    /**
     * Where an unquoted value at {@code start} ends: at a blank, quote, bracket, backslash, one of
     * {@code ;,&<>}, or a comment's close, even in a line comment that quotes one.
     */
    private static int valueEnd(String text, int start) {
        int end = start;
        while (end < text.length()
                && " \t\n\013\f\r\"'`<>;,&(){}[]\\".indexOf(text.charAt(end)) < 0
                && !text.startsWith("*/", end)) {
            end++;
        }
        return end;
    }

    /**
     * A value after a secret's name in a comment, where prose and secrets mix, so the value must
     * look like one. Quoted, it needs three characters and must not be {@code null}, {@code true}
     * or {@code false} ({@code the password, e.g. "letmein123"}). Unquoted, it needs at least four
     * characters, a letter, and a digit or one of {@code !@#$%^&*+=~|}, and must not be a
     * technical term such as {@code SHA-256} or {@code base64-encoded}, a URL, or a {@code
     * name=value} of its own: {@code password is Tr0ub4dor&3} is redacted, {@code password must
     * be at least 8 characters} and {@code the token is refreshed} are not. A closing {@code .},
     * {@code :} or {@code ?} ends a sentence, not the value ({@code !} ends many passwords).
     * After a blank alone the name must end in the secret word: {@code password hunter2xyz}, not
     * {@code password-protected SOCKS5}. A word longer than any word of prose ({@value #LONG_WORD}
     * characters) is a value whatever it holds.
     */
    private static String commentedValue(Matcher m, Source source, String ruleKind) {
        int commentEnd = source.commentEnd(m.start());
        if (commentEnd <= m.start(4)) {
            return null;
        }
        String name = m.group(1);
        String kind = secretKind(name);
        if (kind == null || m.group(3) != null && !BARE_NAME.matcher(name).matches()) {
            return null;
        }
        String text = source.text;
        if (m.end(4) > m.start(4)) { // quoted
            int start = m.start(4);
            String content = m.group(4).substring(1, m.group(4).length() - 1).strip();
            if (m.end(4) > commentEnd
                    || content.length() < 3
                    || isMarker(content)
                    || content.equals("null")
                    || content.equals("true")
                    || content.equals("false")
                    || PROPERTY_REFERENCE.matcher(content).matches()) {
                return null;
            }
            return replaceRange(m, start + 1, m.end(4) - 1, marker(kind));
        }
        // Unquoted: read at most LONG_WORD characters to decide, so a candidate that is declined
        // costs a bounded amount however long its word runs on.
        int start = m.end();
        int limit = Math.min(commentEnd, start + LONG_WORD);
        int end = start;
        while (end < limit && isProseWordChar(text, end)) {
            end++;
        }
        boolean longWord = end == limit && end < commentEnd && isProseWordChar(text, end);
        if (longWord) {
            while (end < commentEnd && isProseWordChar(text, end)) {
                end++;
            }
        }
        while (end > start && ".:?".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == start || !longWord && !looksLikeAValue(text.substring(start, end))) {
            return null;
        }
        source.claim(end);
        return m.group() + marker(kind);
    }

    private static boolean isProseWordChar(String text, int i) {
        return PROSE_WORD_END.indexOf(text.charAt(i)) < 0 && !text.startsWith("*/", i);
    }

    private static boolean looksLikeAValue(String word) {
        if (word.length() < 4
                || word.contains("://")
                || TECHNICAL_TERM.matcher(word).matches()
                || ASSIGNMENT.matcher(word).matches()) {
            return false;
        }
        boolean letter = false;
        boolean digitOrSymbol = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            letter |= Character.isLetter(c);
            digitOrSymbol |= Character.isDigit(c) || "!@#$%^&*+=~|".indexOf(c) >= 0;
        }
        return letter && digitOrSymbol;
    }

    /** The match with {@code [from, to)} of the text replaced. */
    private static String replaceRange(Matcher m, int from, int to, String replacement) {
        String whole = m.group();
        return whole.substring(0, from - m.start()) + replacement + whole.substring(to - m.start());
    }

    /**
     * Whether an unquoted {@code name=value} is configuration rather than a Java statement: in a
     * comment, inside a string or query ({@code "...;password=x"}, {@code ?token=x}), a
     * {@code -Dname=value}, or a line of its own such as a properties line in a text block.
     */
    private static boolean valueContext(Matcher m, Source source) {
        String text = source.text;
        int start = m.start();
        if (m.group(1) != null) {
            return true;
        }
        // The first non-blank character of the line, from an index built once per rule: scanning
        // back to the line start for every candidate is quadratic on a long line.
        int first = source.firstNonBlank(start);
        if (first < start) {
            char c = text.charAt(first);
            char next = first + 1 < start ? text.charAt(first + 1) : ' ';
            if (c == '#' || c == '!' || c == '*' || c == '/' && (next == '/' || next == '*')) {
                return true;
            }
        }
        if (source.commentEnd(start) > start) {
            return true; // a comment after code, or a line inside a block comment
        }
        if (start > 0 && "\"';?&>".indexOf(text.charAt(start - 1)) >= 0) {
            return true;
        }
        if (start > 1 && text.charAt(start - 2) == '\\' && "nrt".indexOf(text.charAt(start - 1)) >= 0) {
            return true;
        }
        if (first >= start) {
            // A line of its own, ending after the value: not a Java statement, which would end in ';'.
            // The value is read only here, for the one candidate that starts its line.
            int end = valueEnd(text, m.end());
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            return end == text.length()
                    || text.charAt(end) == '\n'
                    || text.charAt(end) == '\r'
                    || text.startsWith("\\n", end)
                    || text.charAt(end) == '"';
        }
        return false;
    }

    // ------------------------------------------------------------------ where a match may start

    /**
     * The first match at or after {@code from} that starts at one of {@code starts}: the one
     * {@link Matcher#find(int)} would find when no match starts elsewhere, since a match is tried
     * at each start with the whole text visible to its look-arounds.
     */
    private static boolean matchFrom(Matcher m, BitSet starts, int from, int length) {
        for (int i = starts.nextSetBit(from); i >= 0 && i <= length; i = starts.nextSetBit(i + 1)) {
            m.region(i, length);
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a match a rule keeps may start, found by plain string searches, so that a rule's
     * regex is tried only there instead of at every character (issue 14: the rules took most of a
     * big package's step, on text where none matched). Each one rests on the rule's pattern or
     * replacer: a literal the match starts with, a word the replacer wants nearby, a fragment
     * its name must hold. {@code SecretRedactorPrefilterTest} checks that redacting with them
     * gives what the regexes alone give.
     */
    @FunctionalInterface
    private interface Starts {
        /** The positions where a kept match may start; {@code null} for anywhere. */
        BitSet of(Scan scan);
    }

    /** The text the rules run over, with an ASCII lower-cased copy, made once, for {@code (?i)} rules. */
    private static final class Scan {

        final String text;
        private String lower;
        /** {@link #nameStarts} by its arguments: several rules ask the same of one text. */
        private final Map<String, BitSet> nameStarts = new HashMap<>();

        Scan(String text) {
            this.text = text;
        }

        /**
         * The text with A-Z lower-cased and nothing else changed, so positions are the same:
         * {@code (?i)} without {@code UNICODE_CASE}, and names (ASCII only), ignore case just so.
         */
        String lower() {
            if (lower == null) {
                char[] chars = text.toCharArray();
                for (int i = 0; i < chars.length; i++) {
                    if (chars[i] >= 'A' && chars[i] <= 'Z') {
                        chars[i] += 'a' - 'A';
                    }
                }
                lower = new String(chars);
            }
            return lower;
        }
    }

    /** Matches that start with one of {@code literals}. */
    private static Starts literal(String... literals) {
        return literalAt(0, literals);
    }

    /** Matches with one of {@code literals} {@code offset} characters after their start. */
    private static Starts literalAt(int offset, String... literals) {
        return scan -> occurrences(scan.text, offset, literals);
    }

    /** Matches that start with one of {@code lowerLiterals} in any ASCII case, as {@code (?i)} reads them. */
    private static Starts literalIgnoreCase(String... lowerLiterals) {
        return scan -> occurrences(scan.lower(), 0, lowerLiterals);
    }

    private static BitSet occurrences(String text, int offset, String[] literals) {
        BitSet starts = new BitSet();
        for (String literal : literals) {
            for (int i = text.indexOf(literal, offset); i >= 0; i = text.indexOf(literal, i + 1)) {
                starts.set(i - offset);
            }
        }
        return starts;
    }

    /**
     * Matches a replacer keeps only with one of {@code lowerWords} (any ASCII case) wholly within
     * the {@code reach} characters before them, as {@link #twilioCredential} and {@link #awsSecret}
     * ask.
     */
    private static Starts after(int reach, String... lowerWords) {
        return scan -> {
            String lower = scan.lower();
            BitSet starts = new BitSet();
            for (String word : lowerWords) {
                for (int t = lower.indexOf(word); t >= 0; t = lower.indexOf(word, t + 1)) {
                    starts.set(t + word.length(), Math.min(t + reach, lower.length()) + 1);
                }
            }
            return starts;
        };
    }

    /**
     * Matches whose name {@link #secretKind} accepts, so the name holds one of {@link
     * #SECRET_FRAGMENTS} (or of {@code moreFragments}) in some ASCII case. Every name group is
     * ASCII and lies in one run of {@code [\w$.-]} characters, the run that holds the fragment.
     * The rules' look-behinds put a match's start at that run's start, up to two quote characters
     * ({@code \"}) before it, one after it (a name after {@code \n} in a string, whose {@code n}
     * joins the run), or just after a {@code .} or {@code -} in it (a name of {@code [\w$]} only,
     * as in {@code this.password(}).
     */
    private static Starts names(String... moreFragments) {
        return scan -> scan.nameStarts.computeIfAbsent(
                String.join(",", moreFragments), key -> nameStarts(scan, moreFragments, false));
    }

    /**
     * {@link #names()}, and also the start of the word before a run that holds a fragment, after
     * blanks: a name in prose is one word or two, {@code api key}.
     */
    private static BitSet proseNames(Scan scan) {
        return scan.nameStarts.computeIfAbsent("prose", key -> nameStarts(scan, new String[0], true));
    }

    /** Linear: each run is walked once for its fragments, and once more as the word before the next. */
    private static BitSet nameStarts(Scan scan, String[] moreFragments, boolean wordBefore) {
        String text = scan.text;
        String lower = scan.lower();
        BitSet fragments = new BitSet();
        for (String[] list : new String[][] {SECRET_FRAGMENTS, moreFragments}) {
            for (String fragment : list) {
                for (int f = lower.indexOf(fragment); f >= 0; f = lower.indexOf(fragment, f + 1)) {
                    fragments.set(f);
                }
            }
        }
        BitSet starts = new BitSet();
        int runEnd = -1;
        for (int f = fragments.nextSetBit(0); f >= 0; f = fragments.nextSetBit(f + 1)) {
            if (f < runEnd) {
                continue; // in the run already marked
            }
            int runStart = nameRunStart(text, f);
            starts.set(Math.max(0, runStart - 2), runStart + 2);
            runEnd = runStart;
            while (runEnd < text.length() && isNameChar(text.charAt(runEnd))) {
                if (text.charAt(runEnd) == '.' || text.charAt(runEnd) == '-') {
                    starts.set(runEnd + 1);
                }
                runEnd++;
            }
            if (wordBefore) {
                int blank = runStart;
                while (blank > 0 && (text.charAt(blank - 1) == ' ' || text.charAt(blank - 1) == '\t')) {
                    blank--;
                }
                if (blank < runStart) {
                    starts.set(nameRunStart(text, blank));
                }
            }
        }
        return starts;
    }

    /**
     * A {@code "literal".equals(name)} the replacer keeps: {@code equals}, {@code equalsIgnoreCase}
     * or {@code contentEquals} after a literal and a dot, with a name holding a fragment of
     * {@link #SECRET_FRAGMENTS} in its parentheses. A literal other than a text block is one line,
     * so the match starts on the line where the literal ends, before its last quote; after a text
     * block it may start anywhere before.
     */
    private static BitSet comparedLiteralStarts(Scan scan) {
        String text = scan.text;
        BitSet starts = new BitSet();
        int marked = 0;
        for (int q = text.indexOf("quals"); q >= 0; q = text.indexOf("quals", q + 1)) {
            int keyword = q > 0 && text.charAt(q - 1) == 'e'
                    ? q - 1
                    : q >= 8 && text.startsWith("contentEquals", q - 8) ? q - 8 : -1;
            if (keyword < 0 || !namesASecretInParentheses(scan, q + "quals".length())) {
                continue;
            }
            int dot = skipWhitespaceBack(text, keyword);
            if (dot == 0 || text.charAt(dot - 1) != '.') {
                continue;
            }
            int end = skipWhitespaceBack(text, dot - 1); // just after the literal's closing quote
            if (end == 0 || text.charAt(end - 1) != '"' && text.charAt(end - 1) != '\'') {
                continue;
            }
            if (text.startsWith("\"\"\"", end - 3)) {
                return null;
            }
            int lineStart = end - 1;
            while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
                lineStart--;
            }
            // Increasing ends: what an earlier one marked on the same line need not be marked again.
            starts.set(Math.max(lineStart, marked), Math.max(end - 1, marked));
            marked = Math.max(marked, end - 1);
        }
        return starts;
    }

    /** Whether, from {@code from}, come an optional {@code IgnoreCase}, blanks, {@code (}, blanks and a dotted name holding a fragment. */
    private static boolean namesASecretInParentheses(Scan scan, int from) {
        String text = scan.text;
        int i = text.startsWith("IgnoreCase", from) ? from + "IgnoreCase".length() : from;
        while (i < text.length() && isRegexWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '(') {
            return false;
        }
        i++;
        while (i < text.length() && isRegexWhitespace(text.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        String name = scan.lower().substring(i, end);
        for (String fragment : SECRET_FRAGMENTS) {
            if (name.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** The start of the run of {@code \s} characters that ends at {@code end}. */
    private static int skipWhitespaceBack(String text, int end) {
        int i = end;
        while (i > 0 && isRegexWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** {@code \s} as the rules' regexes read it: ASCII blanks and line breaks. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /**
     * A key shape such as {@code (?<![\w-])sk-ant-[\w-]{20,}+}: after a leading look-behind, which
     * matches nothing, the literal it starts with. Anywhere for a shape this does not read (an
     * alternation at the top, a flag, no literal start). Key shapes come from {@link ModelProviders},
     * so a provider added there needs no start of its own here.
     */
    private static Starts shapeStarts(Pattern shape) {
        String regex = shape.pattern();
        int from = 0;
        if (regex.startsWith("(?<!") || regex.startsWith("(?<=")) {
            from = groupEnd(regex, 0);
        }
        if (shape.flags() != 0 || from < 0 || hasTopLevelAlternation(regex, from)) {
            return scan -> null;
        }
        String prefix = literalPrefix(regex.substring(from));
        return prefix.isEmpty() ? scan -> null : literal(prefix);
    }

    /** The index after the group opening at {@code open}, or -1; escapes and character classes skipped. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean hasTopLevelAlternation(String regex, int from) {
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == '(') {
                int end = c == '(' ? groupEnd(regex, i) : classEnd(regex, i);
                if (end < 0) {
                    return true;
                }
                i = end - 1;
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    private static int classEnd(String regex, int open) {
        for (int i = open + 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']' && i > open + 1) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A password in a URL: the match starts where the scheme before {@code ://} does. */
    private static BitSet schemes(Scan scan) {
        String text = scan.text;
        BitSet starts = new BitSet();
        for (int p = text.indexOf("://"); p >= 0; p = text.indexOf("://", p + 1)) {
            int start = p;
            while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
                start--;
            }
            starts.set(start);
        }
        return starts;
    }

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    /** Where the run of name characters, {@code [\w$.-]}, that holds or ends at {@code pos} starts. */
    private static int nameRunStart(String text, int pos) {
        int start = pos;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == '$'
                || c == '.'
                || c == '-';
    }

    /**
     * The literal text a regex starts with: up to its first metacharacter, less a character a
     * quantifier follows.
     */
    private static String literalPrefix(String regex) {
        int end = 0;
        while (end < regex.length() && "\\[](){}.*+?|^$".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end > 0 && end < regex.length() && "*+?{".indexOf(regex.charAt(end)) >= 0) {
            end--;
        }
        return regex.substring(0, end);
    }

    // ------------------------------------------------------------------ rule plumbing

    @FunctionalInterface
    private interface Replacer {
        /** The replacement of the whole match, or {@code null} to keep it. */
        String replace(Matcher match, Source source, String kind);
    }

    /**
     * The text one rule runs over, with what replacers ask about it worked out once, when first
     * asked: where each line starts and where its first non-blank character is, and which spans
     * are comments. Working it out per match instead scans back each time, which is quadratic on
     * a long line with many candidates.
     */
    private static final class Source {

        final String text;
        private int[] lineStarts;
        private int[] firstNonBlank;
        private int lines;
        private int[] comments;
        private int commentCount;
        private int claimed = -1;

        Source(String text) {
            this.text = text;
        }

        /** Lets a replacer take the text up to {@code end}, past its match, as part of what it replaced. */
        void claim(int end) {
            claimed = end;
        }

        /** The end claimed for the last replacement, or -1; cleared. */
        int takeClaim() {
            int end = claimed;
            claimed = -1;
            return end;
        }

        /**
         * The end of the comment holding {@code pos} (before its {@code *}{@code /} or {@code -->}),
         * or {@code pos} itself when it is in none.
         */
        int commentEnd(int pos) {
            if (comments == null) {
                indexComments();
            }
            int lo = 0;
            int hi = commentCount - 1;
            while (lo <= hi) { // the last comment starting at or before pos
                int mid = (lo + hi) >>> 1;
                if (comments[2 * mid] <= pos) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return hi >= 0 && pos < comments[2 * hi + 1] ? comments[2 * hi + 1] : pos;
        }

        /**
         * Finds the comments in one pass: {@code //} to the line end, {@code /*} and {@code <!--}
         * blocks, lines starting with {@code *} (the middle of a Javadoc, where a part of a split
         * source may begin) and lines starting with {@code #} (properties, YAML, shell, also
         * inside a text block), skipping string, char and text block literals. A literal left open ends with its
         * line, so a stray quote in prose hides at most the rest of that line.
         */
        private void indexComments() {
            comments = new int[16];
            String t = text;
            int n = t.length();
            boolean lineStart = true;
            boolean textBlock = false;
            int i = 0;
            while (i < n) {
                char c = t.charAt(i);
                if (c == '\n') {
                    lineStart = true;
                    i++;
                    continue;
                }
                if (lineStart && Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                boolean first = lineStart;
                lineStart = false;
                if (first && (c == '#' || c == '*' && !textBlock)) {
                    int end = i;
                    while (end < n && t.charAt(end) != '\n' && !(textBlock && t.startsWith("\"\"\"", end))) {
                        end++;
                    }
                    addComment(i, end);
                    i = end;
                } else if (textBlock) {
                    if (t.startsWith("\"\"\"", i)) {
                        textBlock = false;
                        i += 3;
                    } else {
                        i += c == '\\' ? 2 : 1;
                    }
                } else if (t.startsWith("//", i)) {
                    int end = t.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    addComment(i, end);
                    i = end;
                } else if (t.startsWith("/*", i) || t.startsWith("<!--", i)) {
                    String close = c == '/' ? "*/" : "-->";
                    int end = t.indexOf(close, i + 2);
                    addComment(i, end < 0 ? n : end);
                    i = end < 0 ? n : end + close.length();
                } else if (t.startsWith("\"\"\"", i)) {
                    textBlock = true;
                    i += 3;
                } else if (c == '"' || c == '\'') {
                    i++;
                    while (i < n && t.charAt(i) != c && t.charAt(i) != '\n') {
                        i += t.charAt(i) == '\\' && i + 1 < n && t.charAt(i + 1) != '\n' ? 2 : 1;
                    }
                    if (i < n && t.charAt(i) == c) {
                        i++;
                    }
                } else {
                    i++;
                }
            }
        }

        private void addComment(int start, int end) {
            if (2 * commentCount + 2 > comments.length) {
                comments = Arrays.copyOf(comments, comments.length * 2);
            }
            comments[2 * commentCount] = start;
            comments[2 * commentCount + 1] = end;
            commentCount++;
        }

        /** The index of the first non-blank character on the line of {@code pos}, or its end. */
        int firstNonBlank(int pos) {
            if (lineStarts == null) {
                indexLines();
            }
            int i = Arrays.binarySearch(lineStarts, 0, lines, pos);
            return firstNonBlank[i >= 0 ? i : -i - 2];
        }

        private void indexLines() {
            lineStarts = new int[16];
            firstNonBlank = new int[16];
            int start = 0;
            while (true) {
                int end = text.indexOf('\n', start);
                int stop = end < 0 ? text.length() : end;
                int first = start;
                while (first < stop && Character.isWhitespace(text.charAt(first))) {
                    first++;
                }
                if (lines == lineStarts.length) {
                    lineStarts = Arrays.copyOf(lineStarts, lines * 2);
                    firstNonBlank = Arrays.copyOf(firstNonBlank, lines * 2);
                }
                lineStarts[lines] = start;
                firstNonBlank[lines] = first;
                lines++;
                if (end < 0) {
                    return;
                }
                start = end + 1;
            }
        }
    }

    /**
     * A rule: its regex, what it replaces a match with, and where a match it keeps may start
     * ({@code null}: anywhere), which must hold of every match the replacer does not decline.
     */
    private record Rule(String kind, Pattern pattern, Replacer replacer, Starts starts) {

        Rule(String kind, Pattern pattern, Replacer replacer) {
            this(kind, pattern, replacer, null);
        }

        static String whole(Matcher m, Source source, String kind) {
            return marker(kind);
        }

        static Replacer group(int group) {
            return (m, source, kind) -> isMarker(m.group(group)) ? null : replaceGroup(m, group, marker(kind));
        }

        static String replaceGroup(Matcher m, int group, String replacement) {
            String whole = m.group();
            return whole.substring(0, m.start(group) - m.start())
                    + replacement
                    + whole.substring(m.end(group) - m.start());
        }
    }
}
