package io.bta.tokenomics.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.webhooks.WebhookEndpoint.EndpointStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of an endpoint's URL, its subscription and its status, without Spring. */
class WebhookRulesTest {

    @Test
    void aUrlIsAbsoluteHttpOrHttpsWithAHostAndNoFragment() {
        assertThat(WebhookEndpoint.checkedUrl("https://example.test/hook")).isEqualTo("https://example.test/hook");
        assertThat(WebhookEndpoint.checkedUrl("HTTP://example.test/a?b=1")).isEqualTo("http://example.test/a?b=1");
        assertThat(WebhookEndpoint.checkedUrl(null)).isNull();
        assertThatThrownBy(() -> WebhookEndpoint.checkedUrl("ftp://example.test"))
                .hasMessage("must be an http or https URL");
        assertThatThrownBy(() -> WebhookEndpoint.checkedUrl("/relative")).hasMessage("must be an http or https URL");
        assertThatThrownBy(() -> WebhookEndpoint.checkedUrl("https:///path")).hasMessage("must name a host");
        assertThatThrownBy(() -> WebhookEndpoint.checkedUrl("https://example.test/#top"))
                .hasMessage("must not have a fragment");
        assertThatThrownBy(() -> WebhookEndpoint.checkedUrl("https://exa mple.test"))
                .hasMessageStartingWith("is not a valid URL: ");
    }

    @Test
    void aSubscriptionKeepsTheOrderGivenWithoutRepeatsAndNamesEveryUnknownType() {
        assertThat(WebhookEventTypes.subscription(
                        List.of(WebhookEventTypes.REWARD_CLAIMED, "*", WebhookEventTypes.REWARD_CLAIMED)))
                .containsExactly(WebhookEventTypes.REWARD_CLAIMED, "*");
        assertThatThrownBy(() -> WebhookEventTypes.subscription(List.of()))
                .hasMessage("at least one event type, or \"*\" for all");
        assertThatThrownBy(() -> WebhookEventTypes.subscription(null))
                .hasMessage("at least one event type, or \"*\" for all");
        assertThatThrownBy(() -> WebhookEventTypes.subscription(Arrays.asList("nope", null, "*")))
                .hasMessageStartingWith("unknown event types [nope, null]; known: ledger.transferred, ")
                .hasMessageEndingWith(", or \"*\"");
    }

    @Test
    void aStatusIsNamedExactly() {
        assertThat(EndpointStatus.of("DISABLED")).isEqualTo(EndpointStatus.DISABLED);
        assertThatThrownBy(() -> EndpointStatus.of("enabled")).hasMessage("must be ENABLED or DISABLED");
    }
}
