package io.bta.tokenomics.shared.apikeys;

import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins create, list and revoke service API keys under {@code /api/admin/api-keys}. */
@RestController
@RequestMapping("/api/admin/api-keys")
@Tag(name = "API keys", description = "service API keys (admin)")
class ApiKeyController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    record CreateRequest(String name, List<String> scopes, String expiresAt) {}

    record KeyView(
            String id,
            String name,
            String principal,
            Set<String> scopes,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant revokedAt,
            String secret) {
        static KeyView of(ApiKeys.ApiKey k, String secret) {
            return new KeyView(
                    k.id().toString(),
                    k.name(),
                    k.principal().value(),
                    k.scopes(),
                    k.createdAt(),
                    k.createdBy(),
                    k.expiresAt(),
                    k.revokedAt(),
                    secret);
        }
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Create a key; its secret is in this answer only")
    @Refuses(status = 409, codes = "API_KEY_NAME_TAKEN")
    ResponseEntity<KeyView> create(@RequestBody CreateRequest request) {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        if (request.name() == null || !NAME.matcher(request.name()).matches()) {
            in.reject("name", "must be 1 to 64 characters of letters, digits and ._-");
        }
        var scopes = new LinkedHashSet<String>();
        if (request.scopes() == null || request.scopes().isEmpty()) {
            in.reject("scopes", "at least one of " + String.join(", ", new java.util.TreeSet<>(ApiKeys.SCOPES)));
        } else {
            for (var s : request.scopes()) {
                if (s == null || !ApiKeys.SCOPES.contains(s)) {
                    in.reject(
                            "scopes",
                            "'" + s + "' is not one of " + String.join(", ", new java.util.TreeSet<>(ApiKeys.SCOPES)));
                } else {
                    scopes.add(s);
                }
            }
        }
        Instant expiresAt = null;
        if (request.expiresAt() != null) {
            try {
                expiresAt = Instant.parse(request.expiresAt());
            } catch (DateTimeParseException e) {
                in.reject("expiresAt", "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            }
        }
        in.check();
        var created = keys.create(request.name(), scopes, expiresAt, caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(KeyView.of(created.key(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "All keys, without their secrets")
    List<KeyView> list() {
        Caller.current().requireAdmin();
        return keys.list().stream().map(k -> KeyView.of(k, null)).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key: it is refused from now on")
    @Refuses(status = 404, codes = "UNKNOWN_API_KEY")
    KeyView revoke(@PathVariable String id) {
        var caller = Caller.current();
        caller.requireAdmin();
        UUID uuid;
        try {
            uuid = Ids.parse(id);
        } catch (IllegalArgumentException e) {
            throw NotFound.of("UNKNOWN_API_KEY", "no API key " + (id.length() > 64 ? id.substring(0, 64) : id));
        }
        return KeyView.of(keys.revoke(uuid, caller.id()), null);
    }
}
