package io.bta.tokenomics.shared.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A decimal written with {@link PlainDecimalText} or {@link DecimalText} is a JSON string, and the OpenAPI document says
 * so: without this, the document would describe it as the number its Java type suggests.
 */
@Component
class PlainDecimalSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (writtenAsPlainText(type.getCtxAnnotations())) {
            return new StringSchema().format("decimal").example("855.000000000000000000");
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private static boolean writtenAsPlainText(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (var a : annotations) {
            if (a instanceof JsonSerialize s
                    && (s.using() == PlainDecimalText.class || s.using() == DecimalText.class)) {
                return true;
            }
        }
        return false;
    }
}
