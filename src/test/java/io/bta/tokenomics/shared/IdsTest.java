package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A client's UUID is read in its canonical spelling only: no Spring, no database. */
class IdsTest {

    @Test
    void theCanonicalSpellingInEitherCaseIsRead() {
        var id = UUID.randomUUID();
        assertThat(Ids.parse(id.toString())).isEqualTo(id);
        assertThat(Ids.parse(id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
    }

    @Test
    void otherSpellingsThatUuidFromStringTakesAreRefused() {
        assertThat(UUID.fromString("1-2-3-4-5")).isNotNull(); // what the JDK takes
        assertThat(UUID.fromString("0000000\uFF11-0000-0000-0000-000000000000")).isNotNull();
        for (var text : new String[] {
            "1-2-3-4-5",
            "0000000\uFF11-0000-0000-0000-000000000000",
            "00000001-0000-0000-0000-00000000000",
            "00000001-0000-0000-0000-0000000000000",
            "00000001+0000-0000-0000-000000000000",
            "0000000g-0000-0000-0000-000000000000",
            "",
        }) {
            assertThatThrownBy(() -> Ids.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Ids.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
