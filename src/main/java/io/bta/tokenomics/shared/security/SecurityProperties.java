package io.bta.tokenomics.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenomics.security.*}: an HS256 secret shared with the platform (at least 32 bytes), or
 * a JWKS URI of an identity provider. With neither, a secret is generated in the data directory.
 */
@ConfigurationProperties("tokenomics.security")
public record SecurityProperties(String jwtSecret, String jwksUri) {}
