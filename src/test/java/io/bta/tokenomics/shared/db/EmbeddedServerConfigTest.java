package io.bta.tokenomics.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.support.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded PostgreSQL runs with the settings of {@code tokenomics.embedded-postgres.server-config},
 * and never without durable commits.
 */
@IntegrationTest
class EmbeddedServerConfigTest {

    @Autowired
    JdbcClient jdbc;

    String show(String setting) {
        return jdbc.sql("select current_setting(?)")
                .param(setting)
                .query(String.class)
                .single();
    }

    @Test
    void theServerRunsWithTheConfiguredSettingsAndDurableCommits() {
        assertThat(show("cluster_name")).isEqualTo("bta-tests"); // set by the tests' configuration
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
    }

    @Test
    void aSettingThatWouldAcknowledgeCommitsBeforeTheyAreDurableIsRefusedAtStart() {
        for (var unsafe : new String[] {"fsync", "synchronous_commit"}) {
            var environment =
                    new MockEnvironment().withProperty("tokenomics.embedded-postgres.server-config." + unsafe, "off");
            assertThatThrownBy(() -> new DatabaseConfig.Embedded()
                            .embeddedPostgres(
                                    new DataDirectory(Path.of("target/test-data/never-started")), 0, environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(unsafe + " must stay on");
        }
    }
}
