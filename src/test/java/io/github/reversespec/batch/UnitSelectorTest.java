package io.github.reversespec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reversespec.analysis.UnitId;
import io.github.reversespec.core.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitSelectorTest {

    private static UnitId unit(String artifact, String pkg) {
        return new UnitId("g:" + artifact, artifact, artifact, pkg);
    }

    @Test
    void noPatternsSelectEverything() throws Exception {
        UnitSelector s = UnitSelector.of(List.of(), List.of());
        assertThat(s.selects(unit("core", "com.acme"))).isTrue();
        assertThat(s.selectsAll()).isTrue();
    }

    @Test
    void exactDeepAndShallowPatterns() throws Exception {
        UnitSelector exact = UnitSelector.of(List.of("com.acme.billing"), List.of());
        assertThat(exact.selects(unit("core", "com.acme.billing"))).isTrue();
        assertThat(exact.selects(unit("core", "com.acme.billing.tax"))).isFalse();

        UnitSelector deep = UnitSelector.of(List.of("com.acme.**"), List.of());
        assertThat(deep.selects(unit("core", "com.acme"))).isTrue();
        assertThat(deep.selects(unit("core", "com.acme.billing.tax"))).isTrue();
        assertThat(deep.selects(unit("core", "com.acmex"))).isFalse();

        UnitSelector shallow = UnitSelector.of(List.of("com.acme.*"), List.of());
        assertThat(shallow.selects(unit("core", "com.acme.billing"))).isTrue();
        assertThat(shallow.selects(unit("core", "com.acme.billing.tax"))).isFalse();
        assertThat(shallow.selects(unit("core", "com.acme"))).isFalse();
    }

    @Test
    void excludesWinAndArtifactPrefixesRestrictToOneProject() throws Exception {
        UnitSelector s = UnitSelector.of(List.of("com.acme.**"), List.of("app:com.acme.internal.**"));
        assertThat(s.selects(unit("core", "com.acme.internal.x"))).isTrue();
        assertThat(s.selects(unit("app", "com.acme.internal.x"))).isFalse();
        assertThat(s.selects(unit("app", "com.acme.api"))).isTrue();
    }

    @Test
    void defaultPackageIsNamedUnderscoreDefault() throws Exception {
        UnitSelector s = UnitSelector.of(List.of(), List.of("_default"));
        assertThat(s.selects(unit("core", ""))).isFalse();
        assertThat(s.selects(unit("core", "a"))).isTrue();
    }

    @Test
    void malformedPatternIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> UnitSelector.of(List.of("com..acme"), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("reverse-spec.includes")
                .hasMessageContaining("com..acme");
        assertThatThrownBy(() -> UnitSelector.of(List.of(), List.of("com/acme")))
                .hasMessageContaining("reverse-spec.excludes");
    }
}
