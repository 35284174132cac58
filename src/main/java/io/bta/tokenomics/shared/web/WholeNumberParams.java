package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.NumberText;
import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters, path variables and form fields bound to a whole number ({@code ?limit=},
 * {@code /blocks/{height}}) are read by {@link NumberText}: the digits 0 to 9 with an optional
 * sign, nothing else. Spring's own reading trims whitespace, takes {@code 0x10} and {@code #10} as
 * hexadecimal and, through the JDK, any Unicode digit ({@code ?limit=١٠} was 10). It is replaced
 * by an editor, not a converter: a converter that refuses a value hands it to the default editor,
 * which reads it anyway. A refused value is a 400 naming the parameter; an empty one stays absent.
 */
@ControllerAdvice
class WholeNumberParams {

    @InitBinder
    void wholeNumbersInAsciiDigits(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Editor(NumberText::parseInt));
        binder.registerCustomEditor(int.class, new Editor(NumberText::parseInt));
        binder.registerCustomEditor(Long.class, new Editor(NumberText::parseLong));
        binder.registerCustomEditor(long.class, new Editor(NumberText::parseLong));
    }

    private static final class Editor extends PropertyEditorSupport {

        private final Function<String, Number> parser;

        Editor(Function<String, Number> parser) {
            this.parser = parser;
        }

        @Override
        public void setAsText(String text) {
            // a NumberFormatException is an IllegalArgumentException: a type mismatch, so a 400
            setValue(text == null || text.isEmpty() ? null : parser.apply(text));
        }
    }
}
