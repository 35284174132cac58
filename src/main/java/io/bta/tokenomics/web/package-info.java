/**
 * The web pages: wallet, governance, swap, AMM pools, staking, rewards and admin, rendered on the server (Thymeleaf)
 * with htmx for live fragments. The pages call the modules' facades only, as the JSON API does, and
 * check the same rules through {@link io.bta.tokenomics.shared.security.Caller}. A page session is
 * the platform's own signed token held in an HttpOnly cookie; every form carries a CSRF token.
 */
package io.bta.tokenomics.web;
