package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.NumberText;
import io.bta.tokenomics.shared.apikeys.ApiKeys;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.EarlyUnstakePenalty;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.PoolStatus;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.trust.Trust;
import io.bta.tokenomics.trust.TrustScore;
import io.bta.tokenomics.webhooks.WebhookEventTypes;
import io.bta.tokenomics.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page: tokens, pools, mint and burn, trust scores, API keys, webhooks, distribution and
 * the audit chain. The page chain lets only admins in; each handler checks again, as the API does.
 * Each form re-renders the page with its own errors ({@code errors} keyed by {@code form.field}).
 */
@Controller
@Hidden // pages, not part of the API description
class AdminPages {

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Ledger ledger;
    private final Staking staking;
    private final Trust trust;
    private final ApiKeys apiKeys;
    private final Webhooks webhooks;
    private final Audit audit;
    private final PageRequests requests;

    AdminPages(
            Ledger ledger,
            Staking staking,
            Trust trust,
            ApiKeys apiKeys,
            Webhooks webhooks,
            Audit audit,
            PageRequests requests) {
        this.ledger = ledger;
        this.staking = staking;
        this.trust = trust;
        this.apiKeys = apiKeys;
        this.webhooks = webhooks;
        this.audit = audit;
        this.requests = requests;
    }

    @GetMapping("/app/admin")
    String admin(Model model) {
        return page(model);
    }

    @PostMapping("/app/admin/initialize")
    String initialize() {
        ledger.initializeTokens(admin().id());
        return "redirect:/app/admin?done=initialized";
    }

    /** The emergency brake: every movement of the token is refused until it is unpaused. A reason is required. */
    @PostMapping("/app/admin/tokens/{symbol}/pause")
    String pause(
            @PathVariable String symbol,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        var caller = admin();
        try {
            var in = new Inputs();
            var why = in.required("reason", Forms.given(reason), 500);
            in.check();
            ledger.pause(ledger.resolve(symbol), why, caller.id());
        } catch (DomainProblem p) {
            return refused(model, response, "pause", p, Map.of(), null, null);
        }
        return "redirect:/app/admin?done=token-paused#tokens";
    }

    @PostMapping("/app/admin/tokens/{symbol}/unpause")
    String unpause(@PathVariable String symbol, Model model, HttpServletResponse response) {
        var caller = admin();
        try {
            ledger.unpause(ledger.resolve(symbol), caller.id());
        } catch (DomainProblem p) {
            return refused(model, response, "pause", p, Map.of(), null, null);
        }
        return "redirect:/app/admin?done=token-unpaused#tokens";
    }

    @PostMapping("/app/admin/pools")
    String createPool(PageForms.Pool form, Model model, HttpServletResponse response) {
        admin();
        try {
            // Each term's type holds its rule and its message; the page only says which field it came from.
            var in = new Inputs();
            var token = in.required("tokenId", Forms.given(form.tokenId()), 64);
            var rewardToken = Forms.given(form.rewardTokenId());
            var apy = in.valid("apy", () -> Apy.ofPercent(form.apy()));
            var minStake = in.valid("minStakeAmount", () -> amount(form.minStakeAmount()));
            var lockPeriod = in.valid("lockPeriodDays", () -> LockPeriod.ofDays(form.lockPeriodDays()));
            var minTrust = Forms.given(form.minTrustScore()) == null
                    ? MinTrustScore.NONE
                    : in.valid("minTrustScore", () -> MinTrustScore.of(form.minTrustScore()));
            var cap = in.valid("maxTotalStake", () -> amount(form.maxTotalStake()));
            var penalty = Forms.given(form.earlyUnstakePenalty()) == null
                    ? null
                    : in.valid("earlyUnstakePenalty", () -> EarlyUnstakePenalty.of(form.earlyUnstakePenalty()));
            in.check();
            staking.createPool(new PoolTerms(
                    ledger.resolve(token),
                    rewardToken == null ? ledger.resolve(PoolTerms.DEFAULT_REWARD_TOKEN) : ledger.resolve(rewardToken),
                    Forms.given(form.name()),
                    apy,
                    minStake,
                    lockPeriod,
                    minTrust,
                    cap,
                    penalty));
            return "redirect:/app/admin?done=pool-created#pools";
        } catch (DomainProblem p) {
            return refused(model, response, "pool", p, Map.of("UNKNOWN_TOKEN", "tokenId"), "poolForm", form);
        }
    }

    @PostMapping("/app/admin/pools/{id}")
    String updatePool(
            @PathVariable PoolId id,
            @RequestParam(required = false) String apy,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String minTrustScore,
            Model model,
            HttpServletResponse response) {
        admin();
        try {
            var in = new Inputs();
            var newApy = Forms.given(apy) == null ? null : in.valid("apy", () -> Apy.ofPercent(apy));
            var newStatus = Forms.given(status) == null ? null : in.valid("status", () -> PoolStatus.parse(status));
            var trustFloor = Forms.given(minTrustScore) == null
                    ? null
                    : in.valid("minTrustScore", () -> MinTrustScore.of(minTrustScore));
            in.check();
            staking.updatePool(id, newApy, newStatus, trustFloor);
            return "redirect:/app/admin?done=pool-updated#pools";
        } catch (DomainProblem p) {
            model.addAttribute("editedPool", id);
            return refused(model, response, "edit", p, Map.of(), null, null);
        }
    }

    @PostMapping("/app/admin/supply")
    String mintOrBurn(
            PageForms.EntityAmount form,
            @RequestParam(defaultValue = "mint") String operation,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var me = admin().id();
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            var entity = in.entityId("entityId", Forms.given(form.entityId()));
            var token = in.required("tokenId", Forms.given(form.tokenId()), 64);
            var amount = in.positiveAmount("amount", Forms.given(form.amount()));
            var memo = in.optional("memo", Forms.given(form.memo()), LedgerOperation.MAX_MEMO_LENGTH);
            if (!operation.equals("mint") && !operation.equals("burn")) {
                in.reject("operation", "must be mint or burn");
            }
            in.check();
            return requests.once("supply", id, () -> {
                var tokenId = ledger.resolve(token);
                if (operation.equals("mint")) {
                    ledger.mint(tokenId, entity, amount, memo, me);
                    return "/app/admin?done=minted";
                }
                ledger.burn(tokenId, entity, amount, memo, me);
                return "/app/admin?done=burned";
            });
        } catch (DomainProblem p) {
            model.addAttribute(PageRequests.FIELD, id.toString()); // nothing applied: the same id again
            return refused(
                    model,
                    response,
                    "supply",
                    p,
                    Map.of(
                            "INSUFFICIENT_BALANCE", "amount",
                            "MAX_SUPPLY_EXCEEDED", "amount",
                            "EMISSION_BUDGET_EXCEEDED", "amount",
                            "AMOUNT_OUT_OF_RANGE", "amount",
                            "UNKNOWN_TOKEN", "tokenId"),
                    "supplyForm",
                    form);
        }
    }

    @PostMapping("/app/admin/trust")
    String setTrust(
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String score,
            Model model,
            HttpServletResponse response) {
        var me = admin().id();
        try {
            var in = new Inputs();
            var entity = in.entityId("entityId", Forms.given(entityId));
            var value = trustScore(in, "score", Forms.given(score), null);
            if (value == null && !in.hasErrors()) {
                in.reject("score", "is required");
            }
            in.check();
            var recorded = trust.record(entity, value, me);
            model.addAttribute("trustSet", recorded);
            return page(model);
        } catch (DomainProblem p) {
            model.addAttribute("trustEntity", entityId);
            return refused(model, response, "trust", p, Map.of(), null, null);
        }
    }

    @GetMapping("/app/admin/trust")
    String readTrust(@RequestParam(required = false) String entityId, Model model, HttpServletResponse response) {
        admin();
        try {
            var in = new Inputs();
            var entity = in.entityId("entityId", Forms.given(entityId));
            in.check();
            model.addAttribute("trustRead", trust.scoreOf(entity));
            return page(model);
        } catch (DomainProblem p) {
            return refused(model, response, "trust", p, Map.of(), null, null);
        }
    }

    @PostMapping("/app/admin/api-keys")
    String createKey(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) String expiresAt,
            Model model,
            HttpServletResponse response) {
        var me = admin().id();
        try {
            var in = new Inputs();
            if (Forms.given(name) == null || !KEY_NAME.matcher(name.trim()).matches()) {
                in.reject("name", "must be 1 to 64 characters of letters, digits and ._-");
            }
            var chosen = scopes == null ? List.<String>of() : scopes;
            if (chosen.isEmpty() || !ApiKeys.SCOPES.containsAll(chosen)) {
                in.reject("scopes", "choose at least one scope");
            }
            Instant expires = null;
            if (Forms.given(expiresAt) != null) {
                try {
                    expires = Instant.parse(expiresAt.trim());
                } catch (DateTimeParseException e) {
                    in.reject("expiresAt", "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
                }
            }
            in.check();
            model.addAttribute("createdKey", apiKeys.create(name.trim(), new LinkedHashSet<>(chosen), expires, me));
            return page(model);
        } catch (DomainProblem p) {
            model.addAttribute("keyName", name);
            return refused(model, response, "key", p, Map.of("API_KEY_NAME_TAKEN", "name"), null, null);
        }
    }

    @PostMapping("/app/admin/api-keys/{id}/revoke")
    String revokeKey(@PathVariable UUID id) {
        apiKeys.revoke(id, admin().id());
        return "redirect:/app/admin?done=key-revoked#api-keys";
    }

    @PostMapping("/app/admin/webhooks")
    String createWebhook(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String eventTypes,
            @RequestParam(required = false) String description,
            Model model,
            HttpServletResponse response) {
        var me = admin().id();
        try {
            var in = new Inputs();
            var target = Forms.given(url);
            if (target == null) {
                in.reject("url", "is required");
            } else {
                try {
                    var uri = new URI(target);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        in.reject("url", "must be an http or https URL with a host");
                    }
                } catch (URISyntaxException e) {
                    in.reject("url", "is not a valid URL");
                }
            }
            var types = Forms.given(eventTypes) == null
                    ? List.<String>of()
                    : Arrays.stream(eventTypes.split("[,\\s]+"))
                            .filter(t -> !t.isBlank())
                            .toList();
            if (types.isEmpty() || !types.stream().allMatch(WebhookEventTypes::isSubscribable)) {
                in.reject("eventTypes", "known event types separated by commas, or * for all");
            }
            var about = in.optional("description", Forms.given(description), 500);
            in.check();
            model.addAttribute("createdWebhook", webhooks.create(new Webhooks.NewEndpoint(target, about, types), me));
            return page(model);
        } catch (DomainProblem p) {
            model.addAttribute("webhookUrl", url);
            model.addAttribute("webhookTypes", eventTypes);
            return refused(model, response, "webhook", p, Map.of(), null, null);
        }
    }

    @PostMapping("/app/admin/webhooks/{id}/delete")
    String deleteWebhook(@PathVariable UUID id) {
        admin();
        webhooks.delete(id);
        return "redirect:/app/admin?done=webhook-deleted#webhooks";
    }

    @PostMapping("/app/admin/distribute")
    String distribute(Model model) {
        admin();
        model.addAttribute("distribution", staking.distribute(null));
        return page(model);
    }

    @PostMapping("/app/admin/verify")
    String verify(Model model) {
        admin();
        model.addAttribute("verification", audit.verify(null, null));
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("tokens", ledger.tokens());
        model.addAttribute("pools", staking.pools());
        model.addAttribute("statuses", PoolStatus.values());
        model.addAttribute("keys", apiKeys.list());
        model.addAttribute("scopes", ApiKeys.SCOPES.stream().sorted().toList());
        model.addAttribute("endpoints", webhooks.endpoints());
        model.addAttribute("eventTypes", WebhookEventTypes.KNOWN);
        model.addAttribute("lastHeight", audit.lastHeight());
        if (!model.containsAttribute("poolForm")) {
            model.addAttribute("poolForm", PageForms.Pool.EMPTY);
        }
        if (!model.containsAttribute("supplyForm")) {
            model.addAttribute("supplyForm", PageForms.EntityAmount.EMPTY);
        }
        return "web/admin";
    }

    /** Shows the page again with a form's errors, keyed {@code <form>.<field>}. */
    private String refused(
            Model model,
            HttpServletResponse response,
            String formName,
            DomainProblem problem,
            Map<String, String> fieldByCode,
            String formAttribute,
            Object form) {
        response.setStatus(422);
        var errors = new java.util.LinkedHashMap<String, String>();
        Forms.errors(problem, fieldByCode).forEach((field, message) -> errors.put(formName + "." + field, message));
        model.addAttribute("errors", errors);
        if (formAttribute != null) {
            model.addAttribute(formAttribute, form);
        }
        return page(model);
    }

    private static Caller admin() {
        var caller = Caller.current();
        caller.requireAdmin();
        return caller;
    }

    /** The value {@code build} makes, or its refusal shown next to {@code field}. */
    /** The amount written, or null if the field was left empty (the pool's terms say if it may be). */
    private static Amount amount(String raw) {
        return Forms.given(raw) == null ? null : Amount.parse(raw.trim());
    }

    private static BigDecimal trustScore(Inputs in, String field, String raw, BigDecimal absent) {
        if (raw == null) {
            return absent;
        }
        var value = decimal(in, field, raw);
        if (value == null) {
            return null;
        }
        try {
            TrustScore.requireValid(value);
            return value;
        } catch (IllegalArgumentException e) {
            return in.reject(field, e.getMessage());
        }
    }

    private static BigDecimal decimal(Inputs in, String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return NumberText.parseDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return in.reject(field, "must be a decimal number such as 12.5");
        }
    }
}
