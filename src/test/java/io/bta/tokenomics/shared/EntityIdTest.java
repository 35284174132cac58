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
}
