package io.github.reversespec.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Hashes what other packages can see of a unit, so that a dependent's spec is stale only when
 * that changes: a change inside a method body, a private member or a comment leaves the hash as
 * it was.
 */
public final class InterfaceHashes {

    private InterfaceHashes() {}

    /**
     * {@code sha256:<hex>} over the signatures of the unit's exported types and of their public
     * and protected members (enum constants included), sorted so that moving declarations around
     * does not change it. The signatures carry annotations and constant values: both are public
     * API (a {@code @Nullable} or {@code @Deprecated} changes what a caller may do, and a constant's
     * value is compiled into its callers), so a change to either makes dependents' specs stale.
     *
     * @param unit the analysed unit
     * @return the interface hash
     */
    public static String of(UnitAnalysis unit) {
        List<String> lines = new ArrayList<>();
        for (TypeModel type : unit.types()) {
            if (!type.exported()) {
                continue;
            }
            lines.add("type " + type.qualifiedName() + " " + type.signature());
            for (MemberModel member : type.members()) {
                if (member.visibility().isApi()) {
                    lines.add("member " + type.qualifiedName() + " " + member.kind() + " " + member.signature());
                }
            }
        }
        Collections.sort(lines);
        MessageDigest digest = ReactorAnalyzer.sha256();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
