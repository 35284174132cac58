package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.db.DataDirectory;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.security.JwtSecrets;
import io.bta.tokenomics.shared.security.SecurityProperties;
import io.bta.tokenomics.shared.security.TokenIssuer;
import io.bta.tokenomics.web.WebProperties;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sign-in exchanges a token the platform issued (checked with the API's own decoder) for the
 * session cookie; the development sign-in issues one itself and exists only when enabled.
 */
@Controller
@Hidden // pages, not part of the API description
class SignInPages {

    private final JwtDecoder decoder;
    private final WebProperties properties;
    private final SecurityProperties security;
    private final DataDirectory dataDirectory;
    /**
     * Wall-clock time, not the service's clock: the decoder checks {@code exp} and the browser
     * expires the cookie in real time.
     */
    private final Clock wallClock = Clock.systemUTC();

    SignInPages(
            JwtDecoder decoder, WebProperties properties, SecurityProperties security, DataDirectory dataDirectory) {
        this.decoder = decoder;
        this.properties = properties;
        this.security = security;
        this.dataDirectory = dataDirectory;
    }

    @GetMapping("/")
    String home() {
        return PageModel.signedIn() == null ? "redirect:" + PageSecurity.SIGN_IN : "redirect:/app/wallet";
    }

    @GetMapping(PageSecurity.SIGN_IN)
    String signInPage() {
        return "web/sign-in";
    }

    @PostMapping(PageSecurity.SIGN_IN)
    String signIn(
            @RequestParam(required = false) String token,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var given = Forms.given(token);
        if (given == null) {
            return refuse(model, response, "token", "Paste the token the platform gave you.");
        }
        try {
            var jwt = decoder.decode(given);
            SessionCookie.write(request, response, given, jwt.getExpiresAt(), wallClock.instant());
            return "redirect:/app/wallet";
        } catch (JwtException e) {
            return refuse(model, response, "token", "This token is not valid here, or it has expired.");
        }
    }

    @PostMapping("/app/dev-sign-in")
    String devSignIn(
            @RequestParam(required = false) String entityId,
            @RequestParam(defaultValue = "false") boolean admin,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!properties.devSignIn()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        var id = Forms.given(entityId);
        if (id == null || !EntityId.isValid(id)) {
            return refuse(model, response, "entityId", "An entity id is " + EntityId.RULE + ".");
        }
        var key = JwtSecrets.resolve(security.jwtSecret(), dataDirectory.path());
        var now = wallClock.instant();
        var token = new TokenIssuer(key)
                .issue(id, admin ? List.of(Caller.ADMIN) : List.of(), now, properties.devTokenTtl());
        SessionCookie.write(request, response, token, now.plus(properties.devTokenTtl()), now);
        return "redirect:/app/wallet";
    }

    @PostMapping("/app/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.clear(request, response);
        return "redirect:" + PageSecurity.SIGN_IN;
    }

    private static String refuse(Model model, HttpServletResponse response, String field, String message) {
        response.setStatus(422);
        model.addAttribute("errors", Map.of(field, message));
        return "web/sign-in";
    }
}
