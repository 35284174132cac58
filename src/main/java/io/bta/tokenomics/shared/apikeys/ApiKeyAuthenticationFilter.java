package io.bta.tokenomics.shared.apikeys;

import io.bta.tokenomics.shared.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-API-Key}: as the key's service, with the role
 * SERVICE and the key's scopes. An unknown, revoked or expired key is a 401, whatever else the
 * request carries.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
    private final AuthenticationEntryPoint entryPoint;

    public ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.authenticate(presented.strip());
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown, revoked or expired API key"));
            return;
        }
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Caller.SERVICE));
        authorities.add(new SimpleGrantedAuthority(Caller.API_KEY_AUTHORITY));
        key.get().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(Caller.SCOPE_PREFIX + s)));
        var principal = key.get().principal().value();
        var authentication = new AbstractAuthenticationToken(authorities) {
            @Override
            public Object getCredentials() {
                return "";
            }

            @Override
            public Object getPrincipal() {
                return principal;
            }
        };
        authentication.setAuthenticated(true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        // kept for the request's later dispatches too (an event stream's async dispatch), as the
        // bearer-token filter does; without it they would run unauthenticated and be refused
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
