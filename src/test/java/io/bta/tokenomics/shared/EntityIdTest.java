package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityIdTest {

    @Test
    void acceptsThePlatformsIdCharacters() {
        for (var id :
                new String[] {"a", "treasury", "org:42", "user@example.com", "svc.guarantees-1_x", "x".repeat(128)}) {
            assertThat(EntityId.of(id).value()).isEqualTo(id);
        }
    }

    @Test
    void refusesAnythingElse() {
        for (var id : new String[] {"", " ", "a b", "x".repeat(129), "é", "a/b", "a;drop", "a\nb", "%41"}) {
            assertThatThrownBy(() -> EntityId.of(id)).as(id).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EntityId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** "." and ".." are path segments that clients and servers normalise away: not addressable. */
    @Test
    void refusesTheDotSegments() {
        for (var id : new String[] {".", ".."}) {
            assertThatThrownBy(() -> EntityId.of(id))
                    .as(id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other than . and ..");
            assertThat(EntityId.isValid(id)).as(id).isFalse();
        }
        for (var id : new String[] {"...", ".a", "a.", "a..b", "..a", "._"}) {
            assertThat(EntityId.of(id).value()).isEqualTo(id);
        }
    }
}
