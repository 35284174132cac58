package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A module's governed settings: defaults overridden by stored values, each a governed parameter. */
class GovernedSettingsTest {

    final Map<String, String> table = new HashMap<>();
    final GovernedSettings settings = new GovernedSettings(() -> Map.copyOf(table), table::put);
    final GovernedSettings.Setting<Integer> maxItems =
            settings.define("demo.max-items", SettingRule.wholeNumber(1, 50), () -> "10");
    final GovernedSettings.Setting<Duration> period = settings.define(
            "demo.period",
            SettingRule.duration(Duration.ofSeconds(1), Duration.ofDays(90)),
            () -> "PT24H",
            Duration::toString);

    GovernedParameter parameter(String key) {
        return settings.parameters().all().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSettingWithoutAStoredValueHasItsDefault() {
        assertThat(settings.current().get(maxItems)).isEqualTo(10);
        assertThat(parameter("demo.max-items").currentValue()).isEqualTo("10");
    }

    @Test
    void aStoredValueWinsOverTheDefaultAndUnknownKeysAreIgnored() {
        table.put("demo.max-items", "12");
        table.put("demo.retired", "x");
        assertThat(settings.current().get(maxItems)).isEqualTo(12);
        assertThatThrownBy(() -> settings.current().text("demo.retired")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyStoresTheStrippedValueOnlyWhenItsRuleAcceptsIt() {
        parameter("demo.max-items").apply(" 20 ");
        assertThat(table).containsEntry("demo.max-items", "20");
        assertThatThrownBy(() -> parameter("demo.max-items").apply("51"))
                .hasMessage("must be a whole number from 1 to 50");
        assertThatThrownBy(() -> parameter("demo.max-items").apply(" "))
                .hasMessage("demo.max-items needs a value: a whole number from 1 to 50");
        assertThat(table).containsEntry("demo.max-items", "20");
    }

    @Test
    void aValueIsShownAsItsSettingWritesIt() {
        parameter("demo.period").apply("3d");
        assertThat(table).containsEntry("demo.period", "3d");
        assertThat(parameter("demo.period").currentValue()).isEqualTo("PT72H");
        assertThat(parameter("demo.period").bounds()).isEqualTo("a duration from PT1S to PT2160H");
    }

    @Test
    void theParametersComeInTheOrderTheSettingsWereDefined() {
        assertThat(settings.parameters().all())
                .extracting(GovernedParameter::key)
                .containsExactly("demo.max-items", "demo.period");
        assertThat(settings.keys()).containsExactly("demo.max-items", "demo.period");
    }

    @Test
    void aKeyIsDefinedOnce() {
        assertThatThrownBy(() -> settings.define("demo.period", SettingRule.wholeNumber(1, 2), () -> "1"))
                .hasMessage("setting demo.period is defined twice");
    }

    @Test
    void aDefaultOutOfBoundsIsRefusedNamingItsProperty() {
        settings.define("demo.min-items", SettingRule.wholeNumber(1, 5), () -> "9");
        assertThatThrownBy(() -> settings.checkDefaults(Map.of()))
                .hasMessage("tokenomics.demo.min-items must be a whole number from 1 to 5");
        settings.checkDefaults(Map.of("demo.min-items", "3"));
    }
}
