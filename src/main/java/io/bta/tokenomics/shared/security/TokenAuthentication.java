package io.bta.tokenomics.shared.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a verified token names: the entity from the configured entity claim ({@code sub}), and a
 * role {@code ROLE_<role>} for each value of the configured roles claim ({@code roles}). The API
 * and the web pages' session cookie read tokens with this one converter.
 */
public final class TokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final TokenSettings settings;

    TokenAuthentication(TokenSettings settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = StrictClaims.roles(jwt.getClaims(), settings).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString(settings.entityClaim()));
    }
}
