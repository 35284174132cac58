package io.bta.tokenomics.governance;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One module's governed settings: for each key, its {@link SettingRule} and its configured default;
 * the values governance set live in the module's own table, read and written with its own SQL.
 * The values in force are the defaults overridden by the stored ones, read from the table on each
 * {@link #current()} (nothing is cached): a value applies from the commit of the proposal that set it, on every
 * instance, and survives restarts. {@link #parameters()} gives governance one
 * {@link GovernedParameter} per setting, for a module to register as its single
 * {@link GovernedParameters} bean.
 *
 * <p>A module builds one in its {@code <Module>Settings} component, defines its settings there
 * and reads them back typed through the {@link Setting} handles {@link #define} returns.
 */
public final class GovernedSettings {

    /**
     * A defined setting: its key, rule and default text, and how its value in force is shown
     * ({@code GET /api/governance/parameters}).
     */
    public record Setting<T>(
            String key, SettingRule<T> rule, Supplier<String> defaultText, Function<T, String> shown) {}

    /** The values in force, read once for one operation. */
    public static final class Values {
        private final Map<String, String> texts;

        private Values(Map<String, String> texts) {
            this.texts = texts;
        }

        /** The typed value in force, as its rule reads it. */
        public <T> T get(Setting<T> setting) {
            return setting.rule().parse(text(setting.key()));
        }

        /** The value in force as text: the stored text, else the default's. */
        public String text(String key) {
            var text = texts.get(key);
            if (text == null) {
                throw new IllegalArgumentException("no setting " + key);
            }
            return text;
        }
    }

    private final Supplier<Map<String, String>> stored;
    private final BiConsumer<String, String> store;
    private final Map<String, Setting<?>> settings = new LinkedHashMap<>();

    /**
     * Settings kept in the module's own table, with its own SQL.
     *
     * @param stored reads every stored value by key (keys not defined here are ignored)
     * @param store stores a value its rule accepted; runs inside the proposal's execution
     *     transaction
     */
    public GovernedSettings(Supplier<Map<String, String>> stored, BiConsumer<String, String> store) {
        this.stored = stored;
        this.store = store;
    }

    /** A setting whose value in force is shown as its text (the stored text, or the default's). */
    public <T> Setting<T> define(String key, SettingRule<T> rule, Supplier<String> defaultText) {
        return define(key, rule, defaultText, null);
    }

    /**
     * A setting whose value in force is shown as {@code shown} writes the typed value (a duration
     * stored as {@code 3d} is shown as {@code PT72H}).
     */
    public <T> Setting<T> define(
            String key, SettingRule<T> rule, Supplier<String> defaultText, Function<T, String> shown) {
        if (settings.containsKey(key)) {
            throw new IllegalArgumentException("setting " + key + " is defined twice");
        }
        var setting = new Setting<>(key, rule, defaultText, shown);
        settings.put(key, setting);
        return setting;
    }

    /** The keys defined, in the order they were defined. */
    public List<String> keys() {
        return List.copyOf(settings.keySet());
    }

    /**
     * Refuses a default that its rule refuses, naming the property ({@code tokenomics.<key>}), so
     * the service does not start with one; {@code insteadOf} gives the text to check for a default
     * that cannot be read yet at start (one looked up in the database).
     */
    public void checkDefaults(Map<String, String> insteadOf) {
        settings.values().forEach(s -> {
            var text = insteadOf.containsKey(s.key())
                    ? insteadOf.get(s.key())
                    : s.defaultText().get();
            try {
                s.rule().validate(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tokenomics." + s.key() + " " + e.getMessage(), e);
            }
        });
    }

    /** The values in force now: the defaults, overridden by the stored values. */
    public Values current() {
        var texts = new HashMap<String, String>();
        settings.values().forEach(s -> texts.put(s.key(), s.defaultText().get()));
        stored.get().forEach((key, value) -> {
            if (settings.containsKey(key)) {
                texts.put(key, value);
            }
        });
        return new Values(Collections.unmodifiableMap(texts));
    }

    /** One {@link GovernedParameter} per setting, in the order they were defined, to register as a bean. */
    public GovernedParameters parameters() {
        return new GovernedParameters(settings.values().stream()
                .<GovernedParameter>map(Parameter::new)
                .toList());
    }

    /** {@code SET_PARAMETER}'s view of a setting: bounds checked before any value is stored. */
    private final class Parameter<T> implements GovernedParameter {
        private final Setting<T> setting;

        Parameter(Setting<T> setting) {
            this.setting = setting;
        }

        @Override
        public String key() {
            return setting.key();
        }

        @Override
        public String currentValue() {
            var text = current().text(setting.key());
            return setting.shown() == null
                    ? text
                    : setting.shown().apply(setting.rule().parse(text));
        }

        @Override
        public String bounds() {
            return setting.rule().bounds();
        }

        @Override
        public void validate(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(setting.key() + " needs a value: " + bounds());
            }
            setting.rule().validate(value.strip());
        }

        @Override
        public void apply(String value) {
            validate(value);
            store.accept(setting.key(), value.strip());
        }
    }
}
