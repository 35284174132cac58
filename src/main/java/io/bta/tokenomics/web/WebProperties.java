package io.bta.tokenomics.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.web.*}. {@code devSignIn} offers a sign-in by entity id alone, which issues a
 * token with the service's own secret: for development only, off unless set to true.
 * {@code devTokenTtl} is the lifetime of such a token.
 */
@ConfigurationProperties("tokenomics.web")
public record WebProperties(@DefaultValue("false") boolean devSignIn, @DefaultValue("8h") Duration devTokenTtl) {}
