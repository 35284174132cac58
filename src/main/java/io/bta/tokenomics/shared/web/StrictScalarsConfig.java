package io.bta.tokenomics.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * The service's JSON mapper binds a scalar only from a value of its own kind (ADR 0019). By
 * default Jackson reads an empty string, or one of only characters up to U+0020 ({@code "   "},
 * or NUL characters), as null for a number, boolean, date, UUID and the like: an optional field
 * sent blank would silently become absent (no lower bound, the default minimum trust). It also
 * truncates 1.5 to 1 for a whole number, reads {@code "12"} as 12, and takes an enum's index. Here
 * each of these fails binding, which the problem handler answers with a 400 naming the field.
 *
 * <p>Kept on purpose: a decimal ({@code BigDecimal}) may be sent as a string, {@code "72.5"},
 * read exactly, as clients do with amounts; amounts themselves ({@link AmountJson}) and fields
 * declared as strings are not touched by these rules.
 */
@Configuration(proxyBeanMethods = false)
class StrictScalarsConfig {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                // "" and blank strings: no null, no empty value, for any target type
                .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // a whole number (int, long, BigInteger) is a JSON number: not "12", not 1.5
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // a boolean is true or false: not "true", not 1
                .withCoercionConfig(LogicalType.Boolean, config -> config.setCoercion(
                                CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                // an enum is one of its names, never its index
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
