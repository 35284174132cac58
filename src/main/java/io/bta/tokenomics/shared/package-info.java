/**
 * The shared kernel: exact amounts, entity ids, pages, errors as RFC 9457 problems, idempotency of
 * state-changing requests, security (JWT) and the embedded database. Every module may use it; it
 * uses no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.bta.tokenomics.shared;
