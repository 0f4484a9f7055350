package io.github.reversespec.batch;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.core.ConfigurationException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Chooses the units a run writes from {@code includes}/{@code excludes} package patterns. A pattern
 * is a package name ({@code com.acme.billing}), may end in {@code .*} (direct sub-packages) or
 * {@code .**} (the package and everything below it), may use {@code *} for one name segment part,
 * and may be prefixed with {@code artifactId:} to match in one project only. {@code _default} names
 * the default package. No includes means all; excludes win over includes.
 */
public final class UnitSelector {

    private final List<Rule> includes;
    private final List<Rule> excludes;

    private UnitSelector(List<Rule> includes, List<Rule> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /**
     * @throws ConfigurationException when a pattern is malformed, naming it
     */
    public static UnitSelector of(List<String> includes, List<String> excludes) throws ConfigurationException {
        return new UnitSelector(rules("includes", includes), rules("excludes", excludes));
    }

    public static UnitSelector all() {
        return new UnitSelector(List.of(), List.of());
    }

    public boolean selects(UnitId id) {
        if (!includes.isEmpty() && includes.stream().noneMatch(r -> r.matches(id))) {
            return false;
        }
        return excludes.stream().noneMatch(r -> r.matches(id));
    }

    public boolean selectsAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    private static List<Rule> rules(String parameter, List<String> patterns) throws ConfigurationException {
        if (patterns == null) {
            return List.of();
        }
        java.util.ArrayList<Rule> rules = new java.util.ArrayList<>();
        for (String raw : patterns) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String p = raw.strip();
            String artifact = null;
            int colon = p.indexOf(':');
            if (colon >= 0) {
                artifact = p.substring(0, colon);
                p = p.substring(colon + 1);
            }
            if (p.isEmpty()
                    || !p.matches("[A-Za-z0-9_$.*]+")
                    || p.contains("***")
                    || p.startsWith(".")
                    || p.endsWith(".")
                    || p.contains("..")) {
                throw new ConfigurationException("reverse-spec." + parameter + ": '" + raw
                        + "' is not a package pattern (examples: com.acme.billing, com.acme.**, core:com.acme.*)");
            }
            rules.add(new Rule(artifact, compile(p)));
        }
        return List.copyOf(rules);
    }

    private static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        String p = pattern;
        boolean deep = p.endsWith(".**");
        if (deep) {
            p = p.substring(0, p.length() - 3);
        }
        if (p.equals("**")) {
            return Pattern.compile(".*");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else if (c == '.') {
                re.append("\\.");
            } else if (c == '$') {
                re.append("\\$");
            } else {
                re.append(c);
            }
        }
        if (deep) {
            re.append("(\\..*)?");
        }
        return Pattern.compile(re.toString());
    }

    private record Rule(String artifactId, Pattern packagePattern) {
        boolean matches(UnitId id) {
            return (artifactId == null || artifactId.equals(id.artifactId()))
                    && packagePattern.matcher(id.displayPackage()).matches();
        }
    }
}
