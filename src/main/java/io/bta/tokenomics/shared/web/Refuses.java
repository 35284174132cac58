package io.bta.tokenomics.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an operation answers itself, with their status and stable codes, such as {@code
 * @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")}: one code per annotation, which the
 * formatter keeps on one line (an array of codes it spreads over three). The OpenAPI
 * document lists them with an example each ({@link ProblemResponses}), beside the refusals every
 * operation shares (bad input, authentication, idempotency, rate limit), which are derived and
 * need no annotation.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Refuses.List.class)
public @interface Refuses {

    /** The HTTP status these codes are answered with. */
    int status();

    /** The {@code code} members of the problem documents. */
    String[] codes();

    /** The container of repeated {@link Refuses}. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        Refuses[] value();
    }
}
