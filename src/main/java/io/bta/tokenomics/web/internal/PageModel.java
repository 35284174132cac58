package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.web.WebProperties;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page knows: the signed-in caller, and no form errors unless a handler adds them. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final WebProperties properties;

    PageModel(WebProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("me", signedIn());
        model.addAttribute("devSignIn", properties.devSignIn());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    static Caller signedIn() {
        try {
            return Caller.current();
        } catch (AuthenticationException e) {
            return null;
        }
    }
}
